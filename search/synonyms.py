"""Synonyms: words that mean the same to the people searching, expanded at query time.

People search for "laddstolpar" where the council writes "laddplatser" and
"laddinfrastruktur", for "H2" where it writes "vätgas". The secretariat keeps groups of such
words (search.models.SynonymGroup, Inställningar → Söksynonymer); a query word that is one
of them, or an inflection of one ("laddplatsen", "solcellerna"), is searched as any word of
its groups. The expansion happens in the query the site builds (search.query, search.engine),
so PostgreSQL, SQLite and the search cluster all get it, a change takes effect on the next
search, and nothing is re-indexed or stored on the database or search server.

This module is plain text handling; search.engine reads the groups from the database.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from search.query import MAX_TERM_LENGTH
from search.swedish import STOP_WORDS, light_stem, words

MAX_WORDS_PER_GROUP = 12
# Alternatives one query word may expand to (a word can be in several groups).
MAX_ALTERNATIVES = 16
# Inflections that still match a word of a group: laddplats+er, solceller+na, vätgas+en.
_ENDINGS_TEXT = """
s n t e a en et er ar or na ns ts es ens ets ers ars ors nas ena erna arna orna ernas arnas ornas
"""
ENDINGS = frozenset(_ENDINGS_TEXT.split())
# Shorter words (H2, LCA, el) match only as they are.
MIN_INFLECTED_LENGTH = 5

_SEPARATORS = re.compile(r"[,;\n]+")


def parse_words(text: str) -> list[str]:
    """The entries of a group as written: comma, semicolon or line separated, stripped."""
    text = unicodedata.normalize("NFC", text or "")
    return [entry.strip() for entry in _SEPARATORS.split(text) if entry.strip()]


def validate_words(text: str) -> list[str]:
    """The group's words, each once, or a ValidationError saying in Swedish what is wrong."""
    entries, seen, errors = [], set(), []
    for entry in parse_words(text):
        if words(entry) != [entry]:
            errors.append(
                _("”%(entry)s” är inte ett ord: skriv ord utan mellanslag och bindestreck.")
                % {"entry": entry}
            )
        elif entry.lower() in STOP_WORDS:
            errors.append(
                _("”%(entry)s” är ett ord som sökningen hoppar över (som ”och” och ”att”).")
                % {"entry": entry}
            )
        elif len(entry) > MAX_TERM_LENGTH:
            errors.append(
                _("”%(entry)s” är längre än %(max)s tecken.")
                % {"entry": entry, "max": MAX_TERM_LENGTH}
            )
        elif entry.lower() not in seen:
            seen.add(entry.lower())
            entries.append(entry)
    if errors:
        raise ValidationError({"words": errors})
    if len(entries) < 2:
        raise ValidationError({"words": _("Skriv minst två ord, åtskilda med kommatecken.")})
    if len(entries) > MAX_WORDS_PER_GROUP:
        raise ValidationError(
            {
                "words": _("Högst %(max)s ord i en grupp: dela upp den i flera.")
                % {"max": MAX_WORDS_PER_GROUP}
            }
        )
    return entries


def is_form_of(term: str, word: str) -> bool:
    """Whether the query word `term` is `word` or an inflection of it (both lower case)."""
    if term == word:
        return True
    if len(word) < MIN_INFLECTED_LENGTH or len(term) < MIN_INFLECTED_LENGTH:
        return False
    if term.startswith(word) and term[len(word) :] in ENDINGS:
        return True
    return light_stem(term) == light_stem(word)


def expand(terms, groups) -> list[tuple[str, ...]]:
    """Each query term with its alternatives: the term first, then the words of every group
    it belongs to. `groups` are tuples of lower-case words."""
    expanded = []
    for term in terms:
        alternatives = [term]
        for group in groups:
            if any(is_form_of(term, word) for word in group):
                alternatives += [word for word in group if word not in alternatives]
        expanded.append(tuple(alternatives[:MAX_ALTERNATIVES]))
    return expanded
