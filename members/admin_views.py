"""Admin actions of the membership app: reject an application with a reason, anonymise a
contact person."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directory.models import ContactPerson
from members.models import MembershipApplication
from members.privacy import anonymise_contact_person


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motivering"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=gettext_lazy(
            "Skickas till kontaktpersonen. Skriv vänligt och konkret, och gärna vad som "
            "behövs för att ansöka igen."
        ),
    )


class RejectApplicationView(WagtailAdminTemplateMixin, FormView):
    """Avslå medlemsansökan: Wagtail's reject action on the application's task, with a
    reason that members.signals mails to the applicant."""

    page_title = gettext_lazy("Avslå medlemsansökan")
    template_name = "members/admin/reject.html"
    form_class = RejectForm
    header_icon = "group"

    def dispatch(self, request, pk):
        self.application = get_object_or_404(
            MembershipApplication.objects.pending().select_related("organisation"), pk=pk
        )
        page = self.application.organisation
        self.task_state = page.current_workflow_task_state if page else None
        if self.task_state is None:
            messages.warning(request, _("Ansökan väntar inte på granskning."))
            return redirect("wagtailadmin_home")
        actions = [a[0] for a in self.task_state.task.specific.get_actions(page, request.user)]
        if "reject" not in actions:
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.application.organisation_name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.application.organisation_id]),
            **kwargs,
        )

    def form_valid(self, form):
        self.task_state.specific.reject(user=self.request.user, comment=form.cleaned_data["reason"])
        messages.success(
            self.request,
            _("Ansökan från %(name)s är avslagen. Kontaktpersonen får motiveringen per e-post.")
            % {"name": self.application.organisation_name},
        )
        return redirect("wagtailadmin_home")


class AnonymiseContactView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Anonymisera kontaktperson")
    template_name = "members/admin/anonymise.html"
    form_class = forms.Form
    header_icon = "user"

    def dispatch(self, request, pk):
        if not request.user.has_perm("directory.change_contactperson"):
            raise PermissionDenied
        self.contact = get_object_or_404(
            ContactPerson.objects.select_related("organisation"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.contact)

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact, **kwargs)

    def form_valid(self, form):
        organisation = self.contact.organisation.title
        anonymise_contact_person(self.contact, user=self.request.user)
        messages.success(
            self.request,
            _("Kontaktpersonen för %(name)s är anonymiserad.") % {"name": organisation},
        )
        return redirect("wagtailsnippets_directory_contactperson:list")
