"""ASCII slugs for the vocabularies, so that filter URLs stay readable when shared."""

from django.utils.text import slugify

_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "A", "Ä": "A", "Ö": "O"})


def ascii_slug(text: str) -> str:
    """ "Återbruk" → "aterbruk", "smarta elnät" → "smarta-elnat"."""
    return slugify(text.translate(_ASCII))
