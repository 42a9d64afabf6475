"""The application page's routes: the form, "check your e-mail", and the e-mail's link."""

from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from core.ratelimit import RateLimited, check_and_hit, client_ip
from members import applications
from members.accounts import email_key
from members.forms.organisation import ApplicationForm
from members.models import ApplicationStatus
from members.ratelimit import JOIN_PER_EMAIL, JOIN_PER_IP
from members.tokens import LinkError
from members.views import private

RATE_LIMITED = _(
    "Vi har tagit emot många ansökningar från dig på kort tid. Vänta en stund och försök "
    "igen, eller skriv till sekretariatet."
)


def application_form(page, request):
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST, join_page=page)
        if form.is_spam:
            # Looks like success to the bot; nothing is stored or sent.
            return HttpResponseRedirect(page.subpage_url("sent"), status=303)
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
                applications.submit(form, page)
                return HttpResponseRedirect(page.subpage_url("sent"), status=303)
    elif request.method in ("GET", "HEAD"):
        form = ApplicationForm(join_page=page)
    else:
        from django.http import HttpResponseNotAllowed

        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    response = page.render(
        request,
        template="members/join/form.html",
        context_overrides={"form": form},
    )
    response.status_code = status
    return private(response)


def application_sent(page, request):
    return private(page.render(request, template="members/join/sent.html"))


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


def application_confirm(page, request, token):
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
    response = page.render(request, template="members/join/confirm.html", context_overrides=context)
    response.status_code = status
    return private(response)
