"""Exports of the directory cannot smuggle formulas into the spreadsheet of whoever opens
them (CSV injection): text a member typed is exported as text, and the import reads an
export back unchanged (core.spreadsheet)."""

import csv
import io

import openpyxl
import pytest
from django.core.management import call_command

from core.spreadsheet import escape_cell, unescape_cell
from directory.models import OrganisationPage
from tests.directory.csv_helpers import run_import
from tests.directory.factories import OpportunityFactory, organisation

NAME = '=HYPERLINK("https://phish.example/","Klicka här")'
SHORT = "@SUM(1+1) gör vi"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(directory_index):
    org = organisation(directory_index, title=NAME, short_description=SHORT, offers=["biogas"])
    OpportunityFactory(organisation=org, title="-Rabatt på gas", text="+46 70 123 45 67 ring")
    return org


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def assert_no_formulas(rows):
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.mark.django_db
def test_the_public_csv_exports_formulas_as_text(client, directory_index, hostile):
    rows = cells(streamed(client.get(directory_index.url + "csv/")))
    assert_no_formulas(rows)
    [row] = [row for row in rows[1:] if NAME in row[0]]
    assert row[0] == "'" + NAME
    assert row[5] == "'" + SHORT


@pytest.mark.django_db
def test_the_admin_csv_exports_formulas_as_text(admin_client, hostile):
    organisations = cells(streamed(admin_client.get("/admin/organisations/?export=csv")))
    assert_no_formulas(organisations)
    assert ["'" + NAME] in [row[:1] for row in organisations]
    opportunities = cells(
        streamed(admin_client.get("/admin/snippets/directory/opportunity/?export=csv"))
    )
    assert_no_formulas(opportunities)
    assert "'-Rabatt på gas" in opportunities[1]
    assert "'+46 70 123 45 67 ring" in opportunities[1]


@pytest.mark.django_db
def test_the_admin_xlsx_holds_formulas_as_plain_strings(admin_client, hostile):
    response = admin_client.get("/admin/organisations/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    [name] = [cell for cell in sheet["A"] if cell.value == NAME]
    assert name.data_type == "s", "a string cell, not a formula"


@pytest.mark.django_db
def test_an_export_imports_back_unchanged(tmp_path, directory_index, hostile):
    exported = tmp_path / "export.csv"
    call_command("export_organisations", "--output", str(exported), stderr=io.StringIO())
    text = exported.read_text(encoding="utf-8")
    assert "'" + NAME.replace('"', '""') in text
    out, _ = run_import(tmp_path, text)
    assert "0 nya, 0 uppdaterade, 1 oförändrade" in out
    org = OrganisationPage.objects.get()
    assert (org.title, org.short_description) == (NAME, SHORT)


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1", "@A1", "\tTabb", "\rRetur", "'=1+1", "''@x", "'", "", "Vanlig", "a=b"],
)
def test_escaping_is_undone_exactly_by_the_import(value):
    escaped = escape_cell(value)
    assert not escaped.startswith(FORMULA_STARTS)
    assert unescape_cell(escaped) == value
