"""Demo content of the membership app: the application form under Gå med, a member account
for Jämtbiogas AB, a few applications waiting for the secretariat and some weeks of
contact messages for the dashboard."""

import datetime
import json
import secrets

from django.conf import settings
from django.utils import timezone

from config import env
from demo.context import DATA_DIR, SeedContext
from directory.models import (
    CompetenceTag,
    ContactPerson,
    Municipality,
    OrganisationPage,
    PartnershipType,
)
from directory.slugs import ascii_slug
from home.models import StandardPage
from members import applications, consents
from members.accounts import add_member
from members.models import (
    ConsentKind,
    ConsentSource,
    ContactMessage,
    MembershipApplication,
    MembershipApplicationPage,
    MembershipRole,
)
from themes.models import Theme

MEMBER_PASSWORD_FILE = settings.VAR_DIR / "demo-member-password.txt"
DEMO_MEMBER_ORGANISATION = "jamtbiogas-ab"
DEMO_MESSAGE_DOMAIN = "exempel-avsandare.example"
# Applications (their organisation numbers drawn once) and ten weeks of contact messages.
DATA = json.loads((DATA_DIR / "members.json").read_text(encoding="utf-8"))


def seed(ctx: SeedContext):
    join = ensure_join_page(ctx)
    ensure_demo_member(ctx)
    if join is not None:
        ensure_applications(ctx, join)
    ensure_contact_messages(ctx)


def ensure_join_page(ctx: SeedContext):
    home = ctx.home()
    about_joining = StandardPage.objects.child_of(home).filter(slug="ga-med").first()
    if about_joining is None:
        return None
    join = ctx.child(
        about_joining,
        MembershipApplicationPage,
        "ansokan",
        title="Ansök om medlemskap",
        intro=(
            "Fyll i uppgifterna om er organisation och er kontaktperson, läs "
            "avsiktsförklaringen och skicka ansökan. Det tar ungefär tio minuter och kostar "
            "ingenting."
        ),
        search_description=(
            "Ansök om medlemskap i Miljö- och klimatrådet i Jämtlands län: organisationens "
            "uppgifter, kontaktperson och avsiktsförklaring."
        ),
        show_in_menus=False,
    )
    about_joining = about_joining.specific
    if not any(block.block_type == "call_to_action" for block in about_joining.body):
        about_joining.body.append(
            (
                "call_to_action",
                {
                    "title": "Ansök om medlemskap",
                    "text": (
                        "Ansökan görs på webben. Du får ett e-postbrev att bekräfta, och sedan "
                        "går ansökan till sekretariatet."
                    ),
                    "link": {"page": join, "external_url": "", "link_text": "Till ansökan"},
                },
            )
        )
        about_joining.save_revision().publish()
    return join


def ensure_demo_member(ctx: SeedContext):
    """A member account for Jämtbiogas AB; the password is printed, never committed."""
    page = OrganisationPage.objects.filter(slug=DEMO_MEMBER_ORGANISATION).first()
    contact = ContactPerson.objects.filter(organisation=page).first() if page else None
    if contact is None:
        return
    password = env.get_str("DJANGO_SUPERUSER_PASSWORD")
    user, created = add_member(page, contact.email, contact.name, role=MembershipRole.CONTACT)
    if created:
        if not password:
            password = secrets.token_urlsafe(12)
            MEMBER_PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
            MEMBER_PASSWORD_FILE.write_text(password + "\n")
            MEMBER_PASSWORD_FILE.chmod(0o600)
        user.set_password(password)
        user.save(update_fields=["password"])
        ctx.count("medlemskonton")
    elif password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    if not password and MEMBER_PASSWORD_FILE.exists():
        password = MEMBER_PASSWORD_FILE.read_text().strip()
    shown = password or "(byt med manage.py changepassword)"
    ctx.note(
        f"Medlem: {settings.SITE_URL}/min-organisation/  e-post: {user.email}  lösenord: {shown}"
    )


def ensure_applications(ctx: SeedContext, join: MembershipApplicationPage):
    tags = {t.name: t.pk for t in CompetenceTag.objects.all()}
    kinds = {k.slug: k.pk for k in PartnershipType.objects.all()}
    themes = {t.slug: t.pk for t in Theme.objects.all()}
    now = timezone.now()
    for index, row in enumerate(DATA["applications"]):
        name = row["name"]
        if MembershipApplication.objects.filter(organisation_name=name).exists():
            continue
        municipality = Municipality.objects.filter(slug=row["municipality"]).first()
        if municipality is None:
            continue
        person, role = row["contact"]["name"], row["contact"]["role"]
        local = ".".join(ascii_slug(person).split("-"))
        email = f"{local}@{ascii_slug(name)[:20].strip('-')}.example"
        listing, show_name = row["publish_listing"], row["publish_name"]
        application = MembershipApplication.objects.create(
            organisation_name=name,
            org_number=row["org_number"],
            organisation_data={
                "org_type": row["org_type"],
                "is_sole_trader": False,
                "size_class": "1-9",
                "short_description": row["short_description"],
                "description": row["short_description"],
                "website": f"https://www.{ascii_slug(name)[:30].strip('-')}.example/",
                "head_office": municipality.pk,
                "serves_whole_county": False,
                "served_municipalities": [],
                "themes": [themes[s] for s in row["themes"] if s in themes],
                "environmental_objectives": [],
                "offers": [tags[t] for t in row["offers"] if t in tags],
                "seeks": [tags[t] for t in row["seeks"] if t in tags],
                "partnership_types": [kinds[s] for s in row["partnership_types"] if s in kinds],
            },
            contact_name=person,
            contact_role=role,
            contact_email=email,
            publish_listing=listing,
            publish_name=show_name,
        )
        MembershipApplication.objects.filter(pk=application.pk).update(
            created_at=now - datetime.timedelta(days=2 + index, hours=3)
        )
        given = [ConsentKind.LETTER_OF_INTENT]
        given += [ConsentKind.PUBLISH_LISTING] if listing else []
        given += [ConsentKind.PUBLISH_NAME] if show_name else []
        for kind in given:
            consents.record(
                kind,
                True,
                source=ConsentSource.APPLICATION,
                text=consents.current_text(kind, join),
                application=application,
                person_name=person,
                person_email=email,
            )
        if row["confirmed"]:
            applications.confirm(applications.confirmation_token(application), notify=False)
        ctx.count("medlemsansökningar")


def ensure_contact_messages(ctx: SeedContext):
    """Some weeks of messages, so the dashboard's weekly counts show something."""
    if ContactMessage.objects.filter(sender_email__endswith=DEMO_MESSAGE_DOMAIN).exists():
        return
    organisations = {org.title: org for org in OrganisationPage.objects.listed()}
    now = timezone.now()
    created = 0
    for row in DATA["contact_messages"]:
        organisation = organisations.get(row["organisation"])
        if organisation is None:
            continue
        message = ContactMessage.objects.create(
            organisation=organisation,
            sender_name=row["sender"],
            sender_organisation=row["sender_organisation"],
            sender_email=f"{row['sender'].split()[0].lower()}@{DEMO_MESSAGE_DOMAIN}",
            message=row["message"],
        )
        ContactMessage.objects.filter(pk=message.pk).update(
            created_at=now - datetime.timedelta(days=row["days_ago"], hours=row["hours"])
        )
        created += 1
    ctx.count("kontaktförfrågningar", created)
