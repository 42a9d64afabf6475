"""import_organisations and export_organisations: check everything first, all or nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.models import CompetenceTag, OrganisationPage
from tests.directory.csv_helpers import run_import
from tests.directory.factories import organisation

HEADER = (
    "name,org_number,org_type,municipality,website,short_description,description,themes,"
    "offers,seeks,partnership_types\n"
)
GOOD = (
    HEADER + "Jämtbiogas AB,5591234561,Företag,Östersund,www.jamtbiogas.example,Rötar matavfall.,"
    '"Vi gör biogas.\n\nOch biogödsel.",Energiomställning,biogas|restvärme,hållbar logistik,'
    "Leverantör|kund\n"
    + "Krokoms kommun,,kommun,2309,https://www.krokom.se/,Kommunen norr om Storsjön.,,"
    "energiomstallning|Klimatanpassning,,solenergi|laddinfrastruktur,pilot-testbadd\n"
)


def failing_import(tmp_path, text, *args):
    path = tmp_path / "organisationer.csv"
    path.write_text(text, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_organisations", str(path), *args, stdout=io.StringIO(), stderr=err)
    return str(error.value), err.getvalue()


@pytest.mark.django_db
class TestImport:
    def test_a_clean_file_imports_and_publishes(self, tmp_path, directory_index):
        out, _ = run_import(tmp_path, GOOD)
        assert "2 nya, 0 uppdaterade, 0 oförändrade" in out
        biogas = OrganisationPage.objects.get(title="Jämtbiogas AB")
        assert biogas.live and biogas.get_parent().pk == directory_index.pk
        assert biogas.org_number == "559123-4561"
        assert biogas.website == "https://www.jamtbiogas.example"
        assert biogas.description == "<p>Vi gör biogas.</p><p>Och biogödsel.</p>"
        assert sorted(t.name for t in biogas.offers.all()) == ["biogas", "restvärme"]
        assert [t.name for t in biogas.seeks.all()] == ["hållbar logistik"]
        assert sorted(k.slug for k in biogas.partnership_types.all()) == ["kund", "leverantor"]
        assert biogas.get_latest_revision() is not None, "every import is in the history"
        krokom = OrganisationPage.objects.get(title="Krokoms kommun")
        assert krokom.head_office.code == "2309"
        assert sorted(t.slug for t in krokom.themes.all()) == [
            "energiomstallning",
            "klimatanpassning",
        ]
        assert OrganisationPage.objects.listed().count() == 2

    def test_importing_again_changes_nothing_and_duplicates_nothing(
        self, tmp_path, directory_index
    ):
        run_import(tmp_path, GOOD)
        revisions = OrganisationPage.objects.get(title="Jämtbiogas AB").revisions.count()
        out, _ = run_import(tmp_path, GOOD)
        assert "0 nya, 0 uppdaterade, 2 oförändrade" in out
        assert OrganisationPage.objects.count() == 2
        assert OrganisationPage.objects.get(title="Jämtbiogas AB").revisions.count() == revisions

    def test_updates_by_organisation_number_or_else_by_name(self, tmp_path, directory_index):
        run_import(tmp_path, GOOD)
        changed = GOOD.replace("Jämtbiogas AB,", "Jämtbiogas i Östersund AB,").replace(
            "Kommunen norr om Storsjön.", "Kommunen med Föllinge och Nälden."
        )
        out, _ = run_import(tmp_path, changed)
        assert "0 nya, 2 uppdaterade" in out
        assert OrganisationPage.objects.count() == 2
        renamed = OrganisationPage.objects.get(org_number="559123-4561")
        assert renamed.title == "Jämtbiogas i Östersund AB"
        assert OrganisationPage.objects.get(title="Krokoms kommun").short_description == (
            "Kommunen med Föllinge och Nälden."
        )

    def test_every_bad_row_is_reported_and_nothing_is_written(self, tmp_path, directory_index):
        bad = (
            GOOD
            + ",,Företag,Östersund,,Namnlös.,,,,,\n"
            + "Felnummer AB,559123-4562,Företag,Östersund,,Fel kontrollsiffra.,,,,,\n"
            + "Bortom AB,,Företag,Oslo,,Okänd kommun.,,,,,\n"
            + "Personnummer AB,850312-1234,Företag,Åre,,En enskild firma.,,,,,\n"
            + "Tidsresor AB,,Företag,Åre,,Okänd kompetens.,,,tidsresor,,\n"
            + "Annan typ AB,,Enskild firma,Åre,,Okänd typ.,,,,,\n"
        )
        message, err = failing_import(tmp_path, bad)
        assert "6 rad(er) har fel" in message and "Ingenting sparades" in message
        assert "Rad 4: namn saknas." in err
        assert "Rad 5: organisationsnumret 559123-4562: " in err and "kontrollsiffran" in err
        assert "Rad 6: okänd kommun: Oslo." in err
        assert "Rad 7:" in err and "personnummer" in err
        assert "Rad 8: okänd kompetens: tidsresor (använd --create-tags" in err
        assert "Rad 9: okänd typ av organisation: Enskild firma." in err
        assert OrganisationPage.objects.count() == 0, "the two good rows were not written either"

    def test_the_header_must_have_exactly_the_columns(self, tmp_path, directory_index):
        _message, err = failing_import(tmp_path, "name,org_number,stad\nX,,Åre\n")
        assert "Kolumner saknas: org_type, municipality" in err
        assert "Okända kolumner: stad" in err

    def test_unknown_competences_become_new_ones_with_create_tags(self, tmp_path, directory_index):
        text = HEADER + "Snö AB,,Företag,Åre,,Snötillverkning.,,,Snölagring|biogas,,\n"
        out, _ = run_import(tmp_path, text, "--create-tags")
        assert "Ny kompetens: snölagring" in out
        tag = CompetenceTag.objects.get(name="snölagring")
        assert tag.slug == "snolagring"
        org = OrganisationPage.objects.get(title="Snö AB")
        assert sorted(t.name for t in org.offers.all()) == ["biogas", "snölagring"]

    def test_a_dry_run_writes_nothing(self, tmp_path, directory_index):
        out, _ = run_import(tmp_path, GOOD, "--dry-run")
        assert "2 nya" in out and "Inget sparades" in out
        assert OrganisationPage.objects.count() == 0

    def test_drafts_for_review(self, tmp_path, directory_index):
        run_import(tmp_path, GOOD, "--draft")
        assert OrganisationPage.objects.count() == 2
        assert OrganisationPage.objects.listed().count() == 0

    def test_a_delisted_organisation_is_updated_but_stays_delisted(
        self, tmp_path, directory_index, admin_user
    ):
        from directory.listing_state import delist

        run_import(tmp_path, GOOD)
        org = OrganisationPage.objects.get(title="Krokoms kommun")
        delist(org, user=admin_user, reason="Pausat.")
        out, _ = run_import(tmp_path, GOOD.replace("norr om Storsjön", "vid Storsjön"))
        assert "förblir avlistad" in out
        org.refresh_from_db()
        assert not org.live
        assert org.get_latest_revision_as_object().short_description == "Kommunen vid Storsjön."

    def test_semicolons_and_a_byte_order_mark_from_excel(self, tmp_path, directory_index):
        text = "\ufeff" + HEADER.replace(",", ";") + "Excel AB;;Företag;Åre;;Från Excel.;;;;;\n"
        path = tmp_path / "excel.csv"
        path.write_bytes(text.encode("utf-8"))
        call_command("import_organisations", str(path), stdout=io.StringIO())
        assert OrganisationPage.objects.filter(title="Excel AB").exists()

    def test_a_file_that_is_not_utf8_is_refused(self, tmp_path, directory_index):
        path = tmp_path / "latin1.csv"
        path.write_bytes((HEADER + "Åre AB,,Företag,Åre,,Kort.,,,,,\n").encode("latin-1"))
        with pytest.raises(CommandError, match="UTF-8"):
            call_command("import_organisations", str(path), stdout=io.StringIO())


@pytest.mark.django_db
def test_export_then_import_round_trips(tmp_path, directory_index):
    organisation(
        directory_index,
        title="Rundresa AB",
        org_number="559123-4561",
        offers=["biogas", "återbruk"],
        seeks=["vätgas"],
        themes=["energiomstallning"],
        partnership_types=["kund"],
        website="https://rundresa.example/",
        description="<p>Vi <b>gör</b> saker, i tre steg:</p><ul><li>ett</li><li>två</li></ul>",
        short_description='Citat "så här", och kommatecken.',
    )
    organisation(directory_index, title="Utan nummer förening", org_type="ideell-forening")
    exported = tmp_path / "export.csv"
    call_command("export_organisations", "--output", str(exported), stderr=io.StringIO())
    text = exported.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER.strip()
    assert "Rundresa AB,559123-4561,Företag,Östersund" in text

    out, _ = run_import(tmp_path, text)
    assert "0 nya, 0 uppdaterade, 2 oförändrade" in out, "an unedited export is a no-op"

    second = io.StringIO()
    call_command("export_organisations", stdout=second)
    assert second.getvalue().replace("\r\n", "\n") == text.replace("\r\n", "\n")
