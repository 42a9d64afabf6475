"""Kontakta: the contact form of an organisation and of an opportunity, and the one that
reaches the secretariat about an organisation, on URLs of their own.

On its own URL rather than on the organisation page, so that the directory's pages stay
free of cookies and cacheable: the form needs a CSRF cookie, which a visitor only gets
when they open the form (a strictly necessary cookie, LEK 9 kap. 28 §).

After sending, the sender sees a receipt of what was sent (no copy by e-mail). Its address
carries a signed token, valid RECEIPT_MAX_AGE: no session or cookie is needed, and the
message cannot be read by guessing ids.
"""

import datetime

from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.ratelimit import RateLimited, check_and_hit, client_ip
from directory.models import Opportunity, OrganisationPage
from directory.models.pages import directory_index_page
from members import tokens
from members.accounts import email_key
from members.contact import is_contactable, send_message, send_to_secretariat
from members.forms.contact import ContactForm, SecretariatContactForm
from members.models import ContactMessage
from members.ratelimit import CONTACT_PER_EMAIL, CONTACT_PER_IP
from members.views import private

RATE_LIMITED = _(
    "Du har skickat många meddelanden på kort tid. Vänta en stund och försök igen, eller "
    "skriv till sekretariatet."
)


def _listed(org_id: int) -> OrganisationPage:
    page = OrganisationPage.objects.listed().select_related("contact_person").filter(pk=org_id)
    page = page.first()
    if page is None:
        raise Http404(_("Organisationen finns inte i katalogen."))
    return page


def _organisation(org_id: int) -> OrganisationPage:
    """A listed organisation with a contact person to relay to."""
    page = _listed(org_id)
    if not is_contactable(page):
        raise Http404(_("Organisationen kan inte kontaktas via webbplatsen."))
    return page


def organisation(request, org_id: int):
    return _contact(request, _organisation(org_id), None)


def secretariat(request, org_id: int):
    """Any listed organisation, through the secretariat (offered where no one else can be
    reached)."""
    return _contact(request, _listed(org_id), None, to_secretariat=True)


def opportunity(request, org_id: int, opp_id: int):
    page = _organisation(org_id)
    item = Opportunity.objects.public().filter(pk=opp_id, organisation=page).first()
    if item is None:
        raise Http404(_("Samarbetsmöjligheten finns inte eller har gått ut."))
    index = directory_index_page(request)
    item.url = index.opportunity_url(item) if index else ""
    return _contact(request, page, item)


def _contact(request, page, item, *, to_secretariat=False):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    status = 200
    form_class = SecretariatContactForm if to_secretariat else ContactForm
    form = form_class(request.POST or None) if request.method == "POST" else form_class()
    sent_url = reverse("members:contact_sent", args=[page.pk])
    if request.method == "POST":
        if form.is_spam:
            return HttpResponseRedirect(sent_url, status=303)
        if form.is_valid():
            try:
                check_and_hit(
                    [
                        (CONTACT_PER_IP, client_ip(request)),
                        (CONTACT_PER_EMAIL, email_key(form.cleaned_data["sender_email"])),
                    ]
                )
            except RateLimited:
                form.add_error(None, RATE_LIMITED)
                status = 429
            else:
                if to_secretariat:
                    message = send_to_secretariat(page, form)
                else:
                    message = send_message(page, form, item)
                return HttpResponseRedirect(receipt_url(message), status=303)
    context = {
        "organisation": page,
        "opportunity": item,
        "form": form,
        "to_secretariat": to_secretariat,
    }
    return private(render(request, "members/contact/form.html", context, status=status))


def sent(request, org_id: int):
    page = OrganisationPage.objects.listed().filter(pk=org_id).first()
    if page is None:
        raise Http404
    return private(render(request, "members/contact/sent.html", {"organisation": page}))


RECEIPT = "contact-receipt"
RECEIPT_MAX_AGE = datetime.timedelta(hours=1)


def receipt_url(message: ContactMessage) -> str:
    token = tokens.make_token(RECEIPT, message.pk, "")
    return reverse("members:contact_receipt", args=[message.organisation_id, token])


def receipt(request, org_id: int, token: str):
    """Meddelandet är skickat: what was sent, to whom, and where the answer will come."""
    page = OrganisationPage.objects.listed().filter(pk=org_id).first()
    if page is None:
        raise Http404
    context, status = {"organisation": page}, 200
    try:
        payload = tokens.read_token(token, RECEIPT, RECEIPT_MAX_AGE)
    except tokens.LinkError as error:
        if error.reason != "expired":
            raise Http404 from None
        context["expired"], status = True, 410
    else:
        context["message"] = (
            ContactMessage.objects.filter(pk=payload.object_id, organisation=page)
            .select_related("opportunity")
            .first()
        )
        if context["message"] is None:
            raise Http404
    context["receipt_hours"] = int(RECEIPT_MAX_AGE.total_seconds() // 3600)
    return private(render(request, "members/contact/sent.html", context, status=status))
