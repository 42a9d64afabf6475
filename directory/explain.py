"""Why a result is there, and where to go when there is none.

A visitor who filters by municipality sees organisations whose head office is elsewhere
(they serve the municipality, or the whole county) and deserves to be told why each one is
listed. A visitor whose text and filters find nothing deserves more than "no hits": the
nearest wider searches, each dropping one filter (or the text), with how many they would
find. Both are read from the directory's in-memory facet index (core/listing/index.py),
the same bitsets that count the facets, so neither costs a query.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from core.listing.search import FacetedSearch
from directory.facets import MunicipalityFacet, municipality_rows


@dataclass(frozen=True)
class Widening:
    """One wider search: how many it finds, what it leaves out, and its URL."""

    count: int
    label: str
    url: str


def widenings(search: FacetedSearch) -> list[Widening]:
    """The searches one step wider than this one that find something: without the text,
    then without each filter in the order of the facets. Each keeps everything else (the
    text, the other filters, the sort order)."""
    filtered = [facet for facet in search.facets if search.values[facet.name]]
    found = []
    if search.query and filtered:
        count = search.count_without("q")
        label = _("%(count)s utan sökordet ”%(query)s”") % {"count": count, "query": search.query}
        found.append(Widening(count, label, search.url_without("q")))
    if not search.query and len(filtered) == 1:
        return found  # without its only filter the search is everything, linked already
    for facet in filtered:
        count = search.count_without(facet.name)
        if isinstance(facet, MunicipalityFacet):
            label = _("%(count)s i hela länet (utan kommunfiltret)") % {"count": count}
        else:
            vocabulary = facet.vocabulary(search)
            label = _("%(count)s utan filtret %(facet)s: %(values)s") % {
                "count": count,
                "facet": facet.label,
                "values": get_text_list(
                    [vocabulary[value] for value in search.values[facet.name]], _("eller")
                ),
            }
        found.append(Widening(count, label, search.url_without(facet.name)))
    return [widening for widening in found if widening.count]


def municipality_rows_of(search: FacetedSearch) -> list[tuple]:
    return search.cached_vocabulary(municipality_rows)


def with_municipality_reasons(search: FacetedSearch, organisations: Iterable) -> list:
    """The organisations of a result page, each with `municipality_reason` set when the
    search filters by municipality ("Huvudkontor i Berg", "Verkar i hela länet", "Verkar i
    Berg") and `matched_by_head_office`. Needs the head office loaded (with_card_data does)."""
    organisations = list(organisations)
    chosen = search.values.get("municipality")
    if not chosen:
        return organisations
    rows = municipality_rows_of(search)
    names = {slug: name for slug, name, _code, _in_county in rows}
    in_county = {slug for slug, _name, _code, in_county in rows if in_county}
    for org in organisations:
        head_office = org.head_office.slug if org.head_office_id else None
        if head_office in chosen:
            reason = _("Huvudkontor i %(name)s") % {"name": names[head_office]}
        elif org.serves_whole_county and in_county.intersection(chosen):
            reason = _("Verkar i hela länet")
        else:
            # An option of the index's municipality facet holds the organisations with
            # their head office there, serving it or serving the whole county; with the
            # first and the last ruled out, an organisation in one of them serves it.
            index = search.index
            served = [names[slug] for slug in chosen if index.has(org.pk, "municipality", slug)]
            if not served:
                continue  # not in the index (listed since it was built): nothing to say
            reason = _("Verkar i %(names)s") % {"names": get_text_list(served, _("och"))}
        org.municipality_reason = reason
        org.matched_by_head_office = head_office in chosen
    return organisations
