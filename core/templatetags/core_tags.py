import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.fragments import remember
from core.models import NavigationSettings, SiteSettings
from core.routing import route_ancestors

register = template.Library()


MENUS = ("main_menu", "footer_menu")


def _menus(request) -> dict:
    """The links of both menus as plain data, their pages read in one query."""
    navigation = NavigationSettings.for_request(request)
    raw = {
        name: [
            item["value"] for item in getattr(navigation, name).raw_data if item["type"] == "link"
        ]
        for name in MENUS
    }
    # One bulk conversion for both streams: Wagtail would read each stream's pages apart.
    link_block = NavigationSettings._meta.get_field("main_menu").stream_block.child_blocks["link"]
    values = iter(link_block.bulk_to_python([v for name in MENUS for v in raw[name]]))
    menus = {}
    for name in MENUS:
        items = []
        for value in [next(values) for _ in raw[name]]:
            url = value.url(request)
            if url:
                page = value.get("page")
                items.append(
                    {
                        "url": url,
                        "label": value.label(),
                        "page_id": page.pk if page else None,
                        "url_path": page.url_path if page else None,
                        "depth": page.depth if page else 0,
                    }
                )
        menus[name] = items
    return menus


def _menu_items(request, name):
    """The links of a menu, worked out once per content version (and once per request)."""
    menus = getattr(request, "_menus", None)
    if menus is None:
        site = Site.find_for_request(request)
        menus = remember(request, f"menus:{site.pk if site else 0}", lambda: _menus(request))
        request._menus = menus
    return menus[name]


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    current = context.get("page")
    items = [dict(item) for item in _menu_items(context["request"], "main_menu")]
    for item in items:
        item["current"] = bool(current and item["page_id"] == current.pk)
        item["ancestor"] = bool(
            current
            and item["page_id"]
            and not item["current"]
            and current.url_path.startswith(item["url_path"])
            and item["depth"] > 2
        )
    return {"items": items}


@register.inclusion_tag("core/includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    return {"items": _menu_items(context["request"], "footer_menu")}


@register.simple_tag(takes_context=True)
def site_crumb(context):
    """The first crumb of every trail: the site's name, as the header shows it, linking home."""
    name = SiteSettings.for_request(context["request"]).organisation_name
    return {"title": name, "url": "/"}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra=None):
    """The site's name, then the ancestors below the home page in one query, then the page.

    `extra` adds a trailing crumb (a view of the page, such as its past events).
    """
    page = page or context.get("page")
    if page is None or (page.depth <= 2 and not extra):
        return {"crumbs": []}  # the home page itself: a trail of one says nothing
    request = context.get("request")

    def ancestors():
        # The pages routing read on the way to this one, else one query.
        pages = route_ancestors(page)
        if pages is None:
            pages = page.get_ancestors().filter(depth__gt=2).specific(defer=True)
        return [{"title": a.title, "url": a.get_url(request)} for a in pages]

    # A new page's preview has no id yet.
    trail = remember(request, f"trail:{page.pk}", ancestors) if page.pk else ancestors()
    crumbs = [site_crumb(context), *trail]
    if page.depth > 2:
        crumbs.append({"title": page.title, "url": page.get_url(request) if extra else None})
    if extra:
        crumbs.append({"title": extra, "url": None})
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """The address of a LinkBlock value, with the request (one site lookup per request)."""
    return link.url(context.get("request"))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """Absolute form of a site-relative URL, for canonical links and feeds."""
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    request = context.get("request")
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL + url


# As django.utils.html.json_script escapes: the data can never close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Structured data for search engines: a non-executable application/ld+json block."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # escaped above
    )
