"""Weekly search statistics for staff, without personal data.

Stored: the normalised query (lower-case words, cut to 100 characters), the Monday of the
week, how often it was searched, how often without hits, and the latest number of hits.
Not stored: IP addresses, users, sessions, times, user agents. Searches by bots (by user
agent), follow-up views of the same search (another result page or type filter) and
queries that look like an e-mail address, phone number or personal identity number are
not counted.
"""

import datetime
import logging
import re

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import MAX_STORED_QUERY_LENGTH, WeeklyQuery
from search.query import SearchQuery, looks_personal

logger = logging.getLogger(__name__)

BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|monitor|scan|preview|curl|wget|httpclient|"
    r"python-|java/|go-http|headless|lighthouse|pingdom|uptime",
    re.IGNORECASE,
)
# Rows older than this are deleted when a new week's first search is stored.
KEEP_WEEKS = 104


def is_bot(user_agent: str) -> bool:
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))


def week_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def record_search(query: SearchQuery, hits: int, user_agent: str = "") -> bool:
    """Count one search; returns whether it was stored."""
    text = query.normalised[:MAX_STORED_QUERY_LENGTH].strip()
    if not text or is_bot(user_agent) or looks_personal(query.text):
        return False
    week = week_of(timezone.localdate())
    zero = 1 if hits == 0 else 0
    try:
        updated = WeeklyQuery.objects.filter(week=week, query=text).update(
            searches=F("searches") + 1,
            searches_without_hits=F("searches_without_hits") + zero,
            hits=hits,
        )
        if not updated:
            try:
                with transaction.atomic():
                    WeeklyQuery.objects.create(
                        week=week, query=text, searches=1, searches_without_hits=zero, hits=hits
                    )
            except IntegrityError:  # another request created it a moment ago
                WeeklyQuery.objects.filter(week=week, query=text).update(
                    searches=F("searches") + 1,
                    searches_without_hits=F("searches_without_hits") + zero,
                    hits=hits,
                )
            else:
                if not WeeklyQuery.objects.filter(week=week).exclude(query=text).exists():
                    prune()
    except DatabaseError as error:  # statistics must never break the search page
        logger.warning("Could not record search statistics: %s", error)
        return False
    return True


def prune(today: datetime.date | None = None) -> int:
    cutoff = week_of(today or timezone.localdate()) - datetime.timedelta(weeks=KEEP_WEEKS)
    deleted, _ = WeeklyQuery.objects.filter(week__lt=cutoff).delete()
    return deleted
