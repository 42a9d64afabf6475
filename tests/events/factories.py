import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Träffar"
    slug = "traffar"
    page_size = 10

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event `days` days from now (negative: in the past), lasting three hours."""

    class Params:
        days = 10

    title = factory.Sequence(lambda n: f"Omställningsarenan {n}")
    slug = factory.Sequence(lambda n: f"traff-{n}")
    start = factory.LazyAttribute(
        lambda o: (timezone.now() + datetime.timedelta(days=o.days)).replace(
            minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    lead = "Kunskap, workshoppar och nätverkande om fossilfria transporter."
    location_name = "Campus Östersund"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()
