"""Kontakta: the contact form of an organisation and of an opportunity, on URLs of their own.

On its own URL rather than on the organisation page, so that the directory's pages stay
free of cookies and cacheable: the form needs a CSRF cookie, which a visitor only gets
when they open the form (a strictly necessary cookie, LEK 9 kap. 28 §).
"""

from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.ratelimit import RateLimited, check_and_hit, client_ip
from directory.models import Opportunity, OrganisationPage
from directory.views import directory_index_page
from members.contact import is_contactable, send_message
from members.forms.contact import ContactForm
from members.ratelimit import CONTACT_PER_EMAIL, CONTACT_PER_IP
from members.views import private

RATE_LIMITED = _(
    "Du har skickat många meddelanden på kort tid. Vänta en stund och försök igen, eller "
    "skriv till sekretariatet."
)


def _organisation(org_id: int) -> OrganisationPage:
    page = (
        OrganisationPage.objects.listed().select_related("contact_person").filter(pk=org_id).first()
    )
    if page is None or not is_contactable(page):
        raise Http404(_("Organisationen finns inte eller kan inte kontaktas via webbplatsen."))
    return page


def organisation(request, org_id: int):
    return _contact(request, _organisation(org_id), None)


def opportunity(request, org_id: int, opp_id: int):
    page = _organisation(org_id)
    item = Opportunity.objects.public().filter(pk=opp_id, organisation=page).first()
    if item is None:
        raise Http404(_("Samarbetsmöjligheten finns inte eller har gått ut."))
    index = directory_index_page(request)
    item.url = index.opportunity_url(item) if index else ""
    return _contact(request, page, item)


def _contact(request, page, item):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    status = 200
    form = ContactForm(request.POST or None) if request.method == "POST" else ContactForm()
    sent_url = reverse("members:contact_sent", args=[page.pk])
    if request.method == "POST":
        if form.is_spam:
            return HttpResponseRedirect(sent_url, status=303)
        if form.is_valid():
            try:
                check_and_hit(
                    [
                        (CONTACT_PER_IP, client_ip(request)),
                        (CONTACT_PER_EMAIL, form.cleaned_data["sender_email"].lower()),
                    ]
                )
            except RateLimited:
                form.add_error(None, RATE_LIMITED)
                status = 429
            else:
                send_message(page, form, item)
                return HttpResponseRedirect(sent_url, status=303)
    context = {"organisation": page, "opportunity": item, "form": form}
    return private(render(request, "members/contact/form.html", context, status=status))


def sent(request, org_id: int):
    page = OrganisationPage.objects.listed().filter(pk=org_id).first()
    if page is None:
        raise Http404
    return private(render(request, "members/contact/sent.html", {"organisation": page}))
