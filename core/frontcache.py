"""What a front cache (Varnish, a CDN) may keep, and which of its URLs a change empties.

Django keeps no pages itself: Varnish from deploy/varnish/ (or Cloudflare, CloudFront) is the
page cache, and without one (`make run`) every page is simply rendered.

`CacheControlMiddleware` tells the front cache what it may keep. Anything for a request with
a session cookie (logged-in members and staff) or Authorization, anything but GET and HEAD,
a response that sets a cookie or hands out a CSRF token (every form) and the PRIVATE_PATHS
get `private, no-store`; public Wagtail pages `public, max-age=60, s-maxage=300`.

On a change, exactly the URLs that show it are purged (`urls_affected_by(page)`): the page
with its sub-URLs (`get_cached_paths()`), the listing it sits in (its parent), whatever an
app registers with the `affected_urls` hook (theme pages, the home page) and what the page
type adds itself (`get_affected_urls()`). Nothing is purged wholesale, except when site
settings or menus change, which appear on every page. Wagtail's purge task (run by
`db_worker`) sends the purges once the transaction commits.
"""

import logging
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from wagtail import hooks

logger = logging.getLogger(__name__)

MAX_AGE = 60  # browsers cannot be purged
SHARED_MAX_AGE = 300  # front caches are
SHORT_MAX_AGE = 60  # not-found pages and permanent redirects
PRIVATE_PATHS = ("/admin/", "/min-organisation/", "/ga-med/ansokan/", "/kontakta/", "/sok/")


# Cache-Control --------------------------------------------------------------------------


def has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def is_personal(request, response) -> bool:
    """Is this answer for this visitor only?"""
    return (
        has_session(request)
        or request.method not in ("GET", "HEAD")
        or bool(response.cookies)
        # get_token() was called: the page has a form with this visitor's CSRF token.
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or request.path.startswith(PRIVATE_PATHS)
        or "'nonce-" in response.get("Content-Security-Policy", "")
    )


def apply_cache_control(request, response) -> None:
    current = response.get("Cache-Control", "")
    public_page = getattr(request, "public_page", False)
    if is_personal(request, response):
        if not ("private" in current and "no-store" in current):
            response["Cache-Control"] = "private, no-store"
    elif current:
        shareable = "public" in current and "private" not in current and "no-store" not in current
        if shareable and public_page and "s-maxage" not in current:
            # A page's own public answer (feeds, the CSV): purged like the page.
            patch_cache_control(response, s_maxage=SHARED_MAX_AGE)
    elif public_page and response.status_code == 200:
        patch_cache_control(response, public=True, max_age=MAX_AGE, s_maxage=SHARED_MAX_AGE)
    elif response.status_code in (301, 404, 410):
        patch_cache_control(response, public=True, max_age=SHORT_MAX_AGE, s_maxage=SHORT_MAX_AGE)
    else:
        # Other views that did not say: the visitor's browser only.
        patch_cache_control(response, private=True, no_cache=True)


class CacheControlMiddleware:
    """Cache-Control on every answer; outside the session and CSRF middleware, so it sees
    the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        apply_cache_control(request, response)
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
            request.public_page = True
        return response

    return serve


# What a change affects -------------------------------------------------------------------


def page_urls(page, cache_object=None) -> set[str]:
    """The page's own URLs: its address and its sub-URLs (feeds, calendars)."""
    page = page.specific_deferred
    base = page.get_full_url(cache_object)
    if base is None:
        return set()
    return {iri_to_uri(base + path.lstrip("/")) for path in page.get_cached_paths()}


def urls_affected_by(page, cache_object=None) -> set[str]:
    """Every URL that shows `page`: what to purge when it is published, unpublished or moved.

    The page and its sub-URLs, its parent (the listing) with the parent's sub-URLs, what
    the `affected_urls` hooks return for it (`fn(page, cache_object)`: the theme pages of
    its themes, the home page) and the page type's own `get_affected_urls(cache_object)`.
    """
    cache_object = cache_object if cache_object is not None else page
    page = page.specific_deferred
    urls = page_urls(page, cache_object)
    if not urls:
        return urls
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        urls |= page_urls(parent, cache_object)
    for affected_urls in hooks.get_hooks("affected_urls"):
        urls |= set(affected_urls(page, cache_object))
    extra = getattr(page, "get_affected_urls", None)
    if extra is not None:
        urls |= set(extra(cache_object))
    return urls


# Purging --------------------------------------------------------------------------------


def invalidate_urls(urls) -> None:
    """Purge these URLs from the front caches once the transaction commits (a path with all
    its query strings: every filter of a listing)."""
    urls = set(urls)
    if urls and settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: _purge(urls))


def _purge(urls: set[str]) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(sorted(urls))
    except Exception:
        # Publishing must not fail because the front cache is away; it expires by itself.
        logger.exception("Could not queue the front-cache purge of %d URLs", len(urls))


def invalidate_site() -> None:
    """Site settings and menus appear on every page: every page's URLs go."""
    if not settings.WAGTAILFRONTENDCACHE:
        return

    def now():
        from wagtail.models import Page

        urls = set()
        for page in Page.objects.live().specific(defer=True).iterator():
            urls |= page_urls(page, cache_object=_shared_cache_object)
        _purge(urls)

    transaction.on_commit(now)


class _CacheObject:
    """Holds Wagtail's site root paths across many get_full_url() calls."""


_shared_cache_object = _CacheObject()


# Signals --------------------------------------------------------------------------------


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


def _settings_changed(sender, instance, created=False, **kwargs):
    if not created:  # made with its defaults on a site's first visit: the pages are the same
        invalidate_site()


def connect_signals() -> None:
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    page_published.connect(_page_changed, dispatch_uid="frontcache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="frontcache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="frontcache-moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid="frontcache-slug")
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_delete.connect(_page_deleted, sender=model, dispatch_uid=f"frontcache-del-{model}")
    for label in ("core.SiteSettings", "core.NavigationSettings"):
        post_save.connect(
            _settings_changed, sender=apps.get_model(label), dispatch_uid=f"frontcache-{label}"
        )
