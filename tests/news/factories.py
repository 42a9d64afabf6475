import datetime

import factory
import wagtail_factories

from news.models import NewsContact, NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"
    page_size = 12

    class Meta:
        model = NewsIndexPage


class NewsContactFactory(factory.django.DjangoModelFactory):
    name = "Karin Åström"
    role = "kommunikatör"
    email = "karin@klimatradet.example"

    class Meta:
        model = NewsContact


class NewsPageFactory(wagtail_factories.PageFactory):
    """A published news item. themes=[Theme, …] and tags=["biogas", …] set the tags."""

    title = factory.Sequence(lambda n: f"Nyhet nummer {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 6, 1) - datetime.timedelta(days=n))
    lead = "Rådet samlade länets aktörer om laddinfrastruktur."

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
            self.save()
