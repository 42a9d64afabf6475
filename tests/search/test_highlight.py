"""Excerpts: the matching words marked, everything else escaped."""

from search.highlight import excerpt, mark_terms, plain_text
from search.swedish import light_stem


def test_word_forms_compounds_and_folded_letters_are_marked():
    text = "Klimatets förändring kräver klimatanpassning. Solcellerna i Östersund ger el."
    html = excerpt(text, ["klimat", "solceller", "ostersund", "anpassning"])
    assert html == (
        "<mark>Klimatets</mark> förändring kräver <mark>klimatanpassning</mark>. "
        "<mark>Solcellerna</mark> i <mark>Östersund</mark> ger el."
    )


def test_markup_in_content_and_query_is_escaped():
    html = excerpt('Biogas <script>alert("x")</script> & <b>mer</b>', ["<script>", "biogas"])
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert html.startswith("<mark>Biogas</mark>")
    assert str(mark_terms('<img src=x onerror="x">', ["img"])) == (
        "&lt;<mark>img</mark> src=x onerror=&quot;x&quot;&gt;"
    )


def test_the_excerpt_is_cut_around_the_matches():
    words = [f"ord{i}" for i in range(100)]
    words[60] = "vätgas"
    html = excerpt(" ".join(words), ["vätgas"], length=12)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>vätgas</mark>" in html
    assert len(html.split()) < 20


def test_text_without_matches_starts_at_the_beginning():
    assert excerpt("Ett två tre.", ["biogas"]) == "Ett två tre."


def test_lists_of_pieces_read_as_sentences_and_markup_stays_text():
    assert plain_text(["Sol och vind", None, "Vatten  och\nskog?", "<b>x</b>"]) == (
        "Sol och vind. Vatten och skog? <b>x</b>."
    )


def test_light_stemmer_brings_word_forms_together():
    assert light_stem("klimatets") == "klimat"
    assert light_stem("solceller") == "solcell"
    assert light_stem("biogasen") == "biogas"
    assert light_stem("kommunerna") == "kommun"
    assert light_stem("biogas") == "biogas"  # the s is the word's own
    assert light_stem("vätgasen") == "vätgas"
