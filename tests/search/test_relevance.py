"""Relevance, measured: mean reciprocal rank of the test set on the demo content.

PostgreSQL (what production runs) must reach MRR 0.8; the SQLite quick start is measured
too, with a lower bar, since FTS5 has no Swedish dictionary. Every miss (target not in
the top 3) and the MRR are printed.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.backends.database.postgres.weights import get_boosts

from tests.search.relevance import MIN_MRR, QUERIES, evaluate

SQLITE_MIN_MRR = 0.7


@pytest.fixture
def demo_content(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def report(capsys, mrr, misses):
    with capsys.disabled():
        print(f"\nRelevance on {connection.vendor}: {len(QUERIES)} queries, MRR {mrr:.3f}")
        for miss in misses:
            print(miss)


def test_the_test_set_is_big_enough_and_every_type_is_a_target():
    assert len(QUERIES) >= 25
    targets = " ".join(target for _query, target in QUERIES)
    for prefix in ["/nyheter/", "/traffar/", "/teman/", "/samarbetspartner/mojligheter/"]:
        assert prefix in targets
    assert "/samarbetspartner/mittuniversitetet/" in targets and "/ga-med/" in targets


def test_field_boosts_are_the_four_tiers(db):
    """Title 10, tags 5, lead 3, the rest; Wagtail's own Page title keeps 2 (= body tier).

    PostgreSQL maps at most four distinct boosts onto its weight labels A–D; a fifth value
    anywhere would silently remap them all.
    """
    assert get_boosts() == {10, 5, 3, 2}


def test_mean_reciprocal_rank_on_postgresql(postgres, demo_content, capsys):
    mrr, misses = evaluate()
    report(capsys, mrr, misses)
    assert mrr >= MIN_MRR, f"MRR {mrr:.3f} < {MIN_MRR}:\n" + "\n".join(misses)


def test_mean_reciprocal_rank_on_sqlite(sqlite, demo_content, capsys):
    mrr, misses = evaluate()
    report(capsys, mrr, misses)
    assert mrr >= SQLITE_MIN_MRR, f"MRR {mrr:.3f} < {SQLITE_MIN_MRR}:\n" + "\n".join(misses)
