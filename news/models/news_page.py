"""A news item: its contact person, free tags (ämnesord), related pages and the
queryset the listing, the feeds and the theme pages read."""

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.fragments import remember
from core.models import BasePage
from core.pagequery import PageManager, PageQuerySet
from core.routing import route_ancestors
from core.structured_data import image_url, organisation_data


class NewsContact(index.Indexed, models.Model):
    """Someone at the secretariat a journalist or reader can ask about a news item."""

    name = models.CharField(_("namn"), max_length=120, help_text=_("För- och efternamn."))
    role = models.CharField(
        _("roll"),
        max_length=120,
        blank=True,
        help_text=_("Till exempel kommunikatör eller samordnare för energiomställning."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=160,
        blank=True,
        help_text=_("Till exempel Region Jämtland Härjedalen eller Länsstyrelsen Jämtlands län."),
    )
    email = models.EmailField(
        _("e-postadress"), blank=True, help_text=_("Jobbadress. Visas på nyheten.")
    )
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        help_text=_("Jobbtelefon, till exempel 063-14 60 00. Visas på nyheten."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("kontaktperson för nyheter")
        verbose_name_plural = _("kontaktpersoner för nyheter")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name


class NewsPageTag(TaggedItemBase):
    """Free tags (ämnesord) on news, beside the controlled list of themes."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("ämnesord")
        verbose_name_plural = _("ämnesord")


class NewsPageQuerySet(PageQuerySet):
    def listed(self):
        """Published news a visitor may read, newest first."""
        return self.live().public().order_by("-date", "-first_published_at", "-pk")

    def with_listing_data(self):
        """Everything a news card shows, in a fixed number of queries."""
        return self.select_related("image").prefetch_related("image__renditions", "themes")

    def with_export_data(self):
        """What the CSV and JSON print (themes and tags), in a fixed number of queries."""
        return self.prefetch_related("themes", "tags")

    def with_theme(self, theme):
        return self.filter(themed_items__tag=theme)


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsPage(BasePage):
    """One news item."""

    date = models.DateField(
        _("publiceringsdatum"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Datumet som visas på nyheten och styr ordningen i listan. Lämna tomt för att "
            "använda dagen då nyheten först publiceras."
        ),
    )
    lead = models.TextField(
        _("ingress"),
        max_length=500,
        help_text=_(
            "Det viktigaste i en eller två meningar. Visas i större text, i listor, i "
            "nyhetsflöden och i sökträffar."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("huvudbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Liggande bild, minst 1200 pixlar bred. Bilden måste ha en alternativtext (fältet "
            "Beskrivning på bilden) som säger vad bilden visar."
        ),
    )
    image_caption = models.CharField(
        _("bildtext"),
        max_length=250,
        blank=True,
        help_text=_("Visas under bilden. Skriv gärna vem som tagit bilden, till exempel Foto: …"),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("brödtext"),
        blank=True,
        help_text=_("Nyhetens text: stycken, mellanrubriker, bilder, citat och dokument."),
    )
    themes = ClusterTaggableManager(
        through="themes.ThemedPage",
        blank=True,
        verbose_name=_("teman"),
        help_text=_(
            "Ett eller flera av rådets teman. Nyheten visas då på temasidan och i temats "
            "nyhetsflöde."
        ),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("ämnesord"),
        help_text=_(
            "Fria ämnesord som gör det lätt att hitta liknande nyheter, till exempel biogas "
            "eller laddinfrastruktur. Skilj dem åt med kommatecken."
        ),
    )
    contact = models.ForeignKey(
        NewsContact,
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Den som kan svara på frågor om nyheten. Lägg till nya under Snuttar, "
            "Kontaktpersoner för nyheter."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption")], heading=_("Huvudbild")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags")], heading=_("Teman och ämnesord")
        ),
        FieldPanel("contact"),
        InlinePanel(
            "related_links",
            label=_("Relaterad sida"),
            heading=_("Relaterade sidor"),
            max_num=5,
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead", boost=3),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("themes", [index.SearchField("name", boost=5)]),
        index.RelatedFields("tags", [index.SearchField("name", boost=5)]),
    ]

    objects = NewsPageManager()

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    summary_field = "lead"
    image_field = "image"
    require_image_alt_text = True
    serve_select_related = ("contact",)

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")

    def save(self, *args, **kwargs):
        # The date defaults to the day of first publication, in the site's time zone.
        if self.date is None and self.live:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
        super().save(*args, **kwargs)

    @property
    def display_date(self):
        """The date to show: a draft or preview without one shows today's."""
        return self.date or timezone.localdate()

    @cached_property
    def index_page(self):
        """The live news listing this item is in (its parent, by parent_page_types); only
        its address is read, so no fields of its own are loaded. Routing read it already
        when the item is served (core.routing): no query then."""
        ancestors = route_ancestors(self)
        parent = ancestors[-1] if ancestors else self.get_parent()
        return parent.specific_deferred if parent is not None and parent.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Changes only when some page is published again (core/fragments.py). Plain data
        # (links, names), never pages: cached pages go stale in ways no edit announces.
        context.update(
            remember(request, f"news:{self.pk}:{request.get_host()}", lambda: self.shown(request))
        )
        return context

    def shown(self, request) -> dict:
        """What the page shows besides its own fields, as plain data for the cache."""
        index = self.index_page
        themes = list(self.themes.all())
        return {
            "index_url": index.get_url(request) if index else None,
            "feeds_html": render_to_string(
                "news/includes/head_feed_links.html", {"news_index": index}, request
            ),
            "themes": [{"slug": theme.slug, "name": theme.name} for theme in themes],
            "structured_data": self.get_structured_data(request, themes=themes),
            "related_pages": [
                {"url": link.page.get_url(request), "title": link.page.title}
                for link in self.related_links.select_related("page")
                if link.page and link.page.live
            ],
        }

    def get_structured_data(self, request=None, themes=None):
        """schema.org NewsArticle for search engines (JSON-LD)."""
        publisher = organisation_data(request)
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.meta_description,
            "datePublished": self.display_date.isoformat(),
            "mainEntityOfPage": self.get_full_url(request),
            "url": self.get_full_url(request),
            "author": publisher,
            "publisher": publisher,
            "inLanguage": "sv-SE",
        }
        if self.last_published_at:
            data["dateModified"] = timezone.localtime(self.last_published_at).isoformat()
        if self.share_image and (url := image_url(self.share_image, request)):
            data["image"] = [url]
        themes = self.themes.all() if themes is None else themes
        keywords = [theme.name for theme in themes]
        if keywords:
            data["keywords"] = keywords
        return data


class NewsPageRelatedLink(Orderable):
    news_page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("En sida på webbplatsen som hör ihop med nyheten."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("relaterad sida")
        verbose_name_plural = _("relaterade sidor")
