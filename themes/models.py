from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage
from themes.registry import get_theme_sections


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
        FieldPanel("name", help_text=_("Temats namn, till exempel Energiomställning.")),
        FieldPanel(
            "slug",
            help_text=_(
                "Används i webbadresser och filter, till exempel energiomstallning. Små "
                "bokstäver, siffror och bindestreck. Ändra inte när temat väl används."
            ),
        ),
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


class ThemeIndexPage(BasePage):
    """Teman: the council's areas, and the environmental quality objectives they serve."""

    intro = models.TextField(
        _("ingress"),
        max_length=500,
        blank=True,
        help_text=_("Inledande stycke om rådets områden. Visas överst och i sökträffar."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("innehåll"),
        blank=True,
        help_text=_("Valfri text under listan med teman."),
    )
    show_objectives = models.BooleanField(
        _("visa miljökvalitetsmålen"),
        default=True,
        help_text=_(
            "Visa de 16 miljökvalitetsmålen, med länets prioriterade mål markerade, under temana."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_objectives"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=3)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["themes.ThemePage"]
    max_count = 1
    summary_field = "intro"

    class Meta:
        verbose_name = _("temasida, översikt")
        verbose_name_plural = _("temasidor, översikt")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = (
            ThemePage.objects.child_of(self)
            .live()
            .public()
            .select_related("theme", "image")
            .prefetch_related("image__renditions")
        )
        if self.show_objectives:
            context["objectives"] = EnvironmentalObjective.objects.all()
        return context


class ThemePage(BasePage):
    """One of the council's areas: what it is about, the county's goals and what is going on.

    Below the editor's content it shows, automatically, every section other apps register
    in themes.registry (latest news, upcoming events, and later the directory's organisations
    and partnership needs) for the page's theme.
    """

    theme = models.ForeignKey(
        Theme,
        verbose_name=_("tema"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_(
            "Temat sidan handlar om. Nyheter, träffar och organisationer med samma tema visas "
            "automatiskt på sidan."
        ),
    )
    intro = models.TextField(
        _("ingress"),
        max_length=500,
        help_text=_(
            "Inledande stycke i större text, två eller tre meningar. Visas också på "
            "startsidan, i temalistan och i sökträffar."
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
            "Liggande bild överst på sidan, minst 1600 pixlar bred. Bilden måste ha en "
            "alternativtext (fältet Beskrivning på bilden)."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("innehåll"),
        blank=True,
        help_text=_("Vad temat handlar om, länets mål och hur rådet arbetar med det."),
    )
    objectives = ParentalManyToManyField(
        EnvironmentalObjective,
        verbose_name=_("miljökvalitetsmål"),
        blank=True,
        related_name="theme_pages",
        help_text=_("De miljökvalitetsmål som temat bidrar till."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("objectives", widget=forms.CheckboxSelectMultiple)],
            heading=_("Miljökvalitetsmål"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=3),
        index.SearchField("body"),
        index.RelatedFields("theme", [index.SearchField("name", boost=5)]),
    ]

    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = []
    summary_field = "intro"
    image_field = "image"
    serve_select_related = ("theme",)
    require_image_alt_text = True

    class Meta:
        verbose_name = _("temasida")
        verbose_name_plural = _("temasidor")

    def clean(self):
        super().clean()
        if self.theme_id:
            others = ThemePage.objects.filter(theme_id=self.theme_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"theme": _("Det finns redan en temasida för det här temat.")}
                )

    def get_sections(self, request=None, with_valid_until: bool = False):
        """The registered sections that have something to show for this theme.

        With `with_valid_until`, also until when they hold without any edit (None: until
        an edit), asking every section, shown or not: an empty one may fill with time.
        """
        sections = []
        valid_until = None
        for section in get_theme_sections():
            items = list(section.get_items(self.theme, section.limit, request))
            if with_valid_until and section.valid_until:
                until = section.valid_until(self.theme, items)
                if until is not None and (valid_until is None or until < valid_until):
                    valid_until = until
            if not items:
                continue
            sections.append(
                {
                    "section": section,
                    "items": items,
                    "more_url": section.more_url(self.theme, request) if section.more_url else None,
                }
            )
        return (sections, valid_until) if with_valid_until else sections

    def render_sections(self, request, *, with_valid_until: bool = False) -> dict:
        """The sections and their <head> parts as HTML, and until when that holds."""
        if with_valid_until:
            sections, valid_until = self.get_sections(request, with_valid_until=True)
        else:
            sections, valid_until = self.get_sections(request), None
        context = {
            "page": self,
            "self": self,
            "theme": self.theme,
            "sections": sections,
            "head_sections": [s for s in get_theme_sections() if s.head_template],
        }
        return {
            "head": render_to_string("themes/includes/section_heads.html", context, request),
            "body": render_to_string("themes/includes/sections.html", context, request),
            "valid_until": valid_until,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.cached_sections(request)
        context["page_objectives"] = list(self.objectives.all())
        return context

    def cached_sections(self, request) -> dict:
        """render_sections(), kept until an editor changes something (core/fragments.py) or
        a shown item runs out of time. Never in preview."""
        from core import fragments

        return fragments.remember(
            request,
            f"theme:{self.pk}:sections:{request.get_host()}",
            lambda: self.render_sections(request, with_valid_until=True),
            until=lambda value: value["valid_until"],
        )
