"""The directory's controlled vocabularies: competences, partnership types, municipalities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class OrganisationType(models.TextChoices):
    """The kinds of member; values appear in URLs and the API, so never rename them."""

    COMPANY = "foretag", _("Företag")
    MUNICIPALITY = "kommun", _("Kommun")
    MUNICIPAL_COMPANY = "kommunalt-bolag", _("Kommunalt bolag")
    REGION = "region", _("Region")
    STATE_AGENCY = "statlig-myndighet", _("Statlig myndighet")
    UNIVERSITY = "universitet", _("Universitet/forskningsinstitut")
    TRADE_ORGANISATION = "branschorganisation", _("Bransch-/intresseorganisation")
    NON_PROFIT = "ideell-forening", _("Ideell förening")
    COOPERATIVE = "ekonomisk-forening", _("Ekonomisk förening/kooperativ")
    FOUNDATION = "stiftelse", _("Stiftelse")
    BUSINESS_SUPPORT = "foretagsstod", _("Innovations- och företagsstöd")


class SizeClass(models.TextChoices):
    """Statistics Sweden's size classes by number of employees."""

    MICRO = "1-9", _("1–9 anställda")
    SMALL = "10-49", _("10–49 anställda")
    MEDIUM = "50-249", _("50–249 anställda")
    LARGE = "250-", _("250 anställda eller fler")


class CompetenceTag(TagBase, index.Indexed):
    """One word of the shared competence vocabulary (solenergi, biogas …).

    Both what an organisation offers and what it seeks are drawn from this one list, which
    is what makes matching possible. Editors pick from it; only the secretariat adds words.
    """

    free_tagging = False

    panels = [
        FieldPanel(
            "name",
            help_text=_(
                "Kompetensen med små bokstäver utom förkortningar, till exempel biogas eller "
                "klimatdeklaration och LCA."
            ),
        ),
        FieldPanel(
            "slug",
            help_text=_(
                "Används i webbadresser, filter och API:t, till exempel biogas. Små bokstäver "
                "utan å, ä och ö. Ändra inte när kompetensen väl används."
            ),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("kompetens")
        verbose_name_plural = _("kompetenser")
        ordering = ["name"]


class OfferedCompetence(ItemBase):
    """What an organisation offers."""

    tag = models.ForeignKey(CompetenceTag, on_delete=models.CASCADE, related_name="offered_items")
    content_object = ParentalKey(
        "directory.OrganisationPage", on_delete=models.CASCADE, related_name="offered_items"
    )

    class Meta:
        verbose_name = _("erbjuden kompetens")
        verbose_name_plural = _("erbjudna kompetenser")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_offered_tag")
        ]


class SoughtCompetence(ItemBase):
    """What an organisation seeks."""

    tag = models.ForeignKey(CompetenceTag, on_delete=models.CASCADE, related_name="sought_items")
    content_object = ParentalKey(
        "directory.OrganisationPage", on_delete=models.CASCADE, related_name="sought_items"
    )

    class Meta:
        verbose_name = _("sökt kompetens")
        verbose_name_plural = _("sökta kompetenser")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_sought_tag")
        ]


class OpportunityCompetence(ItemBase):
    """The competences a partnership opportunity is about."""

    tag = models.ForeignKey(
        CompetenceTag, on_delete=models.CASCADE, related_name="opportunity_items"
    )
    content_object = ParentalKey(
        "directory.Opportunity", on_delete=models.CASCADE, related_name="competence_items"
    )

    class Meta:
        verbose_name = _("kompetens i samarbetsmöjlighet")
        verbose_name_plural = _("kompetenser i samarbetsmöjligheter")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_opportunity_tag")
        ]


class PartnershipType(models.Model):
    """A way of working together (leverantör, pilot/testbädd …)."""

    name = models.CharField(
        _("namn"),
        max_length=80,
        unique=True,
        help_text=_("Samarbetsformen som den visas på webbplatsen, till exempel Leverantör."),
    )
    slug = models.SlugField(
        _("kortnamn"),
        max_length=80,
        unique=True,
        help_text=_(
            "Används i webbadresser, filter och API:t, till exempel leverantor. Ändra inte när "
            "samarbetsformen väl används."
        ),
    )
    description = models.CharField(
        _("beskrivning"),
        max_length=300,
        blank=True,
        help_text=_("En mening som förklarar samarbetsformen. Visas som hjälptext i formulär."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordning"), default=100, help_text=_("Lägre tal visas först.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("samarbetsform")
        verbose_name_plural = _("samarbetsformer")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """One of the county's eight municipalities, keyed by its SCB code, or "utanför länet"."""

    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        unique=True,
        null=True,
        blank=True,
        help_text=_("SCB:s fyrsiffriga kommunkod, till exempel 2380. Tom för Utanför länet."),
    )
    name = models.CharField(
        _("namn"), max_length=80, unique=True, help_text=_("Kommunens namn, till exempel Åre.")
    )
    slug = models.SlugField(
        _("kortnamn"),
        max_length=80,
        unique=True,
        help_text=_("Används i webbadresser och filter, till exempel are."),
    )
    in_county = models.BooleanField(
        _("i länet"),
        default=True,
        help_text=_(
            "Avmarkera för Utanför länet. Organisationer som verkar i hela länet räknas till "
            "alla kommuner i länet."
        ),
    )
    is_sami_administrative = models.BooleanField(
        _("samisk förvaltningskommun"),
        default=False,
        help_text=_("Kommunen ingår i förvaltningsområdet för samiska."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordning"), default=100, help_text=_("Lägre tal visas först.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("slug"),
        FieldPanel("in_county"),
        FieldPanel("is_sami_administrative"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
