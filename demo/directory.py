"""Demo content of the directory: about 60 invented organisations in Jämtland, the real
public bodies, their opportunities and logos; `--organisations N` adds N generated ones."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from demo import bulk
from demo.context import SeedContext
from demo.directory_data import OPPORTUNITIES, ORGANISATIONS, PUBLIC_BODIES
from directory.models import (
    CompetenceTag,
    ContactPerson,
    DirectoryIndexPage,
    Municipality,
    Opportunity,
    OrganisationPage,
    PartnershipType,
)
from directory.slugs import ascii_slug
from themes.models import EnvironmentalObjective, Theme

LOGO_COLOURS = ["#1d5c3a", "#0b5788", "#8a4b08", "#5a2f6e", "#2f6b6b", "#9b1c31", "#3d5a1e"]


def add_arguments(parser):
    parser.add_argument(
        "--organisations",
        type=int,
        default=0,
        metavar="N",
        help="Lägg dessutom till N genererade organisationer i katalogen (för belastningstester).",
    )


def draw_logo(name: str, variant: int) -> bytes:
    """A simple mark and the initials: enough to see logos in cards without shipping files."""
    from PIL import Image, ImageDraw, ImageFont

    colour = LOGO_COLOURS[variant % len(LOGO_COLOURS)]
    image = Image.new("RGB", (360, 180), "#ffffff")
    draw = ImageDraw.Draw(image)
    shape = variant % 3
    if shape == 0:
        draw.ellipse([20, 30, 140, 150], fill=colour)
    elif shape == 1:
        draw.rounded_rectangle([20, 30, 140, 150], radius=24, fill=colour)
    else:
        draw.polygon([(80, 25), (145, 150), (15, 150)], fill=colour)
    words = [w for w in name.replace("&", " ").split() if w[:1].isalpha()]
    initials = "".join(w[0].upper() for w in words[:2]) or "?"
    font = ImageFont.load_default(size=54)
    draw.text((80, 92), initials, fill="#ffffff", font=font, anchor="mm")
    short = " ".join(words[:2])[:14]
    draw.text((160, 90), short, fill=colour, font=ImageFont.load_default(size=26), anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def logo_image(ctx: SeedContext, name: str, variant: int):
    Image = get_image_model()
    title = f"Logotyp: {name}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=f"Logotyp för {name}")
    image.file = ImageFile(
        io.BytesIO(draw_logo(name, variant)), name=f"logo-{ascii_slug(name)[:40]}.png"
    )
    image.save()
    ctx.count("logotyper")
    return image


def website_label(name: str) -> str:
    """ "Storsjöbygdens Åkeri AB" → "storsjobygdens-akeri": an invented, reserved domain."""
    words = [w for w in name.split() if w not in {"AB", "&"}][:2]
    return ascii_slug(" ".join(words))[:40].strip("-")


def paragraphs(text: str) -> str:
    return "".join(f"<p>{part.strip()}</p>" for part in text.split("\n\n") if part.strip())


class Vocabulary:
    def __init__(self):
        self.tags = {t.name: t for t in CompetenceTag.objects.all()}
        self.kinds = {k.slug: k for k in PartnershipType.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.objectives = {o.slug: o for o in EnvironmentalObjective.objects.all()}
        self.municipalities = {m.slug: m for m in Municipality.objects.all()}

    def pick(self, mapping: dict, keys) -> list:
        return [mapping[key] for key in keys if key in mapping]


def create_organisation(
    ctx, index, vocabulary, *, name, slug, fields, tags, contact=None, logo=None
):
    page = OrganisationPage(title=name, slug=slug, **fields)
    index.add_child(instance=page)
    page.offers.set(vocabulary.pick(vocabulary.tags, tags["offers"]))
    page.seeks.set(vocabulary.pick(vocabulary.tags, tags["seeks"]))
    page.partnership_types.set(vocabulary.pick(vocabulary.kinds, tags["kinds"]))
    page.themes.set(vocabulary.pick(vocabulary.themes, tags["themes"]))
    page.environmental_objectives.set(vocabulary.pick(vocabulary.objectives, tags["objectives"]))
    page.served_municipalities.set(vocabulary.pick(vocabulary.municipalities, tags["served"]))
    if logo is not None:
        page.logo = logo
    page.save_revision().publish()
    if contact:
        person, role, public = contact
        local = ".".join(ascii_slug(person).split("-"))
        domain = fields["website"].split("//")[1].removeprefix("www.").strip("/")
        ContactPerson.objects.create(
            organisation=page,
            name=person,
            role=role,
            email=f"{local}@{domain}",
            publish_name=public,
        )
    ctx.count("organisationer i katalogen")
    return page


def seed(ctx: SeedContext):
    home = ctx.home()
    index = ctx.child(
        home,
        DirectoryIndexPage,
        "samarbetspartner",
        title="Hitta samarbetspartner",
        intro=(
            "Här finns rådets medlemmar: företag, kommuner, myndigheter, forskare och "
            "föreningar i Jämtlands län. Sök på vad de erbjuder och vad de söker, och hitta "
            "någon att göra omställningen tillsammans med."
        ),
        opportunities_intro=(
            "Medlemmarnas aktuella behov och erbjudanden: leveranser, piloter, forskning och "
            "partner till ansökningar. Prenumerera på listan för att se nya inlägg först."
        ),
    )
    ctx.add_menu_link(index)
    vocabulary = Vocabulary()
    existing = set(index.get_children().values_list("slug", flat=True))
    today = timezone.localdate()
    rng = ctx.random
    taken_numbers = set(
        OrganisationPage.objects.exclude(org_number="").values_list("org_number", flat=True)
    )

    for number, row in enumerate(ORGANISATIONS):
        (name, org_type, office, size, short, text, offers, seeks, kinds, themes, objectives,
         served, (year, month), has_logo, contact) = row  # fmt: skip
        slug = ascii_slug(name)[:80]
        if slug in existing:
            continue
        confirmed_days = rng.randint(400, 700) if number % 11 == 5 else rng.randint(0, 300)
        prefix = bulk.NUMBER_PREFIX.get(org_type, "559")
        fields = {
            "org_type": org_type,
            "org_number": bulk.fictitious_org_number(rng, prefix, taken_numbers),
            "size_class": size or "",
            "short_description": short,
            "description": paragraphs(text),
            "website": f"https://www.{website_label(name)}.example/",
            "head_office": vocabulary.municipalities[office],
            "serves_whole_county": served == "lan",
            "member_since": datetime.date(year, month, 1) + datetime.timedelta(days=number % 27),
            "last_confirmed_at": today - datetime.timedelta(days=confirmed_days),
        }
        create_organisation(
            ctx,
            index,
            vocabulary,
            name=name,
            slug=slug,
            fields=fields,
            tags={
                "offers": offers,
                "seeks": seeks,
                "kinds": kinds,
                "themes": themes,
                "objectives": objectives,
                "served": [] if served == "lan" else served,
            },
            contact=contact,
            logo=logo_image(ctx, name, number) if has_logo else None,
        )

    for row in PUBLIC_BODIES:
        (name, org_number, org_type, office, short, text, offers, seeks, kinds, themes, served,
         website) = row  # fmt: skip
        slug = ascii_slug(name)[:80]
        if slug in existing:
            continue
        fields = {
            "org_type": org_type,
            "org_number": org_number,
            "short_description": short,
            "description": paragraphs(text),
            "website": website,
            "head_office": vocabulary.municipalities[office],
            "serves_whole_county": served == "lan",
            "member_since": datetime.date(2015, 10, 1),
            "last_confirmed_at": today - datetime.timedelta(days=rng.randint(0, 200)),
        }
        create_organisation(
            ctx,
            index,
            vocabulary,
            name=name,
            slug=slug,
            fields=fields,
            tags={
                "offers": offers,
                "seeks": seeks,
                "kinds": kinds,
                "themes": themes,
                "objectives": ["begransad-klimatpaverkan"],
                "served": [],
            },
        )

    organisations = {org.title: org for org in OrganisationPage.objects.child_of(index)}
    now = timezone.now()
    created = []
    for name, kind, title, text, competences, kind_slug, valid_days, age_days in OPPORTUNITIES:
        organisation = organisations.get(name)
        if organisation is None or organisation.opportunities.filter(title=title).exists():
            continue
        opportunity = Opportunity(
            organisation=organisation,
            kind=kind,
            title=title,
            text=text,
            partnership_type=vocabulary.kinds.get(kind_slug),
            valid_until=today + datetime.timedelta(days=valid_days),
            published_at=now - datetime.timedelta(days=age_days, hours=rng.randint(0, 12)),
        )
        opportunity.competences.set(vocabulary.pick(vocabulary.tags, competences))
        opportunity.save()
        created.append(opportunity.pk)
        ctx.count("samarbetsmöjligheter")

    # The search index is kept current by background tasks; the demo must be findable
    # even where no worker runs (make run), so index what was made here directly.
    new_organisations = [org.pk for org in organisations.values() if org.slug not in existing]
    if new_organisations or created:
        bulk.index_search(new_organisations, created)

    count = ctx.options.get("organisations") or 0
    if count > 0:
        bulk.create_organisations(count, rng)
        ctx.count("genererade organisationer", count)
