"""PostgreSQL full-text search with the site's rank weights (imported only on PostgreSQL).

Fields are stored with a weight label from their boost (search/conf.py: title 10 → A,
tags 5 → B, lead 3 → C, body → D). Wagtail derives the label values from the boosts
(D = 0.2 here, title only five times the body); these are set for this site instead, and
a title match counts TITLE_FACTOR times over, so a page *about* a thing comes before a page
that merely mentions it often.

The index holds lexemes, not words: hunspell makes "klimatet", "klimatets" and
"klimatanpassning" all 'klimat', so ts_rank cannot tell a page that says "klimatet" from
one that only shares the stem. The plain text Wagtail keeps beside the vectors can:
a page holding a searched word exactly as typed gets EXACT_WORD_BONUS, enough to come
before every page that only shares the stem.

Synonyms (search.synonyms) find more pages, but count for less than the words typed:
the rank is that of the typed words plus SYNONYM_WEIGHT times that of the whole expanded
query, and a synonym in the title earns SYNONYM_WEIGHT of the title bonus.
"""

from django.contrib.postgres.search import SearchRank
from django.db.models import F
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or

from search.backends.ranking import SYNONYM_WEIGHT, exact_word_bonuses, title_bonuses
from search.query import Alternatives, as_typed, query_groups

# ts_rank weights in PostgreSQL's order: D (body), C (lead), B (tags), A (title).
RANK_WEIGHTS = (0.1, 0.4, 0.7, 1.0)
TITLE_FACTOR = 2.0
# Added to the rank when the title holds the searched words (share of them), so the page
# about "klimatklivet" beats pages that mention it in passing, however often.
TITLE_WORDS_BONUS = 0.5
# Added (share of the searched words) when the title or text holds the word as typed.
# Larger than the rest of the rank ever gets, so it orders pages first.
EXACT_WORD_BONUS = 100.0


def exact_word_pattern(word: str) -> str | None:
    """A PostgreSQL regular expression for the word as a whole word; None for anything but
    letters and digits (the site's search sends only those, the admin's search may not)."""
    return rf"\m{word}\M" if word.isalnum() else None


class SwedishPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sql_weights = "{" + ",".join(str(w) for w in RANK_WEIGHTS) + "}"

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # Words with synonyms (search.query.Alternatives, joined by And/Or): whole-query
        # ranks as for plain words, not Wagtail's product or mean of partial ranks.
        if isinstance(query, (And, Or, Alternatives)):
            rank = SearchRank(
                vector, self.build_tsquery(as_typed(query), config=config), weights=self.sql_weights
            ) + SYNONYM_WEIGHT * SearchRank(
                vector, self.build_tsquery(query, config=config), weights=self.sql_weights
            )
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def _build_rank_expression(self, vectors, config):
        rank = super()._build_rank_expression(vectors, config)
        groups = query_groups(self.query)
        for bonus in title_bonuses(groups, "index_entries__title_text", TITLE_WORDS_BONUS):
            rank += bonus
        patterns = list(filter(None, (exact_word_pattern(group[0]) for group in groups)))
        for bonus in exact_word_bonuses(
            patterns, ["index_entries__title_text", "index_entries__body_text"], EXACT_WORD_BONUS
        ):
            rank += bonus
        return rank

    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * TITLE_FACTOR),
            (F("index_entries__body"), 1.0),
        ]


class SwedishPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SwedishPostgresSearchQueryCompiler
