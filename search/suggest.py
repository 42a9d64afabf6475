"""Help when a search finds nothing: spelling suggestions and ways onward.

Suggestions come only from published content: words in the titles of pages visitors can
see, and the controlled vocabularies (themes, competences, municipalities), so a
suggestion can never reveal an unpublished title. PostgreSQL ranks candidates with
pg_trgm's similarity(); elsewhere (the SQLite quick start) Python's difflib does the same
over a bounded vocabulary.
"""

import difflib
import logging

from django.apps import apps
from django.db import DatabaseError, connection, transaction
from wagtail.models import Page

from search import cache as search_cache
from search import registry
from search.postgres import trigram_available
from search.query import SearchQuery
from search.swedish import words

logger = logging.getLogger(__name__)

# Controlled vocabularies whose names people search for: (model label, field).
VOCABULARIES = [
    ("themes.Theme", "name"),
    ("directory.CompetenceTag", "name"),
    ("directory.Municipality", "name"),
]
MAX_SUGGESTIONS = 4
MAX_TERMS = 5
MIN_WORD_LENGTH = 4
TRIGRAM_THRESHOLD = 0.35
WORD_SIMILARITY = 0.45  # to pick the titles worth splitting into words
DIFFLIB_CUTOFF = 0.75
DIFFLIB_MAX_TITLES = 5000


def _vocabulary_querysets():
    for label, field in VOCABULARIES:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        yield model.objects.values_list(field, flat=True)


def _trigram_candidates(terms: list[str]) -> dict[str, str]:
    """term -> the most similar published word, in one query.

    Only titles with a word like one of the terms are split into words: `title %> term`
    (pg_trgm's word similarity) can use the trigram index migration 0005 puts on page
    titles, so this stays fast with ten thousand organisations.
    """
    pages = registry.searchable_pages().values("title")
    pages_sql, pages_params = pages.query.sql_with_params()
    like_a_term = " OR ".join(["lower(pages.title) %%> %s"] * len(terms))
    # Django-compiled SQL with its own parameters; nothing from the visitor is interpolated.
    sources = [
        f"SELECT pages.title AS text FROM ({pages_sql}) AS pages WHERE {like_a_term}"  # noqa: S608
    ]
    params = [*pages_params, *terms]
    for queryset in _vocabulary_querysets():
        sql, vocabulary_params = queryset.query.sql_with_params()
        sources.append(f"SELECT * FROM ({sql}) AS vocabulary")  # noqa: S608
        params.extend(vocabulary_params)
    union = " UNION ALL ".join(sources)
    sql = f"""
        WITH words AS (
            SELECT DISTINCT word FROM (
                SELECT regexp_split_to_table(lower(text), '[^[:alnum:]]+') AS word
                FROM ({union}) AS texts
            ) AS split
            WHERE length(word) >= {MIN_WORD_LENGTH}
        )
        SELECT term, best.word
        FROM unnest(%s::text[]) AS term
        CROSS JOIN LATERAL (
            SELECT word FROM words
            WHERE similarity(word, term) >= %s
            ORDER BY similarity(word, term) DESC, word
            LIMIT 1
        ) AS best
    """  # noqa: S608 (the only interpolations are our own SQL and constants)
    with transaction.atomic(), connection.cursor() as cursor:
        # The word-similarity operator's threshold, for this transaction only.
        cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = %s", [WORD_SIMILARITY])
        cursor.execute(sql, [*params, terms, TRIGRAM_THRESHOLD])
        return dict(cursor.fetchall())


def _trigram_vocabulary_matches(text: str) -> list[str]:
    """Whole vocabulary entries (themes, competences …) that look like the query."""
    found = []
    for queryset in _vocabulary_querysets():
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT DISTINCT name, similarity(lower(name), %s) AS score "  # noqa: S608
                f"FROM ({sql}) AS vocabulary(name) "
                "WHERE similarity(lower(name), %s) >= %s ORDER BY score DESC, name LIMIT %s",
                [text, *params, text, TRIGRAM_THRESHOLD, MAX_SUGGESTIONS],
            )
            found += [row[0] for row in cursor.fetchall()]
    return found


def _python_vocabulary() -> tuple[set[str], list[str]]:
    titles = (
        registry.searchable_pages().order_by("-last_published_at").values_list("title", flat=True)
    )
    vocabulary = set()
    names = []
    for title in titles[:DIFFLIB_MAX_TITLES]:
        vocabulary.update(w.lower() for w in words(title) if len(w) >= MIN_WORD_LENGTH)
    for queryset in _vocabulary_querysets():
        for name in queryset:
            names.append(name)
            vocabulary.update(w.lower() for w in words(name) if len(w) >= MIN_WORD_LENGTH)
    return vocabulary, names


def _python_suggestions(query: SearchQuery) -> tuple[dict[str, str], list[str]]:
    vocabulary, names = _python_vocabulary()
    corrections = {}
    for term in query.content_terms[:MAX_TERMS]:
        close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=DIFFLIB_CUTOFF)
        if close:
            corrections[term] = close[0]
    by_lower = {name.lower(): name for name in names}
    close_names = difflib.get_close_matches(
        query.normalised, list(by_lower), n=MAX_SUGGESTIONS, cutoff=DIFFLIB_CUTOFF
    )
    return corrections, [by_lower[name] for name in close_names]


def spelling_suggestions(query: SearchQuery, request=None) -> list[str]:
    """Up to MAX_SUGGESTIONS queries that would probably find something (cached)."""
    if not query.searchable:
        return []
    answer = search_cache.cached(
        ("suggest", query.normalised), lambda: _suggestions(query), request=request
    )
    return answer or []


def _suggestions(query: SearchQuery) -> list[str] | None:
    try:
        if trigram_available(connection):
            corrections = _trigram_candidates(list(query.content_terms[:MAX_TERMS]))
            names = _trigram_vocabulary_matches(query.normalised)
        else:
            corrections, names = _python_suggestions(query)
    except DatabaseError as error:
        logger.warning("Spelling suggestions failed: %s", error)
        return None
    suggestions = []
    corrected = " ".join(corrections.get(term, term) for term in query.terms)
    if corrected != query.normalised:
        suggestions.append(corrected)
    for name in names:
        if name.lower() != query.normalised and name.lower() not in suggestions:
            suggestions.append(name.lower())
    return suggestions[:MAX_SUGGESTIONS]


def listing_page(entry: registry.ResolvedType):
    """The live page that lists a type's items: its pages' allowed parent, below the home page."""
    for model in entry.models:
        allowed = getattr(model, "allowed_parent_page_models", None)
        for parent_model in allowed() if allowed else []:
            if parent_model is Page:
                continue
            page = parent_model.objects.live().public().filter(depth__gt=2).first()
            if page is not None:
                return page
    return None


def no_hit_links(request) -> list[dict]:
    """Links onward from an empty result: the directory and the news, where they exist."""
    links = []
    for key in ("organisationer", "nyheter"):
        entry = registry.get_type(key)
        page = listing_page(entry) if entry else None
        url = page.get_url(request) if page else None
        if url:
            links.append({"key": key, "title": page.title, "url": url})
    return links
