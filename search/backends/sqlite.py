"""SQLite FTS5 with Swedish word forms and safe quoting (imported only on SQLite).

FTS5 has no Swedish stemmer, so each query term is reduced with the light Swedish stemmer
and matched as a prefix ("solceller" → solcell*, "klimatets" → klimat*). Swedish stop words
are dropped, as PostgreSQL and the cluster do. Terms are quoted the way FTS5 expects, so a
stray double quote (from the site or from the admin's search) cannot raise a syntax error.

Prefix matching makes "klimat*" match "klimatet", "klimatets" and "klimatanpassning" alike;
a row holding a searched word exactly as typed gets EXACT_WORD_BONUS, which puts it before
every row that only shares the prefix (search.backends.ranking). Synonyms (search.synonyms)
match as any other word.
"""

import re

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite import query as sqlite_query
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import And, Or, PlainText

from search.backends.ranking import exact_word_bonuses, title_bonuses
from search.query import query_groups
from search.swedish import STOP_WORDS, light_stem

MIN_PREFIX_LENGTH = 3
TITLE_WORDS_BONUS = 5.0
# bm25 stays far below this: a row with the words as typed comes first.
EXACT_WORD_BONUS = 1000.0
# FTS5 column weights for bm25(), in the table's column order (autocomplete, body, title):
# a word in the title counts ten times one in the body, as the boosts do on PostgreSQL.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


class _WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = sqlite_query.SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        return f"bm25({table}, {weights})", []


class _QuotedLexeme(sqlite_query.Lexeme):
    """An FTS5 string: double quotes inside it are doubled, never left unbalanced."""

    def as_sql(self, compiler, connection):
        value = self.value.replace('"', '""')
        return ('"%s"*' if self.prefix else '"%s"'), [value]


class _Parenthesised(sqlite_query.LexemeCombinable):
    """Lexemes in parentheses. FTS5 binds AND tighter than OR, and Wagtail joins the parts
    of an And/Or query without them: "a OR b AND c" would be "a OR (b AND c)"."""

    _output_field = sqlite_query.SearchQueryField()

    def __init__(self, inner):
        super().__init__(output_field=self._output_field)
        self.inner = inner

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.inner)
        return "(%s)", [sql % tuple(params)]


def _terms(query, drop_stop_words: bool) -> list[str]:
    terms = [term for term in query.query_string.split() if term.strip('"*^:()')]
    if drop_stop_words:
        terms = [term for term in terms if term.lower() not in STOP_WORDS]
    return terms


def _combine(lexemes, operator: str):
    combined = lexemes[0]
    for lexeme in lexemes[1:]:
        combined = combined & lexeme if operator.upper() == "AND" else combined | lexeme
    return combined


class _EmptySafeMixin:
    def search(self, config, start, stop, score_field=None):
        if isinstance(self.query, PlainText) and not self._lexemes(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class SwedishSQLiteSearchQueryCompiler(_EmptySafeMixin, SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() scores the whole MATCH of the row, whatever the query's shape: words with
        # synonyms (And/Or of search.query.Alternatives) get it once, not multiplied.
        if isinstance(query, (PlainText, And, Or)):
            rank = _WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self):
        # One weighted bm25 over the row already weighs title above body.
        return [(None, 1.0)]

    def _build_rank_expression(self, vectors, config):
        # bm25 is negative, lower is better: a title holding the words lowers it further,
        # and the words as typed, anywhere, lower it by far the most.
        rank = super()._build_rank_expression(vectors, config)
        groups = [g for g in query_groups(self.query) if g[0].lower() not in STOP_WORDS]
        for bonus in title_bonuses(groups, "title", TITLE_WORDS_BONUS):
            rank -= bonus
        # Python's regular expressions (Django's REGEXP on SQLite): \b knows å, ä and ö.
        patterns = [rf"\b{re.escape(group[0])}\b" for group in groups]
        for bonus in exact_word_bonuses(patterns, ["title", "body"], EXACT_WORD_BONUS):
            rank -= bonus
        return rank

    def _lexemes(self, query):
        lexemes = []
        for term in _terms(query, drop_stop_words=True):
            stem = light_stem(term)
            if len(stem) >= MIN_PREFIX_LENGTH:
                lexemes.append(_QuotedLexeme(stem, prefix=True))
            else:
                lexemes.append(_QuotedLexeme(term))
        return lexemes

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        lexemes = self._lexemes(query)
        if not lexemes:
            return None
        combined = _Parenthesised(_combine(lexemes, query.operator))
        return sqlite_query.SearchQueryExpression(combined, config=config)


class SafeSQLiteAutocompleteQueryCompiler(_EmptySafeMixin, SQLiteAutocompleteQueryCompiler):
    def _lexemes(self, query):
        terms = _terms(query, drop_stop_words=False)
        return [_QuotedLexeme(term, prefix=i == len(terms) - 1) for i, term in enumerate(terms)]

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        lexemes = self._lexemes(query)
        if not lexemes:
            return None
        return sqlite_query.SearchQueryExpression(_combine(lexemes, "AND"), config=config)


class SwedishSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SwedishSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SafeSQLiteAutocompleteQueryCompiler
