"""The council's three themes and Sweden's 16 environmental quality objectives.

Seeded by a migration so that production has them too. Existing rows (found by slug or
name, and by number) are left as the staff edited them.
"""

from django.db import migrations

THEMES = [
    (
        "Miljömålsarbete",
        "miljomalsarbete",
        10,
        "Länets arbete med de nationella miljökvalitetsmålen, utifrån det regionala "
        "miljömålsprogrammet.",
    ),
    (
        "Energiomställning",
        "energiomstallning",
        20,
        "Från fossil till förnybar energi, utifrån energi- och klimatstrategin för Jämtlands "
        "län 2020–2030.",
    ),
    (
        "Klimatanpassning",
        "klimatanpassning",
        30,
        "Att rusta länet för ett förändrat klimat, utifrån den regionala handlingsplanen för "
        "klimatanpassning.",
    ),
]

# (number, name, slug, county priority, applies to the county, definition)
OBJECTIVES = [
    (
        1,
        "Begränsad klimatpåverkan",
        "begransad-klimatpaverkan",
        True,
        True,
        "Halten av växthusgaser i atmosfären ska stabiliseras på en nivå som gör att människans "
        "påverkan på klimatsystemet inte blir farlig.",
    ),
    (
        2,
        "Frisk luft",
        "frisk-luft",
        False,
        True,
        "Luften ska vara så ren att människors hälsa samt djur, växter och kulturvärden inte "
        "skadas.",
    ),
    (
        3,
        "Bara naturlig försurning",
        "bara-naturlig-forsurning",
        False,
        True,
        "De försurande effekterna av nedfall och markanvändning ska underskrida gränsen för vad "
        "mark och vatten tål.",
    ),
    (
        4,
        "Giftfri miljö",
        "giftfri-miljo",
        True,
        True,
        "Ämnen som samhället har skapat eller utvunnit ska inte hota människors hälsa eller den "
        "biologiska mångfalden.",
    ),
    (
        5,
        "Skyddande ozonskikt",
        "skyddande-ozonskikt",
        False,
        True,
        "Ozonskiktet ska utvecklas så att det långsiktigt ger skydd mot skadlig UV-strålning.",
    ),
    (
        6,
        "Säker strålmiljö",
        "saker-stralmiljo",
        False,
        True,
        "Människors hälsa och den biologiska mångfalden ska skyddas mot skadliga effekter av "
        "strålning.",
    ),
    (
        7,
        "Ingen övergödning",
        "ingen-overgodning",
        False,
        True,
        "Halterna av gödande ämnen i mark och vatten ska inte skada människors hälsa, den "
        "biologiska mångfalden eller möjligheterna att använda mark och vatten.",
    ),
    (
        8,
        "Levande sjöar och vattendrag",
        "levande-sjoar-och-vattendrag",
        True,
        True,
        "Sjöar och vattendrag ska vara ekologiskt hållbara och deras variationsrika livsmiljöer "
        "ska bevaras.",
    ),
    (
        9,
        "Grundvatten av god kvalitet",
        "grundvatten-av-god-kvalitet",
        True,
        True,
        "Grundvattnet ska ge en säker och hållbar dricksvattenförsörjning och bidra till goda "
        "livsmiljöer för växter och djur i sjöar och vattendrag.",
    ),
    (
        10,
        "Hav i balans samt levande kust och skärgård",
        "hav-i-balans-samt-levande-kust-och-skargard",
        False,
        False,
        "Västerhavet och Östersjön ska ha en långsiktigt hållbar produktionsförmåga och den "
        "biologiska mångfalden ska bevaras. Målet berör inte Jämtlands län, som saknar kust.",
    ),
    (
        11,
        "Myllrande våtmarker",
        "myllrande-vatmarker",
        False,
        True,
        "Våtmarkernas ekologiska och vattenhushållande funktion i landskapet ska behållas och "
        "värdefulla våtmarker bevaras för framtiden.",
    ),
    (
        12,
        "Levande skogar",
        "levande-skogar",
        True,
        True,
        "Skogens och skogsmarkens värde för biologisk produktion ska skyddas samtidigt som den "
        "biologiska mångfalden, kulturmiljövärdena och de sociala värdena värnas.",
    ),
    (
        13,
        "Ett rikt odlingslandskap",
        "ett-rikt-odlingslandskap",
        True,
        True,
        "Odlingslandskapets värde för biologisk produktion och livsmedelsproduktion ska skyddas "
        "samtidigt som den biologiska mångfalden och kulturmiljövärdena bevaras och stärks.",
    ),
    (
        14,
        "Storslagen fjällmiljö",
        "storslagen-fjallmiljo",
        True,
        True,
        "Fjällen ska ha en hög grad av ursprunglighet när det gäller biologisk mångfald, "
        "upplevelsevärden och natur- och kulturmiljövärden.",
    ),
    (
        15,
        "God bebyggd miljö",
        "god-bebyggd-miljo",
        True,
        True,
        "Städer, tätorter och annan bebyggd miljö ska vara en god och hälsosam livsmiljö och "
        "bidra till en god regional och global miljö.",
    ),
    (
        16,
        "Ett rikt växt- och djurliv",
        "ett-rikt-vaxt-och-djurliv",
        False,
        True,
        "Den biologiska mångfalden ska bevaras och nyttjas på ett hållbart sätt, för nuvarande "
        "och framtida generationer.",
    ),
]

INFO_URLS = {
    # sverigesmiljomal.se spells this one with a double hyphen.
    "ett-rikt-vaxt-och-djurliv": "https://www.sverigesmiljomal.se/miljomalen/ett-rikt-vaxt--och-djurliv/",
}


def seed(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    EnvironmentalObjective = apps.get_model("themes", "EnvironmentalObjective")

    for name, slug, sort_order, description in THEMES:
        if Theme.objects.filter(slug=slug).exists() or Theme.objects.filter(name=name).exists():
            continue
        Theme.objects.create(name=name, slug=slug, sort_order=sort_order, description=description)

    for number, name, slug, priority, applies, description in OBJECTIVES:
        if EnvironmentalObjective.objects.filter(number=number).exists():
            continue
        EnvironmentalObjective.objects.create(
            number=number,
            name=name,
            slug=slug,
            description=description,
            is_county_priority=priority,
            applies_to_county=applies,
            info_url=INFO_URLS.get(slug, f"https://www.sverigesmiljomal.se/miljomalen/{slug}/"),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0002_theme_pages"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
