"""The outgoing e-mail app (see the package docstring)."""

from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "mail"
    verbose_name = "E-post"
