"""Demo content: the calendar, with Omställningsarenan four times a year and other meetings.

Dates are relative to the day the demo is seeded, so there are always past and upcoming
events, each moved forward to the next working day (no weekends, no Swedish holidays) and
held within office hours; slugs are fixed, so running the command again adds nothing.
The events are demo/data/events.json.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from demo.context import SeedContext, load, next_working_day
from events.models import EventIndexPage, EventPage
from themes.models import Theme

REGISTRATION = "https://anmalan.klimatradet.example/"
# Days from the day of seeding, start time, length in hours, and the page's fields.
EVENTS = load("events.json")


def schedule(spec: dict, today, tz) -> tuple[datetime, datetime]:
    """When the event in `spec` starts and ends if the demo is seeded on `today`.

    Moving forward keeps past events past and upcoming ones upcoming (the nearest is 35 days
    back, a move is at most five days) and the Omställningsarenan about 90 days apart.
    """
    day = next_working_day(today + timedelta(days=spec["days"]))
    start = datetime.combine(day, time.fromisoformat(spec["start"]), tzinfo=tz)
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
            body=ctx.stream(spec["body"]),
        )
        page.themes.set([themes[s] for s in spec["themes"] if s in themes])
        index.add_child(instance=page)
        page.save_revision().publish()
        ctx.count("träffar")
