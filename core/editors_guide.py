"""The editors' guide (docs/redaktorsguide.md), read where editors work: in the admin.

The guide is kept as Markdown beside the code so it changes with the features it
describes; this view renders it inside the admin for anyone allowed into the admin, and
the Help menu links to it (core/wagtail_hooks.py). Raw HTML in the file is escaped, not
rendered, and headings get the ids the guide's own #links point at.
"""

import re
from pathlib import Path

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from markdown_it import MarkdownIt
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "redaktorsguide.md"


def heading_id(text: str) -> str:
    """The anchor a Markdown heading gets on GitHub: lower case, hyphens for spaces."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def render_markdown(text: str) -> tuple[str, str]:
    """(title, HTML body) of a Markdown document; its first level-1 heading is the title."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(text)
    title = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1].content
            token.attrSet("id", heading_id(inline))
            if token.tag == "h1" and not title:
                title = inline
    html = md.renderer.render(tokens, md.options, {})
    # The admin's header shows the title; the body starts below it.
    html = re.sub(r"^<h1[^>]*>.*?</h1>\s*", "", html, count=1, flags=re.S)
    return title, html


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/editors_guide.html"
    page_title = _("Redaktörsguide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        _title, html = render_markdown(GUIDE_PATH.read_text(encoding="utf-8"))
        context["guide_html"] = mark_safe(html)  # raw HTML is escaped (html off)
        return context
