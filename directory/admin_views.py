"""Admin views to delist and relist an organisation (see directory.listing_state)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directory.listing_state import RelistNeedsReview, delist, relist
from directory.models import OrganisationPage


class DelistForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Skäl"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=gettext_lazy(
            "Varför organisationen tas bort ur katalogen, till exempel att den har lämnat "
            "rådet eller inte svarat på förfrågan om att bekräfta uppgifterna. Visas bara i "
            "admin."
        ),
    )


class _OrganisationActionView(WagtailAdminTemplateMixin, FormView):
    header_icon = "group"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(OrganisationPage, pk=page_id)
        if not self.allowed(self.page.permissions_for_user(request.user)):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def allowed(self, permissions) -> bool:
        raise NotImplementedError

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, edit_url=self.edit_url(), **kwargs)


class DelistView(_OrganisationActionView):
    page_title = gettext_lazy("Avlista ur katalogen")
    template_name = "directory/admin/delist.html"
    form_class = DelistForm

    def allowed(self, permissions):
        return permissions.can_unpublish()

    def get(self, request, *args, **kwargs):
        if not self.page.live:
            messages.warning(request, _("Organisationen syns redan inte i katalogen."))
            return redirect(self.edit_url())
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        delist(self.page, user=self.request.user, reason=form.cleaned_data["reason"])
        messages.success(
            self.request,
            _("%(name)s är avlistad. Uppgifterna finns kvar och kan listas igen.")
            % {"name": self.page.title},
        )
        return redirect(self.edit_url())


class RelistView(_OrganisationActionView):
    page_title = gettext_lazy("Lista i katalogen igen")
    template_name = "directory/admin/relist.html"
    form_class = forms.Form

    def allowed(self, permissions):
        return permissions.can_publish()

    def form_valid(self, form):
        try:
            relist(self.page, user=self.request.user)
        except RelistNeedsReview:
            messages.warning(
                self.request,
                _(
                    "Sidan har ändrats sedan den avlistades. Granska ändringarna och "
                    "publicera sidan för att lista organisationen igen."
                ),
            )
            return redirect(self.edit_url())
        messages.success(
            self.request, _("%(name)s syns i katalogen igen.") % {"name": self.page.title}
        )
        return redirect(self.edit_url())
