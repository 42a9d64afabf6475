import factory
import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Miljö- och klimatrådet i Jämtlands län"
    hero_text = "Tillsammans för ett fossilfritt län."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="sv_SE")
    intro = factory.Faker("paragraph", locale="sv_SE")

    class Meta:
        model = StandardPage


def make_home_page() -> HomePage:
    """Replace Wagtail's welcome page with a HomePage and make it the default site's root."""
    existing = HomePage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.hostname = "localhost"
        site.port = 80
        site.save()
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
