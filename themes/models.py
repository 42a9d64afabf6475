from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Theme(TagBase, index.Indexed):
    """The council's areas (Miljömålsarbete, Energiomställning, Klimatanpassning …).

    One controlled list shared by news, events, theme pages and the directory: pages link
    to it through ThemedPage, so `Page.objects.filter(themed_items__tag=theme)` finds
    everything about a theme in one query.
    """

    free_tagging = False

    description = models.TextField(
        _("beskrivning"),
        blank=True,
        max_length=400,
        help_text=_("En mening om vad temat omfattar. Visas i listor och filter."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordning"),
        default=100,
        help_text=_("Lägre tal visas först."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("teman")
        ordering = ["sort_order", "name"]


class ThemedPage(ItemBase):
    """Through model between any page and its themes."""

    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tagged_pages")
    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="themed_items"
    )

    class Meta:
        verbose_name = _("sidans tema")
        verbose_name_plural = _("sidans teman")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_page_theme")
        ]


class EnvironmentalObjective(models.Model):
    """One of Sweden's 16 environmental quality objectives (miljökvalitetsmål)."""

    number = models.PositiveSmallIntegerField(
        _("nummer"), unique=True, help_text=_("Målets nummer i den nationella listan, 1–16.")
    )
    name = models.CharField(
        _("namn"), max_length=120, unique=True, help_text=_("Målets officiella namn.")
    )
    slug = models.SlugField(
        _("kortnamn"),
        max_length=120,
        unique=True,
        allow_unicode=True,
        help_text=_("Används i webbadresser och filter."),
    )
    description = models.TextField(
        _("beskrivning"), blank=True, help_text=_("Kort beskrivning av målet.")
    )
    is_county_priority = models.BooleanField(
        _("prioriterat i länet"),
        default=False,
        help_text=_("Markera de mål som Jämtlands län prioriterar."),
    )
    applies_to_county = models.BooleanField(
        _("gäller länet"),
        default=True,
        help_text=_(
            "Avmarkera mål som inte berör länet (Hav i balans samt levande kust och skärgård)."
        ),
    )
    info_url = models.URLField(
        _("läs mer"), blank=True, help_text=_("Länk till målets sida hos Sveriges miljömål.")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_county_priority"),
        FieldPanel("applies_to_county"),
        FieldPanel("info_url"),
    ]

    class Meta:
        verbose_name = _("miljökvalitetsmål")
        verbose_name_plural = _("miljökvalitetsmål")
        ordering = ["number"]

    def __str__(self):
        return self.name
