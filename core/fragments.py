"""What every public page repeats, worked out once per state of the content.

Menus, breadcrumbs and, per page type, what only changes on publish (a home page's
sections, a news item's links) would be worked out from the database on every render, the
same answers each time until an editor changes something. `remember()` keeps them, as plain
data (ids, strings, rendered HTML), under the ContentVersion token (core.models), which
every change to what public pages show replaces (`connect_signals`: a save or delete of any
model but the private ones listed below, and page moves); a request reads the token once,
in one small query, so the cache is right in every process whatever the cache backend.
Preview never reads it.

Django keeps no whole pages (Varnish does, core/frontcache.py): pages are rendered on
every request, Wagtail finding the site, its settings and the page for the path itself;
only these shared parts, under the current token, come from the cache.

    FRAGMENT_CACHE_SECONDS  how long an unused entry is kept (0: off; the tests that pin
                            query counts of a first render switch it off)
"""

import contextlib
import contextvars
import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import post_page_move

DEFAULT_SECONDS = 3600
# What a save leaves the content version alone for: rows no public page shows, and rows
# written while pages are rendered or visitors post forms (sessions, counters, renditions,
# messages, logs), which would otherwise empty the cache on every request. Every other
# model moves it (any app's pages, snippets, vocabularies, settings): an app added later
# is right without an entry here, at worst emptying the cache more often than needed.
PRIVATE_APPS = {
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "django_tasks_database",
    "django_otp_webauthn",
    "otp_static",
    "otp_totp",
    "mail",
    "staff_auth",
    "wagtailadmin",
    "wagtailusers",
    "wagtailsearch",
    "wagtailforms",
    "wagtailembeds",
}
PRIVATE_MODELS = {
    "core.contentversion",
    "core.ratelimitcounter",
    "members.consentrecord",
    "members.contactmessage",
    "members.invitation",
    "members.listingreminder",
    "members.membership",
    "members.membershipapplication",
    "members.removalrequest",
    "search.pendingindexupdate",
    "search.weeklyquery",
    "wagtailcore.apitoken",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.task",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflow",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowstate",
    "wagtailcore.workflowtask",
    "wagtailimages.rendition",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
}


def cache_seconds() -> int:
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", DEFAULT_SECONDS)


def content_version(request=None) -> str:
    """The current token; read once per request."""
    from core.models import ContentVersion

    if request is None:
        return ContentVersion.current()
    token = getattr(request, "_content_version", None)
    if token is None:
        token = request._content_version = ContentVersion.current()
    return token


def context(request):
    """Template context: `{% wagtailcache fragment_cache_seconds name content_version … %}`."""
    seconds = cache_seconds()
    return {
        "content_version": SimpleLazyObject(lambda: content_version(request)) if seconds else "",
        "fragment_cache_seconds": seconds,
    }


def digest(*parts) -> str:
    """A short name for a cache entry from its parts (a search's text and filters)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _key(version: str, name: str) -> str:
    """A cache key for `name`; long or odd names (paths, hosts) by their digest."""
    if len(name) > 150 or not name.isprintable() or " " in name:
        name = "sha256:" + hashlib.sha256(name.encode()).hexdigest()
    return f"fragment:{version}:{name}"


def remember(request, name: str, compute, *, until=None, seconds=None, version=None):
    """`compute()`, or what it returned before under the current content version: the one
    cache of the site's own (fragments, the directory's and the site search's results).

    Plain data only (ids, strings, rendered HTML), never model instances. `until(value)`,
    where given, says when a value stops holding without any edit (an aware datetime, or
    None), for what changes with time, such as which events are still upcoming. `seconds`
    (FRAGMENT_CACHE_SECONDS unless given; 0: off) bounds how long an unused entry is kept;
    `version`, the token when the caller has read it already. Never in preview; None is
    never remembered.
    """
    seconds = cache_seconds() if seconds is None else seconds
    if not seconds or getattr(request, "is_preview", False):
        return compute()
    key = _key(version or content_version(request), name)
    value = cache.get(key)
    if value is None or _expired(value, until):
        value = compute()
        if value is not None:
            cache.set(key, value, seconds)
    return value


def _expired(value, until) -> bool:
    moment = until(value) if until is not None else None
    return moment is not None and timezone.now() >= moment


# Invalidation ---------------------------------------------------------------------------


_one_change = contextvars.ContextVar("one_change", default=False)


def content_changed(sender=None, **kwargs) -> None:
    """Signal receiver: whatever was cached no longer names the current content."""
    from core.models import ContentVersion

    if kwargs.get("created") and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults on a site's first visit: the pages are the same
    if not _one_change.get():
        ContentVersion.bump()


@contextlib.contextmanager
def one_change():
    """What is written inside is one change: the version moves once, at the end (after a
    cluster's tags, which are written after the row's own post_save)."""
    if _one_change.get():
        yield
        return
    token = _one_change.set(True)
    try:
        yield
    finally:
        _one_change.reset(token)
        content_changed()


def shown_models():
    for model in apps.get_models():
        label = model._meta
        if label.app_label not in PRIVATE_APPS and label.label_lower not in PRIVATE_MODELS:
            yield model


def connect_signals() -> None:
    for model in shown_models():
        uid = f"fragments-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid + "-delete")
    # A move rewrites the paths of a whole subtree without saving each page.
    post_page_move.connect(content_changed, dispatch_uid="fragments-page-move")
