"""Rank bonuses the two database backends add to ts_rank / bm25, from the query's words.

Both backends match stems (hunspell lexemes, FTS5 prefixes), so neither score alone can
tell a title about the thing, or a page with the word as typed, from a page that only
shares a stem. These expressions can: they look at the plain title and text each backend
keeps beside its index. PostgreSQL adds them to its rank, SQLite subtracts them from
bm25 (where lower is better).
"""

from functools import reduce
from operator import or_

from django.db.models import Case, FloatField, Q, Value, When

from search.query import title_stems

# What a synonym in a title counts for, against the word typed.
SYNONYM_WEIGHT = 0.5


def _any_of(lookup: str, values) -> Q:
    return reduce(or_, (Q(**{lookup: value}) for value in values))


def title_bonuses(groups, title_lookup: str, bonus: float) -> list[Case]:
    """For each searched word (a group with its synonyms): `bonus`, shared between the
    words, when the title holds the word's stem; SYNONYM_WEIGHT of it for a synonym's."""
    titled = [stems for stems in map(title_stems, groups) if stems[0] or stems[1]]
    bonuses = []
    for typed, synonyms in titled:
        share = bonus / len(titled)
        whens = []
        if typed:
            whens.append(When(_any_of(f"{title_lookup}__icontains", typed), then=share))
        if synonyms:
            whens.append(
                When(
                    _any_of(f"{title_lookup}__icontains", synonyms),
                    then=share * SYNONYM_WEIGHT,
                )
            )
        bonuses.append(Case(*whens, default=Value(0.0), output_field=FloatField()))
    return bonuses


def exact_word_bonuses(patterns, lookups, bonus: float) -> list[Case]:
    """`bonus`, shared between the words, for each word whose whole-word pattern (in the
    database's regular expression dialect) matches one of the text columns `lookups`."""
    return [
        Case(
            When(_any_of_regex(lookups, pattern), then=Value(bonus / len(patterns))),
            default=Value(0.0),
            output_field=FloatField(),
        )
        for pattern in patterns
    ]


def _any_of_regex(lookups, pattern) -> Q:
    return reduce(or_, (Q(**{f"{lookup}__iregex": pattern}) for lookup in lookups))
