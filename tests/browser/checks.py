"""Checks every public page must pass, shared by the browser tests of each app.

Use `assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)` in an app's
browser test for pages that are not the default sample of a page type (filtered
listings, search results, forms with errors …).
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from tests.browser.support import fetch, format_violations, run_axe, validate_html


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.description = None
        self.h1_count = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")
        elif tag == "h1":
            self.h1_count += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def page_basics_problems(path: str, html: str) -> list[str]:
    parser = _HeadParser()
    parser.feed(html)
    problems = []
    if parser.lang != "sv":
        problems.append(f"{path}: <html lang> is {parser.lang!r}, not 'sv'")
    if not parser.title.strip():
        problems.append(f"{path}: empty <title>")
    if not (parser.description or "").strip():
        problems.append(f"{path}: no meta description")
    if parser.h1_count != 1:
        problems.append(f"{path}: {parser.h1_count} <h1> elements, expected exactly one")
    return problems


def load(page, url: str) -> list[str]:
    """Load a page; return the URLs of every request that went to another host."""
    own = urlsplit(url).netloc
    foreign = []

    def record(request):
        target = urlsplit(request.url)
        if target.scheme in {"http", "https"} and target.netloc != own:
            foreign.append(request.url)

    page.on("request", record)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("request", record)
    return foreign


def assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths):
    """Zero axe violations, valid HTML, basic head tags, one h1, no other hosts."""
    problems = []
    documents = {}
    for path in paths:
        url = demo_server.url(path)
        foreign = load(page, url)
        if foreign:
            problems.append(f"{path}: requests to other hosts: {foreign}")
        violations = run_axe(page, axe_source)
        if violations:
            problems.append(format_violations(path, violations))
        html = fetch(url)
        problems.extend(page_basics_problems(path, html))
        if re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", html):
            problems.append(f"{path}: inline <script> (the CSP forbids it)")
        documents[path] = html
    problems.extend(validate_html(documents, tmp_path))
    assert not problems, "\n".join(problems)
