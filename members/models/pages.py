"""The public application form, as a page: the secretariat edits its texts in the admin.

The letter of intent and the two consent texts are part of the page, so changing them goes
through review like any other page; every application records the exact wording it accepted
(members.models.consents.ConsentText).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import SIMPLE_RICH_TEXT_FEATURES
from core.models import BasePage

DEFAULT_LETTER_OF_INTENT = (
    "<p>Vår organisation vill vara med i Miljö- och klimatrådet i Jämtlands län. Vi vill:</p>"
    "<ol>"
    "<li>bidra till att länet blir fossilbränslefritt 2030 och att utsläppen minskar med minst "
    "10 procent per år,</li>"
    "<li>arbeta med de miljökvalitetsmål som berör vår verksamhet,</li>"
    "<li>dela med oss av kunskap och erfarenheter till andra medlemmar,</li>"
    "<li>delta i rådets möten och arbetsgrupper när det passar vår verksamhet.</li>"
    "</ol>"
    "<p>Avsiktsförklaringen är inte ett juridiskt bindande avtal och medlemskapet kostar "
    "ingenting.</p>"
)
DEFAULT_LISTING_CONSENT = (
    "Organisationens uppgifter får visas i katalogen över samarbetspartner på webbplatsen och "
    "lämnas ut som öppna data."
)
DEFAULT_NAME_CONSENT = (
    "Kontaktpersonens namn och roll får visas på organisationens sida i katalogen. "
    "E-postadress och telefonnummer visas aldrig."
)


class MembershipApplicationPage(RoutablePageMixin, BasePage):
    """Ansök om medlemskap: the form, the "check your e-mail" page and the confirmation link.

    Sub-URLs: skickad/ (after sending) and bekrafta/<token>/ (the link in the e-mail).
    """

    intro = models.TextField(
        _("ingress"),
        max_length=500,
        blank=True,
        help_text=_("Inledande stycke ovanför formuläret: vem som kan gå med och vad som händer."),
    )
    letter_of_intent = RichTextField(
        _("avsiktsförklaringen"),
        features=SIMPLE_RICH_TEXT_FEATURES,
        default=DEFAULT_LETTER_OF_INTENT,
        help_text=_(
            "Texten som organisationen skriver under. Varje ansökan sparar exakt vilken "
            "version av texten den godkände."
        ),
    )
    listing_consent_text = models.TextField(
        _("samtycke: organisationen visas"),
        max_length=500,
        default=DEFAULT_LISTING_CONSENT,
        help_text=_("Texten vid kryssrutan för att organisationen visas i katalogen."),
    )
    name_consent_text = models.TextField(
        _("samtycke: namn och roll visas"),
        max_length=500,
        default=DEFAULT_NAME_CONSENT,
        help_text=_("Texten vid kryssrutan för att kontaktpersonens namn och roll visas."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("letter_of_intent"),
                FieldPanel("listing_consent_text"),
                FieldPanel("name_consent_text"),
            ],
            heading=_("Avsiktsförklaring och samtycken"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=3)]

    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = []
    max_count = 1
    summary_field = "intro"

    class Meta:
        verbose_name = _("ansökan om medlemskap")
        verbose_name_plural = _("ansökningar om medlemskap")

    @path("", name="form")
    def form_route(self, request):
        from members.views.join import application_form

        return application_form(self, request)

    @path("skickad/", name="sent")
    def sent_route(self, request):
        from members.views.join import application_sent

        return application_sent(self, request)

    @re_path(r"^bekrafta/(?P<token>[-\w]{1,300})/$", name="confirm")
    def confirm_route(self, request, token):
        from members.views.join import application_confirm

        return application_confirm(self, request, token)

    @property
    def sign_in_url(self) -> str:
        """Where organisations that are members already log in: linked on this page and
        beside it wherever it is listed (its parent, Gå med)."""
        return reverse("members:login")

    def subpage_url(self, name: str, **kwargs) -> str:
        return self.url + self.reverse_subpage(name, kwargs=kwargs or None)

    def full_subpage_url(self, name: str, **kwargs) -> str:
        return self.get_full_url() + self.reverse_subpage(name, kwargs=kwargs or None)
