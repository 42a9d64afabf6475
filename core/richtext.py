"""Plain text that people type (member forms, CSV cells) as the rich text Wagtail's editor
opens, and back again for editing in a text area.

Wagtail's database format writes a line break as `<br/>`. Its editor's converter
(contentstate) fails with "Unmatched tags" on the HTML spelling `<br>`, so a page holding one
cannot be opened in the admin: everything that turns text into rich text goes through here.
"""

import re
from html import unescape

from django.utils.html import escape, strip_tags

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def text_to_rich_text(text: str) -> str:
    """Paragraphs at blank lines, `<br/>` at single line breaks, everything escaped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


def rich_text_to_text(html: str) -> str:
    """Rich text as plain paragraphs (lists as "- " lines), for editing in a text area."""
    html = re.sub(r"<br\s*/?>", "\n", html or "")
    html = re.sub(r"<li[^>]*>", "\n- ", html)
    html = re.sub(r"</(p|h[1-6]|ul|ol)>", "\n\n", html)
    text = strip_tags(html)
    lines = [line.rstrip() for line in unescape(text).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
