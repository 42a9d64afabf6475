"""A listing's state as open data: JSON (a page, with the facets and their counts) and CSV
(every match), from the same FacetedSearch as the page, so the three never disagree.

A search that offers them declares `export_columns` and `export_row(obj, request)` (plain
values: str, int, date, list of str). Lists become one cell joined by " | " in CSV; cells a
spreadsheet would run as a formula are escaped (core.spreadsheet).
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control

from core.spreadsheet import escape_row
from core.structured_data import absolute

JSON_TYPE = "application/json; charset=utf-8"
CSV_SEPARATOR = " | "
CACHE_SECONDS = 300


def facets_json(search) -> list[dict]:
    """Every facet with its options in use, their counts and whether they are selected."""
    return [
        {
            "name": group.facet.name,
            "label": str(group.facet.label),
            "options": [
                {
                    "value": option.value,
                    "label": str(option.label),
                    "count": option.count,
                    "selected": option.selected,
                }
                for option in group.options
            ],
        }
        for group in search.facet_options()
    ]


def page_json(search, page_obj, request, with_facets: bool) -> dict:
    """The count and paging of a result page, as absolute links; the facets if asked for."""

    def link(number):
        return absolute(search.page_url(number), request)

    data = {
        "count": page_obj.paginator.count,
        "page": page_obj.number,
        "num_pages": page_obj.paginator.num_pages,
        "next": link(page_obj.next_page_number()) if page_obj.has_next() else None,
        "previous": link(page_obj.previous_page_number()) if page_obj.has_previous() else None,
    }
    if with_facets:
        data["facets"] = facets_json(search)
    return data


def json_response(search, request, decorate=None) -> HttpResponse:
    """One page of the listing with every facet's counts, kept per state until any change."""
    key = search.state_key("json", search.requested_page, request.scheme, request.get_host())

    def render():
        page_obj = search.page(decorate)
        data = page_json(search, page_obj, request, with_facets=True)
        data["results"] = [search.export_row(obj, request) for obj in page_obj.object_list]
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)

    response = HttpResponse(search.cached(f"json:{key}", render), content_type=JSON_TYPE)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    if isinstance(value, list | tuple):
        return CSV_SEPARATOR.join(str(item) for item in value)
    return "" if value is None else str(value)


def csv_response(search, request, filename: str, decorate=None) -> StreamingHttpResponse:
    """Every match of the state, one row each, streamed."""
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(search.export_columns)
        for obj in search.results(decorate):
            row = search.export_row(obj, request)
            yield writer.writerow(escape_row([_cell(row[name]) for name in search.export_columns]))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
