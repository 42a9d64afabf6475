""" "Utgående e-post" in the Wagtail admin: a record of what was sent, never edited by hand.

A message can be read (the text only with its own permission, and never a message that is
for its recipient only) and sent again ("Skicka igen"). The membership app shows the
viewset in its "Medlemmar" menu; mail.wagtail_hooks adds the resend route and button.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from mail.models import OutgoingEmail
from mail.outbox import resend

LIST_URL = "wagtailsnippets_mail_outgoingemail:list"


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody, superusers included, adds, changes or deletes."""

    EDITING = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        return action not in self.EDITING and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.EDITING]
        if not actions:
            return self.auth_model._default_manager.none()
        return super().users_with_any_permission(actions)


# Before the viewset below asks for the model's policy (Wagtail would create a default one).
OUTGOING_EMAIL_POLICY = ReadOnlyPermissionPolicy(OutgoingEmail)
register_permission_policy(OutgoingEmail, OUTGOING_EMAIL_POLICY)


def resend_button(email, user, **kwargs):
    if email.can_be_resent and OUTGOING_EMAIL_POLICY.user_has_permission(user, "resend"):
        return Button(
            gettext_lazy("Skicka igen"),
            reverse("mail_resend_email", args=[email.pk]),
            icon_name="resubmit",
            **kwargs,
        )
    return None


class OutgoingEmailInspectView(InspectView):
    """Who, what, how it went, and the text for those allowed to read it."""

    def get_fields(self):
        fields = super().get_fields()
        if self.user_has_permission("view_body"):
            fields.append("body_text")
        return fields

    def get_body_text_display_value(self):
        if not self.object.body_for_staff:
            return _("Texten visas inte: meddelandet är bara till för mottagaren.")
        return linebreaksbr(self.object.body_text)

    @cached_property
    def header_more_buttons(self):
        button = resend_button(self.object, self.request.user, priority=10)
        return [*super().header_more_buttons, *([button] if button else [])]


class OutgoingEmailViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = gettext_lazy("Utgående e-post")
    menu_order = 50
    list_display = ["subject", "to", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["status", "template"]
    search_fields = ["to", "subject"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = OutgoingEmailInspectView
    inspect_view_fields = [
        "template", "to", "reply_to", "subject", "status", "attempts", "next_attempt_at",
        "last_error", "created_at", "sent_at",
    ]  # fmt: skip


class ResendEmailView(WagtailAdminTemplateMixin, FormView):
    """Skicka igen: one stored message, to the same recipient (mail.outbox.resend)."""

    page_title = gettext_lazy("Skicka e-post igen")
    template_name = "mail/admin/resend_email.html"
    form_class = forms.Form
    header_icon = "mail"

    def dispatch(self, request, pk):
        if not OUTGOING_EMAIL_POLICY.user_has_permission(request.user, "resend"):
            raise PermissionDenied
        self.email = get_object_or_404(OutgoingEmail, pk=pk)
        if not self.email.can_be_resent:
            messages.warning(request, _("Meddelandet skickas redan."))
            return redirect(LIST_URL)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.email.subject

    def get_context_data(self, **kwargs):
        return super().get_context_data(email=self.email, **kwargs)

    def form_valid(self, form):
        resend(self.email)
        messages.success(
            self.request,
            _("Meddelandet till %(to)s skickas igen.") % {"to": self.email.to},
        )
        return redirect(LIST_URL)
