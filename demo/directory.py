"""Demo content of the directory, loaded from demo/data/: the organisations through the
directory's own CSV import (organisations.csv is an import file), then what the import
format does not carry (organisation_details.json: size, objectives, served municipalities,
dates, logo, contact person) and the opportunities (opportunities.json).
`--organisations N` adds N generated ones with the bulk writer (demo.bulk)."""

import datetime
import io
import json

from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.images import get_image_model

from demo import bulk
from demo.context import DATA_DIR, SeedContext
from directory import csvio
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
from themes.models import EnvironmentalObjective

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


def import_organisations(ctx: SeedContext, index: DirectoryIndexPage) -> list[OrganisationPage]:
    """The organisations not yet in the directory, through the CSV import, with what the
    import format does not carry added to each new row. Organisations already there are
    left as they are."""
    result = csvio.plan_import((DATA_DIR / "organisations.csv").read_text(encoding="utf-8"))
    if not result.ok:
        raise CommandError(f"demo/data/organisations.csv: {result.errors}")
    details = json.loads((DATA_DIR / "organisation_details.json").read_text(encoding="utf-8"))
    objectives = {o.slug: o for o in EnvironmentalObjective.objects.all()}
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    today = timezone.localdate()
    names = []
    for plan in result.plans:
        if plan.action != "create":
            plan.action = "unchanged"
            continue
        name = plan.fields["title"]
        extra = details[name]
        served = [] if extra["served"] == "lan" else extra["served"]
        plan.fields.update(
            size_class=extra["size_class"],
            serves_whole_county=extra["served"] == "lan",
            member_since=datetime.date.fromisoformat(extra["member_since"]),
            last_confirmed_at=today - datetime.timedelta(days=extra["confirmed_days_ago"]),
            environmental_objectives=[objectives[s] for s in extra["environmental_objectives"]],
            served_municipalities=[municipalities[slug] for slug in served],
            logo=None if extra["logo"] is None else logo_image(ctx, name, extra["logo"]),
        )
        names.append(name)
    if not names:
        return []
    csvio.apply_import(result)
    pages = list(OrganisationPage.objects.child_of(index).filter(title__in=names))
    for page in pages:
        if contact := details[page.title].get("contact"):
            ContactPerson.objects.create(organisation=page, **contact)
    ctx.count("organisationer i katalogen", len(pages))
    return pages


def add_opportunities(ctx: SeedContext, index: DirectoryIndexPage) -> list[int]:
    organisations = {org.title: org for org in OrganisationPage.objects.child_of(index)}
    tags = {t.name: t for t in CompetenceTag.objects.all()}
    kinds = {k.slug: k for k in PartnershipType.objects.all()}
    today, now = timezone.localdate(), timezone.now()
    created = []
    for row in json.loads((DATA_DIR / "opportunities.json").read_text(encoding="utf-8")):
        organisation = organisations.get(row["organisation"])
        if organisation is None or organisation.opportunities.filter(title=row["title"]).exists():
            continue
        opportunity = Opportunity(
            organisation=organisation,
            kind=row["kind"],
            title=row["title"],
            text=row["text"],
            partnership_type=kinds.get(row["partnership_type"]),
            valid_until=today + datetime.timedelta(days=row["valid_days"]),
            published_at=now - datetime.timedelta(days=row["age_days"], hours=row["age_hours"]),
        )
        opportunity.competences.set([tags[name] for name in row["competences"]])
        opportunity.save()
        created.append(opportunity.pk)
        ctx.count("samarbetsmöjligheter")
    return created


def seed(ctx: SeedContext):
    index = ctx.child(
        ctx.home(),
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
    organisations = import_organisations(ctx, index)
    opportunities = add_opportunities(ctx, index)
    # The search index is kept current by background tasks; the demo must be findable
    # even where no worker runs (make run), so index what was made here directly.
    if organisations or opportunities:
        bulk.index_search([org.pk for org in organisations], opportunities)
    count = ctx.options.get("organisations") or 0
    if count > 0:
        bulk.create_organisations(count, ctx.random)
        ctx.count("genererade organisationer", count)
