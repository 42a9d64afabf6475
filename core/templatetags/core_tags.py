import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.models import NavigationSettings

register = template.Library()


def _menu_items(stream_value):
    items = []
    for block in stream_value:
        value = block.value
        url = value.url()
        if url:
            items.append({"url": url, "label": value.label(), "page": value.get("page")})
    return items


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    nav = NavigationSettings.for_request(request)
    current = context.get("page")
    items = _menu_items(nav.main_menu)
    for item in items:
        page = item["page"]
        item["current"] = bool(current and page and page.pk == current.pk)
        item["ancestor"] = bool(
            current
            and page
            and not item["current"]
            and current.url_path.startswith(page.url_path)
            and page.depth > 2
        )
    return {"items": items}


@register.inclusion_tag("core/includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    nav = NavigationSettings.for_request(context["request"])
    return {"items": _menu_items(nav.footer_menu)}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra=None):
    """Ancestors below the tree root, in one query. `extra` adds a trailing crumb."""
    page = page or context.get("page")
    if page is None:
        return {"crumbs": []}
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
    crumbs = [{"title": a.title, "url": a.url} for a in ancestors]
    crumbs.append({"title": page.title, "url": page.url if extra else None})
    if extra:
        crumbs.append({"title": extra, "url": None})
    return {"crumbs": crumbs if len(crumbs) > 1 else []}


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
