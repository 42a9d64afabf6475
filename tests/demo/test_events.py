"""The demo calendar looks like a real council's, whatever day `seed_demo` runs.

Meetings on a Saturday, at half past seven or on Christmas Eve make the demo look made up.
"""

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from demo.context import swedish_days_off
from demo.events import EVENTS, schedule

TZ = ZoneInfo("Europe/Stockholm")

# From the calendar, not from the code under test: the days off of these years, except the
# holidays that always fall on a weekend (Påskdagen, Pingstdagen, Midsommardagen, Alla helgons).
DAYS_OFF = {
    2026: {
        date(2026, 1, 1),
        date(2026, 1, 6),
        date(2026, 4, 3),  # Långfredagen
        date(2026, 4, 6),  # Annandag påsk
        date(2026, 5, 1),
        date(2026, 5, 14),  # Kristi himmelsfärdsdag
        date(2026, 6, 6),
        date(2026, 6, 19),  # Midsommarafton
        date(2026, 12, 24),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 31),
    },
    2027: {
        date(2027, 1, 1),
        date(2027, 1, 6),
        date(2027, 3, 26),  # Långfredagen
        date(2027, 3, 29),  # Annandag påsk
        date(2027, 5, 1),
        date(2027, 5, 6),  # Kristi himmelsfärdsdag
        date(2027, 6, 6),
        date(2027, 6, 25),  # Midsommarafton
        date(2027, 12, 24),
        date(2027, 12, 25),
        date(2027, 12, 26),
        date(2027, 12, 31),
    },
}


@pytest.mark.parametrize("year", sorted(DAYS_OFF))
def test_swedish_days_off_match_the_calendar(year):
    assert swedish_days_off(year) == DAYS_OFF[year]


def test_every_demo_event_is_on_a_working_day_in_office_hours_whenever_seeded():
    """Seeded on any day of 2026 and 2027 (the tables above cover every event date)."""
    first = date(2026, 1, 1) + timedelta(days=260)  # the earliest event is 250 days back
    last = date(2027, 12, 31) - timedelta(days=215)  # the latest is 205 days ahead
    problems = []
    today = first
    while today <= last:
        for spec in EVENTS:
            start, end = schedule(spec, today, TZ)
            day = start.date()
            if day.weekday() >= 5:
                problems.append(f"seeded {today}: {spec['slug']} on a {day:%A} ({day})")
            if day in DAYS_OFF.get(day.year, set()):
                problems.append(f"seeded {today}: {spec['slug']} on a holiday ({day})")
            if not (time(8) <= start.time() and end.time() <= time(17) and end.date() == day):
                problems.append(f"seeded {today}: {spec['slug']} at {start:%H.%M}–{end:%H.%M}")
            if (day > today) != (spec["days"] > 0):
                problems.append(f"seeded {today}: {spec['slug']} moved across today")
        today += timedelta(days=1)
    assert not problems, "\n".join(problems[:20])
