from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import SIMPLE_RICH_TEXT_FEATURES, BodyBlock, LinkBlock
from core.models import BasePage


class HomePage(BasePage):
    """The start page: who the council is and the ways into the site."""

    hero_title = models.CharField(
        _("rubrik i toppen"),
        max_length=120,
        blank=True,
        help_text=_("Den stora rubriken överst. Lämna tomt för att använda sidans titel."),
    )
    hero_text = models.TextField(
        _("text i toppen"),
        max_length=400,
        blank=True,
        help_text=_("En eller två meningar om vad rådet gör och för vem."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("bild i toppen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Liggande bild, minst 1600 pixlar bred. Ange alternativtext på bilden."),
    )
    hero_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("knappar i toppen"),
        blank=True,
        max_num=2,
        help_text=_("Högst två knappar, till exempel Hitta samarbetspartner och Gå med."),
    )
    intro = RichTextField(
        _("inledning"),
        features=SIMPLE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Kort text under toppen om rådets syfte och mål."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("innehåll"),
        blank=True,
        help_text=_("Fler avsnitt på startsidan."),
    )
    featured_news = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("utvald nyhet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Visas först bland nyheterna på startsidan. Lämna tomt för att bara visa de "
            "senaste nyheterna."
        ),
    )
    featured_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("utvald träff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Visas först bland de kommande träffarna så länge den inte har varit. Lämna tomt "
            "för att visa de närmaste träffarna."
        ),
    )
    directory_text = models.TextField(
        _("text om samarbetspartner"),
        max_length=400,
        blank=True,
        help_text=_(
            "Text i rutan Hitta samarbetspartner. Lämna tomt för standardtexten om katalogen."
        ),
    )
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida för samarbetspartner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Sidan som knappen Hitta samarbetspartner leder till. Lämna tomt för att använda "
            "katalogen över samarbetspartner."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_links"),
            ],
            heading=_("Toppen"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("featured_news"), FieldPanel("featured_event")],
            heading=_("Utvalt innehåll"),
            help_text=_(
                "Nyheter, träffar och teman visas automatiskt. Här kan du lyfta fram en nyhet "
                "och en träff."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("directory_text"), FieldPanel("directory_page")],
            heading=_("Hitta samarbetspartner"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text", boost=3),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    summary_field = "hero_text"
    image_field = "hero_image"

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    # How many of each the home page shows.
    NEWS_COUNT = 3
    EVENT_COUNT = 3

    def get_context(self, request, *args, **kwargs):
        from core.fragments import remember
        from home.sections import home_sections

        context = super().get_context(request, *args, **kwargs)

        def compute():
            # Rendered here, so the cache holds HTML: pages with their images' renditions
            # prefetched before the renditions existed would make every later render
            # generate them again.
            sections = home_sections(self, request)
            return {
                "sections_html": render_to_string(
                    "home/includes/sections.html", {**sections, "page": self}, request
                ),
                "feeds_html": render_to_string(
                    "news/includes/head_feed_links.html", sections, request
                ),
                "valid_until": sections["valid_until"],
                "structured_data": self.get_structured_data(request),
            }

        # Until an editor publishes something (core/fragments.py) or a shown event ends.
        context.update(
            remember(
                request,
                f"home:{self.pk}:{request.get_host()}",
                compute,
                until=lambda sections: sections["valid_until"],
            )
        )
        return context

    def get_structured_data(self, request=None):
        from core.structured_data import organisation_data

        return organisation_data(request, full=True)


class StandardPage(BasePage):
    """Pages such as Om rådet, Gå med, Tillgänglighetsredogörelse and Integritetspolicy."""

    intro = models.TextField(
        _("ingress"),
        max_length=500,
        blank=True,
        help_text=_("Inledande stycke i större text. Används också som beskrivning i sökträffar."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("huvudbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Valfri bild överst på sidan. Ange alternativtext på bilden."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("innehåll"),
        blank=True,
        help_text=_("Sidans innehåll: text, rubriker, bilder, tabeller och annat."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=3),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "members.MembershipApplicationPage"]
    summary_field = "intro"
    image_field = "image"

    class Meta:
        verbose_name = _("standardsida")
        verbose_name_plural = _("standardsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
