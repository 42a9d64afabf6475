"""Min organisation › Personuppgifter: what the site holds about the organisation, the
consents behind the listing and the contact person's name, the data as JSON, and asking for
removal (GDPR). The access rules are those of the other members' pages (members.views.account).
"""

import json

from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.listing_state import delist
from directory.models import ContactPerson
from mail.outbox import notify_secretariat, queue_email
from members import consents, listing, privacy
from members.forms.account import RemovalRequestForm
from members.models import ConsentKind, ConsentSource, MembershipApplicationPage, RemovalRequest
from members.views.account import consent_text, member_required, only, org_context

LISTING_WITHDRAWN_REASON = "Organisationen har tagit tillbaka sitt samtycke till att visas."


@member_required
@only("GET", "HEAD")
def privacy_overview(request, page):
    contact = ContactPerson.objects.filter(organisation=page).first()
    latest = consents.latest(page)
    context = org_context(
        request,
        page,
        "privacy",
        contact=contact,
        listing_consent=listing_consent_given(page, latest),
        latest=latest,
        listing_text=consent_text(ConsentKind.PUBLISH_LISTING),
        name_text=consent_text(ConsentKind.PUBLISH_NAME),
        removal_form=RemovalRequestForm(),
        open_requests=RemovalRequest.objects.filter(organisation=page, handled_at__isnull=True),
    )
    return render(request, "members/account/privacy.html", context)


def listing_consent_given(page, latest: dict) -> bool:
    """Given when the newest record says so; listings from before consent records (the
    secretariat's own) count as given while they are listed."""
    record = latest.get(ConsentKind.PUBLISH_LISTING)
    return record.given if record is not None else page.is_listed


@member_required
@require_POST
def consent(request, page):
    kind = request.POST.get("kind")
    give = request.POST.get("action") == "ge"
    if kind == ConsentKind.PUBLISH_NAME:
        contact = ContactPerson.objects.filter(organisation=page).first()
        if contact is None:
            raise Http404
        consents.set_name_consent(
            contact,
            give,
            source=ConsentSource.MEMBER_PAGES,
            user=request.user,
            join_page=MembershipApplicationPage.current(),
        )
        message = (
            _("Kontaktpersonens namn och roll visas nu på organisationens sida.")
            if give
            else _("Samtycket är återtaget: kontaktpersonens namn och roll visas inte längre.")
        )
    elif kind == ConsentKind.PUBLISH_LISTING:
        message = set_listing_consent(request, page, give)
    else:
        raise Http404
    messages.success(request, message)
    return HttpResponseRedirect(reverse("members:privacy", args=[page.pk]), status=303)


@transaction.atomic
def set_listing_consent(request, page, give: bool) -> str:
    """Withdrawing delists at once; giving sends the listing to review to be relisted."""
    if give and page.is_listed:
        return _("Organisationen visas redan i katalogen.")
    consents.record(
        ConsentKind.PUBLISH_LISTING,
        give,
        source=ConsentSource.MEMBER_PAGES,
        organisation=page,
        person_name=request.user.get_full_name(),
        person_email=request.user.email,
        user=request.user,
        join_page=MembershipApplicationPage.current(),
    )
    if give:
        listing.request_review(page, request.user)
        return _(
            "Tack! Sekretariatet granskar uppgifterna och lägger sedan ut organisationen i "
            "katalogen."
        )
    if page.live:
        # The member may not unpublish pages; the site does it for them (the consent
        # record says who asked).
        delist(page, user=None, reason=LISTING_WITHDRAWN_REASON)
    notify_secretariat(
        "members/email/listing_withdrawn_secretariat", context={"user": request.user}, page=page
    )
    return _(
        "Organisationen visas inte längre i katalogen. Uppgifterna finns kvar, och ni kan "
        "ge samtycket igen när ni vill."
    )


@member_required
@only("GET", "HEAD")
def export(request, page):
    data = privacy.export_organisation(page)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"{page.slug}-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_required
@only("GET", "HEAD", "POST")
def removal(request, page):
    form = RemovalRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        removal_request = RemovalRequest.objects.create(
            organisation=page,
            organisation_name=page.title,
            scope=form.cleaned_data["scope"],
            message=form.cleaned_data["message"],
            requested_by=request.user,
        )
        notify_secretariat(
            "members/email/removal_secretariat",
            context={
                "removal": removal_request,
                "admin_url": settings.SITE_URL
                + reverse("wagtailsnippets_members_removalrequest:edit", args=[removal_request.pk]),
            },
            page=page,
        )
        queue_email(
            "members/email/removal_received",
            to=request.user.email,
            context={"removal": removal_request, "page": page},
            organisation=page,
        )
        messages.success(
            request,
            _("Begäran är skickad. Sekretariatet hör av sig, senast inom en månad."),
        )
        return HttpResponseRedirect(reverse("members:privacy", args=[page.pk]), status=303)
    context = org_context(request, page, "privacy", form=form)
    return render(request, "members/account/removal.html", context)
