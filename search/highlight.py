"""Excerpts with the searched words marked, built from escaped text.

Every piece of text is escaped on its own and only our own <mark> tags are added between
the pieces, so nothing from the content or the query can inject markup. A word counts as a
match when it shares the query term's light Swedish stem as a prefix ("klimatets" for
"klimat"), or, for longer stems, contains it ("klimatanpassning" for "anpassning"), which is
close to what PostgreSQL's hunspell configuration and the cluster match.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks

from search.swedish import WORD_RE, fold, light_stem

EXCERPT_WORDS = 32
CONTEXT_BEFORE = 8
MIN_PREFIX = 3
MIN_INFIX = 5
_SKIPPED_BLOCKS = (blocks.ChoiceBlock, blocks.MultipleChoiceBlock, blocks.BooleanBlock)


@dataclass(frozen=True)
class _Matcher:
    term: str
    stem: str

    def matches(self, folded_word: str) -> bool:
        if folded_word == self.term:
            return True
        if len(self.stem) >= MIN_PREFIX and folded_word.startswith(self.stem):
            return True
        return len(self.stem) >= MIN_INFIX and self.stem in folded_word


def matchers_for(terms) -> list[_Matcher]:
    return [_Matcher(term=fold(t), stem=fold(light_stem(t))) for t in terms if t]


def block_text(block, value) -> list[str]:
    """The readable text of a StreamField block: like its searchable content, but without
    the labels of choices (a heading's "Rubrik 2") that mean nothing in an excerpt."""
    if value is None or isinstance(block, _SKIPPED_BLOCKS):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    return [str(text) for text in block.get_searchable_content(value)]


def plain_text(value) -> str:
    """Plain text (a field's value, or the list a StreamField's content gives), one-spaced.

    Never parses markup: rich text arrives already stripped by Wagtail's
    get_searchable_content, and "<b>" typed into a plain text field is text.
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        # Pieces are headings, captions and paragraphs: end each like a sentence.
        pieces = [p for p in (plain_text(v) for v in value) if p]
        return " ".join(p if p[-1] in ".!?:;…" else p + "." for p in pieces)
    return " ".join(str(value).split())


def excerpt(text: str, terms, length: int = EXCERPT_WORDS) -> SafeString:
    """About `length` words of `text` around the best cluster of matches, marks added."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    spans = [m.span() for m in WORD_RE.finditer(text)]
    if not spans:
        return mark_safe(escape(text[:300]))
    matchers = matchers_for(terms)
    hits = {}
    for index, (start, end) in enumerate(spans):
        word = fold(text[start:end])
        found = {m.term for m in matchers if m.matches(word)}
        if found:
            hits[index] = found

    # The window with the most different terms, then the most matches; the earliest wins.
    first, best = 0, None
    before = min(CONTEXT_BEFORE, length // 3)
    for index in hits:
        candidate = max(0, index - before)
        window = [i for i in range(candidate, min(len(spans), candidate + length)) if i in hits]
        score = (len(set().union(*(hits[i] for i in window))), len(window))
        if best is None or score > best:
            first, best = candidate, score
    last = min(len(spans), first + length) - 1

    start_char = spans[first][0]
    end_char = spans[last][1]
    parts = []
    if first > 0:
        parts.append("… ")
    cursor = start_char
    for index in range(first, last + 1):
        start, end = spans[index]
        if index in hits:
            parts.append(escape(text[cursor:start]))
            parts.append(f"<mark>{escape(text[start:end])}</mark>")
            cursor = end
    parts.append(escape(text[cursor:end_char]))
    if last == len(spans) - 1:
        parts.append(escape(text[end_char:]))
    else:
        trailing = text[end_char : end_char + 1]
        parts.append(escape(trailing) if re.match(r"[.!?]", trailing) else " …")
    return mark_safe("".join(parts))  # every piece is escaped


def mark_terms(text: str, terms) -> SafeString:
    """The whole (short) text, escaped, with matching words marked: for titles."""
    text = text or ""
    matchers = matchers_for(terms)
    parts = []
    cursor = 0
    for match in WORD_RE.finditer(text):
        if any(m.matches(fold(match.group())) for m in matchers):
            parts.append(escape(text[cursor : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            cursor = match.end()
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # every piece is escaped
