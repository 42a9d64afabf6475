"""Who fits whom: "Kan vara intressanta för er" and "Kan erbjuda det här".

The overlap between one organisation's seeks and the others' offers (and the other way
round) is counted on the directory's in-memory index of listed organisations
(core/listing/index.py), which holds each competence's offerers and seekers: no query
at all, and the same answer the database would give. Only the handful of matches shown are
loaded, with their tags, to write the reasons.
"""

import heapq
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.listing.facets import swedish_sort_key
from directory.filters import organisation_index
from directory.models.organisation import OrganisationPage

MATCH_LIMIT = 6


def join_words(words: list[str]) -> str:
    """ "a", "a och b", "a, b och c" """
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s och %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def _names(tags) -> list[str]:
    return sorted((tag.name for tag in tags), key=swedish_sort_key)


@dataclass
class Match:
    organisation: OrganisationPage
    score: int
    reasons: list[str] = field(default_factory=list)


def _ranked(relations: list[tuple[str, list[str]]], exclude: int, limit: int) -> list:
    """Listed organisations ranked by how many of the given tags they have.

    `relations` pairs a facet of the index ("offers", "seeks") with tag slugs. Ties go in
    the directory's name order (Swedish alphabetical, then id), which is the index's own.
    """
    index = organisation_index()
    scores = Counter()
    for facet, slugs in relations:
        for slug in slugs:
            scores.update(index.positions(index.masks[facet].get(slug, 0)))
    scores.pop(index.position.get(exclude), None)
    best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))
    ranking = [(index.pks[position], score) for position, score in best]
    found = OrganisationPage.objects.with_card_data().in_bulk([pk for pk, _score in ranking])
    ranked = []
    for pk, score in ranking:
        if pk in found:
            found[pk].score = score
            ranked.append(found[pk])
    return ranked


def matches_for(
    organisation: OrganisationPage, limit: int = MATCH_LIMIT, *, offers=None, seeks=None
) -> list[Match]:
    """Listed organisations whose offers meet this one's seeks and the other way round.

    `offers` and `seeks` may pass the organisation's tags when the caller has them already.
    """
    seeks = list(organisation.seeks.all()) if seeks is None else seeks
    offers = list(organisation.offers.all()) if offers is None else offers
    seek_ids = {tag.pk for tag in seeks}
    offer_ids = {tag.pk for tag in offers}
    ranked = _ranked(
        [("offers", [tag.slug for tag in seeks]), ("seeks", [tag.slug for tag in offers])],
        organisation.pk,
        limit,
    )
    matches = []
    for other in ranked:
        they_offer = _names(tag for tag in other.offers.all() if tag.pk in seek_ids)
        they_seek = _names(tag for tag in other.seeks.all() if tag.pk in offer_ids)
        reasons = []
        if they_offer:
            reasons.append(_("Erbjuder %(tags)s, som ni söker") % {"tags": join_words(they_offer)})
        if they_seek:
            reasons.append(_("Söker %(tags)s, som ni erbjuder") % {"tags": join_words(they_seek)})
        matches.append(Match(other, other.score, reasons))
    return matches


def partners_for_opportunity(opportunity, limit: int = MATCH_LIMIT) -> list[Match]:
    """For a need, who offers it; for an offer, who seeks it."""
    tags = list(opportunity.competences.all())
    tag_ids = {tag.pk for tag in tags}
    facet = "offers" if opportunity.is_need else "seeks"
    ranked = _ranked([(facet, [tag.slug for tag in tags])], opportunity.organisation_id, limit)
    matches = []
    for other in ranked:
        other_tags = other.offers.all() if opportunity.is_need else other.seeks.all()
        names = _names(tag for tag in other_tags if tag.pk in tag_ids)
        template = _("Erbjuder %(tags)s") if opportunity.is_need else _("Söker %(tags)s")
        matches.append(Match(other, other.score, [template % {"tags": join_words(names)}]))
    return matches
