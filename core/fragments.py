"""What every public page repeats, worked out once per state of the content.

Every page needs the Wagtail site for its host, the route from its path to a page, the
site settings, the menus and its breadcrumbs. Worked out from the database that is a dozen
queries per request, the same answers each time until an editor changes something. Here
they are cached under the ContentVersion token (core.models), which every change to what
public pages show replaces (`connect_signals`: pages saved, published, moved or deleted,
sites, settings, snippets, vocabularies, images, documents, view restrictions); a request
reads the token once, in one small query, so the cache is right in every process whatever
the cache backend. Preview never reads it.

Django keeps no whole pages (Varnish does, core/frontcache.py): pages are rendered on
every request; only these shared parts, under the current token, come from the cache.

    FRAGMENT_CACHE_SECONDS  how long an unused entry is kept (0: off; the tests that pin
                            query counts of a first render switch it off)
"""

import contextlib
import contextvars
import hashlib

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

DEFAULT_SECONDS = 3600
# Models whose rows appear on public pages (besides pages themselves) and change rarely.
APPS_SHOWN = ("core", "home", "themes", "news", "events", "directory", "taggit")
NOT_SHOWN = {
    "core.contentversion",
    "core.ratelimitcounter",
}
WAGTAIL_SHOWN = (
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Locale",
    "wagtailimages.Image",
    "wagtaildocs.Document",
)


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


def _key(version: str, name: str) -> str:
    """A cache key for `name`; long or odd names (paths, hosts) by their digest."""
    if len(name) > 150 or not name.isprintable() or " " in name:
        name = "sha256:" + hashlib.sha256(name.encode()).hexdigest()
    return f"fragment:{version}:{name}"


def in_use(request) -> bool:
    """Is the cache on, and is this request not a preview?"""
    return bool(cache_seconds()) and not getattr(request, "is_preview", False)


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


# Site, settings and route, looked up together before Wagtail serves a page -------------


def _site_key(request) -> str:
    return f"{request._get_raw_host()}:{request.get_port()}"


def _site_data(request):
    """What Site.find_for_request and the site settings would find, as plain data for the
    cache (fields' values, not instances whose loaded relations could go stale unseen)."""
    from core.models import NavigationSettings, SiteSettings

    site = Site._find_for_request(request)
    if site is None:
        return {"site": None}
    return {
        "site": _frozen(site),
        "root_page": _frozen(site.root_page),
        "settings": [_frozen(model.for_site(site)) for model in (SiteSettings, NavigationSettings)],
        # Where view restrictions start; None when aliases (which take their source page's
        # restrictions) make a path check insufficient.
        "restricted_paths": (
            None
            if Page.objects.filter(alias_of__isnull=False).exists()
            else tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        ),
    }


def _frozen(instance) -> dict:
    """A model instance as plain data: its model's label and its fields' values."""
    return serializers.serialize("python", [instance])[0]


def _thawed(data: dict):
    """The instance `_frozen()` described, built without a query."""
    instance = next(serializers.deserialize("python", [data])).object
    instance._state.adding = False
    instance._state.db = DEFAULT_DB_ALIAS
    return instance


def _note_restrictions(result, restricted_paths) -> None:
    """Tell the routed page that no view restriction applies, when none can (BasePage)."""
    if result is None or restricted_paths is None:
        return
    page = result[0]
    if not any(page.path.startswith(path) for path in restricted_paths):
        page.has_no_view_restrictions = True


def _route(request, site, path):
    """Route `path` as Wagtail does; also what to cache of the route, or None."""
    components = [component for component in path.split("/") if component]
    try:
        result = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None, None
    page = result[0]
    root_path = site.root_page.url_path
    own = [component for component in page.url_path[len(root_path) :].split("/") if component]
    if not page.url_path.startswith(root_path) or components[: len(own)] != own:
        return result, None  # routed in some other way: not cached
    cached = {
        "page_id": page.pk,
        "content_type_id": page.content_type_id,
        "remaining": components[len(own) :],
    }
    return result, cached


def _cached_route(request, route):
    """The page named by a cached route, routing the components below it itself."""
    model = ContentType.objects.get_for_id(route["content_type_id"]).model_class()
    page = model.objects.filter(pk=route["page_id"]).first() if model else None
    if page is None:
        return None
    try:
        return page.route(request, route["remaining"])
    except Http404:
        return None


def prepare_site(request):
    """Put the site and its settings on the request, as Wagtail would find them; the site
    and where view restrictions start.

    Wagtail keeps them on the request (`_wagtail_site` and the settings' cache attributes);
    filled in here from the cache, Wagtail finds them there.
    """
    site_key = _key(content_version(request), f"site:{_site_key(request)}")
    data = cache.get(site_key)
    if data is None:
        data = _site_data(request)
        cache.set(site_key, data, cache_seconds())
    site = None
    if data["site"] is not None:
        site = _thawed(data["site"])
        site.root_page = _thawed(data["root_page"])
        for frozen in data["settings"]:
            value = _thawed(frozen)
            value.site = site
            value._request = request  # as for_request() does, for its page URLs
            setattr(request, type(value).get_cache_attr_name(), value)
    request._wagtail_site = site
    return {"site": site, "restricted_paths": data.get("restricted_paths")}


def prepare_wagtail_request(request, path: str) -> None:
    """Give Wagtail's serve view the site, settings and route it would otherwise look up.

    The route goes where Wagtail keeps it (`_wagtail_route_for_request`). A cached route
    names the page and the path components below it; the page itself is loaded fresh and
    routes those components itself, as it would have.
    """
    data = prepare_site(request)
    site = data["site"]
    if site is None:
        return
    route_key = _key(content_version(request), f"route:{site.pk}:{path}")
    route = cache.get(route_key)
    if route is not None:
        result = _cached_route(request, route)
    else:
        result, route = _route(request, site, path)
        if route is not None:
            cache.set(route_key, route, cache_seconds())
    _note_restrictions(result, data["restricted_paths"])
    request._wagtail_route_for_request = result


class PrepareWagtailRequestMiddleware:
    """Prepares requests for Wagtail's page serving, and the site search's pages, which
    show the same header and footer."""

    # Views (by URL name) that render the site's own pages, besides Wagtail's.
    view_names = ("search:search",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if not in_use(request) or request.method not in ("GET", "HEAD"):
            return
        if view_func is wagtail_views.serve:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            prepare_wagtail_request(request, path)
        elif request.resolver_match and request.resolver_match.view_name in self.view_names:
            prepare_site(request)


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
        if model._meta.label_lower in NOT_SHOWN:
            continue
        if model._meta.app_label in APPS_SHOWN or issubclass(model, Page):
            yield model
    for label in WAGTAIL_SHOWN:
        try:
            yield apps.get_model(label)
        except LookupError:
            continue


def connect_signals() -> None:
    for model in shown_models():
        uid = f"fragments-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid + "-delete")
    # A move rewrites the paths of a whole subtree without saving each page.
    post_page_move.connect(content_changed, dispatch_uid="fragments-page-move")
