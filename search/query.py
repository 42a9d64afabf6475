"""What people type, made safe for every backend.

The search box takes anything: quotes, operators, HTML, null bytes, binary junk, pasted
essays. Backends only ever see plain words (letters and digits, any script), at most
MAX_TERMS of them, so no query syntax can reach FTS5, to_tsquery or the cluster. The text
kept in the search box is the cleaned input, cut to MAX_QUERY_LENGTH; templates escape it.

A word with synonyms (search.synonyms) becomes `Alternatives`, any of its words; the
backends compile that as they compile plain words, joined with OR.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from modelsearch.query import And, Or, PlainText
from modelsearch.query import SearchQuery as BackendQuery

from search.swedish import MIN_STEM_LENGTH, content_terms, light_stem, words

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


class Alternatives(PlainText):
    """One word of the query and the words that mean the same: a match on any of them."""

    def __init__(self, alternatives):
        self.alternatives = tuple(alternatives)
        super().__init__(" ".join(self.alternatives), operator="or")


def backend_query(groups, operator: str) -> str | BackendQuery:
    """What the backend searches for, from each term's alternatives (search.synonyms.expand).

    Without synonyms, plain words as ever; with them, each word with synonyms is one
    `Alternatives`, and all of them are joined with `operator`.
    """
    if all(len(group) == 1 for group in groups):
        return " ".join(group[0] for group in groups)
    parts = [Alternatives(group) if len(group) > 1 else PlainText(group[0]) for group in groups]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def as_typed(query):
    """The backend query without the synonyms: each group's first word, as typed."""
    if isinstance(query, Alternatives):
        return PlainText(query.alternatives[0])
    if isinstance(query, (And, Or)):
        return type(query)([as_typed(subquery) for subquery in query.subqueries])
    return query


def query_groups(query) -> list[tuple[str, ...]]:
    """The words of a backend query, grouped by the word of the search they stand for;
    each group starts with that word as typed."""
    if isinstance(query, Alternatives):
        return [query.alternatives]
    if isinstance(query, PlainText):
        return [(word,) for word in query.query_string.split()]
    if isinstance(query, (And, Or)):
        return [group for subquery in query.subqueries for group in query_groups(subquery)]
    return []


def title_stems(group) -> tuple[list[str], list[str]]:
    """Stems to look for in titles: the typed word's, and its synonyms'. Both database
    backends give a title holding them a bonus (the synonyms' smaller)."""
    stems = [light_stem(word) for word in group]
    stems = [stem if len(stem) >= MIN_STEM_LENGTH else "" for stem in stems]
    typed = [stems[0]] if stems[0] else []
    synonyms = sorted({stem for stem in stems[1:] if stem and stem not in typed})
    return typed, synonyms


_PERSONAL = [
    re.compile(r"\S+@\S+"),  # e-mail addresses
    re.compile(r"\d{6}(\d{2})?\s?[-+]?\s?\d{4}"),  # personal identity numbers
    re.compile(r"(\+46|\b0)[\d\s-]{6,}\d"),  # phone numbers
]


def looks_personal(text: str) -> bool:
    """True for text that may identify a person: such queries are never stored."""
    return any(pattern.search(text) for pattern in _PERSONAL)
