"""Demo content of the membership app: the application form under Gå med, a member account
for Jämtbiogas AB, a few applications waiting for the secretariat and some weeks of
contact messages for the dashboard."""

import datetime
import secrets

from django.conf import settings
from django.utils import timezone

from config import env
from demo import bulk
from demo.context import SeedContext
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

APPLICATIONS = [
    # name, type, municipality, short description, offers, seeks, kinds, themes, contact
    # (name, role), listing consent, name consent, confirmed
    (
        "Hackås Trähus AB",
        "foretag",
        "berg",
        "Vi bygger småhus och förskolor i massivträ med lokalt virke från södra Jämtland.",
        ["träbyggande", "energirenovering"],
        ["klimatdeklaration och LCA", "återbruk"],
        ["leverantor", "pilot-testbadd"],
        ["energiomstallning"],
        ("Oskar Lindqvist", "vd"),
        True,
        True,
        True,
    ),
    (
        "Ragunda Sol och Energi ekonomisk förening",
        "ekonomisk-forening",
        "ragunda",
        "Byborna i Hammarstrand äger en solpark tillsammans och vill bygga batterilager.",
        ["solenergi"],
        ["energilagring", "smarta elnät", "grön finansiering"],
        ["projektpartner-i-ansokan"],
        ["energiomstallning", "klimatanpassning"],
        ("Birgitta Ek", "ordförande"),
        True,
        False,
        True,
    ),
    (
        "Bräcke Återbruk ideell förening",
        "ideell-forening",
        "bracke",
        "Second hand, reparationscafé och verktygspool för Bräcke och Kälarne.",
        ["återbruk", "delningsekonomi"],
        ["cirkulär ekonomi", "kompetensutveckling"],
        ["kompetensutbyte"],
        ["miljomalsarbete"],
        ("Hampus Nord", "sekreterare"),
        True,
        True,
        False,
    ),
]

MESSAGES = [
    (
        "Lisa Strand",
        "Frostviken Fastigheter AB",
        "Vi vill gärna veta mer om era tjänster inför "
        "en upphandling i höst. Har ni tid för ett kort möte?",
    ),
    (
        "Mikael Åberg",
        "Krokoms kommun",
        "Vi planerar en pilot och undrar om ni vill vara med. Kan vi ringa nästa vecka?",
    ),
    (
        "Fatima Yusuf",
        "Mittuniversitetet",
        "Vi söker partner till en forskningsansökan om energilagring. Är det något för er?",
    ),
    (
        "Jonas Hedlund",
        "Åre Logistik AB",
        "Vi har restvärme över från vår terminal och letar efter någon som kan använda den.",
    ),
]


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
    taken = set(
        OrganisationPage.objects.exclude(org_number="").values_list("org_number", flat=True)
    )
    taken |= set(MembershipApplication.objects.values_list("org_number", flat=True))
    tags = {t.name: t.pk for t in CompetenceTag.objects.all()}
    kinds = {k.slug: k.pk for k in PartnershipType.objects.all()}
    themes = {t.slug: t.pk for t in Theme.objects.all()}
    now = timezone.now()
    for index, row in enumerate(APPLICATIONS):
        (name, org_type, office, short, offers, seeks, kind_slugs, theme_slugs, contact,
         listing, show_name, confirmed) = row  # fmt: skip
        if MembershipApplication.objects.filter(organisation_name=name).exists():
            continue
        municipality = Municipality.objects.filter(slug=office).first()
        if municipality is None:
            continue
        person, role = contact
        local = ".".join(ascii_slug(person).split("-"))
        email = f"{local}@{ascii_slug(name)[:20].strip('-')}.example"
        application = MembershipApplication.objects.create(
            organisation_name=name,
            org_number=bulk.fictitious_org_number(
                ctx.random, bulk.NUMBER_PREFIX.get(org_type, "559"), taken
            ),
            organisation_data={
                "org_type": org_type,
                "is_sole_trader": False,
                "size_class": "1-9",
                "short_description": short,
                "description": short,
                "website": f"https://www.{ascii_slug(name)[:30].strip('-')}.example/",
                "head_office": municipality.pk,
                "serves_whole_county": False,
                "served_municipalities": [],
                "themes": [themes[s] for s in theme_slugs if s in themes],
                "environmental_objectives": [],
                "offers": [tags[t] for t in offers if t in tags],
                "seeks": [tags[t] for t in seeks if t in tags],
                "partnership_types": [kinds[s] for s in kind_slugs if s in kinds],
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
        if confirmed:
            applications.confirm(applications.confirmation_token(application), notify=False)
        ctx.count("medlemsansökningar")


def ensure_contact_messages(ctx: SeedContext):
    """Some weeks of messages, so the dashboard's weekly counts show something."""
    if ContactMessage.objects.filter(sender_email__endswith=DEMO_MESSAGE_DOMAIN).exists():
        return
    organisations = list(
        OrganisationPage.objects.listed()
        .filter(contact_person__isnull=False)
        .order_by("title")[:20]
    )
    if not organisations:
        return
    now = timezone.now()
    created = 0
    for days_ago in range(0, 70):
        for _ in range(ctx.random.choice([0, 0, 0, 1, 1, 2])):
            name, organisation, text = ctx.random.choice(MESSAGES)
            message = ContactMessage.objects.create(
                organisation=ctx.random.choice(organisations),
                sender_name=name,
                sender_organisation=organisation,
                sender_email=f"{name.split()[0].lower()}@{DEMO_MESSAGE_DOMAIN}",
                message=text,
            )
            ContactMessage.objects.filter(pk=message.pk).update(
                created_at=now - datetime.timedelta(days=days_ago, hours=ctx.random.randint(0, 8))
            )
            created += 1
    ctx.count("kontaktförfrågningar", created)
