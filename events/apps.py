from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Träffar"

    def ready(self):
        from themes.registry import ThemeSection, register_theme_section

        register_theme_section(
            ThemeSection(
                key="events",
                title=_("Kommande träffar"),
                template="events/includes/theme_section.html",
                get_items=upcoming_events_for_theme,
                order=20,
                limit=4,
                more_url=events_url_for_theme,
                more_label=_("Alla träffar om temat"),
                valid_until=events_valid_until,
            )
        )


def upcoming_events_for_theme(theme, limit, request=None):
    from events.models import EventPage

    return list(EventPage.objects.upcoming().with_theme(theme)[:limit])


def events_valid_until(theme, items):
    """The upcoming events shown hold until the first of them has ended."""
    return min((event.end for event in items), default=None)


def events_url_for_theme(theme, request=None):
    from core.pagequery import first_live
    from events.models import EventIndexPage

    index_page = first_live(EventIndexPage, request)
    return f"{index_page.get_url(request)}?tema={theme.slug}" if index_page else None
