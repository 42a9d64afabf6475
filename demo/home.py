"""Demo content of the site shell: home page, the about pages, the required pages and the
settings, from demo/data/home.json; and the demo editors."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from config import env
from core.models import NavigationSettings, SiteSettings
from demo.context import SeedContext, ensure_home_page, load
from home.models import StandardPage

DATA = load("home.json")

DEMO_USERS_FILE = settings.VAR_DIR / "demo-users.txt"
# username, first name, last name, group (the groups come from home's migration 0003)
DEMO_EDITORS = [
    ("redaktor", "Rebecka", "Redaktör", "Redaktör"),
    ("sekretariat", "Sven", "Sekretariat", "Sekretariat"),
]


def ensure_demo_editors(ctx: SeedContext):
    """One user per editors' group, to try the review workflow.

    Passwords as the admin's: DJANGO_SUPERUSER_PASSWORD when set, otherwise generated, kept
    in var/ (never committed) and printed on every run.
    """
    User = get_user_model()
    shared_password = env.get_str("DJANGO_SUPERUSER_PASSWORD")
    saved = {}
    if DEMO_USERS_FILE.exists():
        for line in DEMO_USERS_FILE.read_text().splitlines():
            name, _, password = line.partition(" ")
            saved[name] = password
    generated = False
    for username, first_name, last_name, group_name in DEMO_EDITORS:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            password = shared_password or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                f"{username}@klimatradet.localhost",
                password,
                first_name=first_name,
                last_name=last_name,
            )
            if not shared_password:
                saved[username] = password
                generated = True
            ctx.count("demoanvändare")
        user.groups.add(group)
        password = shared_password or saved.get(username)
        if password:
            ctx.note(f"{group_name}: användare {username}  lösenord: {password}")
        else:
            ctx.note(
                f"{group_name}: användaren {username} finns redan "
                f"(byt lösenord med manage.py changepassword {username})"
            )
    if generated:
        DEMO_USERS_FILE.parent.mkdir(parents=True, exist_ok=True)
        DEMO_USERS_FILE.write_text("".join(f"{n} {p}\n" for n, p in saved.items()))
        DEMO_USERS_FILE.chmod(0o600)


def seed(ctx: SeedContext):
    ensure_demo_editors(ctx)
    home = ensure_home_page(ctx, **DATA["home"])
    if not home.hero_image:
        home.hero_image = ctx.image(*DATA["hero_image"])
        home.save_revision().publish()
    pages = {
        spec["slug"]: ctx.child(home, StandardPage, **{**spec, "body": ctx.stream(spec["body"])})
        for spec in DATA["pages"]
    }
    about, join = pages["om-radet"], pages["ga-med"]

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.email:
        for name, value in DATA["site_settings"].items():
            setattr(site_settings, name, value)
        site_settings.accessibility_page = pages["tillganglighet"]
        site_settings.privacy_page = pages["integritetspolicy"]
        site_settings.save()

    nav = NavigationSettings.for_site(site)
    if not nav.footer_menu:
        nav.footer_menu = [
            ("link", {"page": about, "external_url": "", "link_text": ""}),
            ("link", {"page": join, "external_url": "", "link_text": ""}),
        ]
        nav.save()
    ctx.add_menu_link(about)
    ctx.add_menu_link(join)

    if not home.hero_links:
        home.hero_links = [
            ("link", {"page": join, "external_url": "", "link_text": "Gå med i rådet"}),
            ("link", {"page": about, "external_url": "", "link_text": "Om rådet"}),
        ]
        home.save_revision().publish()
