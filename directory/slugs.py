"""ASCII slugs for the vocabularies, so that filter URLs stay readable when shared.

The same rule as page addresses (core.slugs), imported from there.
"""

from core.slugs import ascii_slug

__all__ = ["ascii_slug"]
