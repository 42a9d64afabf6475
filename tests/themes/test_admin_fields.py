"""The tag fields an editor meets in the page editor (core/tags.py).

Themes and competences are fixed lists: one checkbox each, nothing typed that could be
dropped. Free tags (ämnesord) are a tag box whose multi-word names are shown and saved
as typed, without quotes, with one Swedish help text.
"""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.tags import join_tags, parse_tags
from directory.models import CompetenceTag, OrganisationPage
from news.models import NewsPage
from tests.directory.factories import DirectoryIndexPageFactory, organisation
from tests.events.factories import EventPageFactory
from tests.news.factories import NewsPageFactory
from themes.models import Theme


def checkboxes(html: str, name: str) -> dict[str, bool]:
    """{value: checked} of the checkboxes called `name`."""
    found = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="checkbox"' in tag and f'name="{name}"' in tag:
            value = re.search(r'value="([^"]*)"', tag).group(1)
            found[value] = " checked" in tag
    return found


def news_form(page, **changes):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "lead": page.lead,
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "tags": "",
            "related_links": inline_formset([]),
        }
    )
    data.update(changes)
    return data


@pytest.mark.django_db
def test_themes_are_checkboxes_over_the_whole_list_on_news_events_and_organisations(
    editor_client, news_index, event_index, home_page, energy
):
    news = NewsPageFactory(parent=news_index, themes=[energy])
    event = EventPageFactory(parent=event_index, themes=[energy])
    org = organisation(DirectoryIndexPageFactory(parent=home_page), themes=["energiomstallning"])
    every_theme = {str(pk) for pk in Theme.objects.values_list("pk", flat=True)}
    for page in (news, event, org):
        html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        boxes = checkboxes(html, "themes")
        assert set(boxes) == every_theme, page
        assert [value for value, checked in boxes.items() if checked] == [str(energy.pk)]
        assert "citattecken" not in html, "Wagtail's generic tag help is gone"


@pytest.mark.django_db
def test_an_editor_ticks_two_themes_and_the_draft_keeps_them(
    editor_client, news_index, energy, adaptation
):
    news = NewsPageFactory(parent=news_index, themes=[energy])
    response = editor_client.post(
        f"/admin/pages/{news.pk}/edit/",
        {**news_form(news), "themes": [energy.pk, adaptation.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = NewsPage.objects.get(pk=news.pk).get_latest_revision_as_object()
    assert sorted(t.slug for t in draft.themes.all()) == ["energiomstallning", "klimatanpassning"]
    html = editor_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    checked = {value for value, on in checkboxes(html, "themes").items() if on}
    assert checked == {str(energy.pk), str(adaptation.pk)}
    # The live page is untouched until the draft is published.
    assert [t.slug for t in NewsPage.objects.get(pk=news.pk).themes.all()] == ["energiomstallning"]


@pytest.mark.django_db
def test_competences_are_checkboxes_and_multi_word_names_read_as_they_are(editor_client, home_page):
    org = organisation(
        DirectoryIndexPageFactory(parent=home_page),
        offers=["hållbar logistik"],
        seeks=["biogas"],
    )
    html = editor_client.get(f"/admin/pages/{org.pk}/edit/").content.decode()
    logistics = CompetenceTag.objects.get(name="hållbar logistik")
    assert checkboxes(html, "offers")[str(logistics.pk)] is True
    assert len(checkboxes(html, "seeks")) == CompetenceTag.objects.count()
    assert "&quot;hållbar logistik&quot;" not in html
    assert '"hållbar logistik"' not in html
    assert "citattecken" not in html


@pytest.mark.django_db
def test_free_tags_keep_multi_word_names_without_quotes(editor_client, news_index):
    news = NewsPageFactory(parent=news_index, tags=["klimatdeklaration och LCA", "bygg"])
    html = editor_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    [box] = re.findall(r'<input[^>]*name="tags"[^>]*>', html)
    assert 'value="bygg, klimatdeklaration och LCA"' in box
    assert "&quot;preprocessTag&quot;: null" in box, "the admin script does not add quotes"
    assert "citattecken" not in html
    assert "Skilj dem åt med kommatecken" in html, "the field's own help is the one shown"

    # One multi-word name, no comma: one tag, not three.
    editor_client.post(f"/admin/pages/{news.pk}/edit/", news_form(news, tags="grön finansiering"))
    draft = NewsPage.objects.get(pk=news.pk).get_latest_revision_as_object()
    assert [t.name for t in draft.tags.all()] == ["grön finansiering"]


def test_tag_strings_are_split_on_commas_only_and_quotes_dropped():
    assert parse_tags("grön finansiering") == ["grön finansiering"]
    assert parse_tags('"hållbar logistik", biogas ,, ') == ["biogas", "hållbar logistik"]
    assert parse_tags("") == []
    assert join_tags([Theme(name="b c"), Theme(name="a")]) == "a, b c"


@pytest.mark.django_db
def test_members_edit_of_an_organisation_still_sets_its_themes(home_page, energy, adaptation):
    from members.forms.organisation import OrganisationDetailsForm

    org = organisation(DirectoryIndexPageFactory(parent=home_page), themes=["energiomstallning"])
    data = OrganisationDetailsForm.initial_from_page(org)
    data["themes"] = [adaptation.pk]
    data["served_municipalities"] = []
    form = OrganisationDetailsForm(data=data, page=org)
    assert form.is_valid(), form.errors
    form.apply_to_page(org)
    org.save_revision().publish()
    assert [t.slug for t in OrganisationPage.objects.get(pk=org.pk).themes.all()] == [
        "klimatanpassning"
    ]
