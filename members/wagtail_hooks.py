"""The membership app in the Wagtail admin: the secretariat's dashboard panel, a "Medlemmar"
menu (applications, accounts, consents, removal requests, outgoing e-mail), the
"Anonymisera" action on contact persons and "Avslå" on applications.

Contact messages have no admin view on purpose: staff see how many there are, never what
they say. Outgoing e-mail belongs to the mail app (mail.admin_views); it is listed here.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.models import ContactPerson
from mail.admin_views import OutgoingEmailViewSet
from members import admin_views
from members.dashboard import MembershipPanel
from members.models import (
    ConsentRecord,
    Membership,
    MembershipApplication,
    RemovalRequest,
)


@hooks.register("construct_homepage_panels")
def add_membership_panel(request, panels):
    if request.user.has_perm("members.view_membershipapplication"):
        panels.append(MembershipPanel())


class ApplicationViewSet(SnippetViewSet):
    model = MembershipApplication
    icon = "form"
    menu_label = _("Ansökningar")
    menu_order = 10
    list_display = ["organisation_name", "status", "created_at", "confirmed_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["organisation_name", "org_number"]
    search_backend_name = None
    inspect_view_enabled = True
    ordering = ["-created_at"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Medlemskonton")
    menu_order = 20
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__title"]
    search_backend_name = None


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = _("Samtycken")
    menu_order = 30
    list_display = ["kind", "given", "organisation", "person_name", "source", "created_at"]
    list_filter = ["kind", "given", "source"]
    search_fields = ["person_name", "organisation__title"]
    search_backend_name = None
    inspect_view_enabled = True


class RemovalRequestViewSet(SnippetViewSet):
    model = RemovalRequest
    icon = "bin"
    menu_label = _("Begäranden om borttagning")
    menu_order = 40
    list_display = ["organisation_name", "scope", "created_at", "handled_at"]
    list_filter = ["scope", "handled_at"]
    inspect_view_enabled = True
    panels = [
        HelpPanel(template="members/admin/removal_request_panel.html", heading=_("Begäran")),
        FieldPanel("handled_at"),
        FieldPanel("handled_note"),
    ]


class MembersViewSetGroup(ViewSetGroup):
    menu_label = _("Medlemmar")
    menu_icon = "group"
    menu_order = 260
    items = (
        ApplicationViewSet,
        MembershipViewSet,
        ConsentRecordViewSet,
        RemovalRequestViewSet,
        OutgoingEmailViewSet,
    )


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersViewSetGroup()


@hooks.register("register_admin_urls")
def register_members_admin_urls():
    return [
        path(
            "medlemmar/ansokningar/<int:pk>/avsla/",
            admin_views.RejectApplicationView.as_view(),
            name="members_reject_application",
        ),
        path(
            "medlemmar/kontaktpersoner/<int:pk>/anonymisera/",
            admin_views.AnonymiseContactView.as_view(),
            name="members_anonymise_contact",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def contact_person_buttons(snippet, user, next_url=None):
    if isinstance(snippet, ContactPerson) and user.has_perm("directory.change_contactperson"):
        yield Button(
            _("Anonymisera"),
            reverse("members_anonymise_contact", args=[snippet.pk]),
            icon_name="user",
            priority=90,
        )
    if (
        isinstance(snippet, MembershipApplication)
        and snippet.is_pending
        and user.has_perm("members.view_membershipapplication")
    ):
        yield Button(
            _("Avslå"),
            reverse("members_reject_application", args=[snippet.pk]),
            icon_name="cross",
            priority=90,
        )


@hooks.register("register_log_actions")
def register_members_log_actions(actions):
    @actions.register_action("members.anonymise_contact")
    class AnonymiseFormatter(LogFormatter):
        label = _("Anonymisera kontaktperson")

        def format_message(self, log_entry):
            return _("Kontaktpersonen anonymiserades")
