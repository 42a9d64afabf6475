from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Medlemmar"

    def ready(self):
        from members import signals  # noqa: F401
