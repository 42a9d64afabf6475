"""Partnership opportunities: short offers and needs that belong to an organisation.

Not pages and not part of the organisation page's content: an organisation publishes a
need at once, without sending its whole listing through review again. They are public
only while the organisation is listed, the post is published and not expired.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.fragments import one_change
from directory.models.organisation import OrganisationPage, reindex_organisation
from directory.models.taxonomy import OpportunityCompetence, PartnershipType

DEFAULT_VALIDITY = datetime.timedelta(days=180)


def default_valid_until() -> datetime.date:
    return timezone.localdate() + DEFAULT_VALIDITY


class OpportunityKind(models.TextChoices):
    OFFER = "erbjudande", _("Erbjudande")
    NEED = "behov", _("Behov")


class OpportunityQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, published_at__lte=timezone.now())

    def current(self):
        """Published and not expired (whatever the organisation's state)."""
        return self.published().filter(valid_until__gte=timezone.localdate())

    def public(self):
        """What visitors see: current, and the organisation is listed."""
        return self.current().filter(
            organisation__in=OrganisationPage.objects.listed().values("pk")
        )

    def needs(self):
        return self.filter(kind=OpportunityKind.NEED)

    def offers(self):
        return self.filter(kind=OpportunityKind.OFFER)

    def with_card_data(self):
        return self.select_related("organisation", "partnership_type").prefetch_related(
            "competences"
        )


class Opportunity(index.Indexed, ClusterableModel):
    """Samarbetsmöjlighet: an organisation offers something or needs something, for a while."""

    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="opportunities",
        help_text=_("Organisationen som erbjuder eller söker."),
    )
    kind = models.CharField(
        _("typ"),
        max_length=16,
        choices=OpportunityKind.choices,
        default=OpportunityKind.NEED,
        help_text=_(
            "Behov: något organisationen söker en partner för. Erbjudande: något den kan ge andra."
        ),
    )
    title = models.CharField(
        _("rubrik"),
        max_length=120,
        help_text=_("Kort och konkret, till exempel Vi söker leverantör av biogas till bussar."),
    )
    text = models.TextField(
        _("text"),
        max_length=2000,
        help_text=_(
            "Vad behövs eller erbjuds, när och i vilken omfattning. Högst 2000 tecken. "
            "Skriv inga personuppgifter här."
        ),
    )
    competences = ClusterTaggableManager(
        verbose_name=_("kompetenser"),
        through=OpportunityCompetence,
        blank=True,
        related_name="opportunities",
        help_text=_("Kompetenser det handlar om. Används för att hitta rätt partner."),
    )
    partnership_type = models.ForeignKey(
        PartnershipType,
        verbose_name=_("samarbetsform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text=_("Vilken sorts samarbete det gäller. Frivilligt."),
    )
    valid_until = models.DateField(
        _("gäller till och med"),
        default=default_valid_until,
        help_text=_("Sista dagen inlägget visas. Förvalt är ett halvår."),
    )
    published_at = models.DateTimeField(
        _("publicerad"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_("När inlägget blev synligt. Töm fältet för att dölja inlägget."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = OpportunityQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("competences"),
        FieldPanel("partnership_type"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("valid_until"), FieldPanel("published_at")])],
            heading=_("Visas"),
        ),
    ]

    search_fields = [
        # The site search's tiers (as on pages): title, competences, organisation, text.
        index.SearchField("title", boost=10),
        index.SearchField("competences_text", boost=5),
        index.SearchField("organisation_name", boost=3),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("valid_until"),
        index.FilterField("published_at"),
        index.FilterField("organisation"),
    ]

    class Meta:
        verbose_name = _("samarbetsmöjlighet")
        verbose_name_plural = _("samarbetsmöjligheter")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["kind", "valid_until"], name="opportunity_kind_valid")]

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.select_related("organisation").prefetch_related("competences")

    def save(self, *args, **kwargs):
        # ClusterableModel.save() writes the competences too; only then is the
        # organisation's search entry (which includes its opportunities) complete, and
        # only then does the content version move (once).
        with one_change():
            super().save(*args, **kwargs)
            index.insert_or_update_object(self)
            reindex_organisation(self.organisation_id)

    def competences_text(self) -> str:
        return " ".join(tag.name for tag in self.competences.all())

    def organisation_name(self) -> str:
        return self.organisation.title

    @property
    def slug(self) -> str:
        return slugify(self.title)[:80] or "mojlighet"

    @property
    def is_need(self) -> bool:
        return self.kind == OpportunityKind.NEED

    def is_current(self, today=None, now=None) -> bool:
        today = today or timezone.localdate()
        now = now or timezone.now()
        return (
            self.published_at is not None
            and self.published_at <= now
            and self.valid_until is not None
            and self.valid_until >= today
        )

    def is_public(self) -> bool:
        return self.is_current() and self.organisation.is_listed


def attach_opportunity_urls(opportunities, index_page, request=None):
    """Give each opportunity its public URL (no query: the index page is known)."""
    for opportunity in opportunities:
        opportunity.url = index_page.opportunity_url(opportunity, request) if index_page else ""
    return opportunities
