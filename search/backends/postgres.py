"""PostgreSQL full-text search with the site's rank weights (imported only on PostgreSQL).

Fields are stored with a weight label from their boost (search/conf.py: title 10 → A,
tags 5 → B, lead 3 → C, body → D). Wagtail derives the label values from the boosts
(D = 0.2 here, title only five times the body); these are set for this site instead, and
a title match counts TITLE_FACTOR times over, so a page *about* a thing comes before a page
that merely mentions it often.
"""

from django.db.models import Case, F, FloatField, Value, When
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import PlainText

from search.swedish import MIN_STEM_LENGTH, light_stem

# ts_rank weights in PostgreSQL's order: D (body), C (lead), B (tags), A (title).
RANK_WEIGHTS = (0.1, 0.4, 0.7, 1.0)
TITLE_FACTOR = 2.0
# Added to the rank when the title holds the searched words (share of them), so the page
# about "klimatklivet" beats pages that mention it in passing, however often.
TITLE_WORDS_BONUS = 0.5


class SwedishPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sql_weights = "{" + ",".join(str(w) for w in RANK_WEIGHTS) + "}"

    def _build_rank_expression(self, vectors, config):
        rank = super()._build_rank_expression(vectors, config)
        if not isinstance(self.query, PlainText):
            return rank
        stems = {light_stem(term) for term in self.query.query_string.split()}
        stems = [stem for stem in stems if len(stem) >= MIN_STEM_LENGTH]
        for stem in stems:
            rank += Case(
                When(
                    index_entries__title_text__icontains=stem,
                    then=Value(TITLE_WORDS_BONUS / len(stems)),
                ),
                default=Value(0.0),
                output_field=FloatField(),
            )
        return rank

    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * TITLE_FACTOR),
            (F("index_entries__body"), 1.0),
        ]


class SwedishPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SwedishPostgresSearchQueryCompiler
