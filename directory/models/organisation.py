"""Organisations in the directory: the page, its queryset, and keeping its search entry current.

The contact person behind each organisation is in directory/models/contact.py.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import SIMPLE_RICH_TEXT_FEATURES
from core.fragments import one_change
from core.models import BasePage
from core.pagequery import PageManager, PageQuerySet
from directory.models.taxonomy import (
    Municipality,
    OfferedCompetence,
    OrganisationType,
    PartnershipType,
    SizeClass,
    SoughtCompetence,
)
from directory.validators import ORG_NUMBER_FORMAT, normalise_org_number, validate_org_number

# Listings not confirmed by the organisation for this long count as stale in the admin.
STALE_AFTER = datetime.timedelta(days=365)

# Sub-URLs of the directory index page: no organisation may take these slugs.
RESERVED_SLUGS = {"mojligheter", "csv", "api"}

# Renditions the listing and the organisation page use (prefetched with the logo).
LOGO_CARD_SPEC = "max-160x80"
LOGO_PAGE_SPEC = "max-320x160"


def stale_before() -> datetime.date:
    return timezone.localdate() - STALE_AFTER


class OrganisationPageQuerySet(PageQuerySet):
    def listed(self):
        """What the public may see and find: published, not delisted, not behind a login."""
        return self.live().filter(delisted_at__isnull=True).public()

    def stale(self):
        return self.filter(
            Q(last_confirmed_at__lt=stale_before()) | Q(last_confirmed_at__isnull=True)
        )

    def with_open_needs_flag(self):
        # Opportunity points here (directory/models/opportunity.py imports this module): its
        # model is reached through the relation, not imported back.
        Opportunity = self.model._meta.get_field("opportunities").related_model
        return self.annotate(
            has_open_needs=Exists(
                Opportunity.objects.current().needs().filter(organisation=OuterRef("pk"))
            )
        )

    def with_card_data(self):
        """Everything a card shows, in a fixed number of queries whatever the page size."""
        return (
            self.select_related("head_office", "logo")
            .prefetch_related("offers", "seeks", "logo__renditions")
            .with_open_needs_flag()
        )

    def with_api_data(self):
        """What the open-data API and the CSV export print, also in a fixed number of queries."""
        return self.with_card_data().prefetch_related(
            "served_municipalities",
            "themes",
            "environmental_objectives",
            "partnership_types",
        )


OrganisationPageManager = PageManager.from_queryset(OrganisationPageQuerySet)


class OrganisationPage(BasePage):
    """One organisation in the directory: who it is, what it offers and what it seeks.

    A page, so listings get revisions, review before publishing, preview and URLs. Being
    listed is being published: delisting unpublishes the page (content and revisions stay)
    and records when and why; publishing again relists it.
    """

    org_type = models.CharField(
        _("typ av organisation"),
        max_length=32,
        choices=OrganisationType.choices,
        help_text=_("Välj det som passar bäst. Används som filter i katalogen."),
    )
    is_sole_trader = models.BooleanField(
        _("enskild firma"),
        default=False,
        help_text=_(
            "Markera om organisationen är en enskild firma. Då lämnas organisationsnumret "
            "tomt: en enskild firmas nummer är ägarens personnummer, och det samlar vi inte in."
        ),
    )
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_org_number],
        help_text=_(
            "Tio siffror, %(format)s, till exempel 232100-0214. Frivilligt. Lämna tomt för "
            "enskilda firmor."
        )
        % {"format": ORG_NUMBER_FORMAT},
    )
    size_class = models.CharField(
        _("storlek"),
        max_length=8,
        choices=SizeClass.choices,
        blank=True,
        help_text=_("Antal anställda. Frivilligt."),
    )
    short_description = models.CharField(
        _("kort beskrivning"),
        max_length=160,
        help_text=_(
            "En mening om vad organisationen gör, högst 160 tecken. Visas på kortet i "
            "katalogen och i sökmotorer."
        ),
    )
    description = RichTextField(
        _("beskrivning"),
        features=SIMPLE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Berätta mer: verksamheten, vad ni vill åstadkomma i omställningen och vilka "
            "samarbeten ni söker. Skriv enkelt och konkret."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Organisationens logotyp, gärna på vit eller genomskinlig bakgrund. Skriv "
            "organisationens namn i bildens fält Beskrivning (alternativtext)."
        ),
    )
    website = models.URLField(
        _("webbplats"),
        blank=True,
        help_text=_("Hela adressen, till exempel https://www.exempel.se/"),
    )
    head_office = models.ForeignKey(
        Municipality,
        verbose_name=_("huvudkontor"),
        on_delete=models.PROTECT,
        related_name="head_offices",
        help_text=_("Kommunen där organisationen har sitt huvudkontor, eller Utanför länet."),
    )
    serves_whole_county = models.BooleanField(
        _("verkar i hela länet"),
        default=False,
        help_text=_("Markera om organisationen verkar i alla länets kommuner."),
    )
    served_municipalities = ParentalManyToManyField(
        Municipality,
        verbose_name=_("verkar i kommunerna"),
        blank=True,
        related_name="served_by",
        help_text=_(
            "Kommunerna där organisationen verkar utöver huvudkontoret. Behövs inte om "
            "organisationen verkar i hela länet."
        ),
    )
    themes = ClusterTaggableManager(
        verbose_name=_("teman"),
        through="themes.ThemedPage",
        blank=True,
        related_name="organisation_pages",
        help_text=_("Rådets teman som organisationen arbetar med."),
    )
    environmental_objectives = ParentalManyToManyField(
        "themes.EnvironmentalObjective",
        verbose_name=_("miljökvalitetsmål"),
        blank=True,
        related_name="organisations",
        help_text=_("De miljökvalitetsmål organisationens arbete bidrar till."),
    )
    offers = ClusterTaggableManager(
        verbose_name=_("erbjuder"),
        through=OfferedCompetence,
        blank=True,
        related_name="organisations_offering",
        help_text=_(
            "Kompetenser, tjänster eller resurser organisationen kan erbjuda andra. Välj ur "
            "listan; saknas något, kontakta sekretariatet."
        ),
    )
    seeks = ClusterTaggableManager(
        verbose_name=_("söker"),
        through=SoughtCompetence,
        blank=True,
        related_name="organisations_seeking",
        help_text=_(
            "Kompetenser, tjänster eller resurser organisationen söker hos andra. Används för "
            "att föreslå samarbetspartner."
        ),
    )
    partnership_types = ParentalManyToManyField(
        PartnershipType,
        verbose_name=_("söker samarbete som"),
        blank=True,
        related_name="organisations",
        help_text=_("De former av samarbete organisationen är intresserad av."),
    )
    member_since = models.DateField(
        _("medlem sedan"),
        null=True,
        blank=True,
        help_text=_("Dagen då avsiktsförklaringen skrevs under."),
    )
    last_confirmed_at = models.DateField(
        _("uppgifterna bekräftade"),
        null=True,
        blank=True,
        default=timezone.localdate,
        help_text=_(
            "Senaste dagen organisationen bekräftade att uppgifterna stämmer. Uppgifter som "
            "inte bekräftats på ett år markeras som inaktuella i admin."
        ),
    )
    delisted_at = models.DateTimeField(
        _("avlistad"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("När organisationen togs bort ur katalogen."),
    )
    delisted_reason = models.TextField(
        _("skäl till avlistning"),
        blank=True,
        editable=False,
        help_text=_("Varför organisationen togs bort ur katalogen. Visas bara i admin."),
    )

    objects = OrganisationPageManager()

    content_panels = [
        FieldPanel("title", heading=_("Organisationens namn")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("org_type"), FieldPanel("size_class")]),
                FieldPanel("is_sole_trader"),
                FieldPanel("org_number"),
            ],
            heading=_("Organisationen"),
        ),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("head_office"),
                FieldPanel("serves_whole_county"),
                FieldPanel("served_municipalities", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Var organisationen finns och verkar"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offers"),
                FieldPanel("seeks"),
                FieldPanel("partnership_types", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Erbjuder och söker"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("environmental_objectives", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Teman och miljömål"),
        ),
        MultiFieldPanel(
            [FieldPanel("member_since"), FieldPanel("last_confirmed_at")],
            heading=_("Medlemskap"),
        ),
        HelpPanel(
            template="directory/admin/organisation_status_panel.html",
            heading=_("Kontaktperson och status i katalogen"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        # Later entries replace earlier ones of the same name. The site search's tiers:
        # the name, then what it offers, then the short description and what it seeks,
        # then the body.
        index.SearchField("title", boost=10),
        index.SearchField("short_description", boost=3),
        index.SearchField("offers_text", boost=5),
        index.SearchField("seeks_text", boost=3),
        index.SearchField("description"),
        index.SearchField("opportunities_text"),
        index.FilterField("org_type"),
        index.FilterField("head_office"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []
    # A copy is another organisation: it starts without the number (unique), membership and
    # confirmation dates and delisting facts, in its revisions too. The contact person,
    # accounts and opportunities are not page content and are never copied.
    exclude_fields_in_copy = [
        "org_number",
        "member_since",
        "last_confirmed_at",
        "delisted_at",
        "delisted_reason",
    ]
    summary_field = "short_description"
    image_field = "logo"
    # What the page shows of its own relations, read with it when served (core.routing).
    serve_select_related = ("head_office", "contact_person")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["org_number"],
                condition=~Q(org_number=""),
                name="unique_org_number",
            )
        ]

    # Validation --------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Adressen %(slug)s används av katalogen själv. Välj en annan.") % {
                "slug": self.slug
            }
        if self.org_number:
            try:
                self.org_number = normalise_org_number(self.org_number)
            except ValidationError as error:
                errors["org_number"] = error.messages
            else:
                if self.is_sole_trader:
                    errors["org_number"] = _(
                        "Lämna organisationsnumret tomt för en enskild firma: numret är "
                        "ägarens personnummer."
                    )
                else:
                    others = OrganisationPage.objects.filter(org_number=self.org_number)
                    if self.pk:
                        others = others.exclude(pk=self.pk)
                    other = others.first()
                    if other is not None:
                        errors["org_number"] = _(
                            "Organisationsnumret finns redan i katalogen (%(name)s)."
                        ) % {"name": other.title}
        if errors:
            raise ValidationError(errors)

    # Revisions ---------------------------------------------------------------------

    def with_content_json(self, content):
        """Delisting is a fact about the live page, not content: no revision may undo it."""
        obj = super().with_content_json(content)
        obj.delisted_at = self.delisted_at
        obj.delisted_reason = self.delisted_reason
        # Members confirm their details by e-mail link without a new revision (members
        # app): publishing an older revision never moves the confirmation date back.
        if self.last_confirmed_at and (
            obj.last_confirmed_at is None or obj.last_confirmed_at < self.last_confirmed_at
        ):
            obj.last_confirmed_at = self.last_confirmed_at
        return obj

    # Search ------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        # The content version moves once, after the tags (written after the row's post_save).
        with one_change():
            result = super().save(*args, **kwargs)
            if kwargs.get("update_fields") is None:
                # The search entry includes the tags, which ClusterableModel writes after
                # the row (and after post_save, where the search index is normally updated).
                index.insert_or_update_object(self)
        return result

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .prefetch_related("offers", "seeks", "opportunities__competences")
        )

    def offers_text(self) -> str:
        return " ".join(tag.name for tag in self.offers.all())

    def seeks_text(self) -> str:
        return " ".join(tag.name for tag in self.seeks.all())

    def opportunities_text(self) -> str:
        """Current opportunities are part of what an organisation can be found by."""
        today = timezone.localdate()
        now = timezone.now()
        parts = []
        for opportunity in self.opportunities.all():
            if not opportunity.is_current(today=today, now=now):
                continue
            parts.append(opportunity.title)
            parts.append(opportunity.text)
            parts.extend(tag.name for tag in opportunity.competences.all())
        return "\n".join(parts)

    # Presentation ------------------------------------------------------------------

    @property
    def is_listed(self) -> bool:
        return self.live and self.delisted_at is None

    @property
    def is_stale(self) -> bool:
        return self.last_confirmed_at is None or self.last_confirmed_at < stale_before()

    @cached_property
    def public_contact(self):
        """Name and role of the contact person, only with their consent; never the e-mail."""
        contact = getattr(self, "contact_person", None)
        if contact is None or not contact.publish_name:
            return None
        return {"name": contact.name, "role": contact.role}

    def municipalities_served(self) -> list:
        """Where the organisation works, for display: head office first, then the others."""
        if self.serves_whole_county:
            return []
        others = [m for m in self.served_municipalities.all() if m.pk != self.head_office_id]
        return others

    def get_affected_urls(self, cache_object=None) -> set[str]:
        """Its opportunities' pages show it too (core.frontcache.urls_affected_by)."""
        index_page = self.get_parent().specific
        if not hasattr(index_page, "opportunity_full_url"):
            return set()
        urls = {index_page.opportunity_full_url(o, cache_object) for o in self.opportunities.all()}
        return urls - {None}

    # What the page shows besides its fields (opportunities, matches, related news) needs the
    # directory's search and matching, which are built on this model: directory.views builds
    # it and DirectoryConfig.ready() plugs that in here, so this module imports nothing above it.
    page_context = None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.page_context is not None:
            context.update(self.page_context(request))
        return context


def reindex_organisation(organisation_id) -> None:
    """An organisation is found by its opportunities too: update its search entry."""
    organisation = OrganisationPage.objects.filter(pk=organisation_id).first()
    if organisation is not None:
        index.insert_or_update_object(organisation)
