"""Demo content: the calendar, with Omställningsarenan four times a year and other meetings.

Dates are relative to the day the demo is seeded, so there are always past and upcoming
events, each moved forward to the next working day (no weekends, no Swedish holidays) and
held within office hours; slugs are fixed, so running the command again adds nothing.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.rich_text import RichText

from demo.context import SeedContext, next_working_day
from events.models import EventIndexPage, EventPage
from themes.models import Theme

ARENA_ORGANISER = "Miljö- och klimatrådet och Klimatneutrala Östersund 2030"
ARENA_PLACE = "Campus Östersund, Mittuniversitetet"
ARENA_ADDRESS = "Kunskapens väg 8, 831 40 Östersund"
REGISTRATION = "https://anmalan.klimatradet.example/"

E, K, M = "energiomstallning", "klimatanpassning", "miljomalsarbete"


def arena(slug, days, topic, themes, lead, programme):
    return {
        "slug": slug,
        "title": f"Omställningsarenan: {topic}",
        "days": days,
        "start": time(9, 0),
        "hours": 3.5,
        "themes": themes,
        "lead": lead,
        "location_name": ARENA_PLACE,
        "address": ARENA_ADDRESS,
        "is_online": False,
        "organiser": ARENA_ORGANISER,
        "body": [
            ("heading", {"text": "Program", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<ul>"
                    + "".join(f"<li>{item}</li>" for item in programme)
                    + "</ul><p>Omställningsarenan är rådets tematiska nätverksmöte med kunskap, "
                    "workshoppar och nätverkande. Mötet är kostnadsfritt och öppet för rådets "
                    "medlemmar och andra som vill bidra. Kaffe och smörgås serveras.</p>"
                ),
            ),
        ],
    }


EVENTS = [
    arena(
        "omstallningsarenan-energieffektivisering",
        -250,
        "Energieffektivisering i lokaler",
        [E],
        "Hur sparar företag och kommuner energi i sina lokaler? Goda exempel från länet och "
        "en workshop om nästa steg.",
        [
            "09.00 Välkommen och kaffe",
            "09.20 Energi- och klimatrådgivningen: de enkla åtgärderna först",
            "10.00 Goda exempel från tre medlemmar",
            "10.45 Workshop: vad gör vi nu?",
            "12.15 Sammanfattning",
        ],
    ),
    arena(
        "omstallningsarenan-cirkular-ekonomi",
        -160,
        "Cirkulär ekonomi och återbruk",
        [M],
        "Ett företags restprodukt kan vara ett annat företags råvara. Vi letar nya samarbeten "
        "kring återbruk och restflöden.",
        [
            "09.00 Välkommen",
            "09.15 Vad är cirkulär ekonomi i praktiken?",
            "10.00 Matchmaking: vad har du över, vad behöver du?",
            "11.30 Nästa steg och nätverkande",
        ],
    ),
    arena(
        "omstallningsarenan-klimatrisker",
        -70,
        "Klimatrisker för företag",
        [K],
        "Skyfall, värmeböljor och störda leveranser. Gör en första analys av klimatriskerna i "
        "din verksamhet.",
        [
            "09.00 Välkommen",
            "09.15 Så förändras klimatet i Jämtlands län",
            "10.00 Workshop: riskanalys för den egna verksamheten",
            "11.45 Stöd och hjälp att gå vidare",
        ],
    ),
    arena(
        "omstallningsarenan-tunga-transporter",
        24,
        "Fossilfria tunga transporter",
        [E],
        "El, biogas eller vätgas? Åkerier, drivmedelsbolag och kommuner möts om vägen till "
        "fossilfria tunga transporter i länet.",
        [
            "09.00 Välkommen och kaffe",
            "09.20 Läget i länet: utsläpp, fordon och tankställen",
            "10.00 Panelsamtal med åkerier och drivmedelsbolag",
            "10.45 Workshop: var behövs laddning och tankning först?",
            "12.15 Sammanfattning och nästa steg",
        ],
    ),
    arena(
        "omstallningsarenan-grona-affarer",
        115,
        "Gröna affärer och finansiering",
        [E, M],
        "Vilka stöd och lån finns för den som vill ställa om, och hur hittar du partner att "
        "söka tillsammans med?",
        [
            "09.00 Välkommen",
            "09.15 Klimatklivet, Almi och regionala 1:1-medel",
            "10.15 Korta samtal med finansiärerna",
            "11.30 Hitta partner i katalogen",
        ],
    ),
    arena(
        "omstallningsarenan-naturbaserade-losningar",
        205,
        "Naturbaserade lösningar",
        [K, M],
        "Våtmarker, gröna tak och regnbäddar tar hand om vatten och ger biologisk mångfald. Hur "
        "kan fler använda dem?",
        [
            "09.00 Välkommen",
            "09.15 Exempel från länets kommuner",
            "10.15 Workshop: var passar naturbaserade lösningar hos er?",
            "11.45 Sammanfattning",
        ],
    ),
    {
        "slug": "webbinarium-klimatklivet",
        "title": "Webbinarium: så söker du stöd från Klimatklivet",
        "days": -35,
        "start": time(8, 30),
        "hours": 1,
        "themes": [E],
        "lead": "En timme om hur Klimatklivet fungerar, vad som kan få stöd och vad som gör en "
        "ansökan stark.",
        "location_name": "",
        "address": "",
        "is_online": True,
        "organiser": "Miljö- och klimatrådet i Jämtlands län",
        "body": [],
    },
    {
        "slug": "miljomalsdag",
        "title": "Miljömålsdag: uppföljning av länets miljömål",
        "days": -120,
        "start": time(9, 30),
        "hours": 6,
        "themes": [M],
        "lead": "Länsstyrelsen presenterar årets uppföljning av miljömålen och vi diskuterar "
        "vilka åtgärder som behöver mer kraft.",
        "location_name": "Länsstyrelsen Jämtlands län, Östersund",
        "address": "Residensgränd 7, 831 86 Östersund",
        "is_online": True,
        "organiser": "Länsstyrelsen Jämtlands län och Miljö- och klimatrådet",
        "body": [],
    },
    {
        "slug": "frukostmote-laddning-for-akerier",
        "title": "Frukostmöte: laddning för åkerier",
        "days": 9,
        "start": time(8, 0),
        "hours": 1.5,
        "themes": [E],
        "lead": "Elnätsbolag och åkerier berättar om erfarenheter av att ladda tunga fordon. "
        "Delta på plats eller digitalt.",
        "location_name": "Region Jämtland Härjedalen, Östersund",
        "address": "",
        "is_online": True,
        "organiser": "Miljö- och klimatrådet i Jämtlands län",
        "body": [],
    },
    {
        "slug": "workshop-skyfall-och-dagvatten",
        "title": "Workshop: skyfall och dagvatten i planeringen",
        "days": 38,
        "start": time(13, 0),
        "hours": 3.5,
        "themes": [K],
        "lead": "För planerare, VA-ingenjörer och byggföretag: hur tar vi hand om skyfall och "
        "dagvatten när nya områden byggs?",
        "location_name": "Åre kommunhus, Järpen",
        "address": "",
        "is_online": False,
        "organiser": "Miljö- och klimatrådet och Länsstyrelsen Jämtlands län",
        "body": [],
    },
    {
        "slug": "studiebesok-biogasanlaggning",
        "title": "Studiebesök på en biogasanläggning",
        "days": 62,
        "start": time(10, 0),
        "hours": 4,
        "themes": [E, M],
        "lead": "Följ med och se hur matavfall och gödsel blir fordonsgas. Gemensam buss från "
        "Östersund.",
        "location_name": "Biogasanläggningen, Brunflo",
        "address": "",
        "is_online": False,
        "organiser": "Miljö- och klimatrådet i Jämtlands län",
        "body": [],
    },
]


def schedule(spec: dict, today, tz) -> tuple[datetime, datetime]:
    """When the event in `spec` starts and ends if the demo is seeded on `today`.

    Moving forward keeps past events past and upcoming ones upcoming (the nearest is 35 days
    back, a move is at most five days) and the Omställningsarenan about 90 days apart.
    """
    day = next_working_day(today + timedelta(days=spec["days"]))
    start = datetime.combine(day, spec["start"], tzinfo=tz)
    return start, start + timedelta(hours=spec["hours"])


def seed(ctx: SeedContext):
    home = ctx.home()
    index = ctx.child(
        home,
        EventIndexPage,
        "traffar",
        title="Träffar",
        intro=(
            "Omställningsarenan, workshoppar, webbinarier och studiebesök. Fyra gånger om året "
            "samlas vi på Omställningsarenan för kunskap, workshoppar och nätverkande."
        ),
    )
    ctx.add_menu_link(index)

    themes = {theme.slug: theme for theme in Theme.objects.all()}
    tz = ZoneInfo(settings.TIME_ZONE)
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))
    image = ctx.image("Fjäll och skog vid sjön", "Fjäll, barrskog och en sjö i kvällsljus.", 0)
    for spec in EVENTS:
        if spec["slug"] in existing:
            continue
        start, end = schedule(spec, today, tz)
        upcoming = spec["days"] > 0
        page = EventPage(
            slug=spec["slug"],
            title=spec["title"],
            start=start,
            end=end,
            lead=spec["lead"],
            location_name=spec["location_name"],
            address=spec["address"],
            is_online=spec["is_online"],
            organiser=spec["organiser"],
            registration_url=REGISTRATION + spec["slug"] if upcoming else "",
            registration_deadline=(start.date() - timedelta(days=5)) if upcoming else None,
            image=image if spec["title"].startswith("Omställningsarenan") else None,
            body=spec["body"],
        )
        page.themes.set([themes[s] for s in spec["themes"] if s in themes])
        index.add_child(instance=page)
        page.save_revision().publish()
        ctx.count("träffar")
