"""What people type, made safe for every backend.

The search box takes anything: quotes, operators, HTML, null bytes, binary junk, pasted
essays. Backends only ever see plain words (letters and digits, any script), at most
MAX_TERMS of them, so no query syntax can reach FTS5, to_tsquery or the cluster. The text
kept in the search box is the cleaned input, cut to MAX_QUERY_LENGTH; templates escape it.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from search.swedish import content_terms, words

MAX_QUERY_LENGTH = 100
MAX_TERMS = 10
MAX_TERM_LENGTH = 40

# Control and format characters (null bytes, bidi overrides …) and unpaired surrogates.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_text(raw: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    """NFC-normalised, single-spaced, without control characters, cut at a word boundary."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(" " if unicodedata.category(c) in _INVISIBLE else c for c in text)
    text = " ".join(text.split())
    if len(text) > max_length:
        cut = text[:max_length]
        text = cut.rsplit(" ", 1)[0] if " " in cut[max_length // 2 :] else cut
    return text.strip()


@dataclass(frozen=True)
class SearchQuery:
    text: str  # shown in the search box

    @classmethod
    def from_input(cls, raw) -> "SearchQuery":
        return cls(clean_text(raw if isinstance(raw, str) else ""))

    @cached_property
    def terms(self) -> tuple[str, ...]:
        unique = []
        for word in words(self.text.lower()):
            word = word[:MAX_TERM_LENGTH]
            if word not in unique:
                unique.append(word)
        return tuple(unique[:MAX_TERMS])

    @cached_property
    def content_terms(self) -> tuple[str, ...]:
        """The terms without stop words: what is searched for and highlighted."""
        return tuple(content_terms(self.terms))

    @property
    def backend_string(self) -> str:
        """What the backend gets: plain words separated by spaces."""
        return " ".join(self.content_terms)

    @property
    def searchable(self) -> bool:
        """False for a query of stop words only ("och att"): it can match nothing."""
        return bool(self.content_terms)

    @property
    def normalised(self) -> str:
        """The stored and compared form: lower case words, one space apart."""
        return " ".join(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)


_PERSONAL = [
    re.compile(r"\S+@\S+"),  # e-mail addresses
    re.compile(r"\d{6}(\d{2})?\s?[-+]?\s?\d{4}"),  # personal identity numbers
    re.compile(r"(\+46|\b0)[\d\s-]{6,}\d"),  # phone numbers
]


def looks_personal(text: str) -> bool:
    """True for text that may identify a person: such queries are never stored."""
    return any(pattern.search(text) for pattern in _PERSONAL)
