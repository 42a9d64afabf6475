import factory
import wagtail_factories
from wagtail.images import get_image_model
from wagtail.models import Collection

from themes.models import Theme, ThemeIndexPage, ThemePage


class ImageFactory(factory.django.DjangoModelFactory):
    """A small image with alt text (its description), in the root collection."""

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = "Fjäll och skog vid en sjö."
    file = factory.django.ImageField(width=320, height=200, color="green")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = get_image_model()


def theme(slug: str) -> Theme:
    """One of the three themes the migration seeds."""
    return Theme.objects.get(slug=slug)


class ThemeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Teman"
    slug = "teman"
    intro = "Rådets tre områden."

    class Meta:
        model = ThemeIndexPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: o.theme.name)
    slug = factory.LazyAttribute(lambda o: o.theme.slug)
    theme = factory.LazyFunction(lambda: theme("energiomstallning"))
    intro = "Länet ska vara fossilbränslefritt 2030."

    class Meta:
        model = ThemePage
