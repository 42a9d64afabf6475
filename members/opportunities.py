"""How many partnership opportunities an organisation may publish in a day.

Members publish opportunities at once, without review (members.views.account says why), so
a per-organisation limit keeps a careless or hijacked account from flooding the directory,
its feed and its search: at most settings.MEMBERS_OPPORTUNITIES_PER_DAY new posts in any 24
hours, counted from the posts themselves in the database (the same in every worker and
after restarts). Reaching the limit tells the secretariat, once a day per organisation.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from directory.models import Opportunity, OrganisationPage
from mail.models import OutgoingEmail
from mail.outbox import notify_secretariat

WINDOW = datetime.timedelta(days=1)
NOTICE = "members/email/opportunity_limit_secretariat"


def daily_limit() -> int:
    return settings.MEMBERS_OPPORTUNITIES_PER_DAY


def refusal(page: OrganisationPage) -> str | None:
    """Why `page` may not publish another opportunity now (Swedish), or None if it may."""
    since = timezone.now() - WINDOW
    recent = Opportunity.objects.filter(organisation=page, created_at__gte=since)
    count, limit = recent.count(), daily_limit()
    if count < limit:
        return None
    # The next post is allowed when enough of these have left the window.
    frees = recent.order_by("created_at").values_list("created_at", flat=True)[count - limit]
    when = date_format(timezone.localtime(frees + WINDOW), "j F \\k\\l. H:i")
    return _(
        "Ni har lagt ut %(limit)s nya samarbetsmöjligheter det senaste dygnet, vilket är "
        "det högsta antalet per dygn. Nästa kan ni lägga ut %(when)s. Behöver ni lägga ut "
        "fler redan nu, kontakta sekretariatet."
    ) % {"limit": limit, "when": when}


def tell_secretariat(page: OrganisationPage) -> None:
    """The organisation reached the limit: one notice a day, however often it tries."""
    since = timezone.now() - WINDOW
    if OutgoingEmail.objects.filter(
        template=NOTICE, organisation=page, created_at__gte=since
    ).exists():
        return
    notify_secretariat(
        NOTICE,
        context={
            "limit": daily_limit(),
            "listing_url": settings.SITE_URL
            + reverse("wagtailsnippets_directory_opportunity:list"),
        },
        page=page,
    )


def save(page: OrganisationPage, item: Opportunity | None, data: dict) -> str | None:
    """Publish a new opportunity (`item` None) or change one from the form's cleaned data.

    Returns None when saved, or why a new one is refused (the limit; the secretariat is told).
    The organisation's row is locked first, so parallel requests are counted one by one.
    """
    with transaction.atomic():
        if item is None:
            OrganisationPage.objects.select_for_update().filter(pk=page.pk).exists()
            if refused := refusal(page):
                tell_secretariat(page)
                return refused
            item = Opportunity(organisation=page, published_at=timezone.now())
        item.kind, item.title, item.text = data["kind"], data["title"], data["text"]
        item.partnership_type = data["partnership_type"]
        item.valid_until = data["valid_until"]
        if item.published_at is None:
            item.published_at = timezone.now()
        item.competences.set(list(data["competences"]))
        item.save()
    return None
