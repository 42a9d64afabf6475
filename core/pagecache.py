"""Whole public pages for anonymous visitors, and precise invalidation when content changes.

Two caches hold public pages: Django's cache (`PageCacheMiddleware`, Redis when REDIS_URL is
set) and, in a deployment, a front cache (Varnish from deploy/, Cloudflare or CloudFront,
through Wagtail's frontend cache). Both are emptied for exactly the same URLs, computed by
`urls_affected_by(page)`: the page itself with its sub-URLs (`get_cached_paths()`), the
listing it sits in (its parent, with the parent's feeds), the theme pages that show it and,
for what the home page shows, the home page. Nothing is flushed wholesale, except when site
settings or menus change, which appear on every page.

What is never cached in a shared cache (Cache-Control `private, no-store`): anything for a
request with a session cookie (logged-in members and staff) or Authorization, anything but
GET and HEAD, a response that sets a cookie or uses the CSRF token (every form), and the
paths in PAGE_CACHE_PRIVATE_PATHS (Min organisation, the application form, Kontakta, the
site search, the admin). Public Wagtail pages get `public, max-age=…, s-maxage=…`.

Settings (all optional):
    PAGE_CACHE_SECONDS          how long Django's cache keeps a page (0: off)
    PAGE_CACHE_MAX_AGE          browsers' max-age for public pages
    PAGE_CACHE_SHARED_MAX_AGE   front caches' s-maxage for public pages (they are purged)
    PAGE_CACHE_PRIVATE_PATHS    path prefixes that are never shared
    PAGE_CACHE_QUERY_PARAMETERS query parameters a cached page may have (listing filters);
                                any other parameter (free text such as q) bypasses the cache
"""

import logging
import re
import secrets
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from wagtail import hooks

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 300
DEFAULT_MAX_AGE = 60
DEFAULT_SHARED_MAX_AGE = 300
# Not-found pages and permanent redirects: briefly, so a burst of them is cheap.
SHORT_MAX_AGE = 60
DEFAULT_PRIVATE_PATHS = (
    "/admin/",
    "/min-organisation/",
    "/ga-med/ansokan/",
    "/kontakta/",
    "/sok/",
)
# The listings' filters and pagination (news, events, the directory and its opportunities).
DEFAULT_QUERY_PARAMETERS = frozenset(
    {
        "page",
        "tema",
        "tagg",
        "ar",
        "theme",
        "org_type",
        "municipality",
        "offers",
        "seeks",
        "partnership_type",
        "has_needs",
        "kind",
        "competence",
        "sort",
    }
)
# Campaign parameters no page reads: left out of the key instead of bypassing the cache.
IGNORED_QUERY_PARAMETERS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)$")
MAX_QUERY_VALUES = 8
QUERY_VALUE = re.compile(r"^[\w-]{1,64}$")

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"


def _setting(name, default):
    return getattr(settings, name, default)


def cache_seconds() -> int:
    return _setting("PAGE_CACHE_SECONDS", DEFAULT_SECONDS)


def private_paths() -> tuple:
    return tuple(_setting("PAGE_CACHE_PRIVATE_PATHS", DEFAULT_PRIVATE_PATHS))


# Keys -------------------------------------------------------------------------------


def _path_key(path: str) -> str:
    return "pagecache:path:" + iri_to_uri(path)


def normalised_query(params) -> str | None:
    """The query string as part of a key, or None when the page must not come from the cache.

    Known parameters only, each value slug-like, sorted: `?b=2&a=1` and `?a=1&b=2` are one
    entry, and nobody can fill the cache with free text.
    """
    pairs = []
    for name in params:
        if IGNORED_QUERY_PARAMETERS.match(name):
            continue
        if name not in _setting("PAGE_CACHE_QUERY_PARAMETERS", DEFAULT_QUERY_PARAMETERS):
            return None
        for value in params.getlist(name):
            if value == "":
                continue
            if not QUERY_VALUE.match(value):
                return None
            pairs.append((name, value))
    if len(pairs) > MAX_QUERY_VALUES:
        return None
    return "&".join(f"{name}={value}" for name, value in sorted(set(pairs)))


def has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def is_private_path(path: str) -> bool:
    return path.startswith(private_paths())


def _entry_key(request) -> str | None:
    """The request's key without the path's version, or None when it is never cached."""
    if request.method not in ("GET", "HEAD") or has_session(request):
        return None
    if is_private_path(request.path):
        return None
    query = normalised_query(request.GET)
    if query is None:
        return None
    return f"{request.scheme}://{request.get_host()}{iri_to_uri(request.path)}?{query}"


def _versions(path: str) -> tuple[str, str]:
    """The current tokens of the whole cache and of `path`, created when missing.

    A token is read before the page is rendered and is part of the stored entry's key: an
    invalidation while the page renders deletes the token, so an entry rendered from old
    data is stored under a key nobody looks up again.
    """
    seconds = cache_seconds()
    keys = [GENERATION_KEY, _path_key(path)]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = secrets.token_hex(8)
            if not cache.add(key, token, None if key == GENERATION_KEY else seconds):
                token = cache.get(key, token)
        tokens.append(token)
    return tokens[0], tokens[1]


# Cache-Control ------------------------------------------------------------------------


def mark_public_page(request) -> None:
    """Called while Wagtail serves a page that anyone may see (see the on_serve_page hook)."""
    request.page_cache_public = True


def is_personal(request, response) -> bool:
    """Is this answer for this visitor only?"""
    return (
        has_session(request)
        or request.method not in ("GET", "HEAD")
        or bool(response.cookies)
        # get_token() was called: the page has a form with this visitor's CSRF token.
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or is_private_path(request.path)
    )


def _uses_nonce(response) -> bool:
    policy = response.get("Content-Security-Policy", "")
    return "'nonce-" in policy


def apply_cache_control(request, response) -> bool:
    """Give the response its Cache-Control; True when it may be stored in a shared cache."""
    current = response.get("Cache-Control", "")
    if is_personal(request, response) or _uses_nonce(response):
        if not ("private" in current and "no-store" in current):
            response["Cache-Control"] = "private, no-store"
        return False
    if current:
        shareable = "public" in current and "private" not in current and "no-store" not in current
        if shareable and getattr(request, "page_cache_public", False) and "s-maxage" not in current:
            # A page's own public answer (feeds, the CSV): purged like the page, so front
            # caches may keep it as long as the page.
            patch_cache_control(
                response, s_maxage=_setting("PAGE_CACHE_SHARED_MAX_AGE", DEFAULT_SHARED_MAX_AGE)
            )
        return shareable
    if getattr(request, "page_cache_public", False) and response.status_code == 200:
        patch_cache_control(
            response,
            public=True,
            max_age=_setting("PAGE_CACHE_MAX_AGE", DEFAULT_MAX_AGE),
            s_maxage=_setting("PAGE_CACHE_SHARED_MAX_AGE", DEFAULT_SHARED_MAX_AGE),
        )
        return True
    if response.status_code in (301, 404, 410):
        patch_cache_control(response, public=True, max_age=SHORT_MAX_AGE, s_maxage=SHORT_MAX_AGE)
        return False
    # Anything else (other views that did not say): the visitor's browser only.
    patch_cache_control(response, private=True, no_cache=True)
    return False


class PageCacheMiddleware:
    """Serve anonymous visitors' public pages from Django's cache; set Cache-Control.

    Sits after SecurityMiddleware and WhiteNoise and before the session: a hit needs no
    session, no database and no view. Inner middleware's headers (CSP, frame options) are
    stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        entry = _entry_key(request) if seconds else None
        key = None
        if entry is not None:
            generation, version = _versions(request.path)
            key = f"pagecache:page:{generation}:{version}:{entry}"
            stored = cache.get(key)
            if stored is not None:
                return _rebuild(stored)
        response = self.get_response(request)
        shareable = apply_cache_control(request, response)
        if (
            key is not None
            and shareable
            and request.method == "GET"
            and getattr(request, "page_cache_public", False)
            and response.status_code == 200
            and not response.streaming
        ):
            response[HEADER] = "miss"
            cache.set(key, _freeze(response), seconds)
        return response


def _freeze(response) -> tuple:
    headers = [(k, v) for k, v in response.items() if k != HEADER]
    return (response.status_code, headers, response.content)


def _rebuild(stored) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


@hooks.register("on_serve_page", order=-100)
def _mark_public_pages(next_serve_page):
    """Outermost: Wagtail's own check of view restrictions runs inside and marks restricted
    pages never-cache, which apply_cache_control then respects."""

    def serve(page, request, args, kwargs):
        response = next_serve_page(page, request, args, kwargs)
        said = response.get("Cache-Control", "")
        if not getattr(request, "is_preview", False) and (
            not said or ("public" in said and "private" not in said and "no-store" not in said)
        ):
            mark_public_page(request)
        return response

    return serve


# What a change affects -----------------------------------------------------------------

# Page types the home page shows (latest news, upcoming events, the themes) or links to.
HOME_PAGE_SHOWS = {
    "home.homepage",
    "news.newspage",
    "news.newsindexpage",
    "events.eventpage",
    "events.eventindexpage",
    "themes.themepage",
    "themes.themeindexpage",
    "directory.directoryindexpage",
}


def page_urls(page, cache_object=None) -> set[str]:
    """The page's own URLs: its address and its sub-URLs (feeds, calendars)."""
    page = page.specific_deferred
    base = page.get_full_url(cache_object)
    if base is None:
        return set()
    return {iri_to_uri(base + path.lstrip("/")) for path in page.get_cached_paths()}


def theme_page_urls(theme_ids, cache_object=None) -> set[str]:
    """The theme pages of these themes (they show news, events and the directory's items)."""
    from themes.models import ThemePage

    urls = set()
    for theme_page in ThemePage.objects.live().filter(theme_id__in=list(theme_ids)):
        urls |= page_urls(theme_page, cache_object)
    return urls


def urls_affected_by(page, cache_object=None) -> set[str]:
    """Every URL that shows `page`: what to empty when it is published, unpublished or moved.

    The page and its sub-URLs; its parent (the listing: news, events, the directory, the
    themes) with the parent's sub-URLs; the theme pages of the page's themes (through
    themes.ThemedPage); and the home page for what it shows. A page type adds URLs of its
    own with `get_affected_urls()` (organisations: their opportunities).
    """
    from themes.models import ThemedPage

    cache_object = cache_object if cache_object is not None else page
    page = page.specific_deferred
    urls = page_urls(page, cache_object)
    if not urls:
        return urls
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        urls |= page_urls(parent, cache_object)
    theme_ids = ThemedPage.objects.filter(content_object_id=page.pk).values_list(
        "tag_id", flat=True
    )
    urls |= theme_page_urls(theme_ids, cache_object)
    if page._meta.label_lower in HOME_PAGE_SHOWS:
        site = page.get_site()
        if site is not None:
            urls |= page_urls(site.root_page, cache_object)
    extra = getattr(page, "get_affected_urls", None)
    if extra is not None:
        urls |= set(extra(cache_object))
    return urls


# Invalidation ------------------------------------------------------------------------


def invalidate_urls(urls) -> None:
    """Empty Django's cache and the front caches for these URLs once the transaction commits.

    Django's cache first (at once on commit), then the front cache (Wagtail's purge task),
    so the front cache cannot fetch the old page again from Django's cache. A path is
    emptied with all its query strings (every filter of a listing).
    """
    urls = set(urls)
    if not urls:
        return
    transaction.on_commit(lambda: _invalidate_now(urls))


def _invalidate_now(urls: set[str]) -> None:
    paths = {unquote(urlsplit(url).path) for url in urls}
    cache.delete_many([_path_key(path) for path in paths])
    if _setting("WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        try:
            purge_urls_from_cache(sorted(urls))
        except Exception:
            # Publishing must not fail because the front cache is away; it expires by itself.
            logger.exception("Could not queue the front-cache purge of %d URLs", len(urls))


def invalidate_site() -> None:
    """Site settings and menus appear on every page: every cached page goes."""

    def now():
        cache.delete(GENERATION_KEY)
        if _setting("WAGTAILFRONTENDCACHE", None):
            from wagtail.models import Page

            urls = set()
            for page in Page.objects.live().specific(defer=True).iterator():
                urls |= page_urls(page, cache_object=_shared_cache_object)
            _invalidate_now(urls)

    transaction.on_commit(now)


class _CacheObject:
    """Holds Wagtail's site root paths across many get_full_url() calls."""


_shared_cache_object = _CacheObject()


# Signals ------------------------------------------------------------------------------


def _page_changed(sender, instance, **kwargs):
    invalidate_urls(urls_affected_by(instance))


def _page_deleted(sender, instance, **kwargs):
    if instance.live:
        invalidate_urls(urls_affected_by(instance))


def _page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    """The old addresses (the page and everything under it), the old listing, the new one."""
    urls = urls_affected_by(instance)
    if parent_page_before is not None and parent_page_before.depth > 1:
        urls |= page_urls(parent_page_before, instance)
    urls |= _old_urls(instance, url_path_before, url_path_after)
    invalidate_urls(urls)


def _slug_changed(sender, instance, instance_before, **kwargs):
    invalidate_urls(
        urls_affected_by(instance)
        | _old_urls(instance, instance_before.url_path, instance.url_path)
    )


def _old_urls(page, url_path_before: str, url_path_after: str) -> set[str]:
    """What the page and its live descendants were reachable at before a move or rename."""
    urls = set()
    for current in page.get_descendants(inclusive=True).live().specific(defer=True):
        full_url = current.get_full_url(page)
        if full_url is None or not current.url_path.startswith(url_path_after):
            continue
        parts = urlsplit(full_url)
        # A page's URL path is "/" plus its url_path below the site's root page.
        site_root = current.url_path[: len(current.url_path) - len(unquote(parts.path)) + 1]
        old_url_path = url_path_before + current.url_path[len(url_path_after) :]
        if not old_url_path.startswith(site_root):
            continue  # it was on another site
        old_path = "/" + old_url_path[len(site_root) :]
        for sub in current.get_cached_paths():
            urls.add(iri_to_uri(parts._replace(path=old_path + sub.lstrip("/")).geturl()))
    return urls


def _themes_changed(sender, instance, **kwargs):
    """A page gained or lost a theme (written when it is published): that theme's page."""
    page = getattr(instance, "content_object", None)
    if page is not None and page.live:
        invalidate_urls(theme_page_urls([instance.tag_id]))


def _settings_changed(sender, instance, **kwargs):
    invalidate_site()


def connect_signals() -> None:
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    page_published.connect(_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache-moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid="pagecache-slug")
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_delete.connect(_page_deleted, sender=model, dispatch_uid=f"pagecache-del-{model}")
    themed_page = apps.get_model("themes", "ThemedPage")
    post_save.connect(_themes_changed, sender=themed_page, dispatch_uid="pagecache-theme")
    post_delete.connect(_themes_changed, sender=themed_page, dispatch_uid="pagecache-untheme")
    for label in ("core.SiteSettings", "core.NavigationSettings"):
        post_save.connect(
            _settings_changed, sender=apps.get_model(label), dispatch_uid=f"pagecache-{label}"
        )
