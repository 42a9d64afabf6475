"""Staff insight: what people search for, week by week, and what finds nothing."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.models import WeeklyQuery

PERMISSION = "search.view_weeklyquery"
TOP = 25
WEEKS_LISTED = 52


def week_label(week: datetime.date) -> str:
    year, number, _weekday = week.isocalendar()
    sunday = week + datetime.timedelta(days=6)
    return _("Vecka %(number)s, %(year)s (%(start)s–%(end)s)") % {
        "number": number,
        "year": year,
        "start": date_format(week, "j M"),
        "end": date_format(sunday, "j M"),
    }


class SearchStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/statistics.html"
    page_title = _("Sökstatistik")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        weeks = list(
            WeeklyQuery.objects.values_list("week", flat=True)
            .distinct()
            .order_by("-week")[:WEEKS_LISTED]
        )
        selected = None
        requested = self.request.GET.get("vecka", "")
        for week in weeks:
            if week.isoformat() == requested:
                selected = week
        if selected is None and weeks:
            selected = weeks[0]
        rows = WeeklyQuery.objects.filter(week=selected)
        totals = rows.aggregate(searches=Sum("searches"), without=Sum("searches_without_hits"))
        public_search = reverse("search:search")
        context.update(
            {
                "weeks": [(week, week_label(week)) for week in weeks],
                "selected_week": selected,
                "selected_label": week_label(selected) if selected else "",
                "top_queries": self._with_links(
                    rows.order_by("-searches", "query")[:TOP], public_search
                ),
                "no_hit_queries": self._with_links(
                    rows.filter(searches_without_hits__gt=0).order_by(
                        "-searches_without_hits", "-searches", "query"
                    )[:TOP],
                    public_search,
                ),
                "total_searches": totals["searches"] or 0,
                "total_without_hits": totals["without"] or 0,
                "distinct_queries": rows.count(),
            }
        )
        return context

    @staticmethod
    def _with_links(rows, public_search):
        rows = list(rows)
        for row in rows:
            row.search_url = f"{public_search}?{urlencode({'q': row.query})}"
        return rows
