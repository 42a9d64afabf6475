"""Min organisation: the members' own pages.

Every view that takes an organisation id looks it up through the logged-in user's
memberships, and every opportunity or colleague through that organisation: another
organisation's ids give 404, never its data.

What is reviewed and what is not: the listing (page content) is saved as a revision and
goes to the secretariat, while the published version stays live. The contact person is
personal data kept outside the page and is corrected at once (its e-mail and phone are
never shown; its name only with consent). Partnership opportunities publish at once, as
the directory intends: they are short, dated posts, and the secretariat can unpublish
any of them in the admin (Katalog › Samarbetsmöjligheter).
"""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from directory.models import ContactPerson, Opportunity, OrganisationPage
from members import accounts, consents, listing, reminders
from members import opportunities as member_opportunities
from members.forms.account import (
    AcceptInvitationForm,
    ContactPersonForm,
    InvitationForm,
    OpportunityForm,
)
from members.forms.organisation import OrganisationDetailsForm
from members.models import (
    ConsentKind,
    ConsentSource,
    Invitation,
    Membership,
    MembershipApplicationPage,
)
from members.ratelimit import INVITATIONS_PER_USER
from members.tokens import LinkError
from members.views import private

BACKEND = "members.backends.MemberEmailBackend"


# Access ------------------------------------------------------------------------------------


def member_required(view):
    """Logged in with at least one membership; `org_id` resolved through the memberships."""

    @wraps(view)
    @never_cache
    def wrapper(request, *args, org_id=None, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("members:login"))
        memberships = Membership.objects.for_user(request.user)
        if org_id is not None:
            membership = (
                memberships.filter(organisation_id=org_id).select_related("organisation").first()
            )
            if membership is None:
                raise Http404(_("Sidan finns inte."))
            request.membership = membership
            page = OrganisationPage.objects.get(pk=membership.organisation_id)
            return private(view(request, page, *args, **kwargs))
        if not memberships.exists():
            return private(render(request, "members/account/no_membership.html", status=403))
        return private(view(request, *args, **kwargs))

    return wrapper


def org_context(request, page, section: str, **extra) -> dict:
    return {
        "organisation": page,
        "section": section,
        "membership": request.membership,
        "other_memberships": Membership.objects.for_user(request.user)
        .exclude(organisation=page)
        .select_related("organisation"),
        **extra,
    }


def only(*methods):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Overview ----------------------------------------------------------------------------------


@member_required
def home(request):
    memberships = list(Membership.objects.for_user(request.user).select_related("organisation"))
    if len(memberships) == 1:
        return HttpResponseRedirect(
            reverse("members:organisation", args=[memberships[0].organisation_id])
        )
    return render(request, "members/account/home.html", {"memberships": memberships})


@member_required
@only("GET", "HEAD")
def overview(request, page):
    contact = ContactPerson.objects.filter(organisation=page).first()
    context = org_context(
        request,
        page,
        "overview",
        contact=contact,
        pending=listing.pending_changes(page),
        opportunity_count=Opportunity.objects.current().filter(organisation=page).count(),
        is_stale=page.is_stale,
    )
    return render(request, "members/account/overview.html", context)


@member_required
@require_POST
def confirm_current(request, page):
    relisting = reminders.confirm_page(page, request.user)
    messages.success(
        request,
        _("Tack! Uppgifterna är bekräftade.")
        + (
            " " + _("Sekretariatet granskar dem och lägger tillbaka er i katalogen.")
            if relisting
            else ""
        ),
    )
    return HttpResponseRedirect(reverse("members:organisation", args=[page.pk]), status=303)


# The listing -------------------------------------------------------------------------------


@member_required
@only("GET", "HEAD", "POST")
def listing_edit(request, page):
    draft = page.get_latest_revision_as_object()
    if request.method == "POST":
        form = OrganisationDetailsForm(
            request.POST, page=page, initial=OrganisationDetailsForm.initial_from_page(draft)
        )
        if form.is_valid():
            if form.has_changed():
                listing.submit_edit(page, form, request.user)
                messages.success(
                    request,
                    _(
                        "Ändringarna är sparade och skickade till sekretariatet för granskning. "
                        "Sidan i katalogen visas som förut tills de är godkända."
                    ),
                )
            else:
                listing.mark_confirmed(page)
                messages.success(request, _("Inget var ändrat. Uppgifterna är bekräftade."))
            return HttpResponseRedirect(reverse("members:organisation", args=[page.pk]), status=303)
    else:
        form = OrganisationDetailsForm(
            page=page, initial=OrganisationDetailsForm.initial_from_page(draft)
        )
    form.submit_label = gettext_lazy("Skicka för granskning")
    context = org_context(request, page, "listing", form=form, pending=page.has_unpublished_changes)
    return render(request, "members/account/listing.html", context)


def consent_text(kind: str):
    """The wording members consent to now: the live application page's."""
    return consents.current_text(kind, MembershipApplicationPage.current())


# The contact person ------------------------------------------------------------------------


@member_required
@only("GET", "HEAD", "POST")
def contact_person(request, page):
    contact = ContactPerson.objects.filter(organisation=page).first()
    name_text = consent_text(ConsentKind.PUBLISH_NAME)
    initial = (
        {
            "name": contact.name,
            "role": contact.role,
            "email": contact.email,
            "phone": contact.phone,
            "publish_name": contact.publish_name,
        }
        if contact
        else {}
    )
    form = ContactPersonForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        consent_text=name_text.text,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            person_changed = contact is None or (
                contact.email.lower() != data["email"].lower() or contact.name != data["name"]
            )
            was_public = contact.publish_name if contact else False
            if contact is None:
                contact = ContactPerson(organisation=page, publish_name=False)
            contact.name, contact.role = data["name"], data["role"]
            contact.email, contact.phone = data["email"], data["phone"]
            if person_changed and was_public:
                # Another person: the earlier consent was not theirs to give.
                contact.publish_name = False
            contact.save()
            if person_changed and was_public and not data["publish_name"]:
                consents.record(
                    ConsentKind.PUBLISH_NAME,
                    False,
                    source=ConsentSource.MEMBER_PAGES,
                    organisation=page,
                    person_name=contact.name,
                    person_email=contact.email,
                    user=request.user,
                    join_page=MembershipApplicationPage.current(),
                )
            consents.set_name_consent(
                contact,
                data["publish_name"],
                source=ConsentSource.MEMBER_PAGES,
                user=request.user,
                join_page=MembershipApplicationPage.current(),
            )
        messages.success(request, _("Kontaktpersonen är sparad."))
        return HttpResponseRedirect(reverse("members:organisation", args=[page.pk]), status=303)
    context = org_context(request, page, "contact", form=form)
    return render(request, "members/account/contact_person.html", context)


# Opportunities -----------------------------------------------------------------------------


@member_required
@only("GET", "HEAD")
def opportunities(request, page):
    items = list(
        Opportunity.objects.filter(organisation=page)
        .select_related("partnership_type")
        .order_by("-valid_until", "-pk")
    )
    context = org_context(request, page, "opportunities", items=items)
    return render(request, "members/account/opportunities.html", context)


@member_required
@only("GET", "HEAD", "POST")
def opportunity_edit(request, page, opp_id=None):
    item = None
    if opp_id is not None:
        item = Opportunity.objects.filter(organisation=page, pk=opp_id).first()
        if item is None:
            raise Http404(_("Sidan finns inte."))
    initial = (
        {
            "kind": item.kind,
            "title": item.title,
            "text": item.text,
            "competences": [t.pk for t in item.competences.all()],
            "partnership_type": item.partnership_type_id,
            "valid_until": item.valid_until,
        }
        if item
        else {
            "kind": "behov",
            "valid_until": timezone.localdate() + datetime.timedelta(days=180),
        }
    )
    form = OpportunityForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        refused = member_opportunities.save(page, item, form.cleaned_data)
        if refused is None:
            messages.success(request, _("Samarbetsmöjligheten är publicerad."))
            return HttpResponseRedirect(
                reverse("members:opportunities", args=[page.pk]), status=303
            )
        form.add_error(None, refused)
        status = 429
    if item is not None:
        form.submit_label = gettext_lazy("Spara och publicera")
    # Said before the member starts typing, not only when the form is sent.
    limit_reached = item is None and not form.is_bound and member_opportunities.refusal(page)
    context = org_context(
        request, page, "opportunities", form=form, item=item, limit_reached=limit_reached
    )
    return render(request, "members/account/opportunity_form.html", context, status=status)


@member_required
@only("GET", "HEAD", "POST")
def opportunity_delete(request, page, opp_id):
    item = Opportunity.objects.filter(organisation=page, pk=opp_id).first()
    if item is None:
        raise Http404(_("Sidan finns inte."))
    if request.method == "POST":
        title = item.title
        item.delete()
        messages.success(request, _("”%(title)s” är borttagen.") % {"title": title})
        return HttpResponseRedirect(reverse("members:opportunities", args=[page.pk]), status=303)
    context = org_context(request, page, "opportunities", item=item)
    return render(request, "members/account/opportunity_delete.html", context)


# Colleagues --------------------------------------------------------------------------------


@member_required
@only("GET", "HEAD", "POST")
def colleagues(request, page):
    form = InvitationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if Membership.objects.filter(organisation=page, user__email__iexact=email).exists():
            form.add_error("email", _("Personen har redan ett konto för organisationen."))
        elif INVITATIONS_PER_USER.exceeded(str(request.user.pk)):
            form.add_error(
                None, _("Du har skickat många inbjudningar i dag. Försök igen i morgon.")
            )
            status = 429
        else:
            INVITATIONS_PER_USER.hit(str(request.user.pk))
            accounts.invite(page, email, request.user)
            messages.success(request, _("Inbjudan är skickad till %(email)s.") % {"email": email})
            return HttpResponseRedirect(reverse("members:colleagues", args=[page.pk]), status=303)
    context = org_context(
        request,
        page,
        "colleagues",
        form=form,
        members=Membership.objects.filter(organisation=page, user__is_active=True)
        .select_related("user")
        .order_by("created_at"),
        invitations=Invitation.objects.filter(
            organisation=page,
            accepted_at__isnull=True,
            created_at__gte=timezone.now() - accounts.INVITATION_MAX_AGE,
        ),
    )
    return render(request, "members/account/colleagues.html", context, status=status)


@member_required
@require_POST
def colleague_remove(request, page, membership_id):
    membership = (
        Membership.objects.filter(organisation=page, pk=membership_id)
        .exclude(user=request.user)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404(_("Sidan finns inte."))
    membership.delete()
    messages.success(
        request,
        _("%(name)s har inte längre tillgång till organisationen.")
        % {"name": membership.user.get_full_name() or membership.user.email},
    )
    return HttpResponseRedirect(reverse("members:colleagues", args=[page.pk]), status=303)


# Links from e-mail -------------------------------------------------------------------------

LINK_ERRORS = {
    "invalid": gettext_lazy(
        "Länken fungerar inte. Kontrollera att du har kopierat hela adressen från e-postbrevet."
    ),
    "expired": gettext_lazy("Länken har gått ut."),
    "used": gettext_lazy("Länken har redan använts."),
}


@never_cache
def confirm_listing_link(request, token):
    """The reminder's "uppgifterna stämmer" link: shows the listing, confirms on the button.

    A button rather than a change on GET: mail filters open links to scan them, and a GET
    that confirmed would confirm listings nobody looked at.
    """
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context, status = {}, 200
    try:
        reminder = reminders.open_link(token)
    except LinkError as error:
        reminder = None
        context["link_error"] = LINK_ERRORS[error.reason]
        context["used"] = error.reason == "used"
        status = 404 if error.reason == "invalid" else 410
    if reminder is not None:
        context["organisation"] = reminder.organisation
        if request.method == "POST":
            try:
                context["relisting"] = reminders.confirm(reminder)
                context["confirmed"] = True
            except LinkError as error:
                context["link_error"] = LINK_ERRORS[error.reason]
                status = 410
    return private(render(request, "members/account/confirm_listing.html", context, status=status))


@never_cache
def invitation(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    try:
        invite = accounts.open_invitation(token)
    except LinkError as error:
        status = 404 if error.reason == "invalid" else 410
        context = {"link_error": LINK_ERRORS[error.reason]}
        return private(render(request, "members/account/invitation.html", context, status=status))
    existing = accounts.find_account(get_user_model().objects.filter(is_active=True), invite.email)
    form = None
    if existing is None:
        form = AcceptInvitationForm(
            request.POST if request.method == "POST" else None, email=invite.email
        )
    if request.method == "POST" and (form is None or form.is_valid()):
        data = form.cleaned_data if form else {}
        try:
            user, created = accounts.accept_invitation(
                invite,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                password=data.get("password1"),
            )
        except LinkError:
            context = {"link_error": LINK_ERRORS["used"]}
            return private(render(request, "members/account/invitation.html", context, status=410))
        if created:
            auth_login(request, user, backend=BACKEND)
            return HttpResponseRedirect(
                reverse("members:organisation", args=[invite.organisation_id]), status=303
            )
        return HttpResponseRedirect(reverse("members:login") + "?inbjudan=1", status=303)
    context = {"invitation": invite, "form": form, "existing": existing is not None}
    return private(render(request, "members/account/invitation.html", context))
