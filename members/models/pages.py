"""The public application form, as a page: the secretariat edits its texts in the admin.

Its routes (the form, "check your e-mail", the e-mail's link) are on the page model; the
work is done by members.applications.

The letter of intent and the two consent texts are part of the page, so changing them goes
through review like any other page; every application records the exact wording it accepted
(members.models.consents.ConsentText).
"""

from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import SIMPLE_RICH_TEXT_FEATURES
from core.models import BasePage
from core.ratelimit import RateLimited, check_and_hit, client_ip
from members import applications
from members.accounts import email_key
from members.forms.organisation import ApplicationForm
from members.models.applications import ApplicationStatus
from members.models.consents import (
    DEFAULT_LETTER_OF_INTENT,
    DEFAULT_LISTING_CONSENT,
    DEFAULT_NAME_CONSENT,
)
from members.ratelimit import JOIN_PER_EMAIL, JOIN_PER_IP
from members.tokens import LinkError

RATE_LIMITED = _(
    "Vi har tagit emot många ansökningar från dig på kort tid. Vänta en stund och försök "
    "igen, eller skriv till sekretariatet."
)
LINK_ERRORS = {
    "invalid": _(
        "Länken fungerar inte. Kontrollera att du har kopierat hela adressen från e-postbrevet."
    ),
    "expired": _(
        "Länken har gått ut: den gäller i tre dygn. Fyll i ansökan igen, så skickar vi en ny."
    ),
    "used": _(
        "Länken har redan använts. Ansökan är redan bekräftad och skickad till sekretariatet."
    ),
}


def private(response):
    """Forms with personal data: never stored by a browser cache or a proxy."""
    add_never_cache_headers(response)
    return response


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

    @classmethod
    def current(cls):
        """The live application page, whose wording applications and consents use."""
        return cls.objects.live().first()

    @path("", name="form")
    def form_route(self, request):
        status = 200
        if request.method == "POST":
            form = ApplicationForm(request.POST, join_page=self)
            if form.is_spam:
                # Looks like success to the bot; nothing is stored or sent.
                return HttpResponseRedirect(self.subpage_url("sent"), status=303)
            if form.is_valid():
                try:
                    check_and_hit(
                        [
                            (JOIN_PER_IP, client_ip(request)),
                            (JOIN_PER_EMAIL, email_key(form.cleaned_data["contact_email"])),
                        ]
                    )
                except RateLimited:
                    form.add_error(None, RATE_LIMITED)
                    status = 429
                else:
                    applications.submit(form, self)
                    return HttpResponseRedirect(self.subpage_url("sent"), status=303)
        elif request.method in ("GET", "HEAD"):
            form = ApplicationForm(join_page=self)
        else:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        response = self.render(
            request, template="members/join/form.html", context_overrides={"form": form}
        )
        response.status_code = status
        return private(response)

    @path("skickad/", name="sent")
    def sent_route(self, request):
        return private(self.render(request, template="members/join/sent.html"))

    @re_path(r"^bekrafta/(?P<token>[-\w]{1,300})/$", name="confirm")
    def confirm_route(self, request, token):
        context = {"token": token}
        status = 200
        try:
            application = applications.open_confirmation(token)
        except LinkError as error:
            context["link_error"] = LINK_ERRORS[error.reason]
            status = 404 if error.reason == "invalid" else 410
            application = None
        if application is not None and request.method == "POST":
            try:
                application = applications.confirm(token)
            except LinkError as error:
                context["link_error"] = LINK_ERRORS[error.reason]
                status = 410
            else:
                context["confirmed"] = True
                context["referred"] = application.status == ApplicationStatus.REFERRED
        context["application"] = application
        response = self.render(
            request, template="members/join/confirm.html", context_overrides=context
        )
        response.status_code = status
        return private(response)

    @property
    def sign_in_url(self) -> str:
        """Where organisations that are members already log in: linked on this page and
        beside it wherever it is listed (its parent, Gå med)."""
        return reverse("members:login")

    def subpage_url(self, name: str, **kwargs) -> str:
        return self.url + self.reverse_subpage(name, kwargs=kwargs or None)

    def full_subpage_url(self, name: str, **kwargs) -> str:
        return self.get_full_url() + self.reverse_subpage(name, kwargs=kwargs or None)
