import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import routing
from core.blocks import LinkBlock
from core.pagequery import PageManager
from core.slugs import SWEDISH_SLUG_FORMATTERS, ascii_slug


def new_token() -> str:
    return uuid.uuid4().hex


class VersionToken(models.Model):
    """One row whose random token names the current state of some content.

    Cached results are keyed by the token, so a change anywhere makes every cached result
    unreachable at once, in every process, whatever the cache backend. A random token rather
    than a counter: a rolled-back change can never bring back a token that results were
    cached under.
    """

    token = models.CharField(max_length=32, default=new_token)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.token

    @classmethod
    def current(cls) -> str:
        token = cls.objects.filter(pk=1).values_list("token", flat=True).first()
        if token is None:
            token = cls.objects.get_or_create(pk=1)[0].token
        return token

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(token=new_token()):
            cls.objects.get_or_create(pk=1)


class ContentVersion(VersionToken):
    """Names the state of everything public pages show: pages, snippets, vocabularies,
    images and settings. Rendered fragments that every page repeats (menus, footer,
    breadcrumbs) are cached under it (core/fragments.py)."""

    class Meta:
        verbose_name = _("innehållsversion")
        verbose_name_plural = _("innehållsversioner")


class RateLimitCounter(models.Model):
    """Attempts counted against one rate limit for one key, in one fixed window.

    In the database, so a lockout holds across every worker and every restart
    (core.ratelimit counts with one atomic statement). `key` is a keyed hash: no address
    or e-mail address is stored. Expired rows are deleted by `purge_rate_limits`.
    """

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("räknare för begränsning")
        verbose_name_plural = _("räknare för begränsningar")

    def __str__(self):
        return self.key


class BasePage(Page):
    """Every page type of the site: SEO and sharing fields with sensible fallbacks."""

    objects = PageManager()

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("delningsbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Bilden som visas när sidan delas i sociala medier (minst 1200 × 630 pixlar). "
            "Lämna tomt för att använda sidans huvudbild."
        ),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", widget=SlugInput(formatters=SWEDISH_SLUG_FORMATTERS)),
                FieldPanel(
                    "seo_title",
                    help_text=_(
                        "Titeln i webbläsarfliken och i sökmotorer. Lämna tomt för att "
                        "använda sidans rubrik."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    help_text=_(
                        "En eller två meningar (högst 160 tecken) som visas i sökmotorernas "
                        "träfflista. Lämna tomt för att använda ingressen."
                    ),
                ),
                FieldPanel("og_image"),
            ],
            heading=_("Sökmotorer och delning"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus")],
            heading=_("Menyer"),
        ),
    ]

    class Meta:
        abstract = True

    # Site search weighs fields in four tiers, the same on every type (search/conf.py):
    # title 10, tags 5, lead or short description 3, the rest (body). Later entries
    # replace earlier ones of the same name.
    search_fields = [*Page.search_fields, index.SearchField("title", boost=10)]

    # Subclasses name the field that introduces the page (lead, intro) and its main image.
    summary_field = None
    image_field = None

    def route(self, request, path_components):
        """Wagtail's routing in a fixed number of queries (core.routing)."""
        return routing.route(self, request, path_components, super().route)

    def get_view_restrictions(self):
        """Wagtail's restriction check in one query (core.routing)."""
        return routing.view_restrictions(self)

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        # The page a request was routed to shares the request's site root paths, so its URL
        # asked without the request (page.url) costs no second lookup of them.
        return super()._get_site_root_paths(
            cache_object or self.__dict__.get("_routed_request"), **kwargs
        )

    @cached_property
    def summary(self) -> str:
        if self.summary_field:
            value = getattr(self, self.summary_field, "") or ""
            return Truncator(strip_tags(str(value)).strip()).chars(300)
        return ""

    @property
    def meta_description(self) -> str:
        """Empty when the page has neither; the template falls back to the site's."""
        text = self.search_description or self.summary
        return Truncator(" ".join(text.split())).chars(160)

    # Page types that set this refuse a main image without alt text (the image's description).
    require_image_alt_text = False

    def full_clean(self, *args, **kwargs):
        # Addresses are ASCII (core.slugs): a slug typed with å, ä, ö or é, or set in code,
        # is transliterated before Wagtail checks that it is free among the siblings.
        # (WAGTAIL_ALLOW_UNICODE_SLUGS = False makes the admin and Wagtail's own
        # slug-from-title do the same.)
        if self.slug and not self.slug.isascii():
            self.slug = ascii_slug(self.slug)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        image = self.main_image
        if self.require_image_alt_text and image is not None and not image.description.strip():
            raise ValidationError(
                {
                    self.image_field: _(
                        "Bilden saknar alternativtext. Öppna bilden under Bilder och skriv i "
                        "fältet Beskrivning vad bilden visar, eller välj en annan bild."
                    )
                }
            )

    @property
    def main_image(self):
        return getattr(self, self.image_field, None) if self.image_field else None

    @property
    def share_image(self):
        return self.og_image or self.main_image


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The council's contact details, shown in the footer and in structured data."""

    organisation_name = models.CharField(
        _("organisationens namn"),
        max_length=200,
        default="Miljö- och klimatrådet i Jämtlands län",
        help_text=_("Namnet som visas i sidhuvudet, sidfoten och i sökmotorer."),
    )
    site_description = models.CharField(
        _("kort beskrivning"),
        max_length=300,
        blank=True,
        help_text=_(
            "En mening om rådet. Används som beskrivning för sidor som saknar egen ingress."
        ),
    )
    postal_address = models.TextField(
        _("postadress"),
        blank=True,
        help_text=_("Adressen i sidfoten, en rad per rad."),
    )
    email = models.EmailField(
        _("e-postadress"),
        blank=True,
        help_text=_("Sekretariatets allmänna adress, som visas i sidfoten."),
    )
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        help_text=_("Telefonnummer i sidfoten, till exempel 063-14 60 00."),
    )
    social_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("sociala medier"),
        blank=True,
        help_text=_("Länkar till rådets konton i sociala medier."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sidan med tillgänglighetsredogörelsen. Länkas från varje sida."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("integritetspolicy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sidan som beskriver hur personuppgifter hanteras. Länkas från varje sida."),
    )

    # The footer links both pages on every page: read them with the settings.
    select_related = ["accessibility_page", "privacy_page"]

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("site_description"),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Kontaktuppgifter"),
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Obligatoriska sidor"),
        ),
    ]

    class Meta:
        verbose_name = _("webbplatsinställningar")

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """Editable main menu and footer menu."""

    main_menu = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("huvudmeny"),
        blank=True,
        help_text=_("Länkarna i sidhuvudet, i ordning. Håll menyn kort: högst sju länkar."),
    )
    footer_menu = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("sidfotsmeny"),
        blank=True,
        help_text=_("Länkarna i sidfoten, till exempel Om rådet och Kontakt."),
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = _("menyer")
