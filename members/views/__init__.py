"""Views of the membership app: contacting (contact), logging in (auth), the members'
own pages (account) and their personal data and consents (personal_data). Joining is routed
by its page (members.models.pages)."""

from django.utils.cache import add_never_cache_headers


def private(response):
    """Forms and personal pages: never stored by a browser cache or a proxy."""
    add_never_cache_headers(response)
    return response
