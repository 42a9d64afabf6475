"""A token that changes whenever anything that search results depend on changes."""

from django.utils.translation import gettext_lazy as _

from core.models import VersionToken, new_token

__all__ = ["SearchVersion", "new_token"]


class SearchVersion(VersionToken):
    """One row. Cached search results are keyed by its token, so a change anywhere (an
    organisation published or delisted, an opportunity saved, a vocabulary edited) makes
    every cached result unreachable at once (see core.models.VersionToken)."""

    class Meta:
        verbose_name = _("sökversion")
        verbose_name_plural = _("sökversioner")
