"""Who fits whom: "Kan vara intressanta för er" and "Kan erbjuda det här".

The overlap between one organisation's seeks and the others' offers (and the other way
round) is counted in the database with filtered joins and a GROUP BY, so the number of
queries does not depend on how many organisations there are. Only the handful of matches
shown are loaded, with their tags, to write the reasons.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, FilteredRelation, IntegerField, Q, Value
from django.utils.translation import gettext as _

from directory.filters import by_name, swedish_sort_key
from directory.models import OrganisationPage

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


def _ranked(queryset, relations: list[tuple[str, list[int]]], limit: int):
    """Organisations ranked by how many of the given tags they have on the given relations.

    `relations` pairs a link-table relation (offered_items, sought_items) with tag ids.
    """
    score = Value(0, output_field=IntegerField())
    annotations = {}
    for index, (relation, tag_ids) in enumerate(relations):
        if not tag_ids:
            continue
        alias = f"match_{index}"
        annotations[alias] = FilteredRelation(
            relation, condition=Q(**{f"{relation}__tag_id__in": tag_ids})
        )
    if not annotations:
        return []
    queryset = queryset.annotate(**annotations)
    for alias in annotations:
        queryset = queryset.annotate(**{f"{alias}_count": Count(alias, distinct=True)})
        score = score + F(f"{alias}_count")
    return list(
        queryset.annotate(score=score)
        .filter(score__gt=0)
        .with_card_data()
        .order_by("-score", by_name("title"), "pk")[:limit]
    )


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
    candidates = OrganisationPage.objects.listed().exclude(pk=organisation.pk)
    ranked = _ranked(
        candidates,
        [("offered_items", sorted(seek_ids)), ("sought_items", sorted(offer_ids))],
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
    relation = "offered_items" if opportunity.is_need else "sought_items"
    candidates = OrganisationPage.objects.listed().exclude(pk=opportunity.organisation_id)
    ranked = _ranked(candidates, [(relation, sorted(tag_ids))], limit)
    matches = []
    for other in ranked:
        other_tags = other.offers.all() if opportunity.is_need else other.seeks.all()
        names = _names(tag for tag in other_tags if tag.pk in tag_ids)
        template = _("Erbjuder %(tags)s") if opportunity.is_need else _("Söker %(tags)s")
        matches.append(Match(other, other.score, [template % {"tags": join_words(names)}]))
    return matches
