"""The directory in the admin: one menu "Katalog" with organisations, opportunities,
contact persons and the vocabularies; delist and relist buttons; CSV export."""

import copy
from collections import OrderedDict

import django_filters
from django import forms
from django.db.models import QuerySet
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import BooleanRadioSelect, Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from core.spreadsheet import SafeCsvExportMixin
from directory import admin_views, csv_export
from directory.models import (
    CompetenceTag,
    ContactPerson,
    Municipality,
    Opportunity,
    OrganisationPage,
    OrganisationType,
    PartnershipType,
)

# Organisations ------------------------------------------------------------------------


class OrganisationFilterSet(PageFilterSet):
    org_type = django_filters.MultipleChoiceFilter(
        label=_("Typ av organisation"),
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = django_filters.ModelMultipleChoiceFilter(
        label=_("Kommun (huvudkontor)"),
        field_name="head_office",
        queryset=Municipality.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    listed = django_filters.BooleanFilter(
        label=_("Syns i katalogen"), method="filter_listed", widget=BooleanRadioSelect
    )
    stale = django_filters.BooleanFilter(
        label=_("Inaktuella uppgifter (ej bekräftade på ett år)"),
        method="filter_stale",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = OrganisationPage
        fields = []

    def filter_listed(self, queryset, name, value):
        if value is None:
            return queryset
        listed = OrganisationPage.objects.listed().values("pk")
        return queryset.filter(pk__in=listed) if value else queryset.exclude(pk__in=listed)

    def filter_stale(self, queryset, name, value):
        if value is None:
            return queryset
        stale = OrganisationPage.objects.stale().values("pk")
        return queryset.filter(pk__in=stale) if value else queryset.exclude(pk__in=stale)


class OrganisationIndexView(SafeCsvExportMixin, IndexView):
    """The flat listing; its CSV export has exactly the columns the import reads."""

    def to_row_dict(self, item):
        return OrderedDict(zip(csv_export.COLUMNS, csv_export.organisation_row(item), strict=True))

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.is_export and isinstance(queryset, QuerySet):
            queryset = queryset.select_related("head_office").prefetch_related(
                "themes", "offers", "seeks", "partnership_types"
            )
        return queryset


class ListedColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.live and instance.delisted_at is None


def organisation_columns():
    """Wagtail's page columns, made for names: the title gets a third of the table.

    Without widths the title column (which also holds each row's action buttons) was
    left the space the other columns did not take, about 80 px: names broke every few
    letters. The parent column goes: every organisation has the same parent.
    """
    columns = []
    for column in PageListingViewSet.columns:
        if column.name == "parent":
            continue
        if column.name == "title":
            column = copy.copy(column)
            column.width = "32%"
        columns.append(column)
    return [
        *columns,
        Column("org_type", label=_("Typ"), accessor="get_org_type_display", width="14%"),
        Column("head_office", label=_("Kommun"), accessor="head_office", width="10%"),
        ListedColumn("listed", label=_("I katalogen"), width="8%"),
        DateColumn(
            "last_confirmed_at", label=_("Bekräftad"), sort_key="last_confirmed_at", width="10%"
        ),
    ]


class OrganisationListingViewSet(PageListingViewSet):
    model = OrganisationPage
    index_view_class = OrganisationIndexView
    icon = "group"
    menu_label = _("Organisationer")
    menu_order = 10
    name = "organisations"
    filterset_class = OrganisationFilterSet
    columns = organisation_columns()
    list_export = csv_export.COLUMNS
    export_headings = {column: column for column in csv_export.COLUMNS}
    export_filename = "organisationer"


# Snippets -----------------------------------------------------------------------------


class PublicColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_current() and instance.organisation.is_listed


class OpportunityIndexView(SafeCsvExportMixin, SnippetIndexView):
    """Opportunities are members' text: their CSV export is escaped like every other."""


class OpportunityViewSet(SnippetViewSet):
    model = Opportunity
    index_view_class = OpportunityIndexView
    icon = "pick"
    menu_label = _("Samarbetsmöjligheter")
    menu_order = 20
    list_display = [
        "title",
        "organisation",
        "kind",
        "valid_until",
        PublicColumn("public", label=_("Visas")),
    ]
    list_filter = ["kind", "partnership_type", "valid_until"]
    list_export = ["title", "organisation", "kind", "text", "valid_until", "published_at"]
    ordering = ["-published_at"]


class ContactPersonViewSet(SnippetViewSet):
    """Personal data: e-mail and phone only ever appear here, in the admin."""

    model = ContactPerson
    icon = "user"
    menu_label = _("Kontaktpersoner")
    menu_order = 30
    list_display = ["name", "organisation", "role", "publish_name"]
    list_filter = ["publish_name"]
    search_fields = ["name", "role", "organisation__title"]
    search_backend_name = None


class CompetenceTagViewSet(SnippetViewSet):
    model = CompetenceTag
    icon = "tag"
    menu_label = _("Kompetenser")
    menu_order = 40
    list_display = ["name", "slug"]
    ordering = ["name"]


class PartnershipTypeViewSet(SnippetViewSet):
    model = PartnershipType
    icon = "link"
    menu_label = _("Samarbetsformer")
    menu_order = 50
    list_display = ["name", "slug", "sort_order"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Kommuner")
    menu_order = 60
    list_display = ["name", "code", "in_county", "is_sami_administrative"]


class DirectoryViewSetGroup(ViewSetGroup):
    menu_label = _("Katalog")
    menu_icon = "group"
    menu_order = 250
    items = (
        OrganisationListingViewSet,
        OpportunityViewSet,
        ContactPersonViewSet,
        CompetenceTagViewSet,
        PartnershipTypeViewSet,
        MunicipalityViewSet,
    )


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryViewSetGroup()


# Delist and relist ----------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "katalog/organisationer/<int:page_id>/avlista/",
            admin_views.DelistView.as_view(),
            name="directory_delist",
        ),
        path(
            "katalog/organisationer/<int:page_id>/lista-igen/",
            admin_views.RelistView.as_view(),
            name="directory_relist",
        ),
    ]


def _listing_buttons(page, user, priority):
    if not issubclass(page.specific_class or object, OrganisationPage):
        return
    permissions = page.permissions_for_user(user)
    if page.live and permissions.can_unpublish():
        yield Button(
            _("Avlista ur katalogen"),
            reverse("directory_delist", args=[page.pk]),
            icon_name="cross",
            priority=priority,
        )
    elif (
        not page.live
        and permissions.can_publish()
        and page.specific_deferred.delisted_at is not None
    ):
        yield Button(
            _("Lista i katalogen igen"),
            reverse("directory_relist", args=[page.pk]),
            icon_name="undo",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def organisation_listing_buttons(page, user, next_url=None):
    yield from _listing_buttons(page, user, priority=45)


@hooks.register("register_page_header_buttons")
def organisation_header_buttons(page, user, view_name, next_url=None):
    yield from _listing_buttons(page, user, priority=65)


@hooks.register("register_log_actions")
def register_directory_log_actions(actions):
    @actions.register_action("directory.delist")
    class DelistFormatter(LogFormatter):
        label = _("Avlista ur katalogen")

        def format_message(self, log_entry):
            return _("Avlistad ur katalogen")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    @actions.register_action("directory.relist")
    class RelistFormatter(LogFormatter):
        label = _("Lista i katalogen igen")

        def format_message(self, log_entry):
            return _("Listad i katalogen igen")
