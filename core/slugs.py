"""ASCII slugs: page and filter addresses that read the same when shared.

A Swedish title gives "ny-biogasmack-oppnar-i-sveg", never "…-%C3%B6ppnar-…": å and ä
become a, ö becomes o, é becomes e, other accents lose their marks and anything else
outside a–z, 0–9 and "-" is dropped (Django's slugify). Used by every page (BasePage), the
vocabularies, imports and member applications, and by the admin's slug field
(SWEDISH_SLUG_FORMATTERS for Wagtail's slug widget).
"""

import re

from django.utils.text import slugify

SWEDISH_LETTERS = {"å": "a", "ä": "a", "ö": "o", "é": "e"}
_ASCII = str.maketrans(
    {**SWEDISH_LETTERS, **{k.upper(): v.upper() for k, v in SWEDISH_LETTERS.items()}}
)

# Wagtail's slug widget (w-slug) drops letters outside A–Z when an editor types in the
# slug field itself; these replacements run first, so "Öppet hus" gives "oppet-hus".
SWEDISH_SLUG_FORMATTERS = [
    (re.compile("[åä]", re.IGNORECASE), "a"),
    (re.compile("ö", re.IGNORECASE), "o"),
    (re.compile("é", re.IGNORECASE), "e"),
]


def ascii_slug(text: str) -> str:
    """ "Återbruk" → "aterbruk", "smarta elnät" → "smarta-elnat"."""
    return slugify(text.translate(_ASCII))
