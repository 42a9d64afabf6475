"""A token that changes whenever anything that search results depend on changes."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return uuid.uuid4().hex


class SearchVersion(models.Model):
    """One row. Cached search results are keyed by its token, so a change anywhere (an
    organisation published or delisted, an opportunity saved, a vocabulary edited) makes
    every cached result unreachable at once, in every process, whatever the cache backend.
    A random token rather than a counter: a rolled-back change can never bring back a token
    that cached results were stored under."""

    token = models.CharField(max_length=32, default=new_token)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sökversion")
        verbose_name_plural = _("sökversioner")

    def __str__(self):
        return self.token

    @classmethod
    def current(cls) -> str:
        token = cls.objects.filter(pk=1).values_list("token", flat=True).first()
        if token is None:
            token = cls.objects.get_or_create(pk=1)[0].token
        return token

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(token=new_token()):
            cls.objects.get_or_create(pk=1)
