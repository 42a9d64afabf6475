"""Who fits whom: "Kan vara intressanta för er" and "Kan erbjuda det här".

The overlap between one organisation's seeks and the others' offers (and the other way
round) is counted in the database, so the number of queries does not depend on how many
organisations there are. Only the handful of matches
shown are loaded, with their tags, to write the reasons.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext as _
from wagtail.models import Page

from directory.caching import digest, remember
from directory.filters import SWEDISH_COLLATION, swedish_sort_key
from directory.models import OfferedCompetence, OrganisationPage, SoughtCompetence

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


def _ranked(candidates, relations: list[tuple[type, list[int]]], limit: int) -> list:
    """Organisations ranked by how many of the given tags they have in the given link tables.

    `relations` pairs a link table (OfferedCompetence, SoughtCompetence) with tag ids;
    `candidates` is a queryset of the organisations that may be suggested. The overlap is
    counted on the link tables alone (GROUP BY per table, then summed) and only then joined
    to the candidates: on ten thousand organisations that takes milliseconds, where joining
    every organisation to both tables first takes a tenth of a second.
    """
    quote = connection.ops.quote_name
    parts, params = [], []
    for model, tag_ids in relations:
        if not tag_ids:
            continue
        item = quote(model._meta.get_field("content_object").column)
        tag = quote(model._meta.get_field("tag").column)
        placeholders = ", ".join(["%s"] * len(tag_ids))
        # Only quoted table and column names from the models go into the text; the tag
        # ids are parameters.
        parts.append(
            f"SELECT {item} AS org, COUNT(*) AS n FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {tag} IN ({placeholders}) GROUP BY {item}"
        )
        params.extend(tag_ids)
    if not parts:
        return []
    candidate_sql, candidate_params = candidates.values("pk").query.sql_with_params()
    page_table = quote(Page._meta.db_table)
    title = f"p.{quote('title')}"
    name_order = (
        f'{title} COLLATE "{SWEDISH_COLLATION}"'
        if connection.vendor == "postgresql"
        else f"LOWER({title})"
    )
    sql = (
        f"SELECT m.org, SUM(m.n) AS score FROM ({' UNION ALL '.join(parts)}) m "  # noqa: S608
        f"JOIN {page_table} p ON p.{quote('id')} = m.org "
        f"WHERE m.org IN ({candidate_sql}) "
        f"GROUP BY m.org, {title} ORDER BY score DESC, {name_order}, m.org LIMIT %s"
    )

    def rank():
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *candidate_params, limit])
            return [tuple(row) for row in cursor.fetchall()]

    ranking = remember(f"ranking:{digest(sql, params, candidate_params, limit)}", rank)
    found = OrganisationPage.objects.with_card_data().in_bulk([org for org, _score in ranking])
    ranked = []
    for org, score in ranking:
        if org in found:
            found[org].score = int(score)
            ranked.append(found[org])
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
    candidates = OrganisationPage.objects.listed().exclude(pk=organisation.pk)
    ranked = _ranked(
        candidates,
        [(OfferedCompetence, sorted(seek_ids)), (SoughtCompetence, sorted(offer_ids))],
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
    relation = OfferedCompetence if opportunity.is_need else SoughtCompetence
    candidates = OrganisationPage.objects.listed().exclude(pk=opportunity.organisation_id)
    ranked = _ranked(candidates, [(relation, sorted(tag_ids))], limit)
    matches = []
    for other in ranked:
        other_tags = other.offers.all() if opportunity.is_need else other.seeks.all()
        names = _names(tag for tag in other_tags if tag.pk in tag_ids)
        template = _("Erbjuder %(tags)s") if opportunity.is_need else _("Söker %(tags)s")
        matches.append(Match(other, other.score, [template % {"tags": join_words(names)}]))
    return matches
