"""Synonyms: "laddstolpar" finds laddplatser and laddinfrastruktur, on every backend, and the
secretariat's edits show on the next search."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import settings_menu

from search.models import SynonymGroup
from search.synonyms import expand, is_form_of, validate_words

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def search(client, query):
    response = client.get(reverse("search:search"), {"q": query}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response


def hit_titles(response) -> list[str]:
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in response.context["hits"]]


# The list -----------------------------------------------------------------------------


def test_a_group_is_words_separated_by_commas_each_once():
    assert validate_words("laddstolpe, Laddplats\nladdpunkt; LADDPLATS, H2") == [
        "laddstolpe",
        "Laddplats",
        "laddpunkt",
        "H2",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("laddstolpe", "Skriv minst två ord"),
        ("förnybar energi, grön el", "”förnybar energi” är inte ett ord"),
        ("CO2-utsläpp, koldioxidutsläpp", "”CO2-utsläpp” är inte ett ord"),
        ("och, samt", "”och” är ett ord som sökningen hoppar över"),
        (", ,", "Skriv minst två ord"),
    ],
)
def test_a_group_that_cannot_work_is_refused_with_a_swedish_message(text, message):
    with pytest.raises(ValidationError) as error:
        validate_words(text)
    assert message in str(error.value)


def test_inflections_of_a_word_in_a_group_find_the_group():
    assert is_form_of("laddplatser", "laddplats")
    assert is_form_of("laddstolparna", "laddstolpar")
    assert is_form_of("solpanelerna", "solpaneler")
    assert is_form_of("h2", "h2")
    assert not is_form_of("h2o", "h2")
    assert not is_form_of("solkraftverk", "solkraft")  # a compound, not an inflection
    groups = [("laddstolpe", "laddplats", "laddinfrastruktur"), ("vätgas", "h2")]
    assert expand(["laddstolparna", "östersund", "h2"], groups) == [
        ("laddstolparna",),  # "laddstolpar" is not in this list, only "laddstolpe"
        ("östersund",),
        ("h2", "vätgas"),
    ]
    assert expand(["laddstolpen"], groups) == [
        ("laddstolpen", "laddstolpe", "laddplats", "laddinfrastruktur")
    ]


def test_the_list_is_seeded_with_the_fields_obvious_groups(db):
    groups = SynonymGroup.objects.groups()
    for words in [
        {"laddstolpe", "laddstolpar", "laddplats", "laddpunkt", "laddinfrastruktur"},
        {"solceller", "solpaneler"},
        {"vätgas", "h2"},
        {"fordonsgas", "biogas"},
        {"lca", "livscykelanalys"},
    ]:
        assert any(words <= set(group) for group in groups), words


# Searching ----------------------------------------------------------------------------


@pytest.fixture
def charging(make_page):
    make_page(
        "Fler laddplatser på landsbygden",
        intro="Byarna bygger laddinfrastruktur för elbilar.",
    )
    make_page("Solceller på skolan", intro="Taket ger el till köket.")


def test_laddstolpar_finds_the_pages_about_laddplatser_and_marks_why(db, client, charging):
    response = search(client, "laddstolpar")
    assert hit_titles(response) == ["Fler laddplatser på landsbygden"]
    hit = response.context["hits"][0]
    assert "<mark>laddplatser</mark>" in hit.title
    assert "<mark>laddinfrastruktur</mark>" in hit.excerpt
    assert "Solceller" not in response.content.decode()


def test_a_synonym_counts_as_the_word_with_the_other_words_of_the_search(db, client, charging):
    both = search(client, "laddstolpar landsbygden")
    assert hit_titles(both) == ["Fler laddplatser på landsbygden"]
    assert both.context["site_search"].operator == "and"
    # Nothing has both words: the page with one of them is offered, as for plain words.
    assert search(client, "laddstolpar krokom").context["site_search"].operator == "or"
    assert hit_titles(search(client, "solpaneler")) == ["Solceller på skolan"]


def test_an_edit_to_the_list_shows_on_the_next_search(db, client, make_page):
    """Searches are cached (search.cache); the cache must not hide a change to the list."""
    make_page("Fjärrvärme i Östersund", intro="Nätet byggs ut till Frösön.")
    assert hit_titles(search(client, "FV")) == []
    group = SynonymGroup.objects.create(words="fjärrvärme, FV")
    assert hit_titles(search(client, "FV")) == ["Fjärrvärme i Östersund"]
    group.words = "fjärrvärme, fjärrvärmenät"
    group.save()
    assert hit_titles(search(client, "FV")) == []


# The admin ----------------------------------------------------------------------------

ADMIN_LIST = "/admin/soksynonymer/"


def settings_menu_items(client, user) -> list[tuple[str, str]]:
    """The admin's Inställningar menu as the user sees it: (label, URL)."""
    client.force_login(user)
    # Viewsets add their menu items when the admin's URLs load: open the admin first.
    assert client.get("/admin/").status_code == 200
    request = RequestFactory().get("/admin/")
    request.user = user
    return [(str(item.label), item.url) for item in settings_menu.menu_items_for_request(request)]


@pytest.fixture
def staff(django_user_model):
    def make(group_name):
        user = django_user_model.objects.create_user(
            username=group_name.lower(), email=f"{group_name.lower()}@example.se", password="x"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def test_the_secretariat_edits_the_list_under_installningar(db, client, staff):
    assert ("Söksynonymer", ADMIN_LIST) in settings_menu_items(client, staff("Sekretariat"))
    listing = client.get(ADMIN_LIST)
    assert listing.status_code == 200
    assert "laddinfrastruktur" in listing.content.decode()

    response = client.post(f"{ADMIN_LIST}new/", {"words": "värmepump, bergvärme , luftvärmepump"})
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(words="värmepump, bergvärme, luftvärmepump").exists()

    count = SynonymGroup.objects.count()
    response = client.post(f"{ADMIN_LIST}new/", {"words": "förnybar energi, grön el"})
    assert response.status_code == 200
    assert "”förnybar energi” är inte ett ord" in response.content.decode()
    assert SynonymGroup.objects.count() == count


def test_an_editor_neither_sees_nor_edits_the_list(db, client, staff):
    assert ADMIN_LIST not in [url for _label, url in settings_menu_items(client, staff("Redaktör"))]
    assert client.get(ADMIN_LIST).status_code in {302, 403}
    count = SynonymGroup.objects.count()
    client.post(f"{ADMIN_LIST}new/", {"words": "a1, b1"})
    assert SynonymGroup.objects.count() == count
