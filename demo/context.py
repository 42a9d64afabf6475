"""Helpers for the demo content that `manage.py seed_demo` builds, and the site-wide part of it
(the development admin)."""

import io
import json
import random
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from dateutil.easter import easter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from config import env
from core.models import NavigationSettings
from home.models import HomePage

DATA_DIR = Path(__file__).resolve().parent / "data"
MENU_ORDER = ["samarbetspartner", "teman", "nyheter", "traffar", "om-radet", "ga-med"]
ADMIN_PASSWORD_FILE = settings.VAR_DIR / "admin-password.txt"


def load(name: str):
    """A data file of demo/data/, parsed (JSON)."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@dataclass
class SeedContext:
    options: dict
    stdout: object
    style: object
    created: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def __post_init__(self):
        self.random = random.Random(self.options.get("seed", 2030))

    def count(self, label: str, n: int = 1):
        self.created[label] = self.created.get(label, 0) + n

    def note(self, message: str):
        self.notes.append(message)

    def report(self):
        if self.created:
            for label, n in self.created.items():
                self.stdout.write(f"  + {n} {label}")
        else:
            self.stdout.write("  Demo content already in place; nothing added.")
        for message in self.notes:
            self.stdout.write(self.style.SUCCESS(message))

    # Shared helpers -----------------------------------------------------------------

    def image(self, title: str, alt: str, variant: int = 0):
        """A landscape illustration drawn for the demo, uploaded once and found by title after.

        Drawn rather than shipped as files: no binaries in the repository, no licences to track.
        """
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        data = draw_landscape(variant)
        image = Image(title=title, description=alt)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{slugify(title)[:40]}.jpg")
        image.save()
        self.count("bilder")
        return image

    def add_menu_link(self, page):
        """Add a page to the main menu once, keeping MENU_ORDER."""
        site = Site.objects.get(is_default_site=True)
        nav = NavigationSettings.for_site(site)
        links = [block.value["page"] for block in nav.main_menu if block.value.get("page")]
        if any(link.pk == page.pk for link in links):
            return
        links.append(page)
        links.sort(key=lambda p: MENU_ORDER.index(p.slug) if p.slug in MENU_ORDER else 99)
        nav.main_menu = [("link", {"page": p, "external_url": "", "link_text": ""}) for p in links]
        nav.save()

    def home(self):
        return HomePage.objects.first()

    def stream(self, blocks: list) -> str:
        """A StreamField value from the raw blocks of a data file, where a page link names a
        page under the home page by its slug; a block linking to a missing page is left out."""
        pages = {page.slug: page.pk for page in self.home().get_children()}

        def resolve(value):
            if isinstance(value, list):
                return [resolve(item) for item in value]
            if not isinstance(value, dict):
                return value
            resolved = {
                key: pages[item] if key == "page" and isinstance(item, str) else resolve(item)
                for key, item in value.items()
            }
            if "type" in value and "value" in value:  # a block, as Wagtail saves it: with an id
                resolved.setdefault("id", str(uuid.uuid4()))
            return resolved

        resolved = []
        for block in blocks:
            try:
                resolved.append(resolve(block))
            except KeyError:
                continue
        return json.dumps(resolved)

    def child(self, parent: Page, model, slug: str, **fields):
        """Return the child page with this slug, creating and publishing it if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.count(str(model._meta.verbose_name_plural))
        return page


@cache
def swedish_days_off(year: int) -> frozenset[date]:
    """The days in `year` when nobody in Sweden holds a meeting, besides weekends.

    The public holidays (allmänna helgdagar, lag 1989:253) and the eves that are days off in
    practice: midsommarafton, julafton and nyårsafton. Easter from python-dateutil (through
    icalendar), so Långfredagen, Annandag påsk and Kristi himmelsfärdsdag move with it.
    Holidays that always fall on a weekend (Påskdagen, Pingstdagen, Midsommardagen, Alla
    helgons dag) are weekends already.
    """
    easter_day = easter(year)
    midsummer_eve = next(
        day for day in (date(year, 6, d) for d in range(19, 26)) if day.weekday() == 4
    )
    return frozenset(
        {
            date(year, 1, 1),  # Nyårsdagen
            date(year, 1, 6),  # Trettondedag jul
            easter_day - timedelta(days=2),  # Långfredagen
            easter_day + timedelta(days=1),  # Annandag påsk
            date(year, 5, 1),  # Första maj
            easter_day + timedelta(days=39),  # Kristi himmelsfärdsdag
            date(year, 6, 6),  # Sveriges nationaldag
            midsummer_eve,
            date(year, 12, 24),  # Julafton
            date(year, 12, 25),  # Juldagen
            date(year, 12, 26),  # Annandag jul
            date(year, 12, 31),  # Nyårsafton
        }
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in swedish_days_off(day.year)


def next_working_day(day: date) -> date:
    """`day`, or the first working day after it: demo meetings never land on a day off."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def ensure_admin(ctx: SeedContext):
    """A development superuser `admin`; the password is printed, never committed."""
    User = get_user_model()
    password = env.get_str("DJANGO_SUPERUSER_PASSWORD")
    user = User.objects.filter(username="admin").first()
    if user is None:
        generated = not password
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(
            "admin", "admin@klimatradet.localhost", password, first_name="Admin"
        )
        if generated:
            ADMIN_PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
            ADMIN_PASSWORD_FILE.write_text(password + "\n")
            ADMIN_PASSWORD_FILE.chmod(0o600)
        ctx.count("administratörer")
    elif password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    if password:
        ctx.note(f"Admin: {settings.SITE_URL}/admin/  användare: admin  lösenord: {password}")
    elif ADMIN_PASSWORD_FILE.exists():
        saved = ADMIN_PASSWORD_FILE.read_text().strip()
        ctx.note(f"Admin: {settings.SITE_URL}/admin/  användare: admin  lösenord: {saved}")
    else:
        ctx.note("Admin: användaren admin finns redan (byt lösenord med manage.py changepassword)")


def ensure_home_page(ctx: SeedContext, **fields):
    """Replace Wagtail's initial welcome page with the HomePage and point the site at it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(slug="start", **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
        ctx.count("startsidor")
    site = Site.objects.filter(is_default_site=True).first()
    public = urlsplit(settings.SITE_URL)
    hostname = public.hostname or "localhost"
    port = public.port or (443 if public.scheme == "https" else 80)
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        if old_root.depth == 2 and old_root.content_type.model_class() is Page:
            old_root.delete()
    if (site.hostname, site.port) != (hostname, port):
        # Canonical URLs, feeds and e-mails use the site's address: keep it SITE_URL's.
        site.hostname, site.port = hostname, port
        site.save()
    return home


PALETTES = [
    # sky top, sky bottom, far hills, near hills, water/ground, sun
    ("#9cc9e8", "#e8f2f7", "#6f8fa6", "#2f5d46", "#1d5c3a", "#f4c542"),
    ("#f3b27a", "#fbe3c4", "#8a6f8f", "#3f4f6b", "#27364d", "#fff1b8"),
    ("#bcd7e6", "#f5f7f2", "#9aa9a1", "#5e7a5c", "#e9efe9", "#ffffff"),
    ("#7fb7d9", "#d6ebf5", "#4d7f6d", "#1f4a33", "#3d7ca3", "#ffd866"),
]


def draw_landscape(variant: int, width: int = 1600, height: int = 1000) -> bytes:
    """Mountains, forest and lake in the county's light: a JPEG for demo pages."""
    from PIL import Image, ImageDraw

    rng = random.Random(variant)
    sky_top, sky_bottom, far, near, ground, sun = PALETTES[variant % len(PALETTES)]
    image = Image.new("RGB", (width, height), sky_bottom)
    draw = ImageDraw.Draw(image)

    def rgb(hex_colour):
        return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

    top, bottom = rgb(sky_top), rgb(sky_bottom)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    sx, sy, r = rng.randint(200, width - 200), rng.randint(120, 300), rng.randint(50, 90)
    draw.ellipse([sx - r, sy - r, sx + r, sy + r], fill=sun)

    def ridge(base, amplitude, colour, peaks):
        points = [(0, height)]
        for i in range(peaks + 1):
            x = i * width / peaks
            points.append((x, base - rng.randint(0, amplitude)))
        points.append((width, height))
        draw.polygon(points, fill=colour)

    ridge(int(height * 0.55), 260, far, 7)
    ridge(int(height * 0.68), 160, near, 11)
    draw.rectangle([0, int(height * 0.78), width, height], fill=ground)
    for _ in range(60):
        x = rng.randint(0, width)
        base = int(height * 0.78) + rng.randint(-10, 6)
        h = rng.randint(40, 110)
        draw.polygon([(x, base - h), (x - h // 4, base), (x + h // 4, base)], fill=near)

    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


def seed(ctx: SeedContext):
    ensure_admin(ctx)
