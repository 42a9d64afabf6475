"""Routing a request to a page in a fixed number of queries, whatever its depth.

Wagtail's Page.route finds each level with a query of its own and loads each level's
specific page with another: six queries for /nyheter/<slug>/, before the page reads its
image and its renditions one by one. Here (core.BasePage.route) the pages on the whole
path come in one query (by slug, checked against url_path), the levels in between are
routed as deferred specific pages (their class decides, no fields are read), and the page
served is loaded once with its main and sharing images and their renditions, whether a
view restriction covers it, and what its type names in `serve_select_related` and
`serve_prefetch_related` (what its template shows). The same route results: each level's
own route() still runs (RoutablePageMixin's sub-routes first), a missing level is a 404,
only the page served must be live.

The pages of the path are kept on the page served (`route_ancestors`, `routed_ancestor`:
breadcrumbs and index pages without a query). Wagtail's view restriction check
(`view_restrictions`) then needs no query when the page's own query found no restriction
and no alias is on the path, and one (not two) otherwise.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from core.pagequery import restricted


def pages_on_path(page, path_components) -> dict:
    """The pages below `page` along the path, base Page instances by url_path."""
    wanted = set()
    url_path = page.url_path
    for component in path_components:
        url_path += component + "/"
        wanted.add(url_path)
    found = Page.objects.filter(
        slug__in=set(path_components),
        depth__gt=page.depth,
        depth__lte=page.depth + len(path_components),
        path__startswith=page.path,
    )
    return {p.url_path: p for p in found if p.url_path in wanted}


def image_fields(model) -> list[str]:
    """The page type's image foreign keys that templates show: sharing and main image."""
    names = []
    for name in ("og_image", getattr(model, "image_field", None)):
        if not name or name in names:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a property, not a field: nothing to join
            field = None
        if field is not None and field.many_to_one:
            names.append(name)
    return names


def load_served(page):
    """The specific page with its images and their renditions, in two queries."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    names = image_fields(model)
    queryset = model._default_manager.filter(pk=page.pk).annotate(_restricted=restricted())
    queryset = queryset.select_related(*names, *getattr(model, "serve_select_related", ()))
    renditions = get_image_model().get_rendition_model().objects.all()
    queryset = queryset.prefetch_related(
        *(Prefetch(f"{name}__renditions", queryset=renditions) for name in names),
        *getattr(model, "serve_prefetch_related", ()),
    )
    specific = queryset.first()
    if specific is None:  # deleted since the path was read
        raise Http404
    return specific


def attach_images(page) -> None:
    """The page's sharing and main image with their renditions, in two queries, for a page
    routing did not load (the site's root page, which Wagtail loads itself)."""
    missing = [
        page._meta.get_field(name)
        for name in image_fields(type(page))
        if getattr(page, f"{name}_id", None) is not None
        and not page._meta.get_field(name).is_cached(page)
    ]
    if not missing:
        return
    images = get_image_model().objects.prefetch_related("renditions")
    images = images.in_bulk({getattr(page, field.attname) for field in missing})
    for field in missing:
        field.set_cached_value(page, images.get(getattr(page, field.attname)))


def route(page, request, path_components, fallback):
    """BasePage.route: `fallback` is Wagtail's own route for the page itself."""
    page._routed_request = request  # BasePage._get_site_root_paths
    if not path_components:
        attach_images(page)
        return fallback(request, path_components)
    chain = page.__dict__.get("_route_chain")
    if chain is None:
        chain = pages_on_path(page, path_components)
        chain.setdefault(page.url_path, page)  # where routing started (the site's root page)
    child = chain.get(page.url_path + path_components[0] + "/")
    if child is None or child.depth != page.depth + 1 or not child.path.startswith(page.path):
        raise Http404
    child._cached_parent_obj = page
    remaining = path_components[1:]
    if remaining and child.url_path + remaining[0] + "/" in chain:
        # A level in between: its class routes, its fields are never read.
        deferred = child.specific_deferred
        deferred._route_chain = chain
        result = deferred.route(request, remaining)
        if result[0] is deferred:  # one of its own sub-routes matched after all
            served = load_served(child)
            served._cached_parent_obj = page
            served._route_chain = chain
            served._routed_request = request
            return RouteResult(served, result[1], result[2])
        return result
    served = load_served(child)
    served._cached_parent_obj = page
    served._route_chain = chain
    served._routed_request = request  # its own route() may not run (routable pages' "/")
    return served.route(request, remaining)


def route_ancestors(page):
    """The pages above `page` that routing read (depth 3 and below), or None."""
    chain = page.__dict__.get("_route_chain")
    if not chain:
        return None
    ancestors = sorted(
        (p for p in chain.values() if p.depth < page.depth and page.path.startswith(p.path)),
        key=lambda p: p.depth,
    )
    if [p.depth for p in ancestors if p.depth > 2] != list(range(3, page.depth)):
        return None
    return [p for p in ancestors if p.depth > 2]


def _aliases_on_path(page) -> bool:
    """Whether the page or an ancestor may be an alias (ancestors routing did not read: may)."""
    if page.alias_of_id is not None:
        return True
    chain = page.__dict__.get("_route_chain")
    if not chain:
        return True
    ancestors = [p for p in chain.values() if p.depth < page.depth and page.path.startswith(p.path)]
    if sorted(p.depth for p in ancestors) != list(range(2, page.depth)):
        return True  # the tree's root (depth 1) is never an alias
    return any(p.alias_of_id is not None for p in ancestors)


def routed_ancestor(page, model, default=None):
    """The topmost live ancestor of type `model` among the pages routing read, as a deferred
    specific page (its class, its base fields); `default` when routing read no path."""
    ancestors = route_ancestors(page)
    if ancestors is None:
        return default
    for ancestor in ancestors:
        if ancestor.live and issubclass(ancestor.specific_class or type(None), model):
            return ancestor.specific_deferred
    return None


def view_restrictions(page):
    """The view restrictions on the page and its ancestors (aliases by their source).

    None without a query when routing loaded the page and found no restriction on its path
    and no alias on it (an alias takes its source's restrictions, not its path's).
    """
    if page.__dict__.get("_restricted") is False and not _aliases_on_path(page):
        return PageViewRestriction.objects.none()
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    sources = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of_id", "id"))
    return PageViewRestriction.objects.filter(page_id__in=sources)
