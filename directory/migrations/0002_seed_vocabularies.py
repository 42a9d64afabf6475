"""The competence vocabulary, the partnership types and the county's municipalities."""

from django.db import migrations
from django.utils.text import slugify

# Frozen here: later changes to the vocabularies are new migrations or admin edits.
COMPETENCES = [
    "solenergi",
    "vindkraft",
    "vattenkraft",
    "bioenergi",
    "biogas",
    "vätgas",
    "fjärrvärme",
    "värmepumpar",
    "energilagring",
    "smarta elnät",
    "energieffektivisering",
    "energikartläggning",
    "laddinfrastruktur",
    "elektrifierade fordon",
    "förnybara drivmedel",
    "hållbar logistik",
    "mobilitetstjänster",
    "träbyggande",
    "energirenovering",
    "klimatdeklaration och lca",
    "återbruk",
    "cirkulär ekonomi",
    "avfall och återvinning",
    "restvärme",
    "industriell symbios",
    "delningsekonomi",
    "hållbar upphandling",
    "skogsbruk",
    "livsmedel",
    "biologisk mångfald",
    "naturbaserade lösningar",
    "vattenvård",
    "klimatanpassning",
    "dagvatten",
    "hållbar besöksnäring",
    "klimatredovisning",
    "hållbarhetsrapportering",
    "miljöledning",
    "grön finansiering",
    "digitalisering",
    "kompetensutveckling",
    "forskning och testbäddar",
]

# (slug, name, description)
PARTNERSHIP_TYPES = [
    (
        "leverantor",
        "Leverantör",
        "Organisationen söker någon som kan leverera en vara eller tjänst.",
    ),
    ("kund", "Kund", "Organisationen söker köpare av det den erbjuder."),
    (
        "forskning-och-utveckling",
        "Forskning och utveckling",
        "Gemensam forskning, utveckling av produkter eller metoder.",
    ),
    ("pilot-testbadd", "Pilot/testbädd", "Prova en ny lösning i liten skala i verklig miljö."),
    (
        "projektpartner",
        "Projektpartner i ansökan",
        "Gå in som partner i en ansökan om projektmedel, till exempel Klimatklivet.",
    ),
    ("kompetensutbyte", "Kompetensutbyte", "Dela kunskap, erfarenheter och personal."),
    (
        "restfloden-och-symbios",
        "Restflöden och industriell symbios",
        "Ta tillvara en annan verksamhets restvärme, restprodukter eller avfall.",
    ),
]

# (slug, SCB code, name, Sami administrative municipality)
MUNICIPALITIES = [
    ("berg", "2326", "Berg", True),
    ("bracke", "2305", "Bräcke", False),
    ("harjedalen", "2361", "Härjedalen", True),
    ("krokom", "2309", "Krokom", True),
    ("ragunda", "2303", "Ragunda", False),
    ("stromsund", "2313", "Strömsund", True),
    ("are", "2321", "Åre", True),
    ("ostersund", "2380", "Östersund", True),
]
OUTSIDE_COUNTY = ("utanfor-lanet", "Utanför länet")

_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o"})


def ascii_slug(text):
    return slugify(text.translate(_ASCII))


def seed(apps, schema_editor):
    CompetenceTag = apps.get_model("directory", "CompetenceTag")
    PartnershipType = apps.get_model("directory", "PartnershipType")
    Municipality = apps.get_model("directory", "Municipality")

    for name in COMPETENCES:
        CompetenceTag.objects.update_or_create(slug=ascii_slug(name), defaults={"name": name})
    for order, (slug, name, description) in enumerate(PARTNERSHIP_TYPES, start=1):
        PartnershipType.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order * 10},
        )
    for order, (slug, code, name, sami) in enumerate(MUNICIPALITIES, start=1):
        Municipality.objects.update_or_create(
            slug=slug,
            defaults={
                "code": code,
                "name": name,
                "in_county": True,
                "is_sami_administrative": sami,
                "sort_order": order * 10,
            },
        )
    slug, name = OUTSIDE_COUNTY
    Municipality.objects.update_or_create(
        slug=slug,
        defaults={"code": None, "name": name, "in_county": False, "sort_order": 999},
    )


def unseed(apps, schema_editor):
    apps.get_model("directory", "CompetenceTag").objects.filter(
        slug__in=[ascii_slug(name) for name in COMPETENCES]
    ).delete()
    apps.get_model("directory", "PartnershipType").objects.filter(
        slug__in=[slug for slug, *_ in PARTNERSHIP_TYPES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
