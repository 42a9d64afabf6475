"""Ansök om medlemskap: the form, its validation and spam protection, and the e-mail link."""

import base64
import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import WorkflowState

from directory.models import ContactPerson, OrganisationPage
from mail.models import OutgoingEmail
from members.applications import confirmation_token
from members.models import (
    ApplicationStatus,
    ConsentKind,
    ConsentRecord,
    MembershipApplication,
)
from tests.members.conftest import mails_to
from tests.members.helpers import application_data, last_mail_to, link_in, valid_org_number

pytestmark = pytest.mark.django_db

URL = "/ga-med/ansokan/"


def submit(client, **overrides):
    return client.post(URL, application_data(**overrides))


def unpack(token: str) -> str:
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()


def retoken(signed: str) -> str:
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def nothing_stored():
    return (
        not MembershipApplication.objects.exists()
        and not ConsentRecord.objects.exists()
        and not OutgoingEmail.objects.exists()
        and not mail.outbox
    )


class TestForm:
    def test_the_form_page_shows_the_letter_of_intent_and_separate_consents(
        self, client, join_page, directory_index
    ):
        response = client.get(URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Avsiktsförklaring och samtycken" in html
        assert "fossilbränslefritt 2030" in html  # the default letter of intent
        for name in ("accept_letter", "consent_listing", "consent_name"):
            assert f'name="{name}"' in html
        assert 'name="fax"' in html and "hidden" in html  # the honeypot
        assert "no-store" in response["Cache-Control"]

    def test_the_gå_med_page_leads_to_the_form(self, client, join_page):
        html = client.get("/ga-med/").content.decode()
        assert 'href="/ga-med/ansokan/"' in html

    def test_a_valid_application_is_stored_unconfirmed_and_a_link_is_mailed(
        self, client, join_page, directory_index
    ):
        response = submit(client)
        assert response.status_code == 303
        assert response["Location"] == "/ga-med/ansokan/skickad/"
        application = MembershipApplication.objects.get()
        assert application.status == ApplicationStatus.UNCONFIRMED
        assert application.org_number == valid_org_number("559123456")
        assert application.organisation is None, "no page before the address is confirmed"
        assert not OrganisationPage.objects.filter(title="Hackås Trähus AB").exists()
        kinds = set(ConsentRecord.objects.filter(given=True).values_list("kind", flat=True))
        assert kinds == {
            ConsentKind.LETTER_OF_INTENT,
            ConsentKind.PUBLISH_LISTING,
            ConsentKind.PUBLISH_NAME,
        }
        letter = ConsentRecord.objects.get(kind=ConsentKind.LETTER_OF_INTENT)
        assert "fossilbränslefritt 2030" in letter.text.text
        assert letter.person_email == "oskar@hackas-trahus.example"
        message = last_mail_to("oskar@hackas-trahus.example")
        assert "Bekräfta din e-postadress" in message.subject
        assert "/ga-med/ansokan/bekrafta/" in message.body
        assert message.alternatives and message.alternatives[0].mimetype == "text/html"
        sent = client.get("/ga-med/ansokan/skickad/").content.decode()
        assert "Bekräfta din e-postadress" in sent

    def test_only_given_consents_are_recorded(self, client, join_page, directory_index):
        submit(client, consent_listing=None, consent_name=None)
        assert list(ConsentRecord.objects.values_list("kind", flat=True)) == [
            ConsentKind.LETTER_OF_INTENT
        ]
        application = MembershipApplication.objects.get()
        assert not application.publish_listing and not application.publish_name

    def test_errors_re_render_in_swedish_with_every_value_kept_and_store_nothing(
        self, client, join_page, directory_index
    ):
        response = submit(
            client,
            org_number="556677-8890",  # wrong check digit
            contact_email="inte-en-adress",
            accept_letter=None,
            short_description="",
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert nothing_stored()
        assert "<title>Fel:" in html
        assert "Formuläret har 4 fel" in html
        assert "kontrollsiffran (den sista) är fel" in html
        assert "Kryssa i att ni skriver under avsiktsförklaringen" in html
        assert "Ange en giltig e-postadress" in html or "giltig e-postadress" in html
        assert 'href="#id_org_number"' in html  # the summary links to the field
        assert 'value="Hackås Trähus AB"' in html
        assert 'value="556677-8890"' in html
        assert 'value="Oskar Lindqvist"' in html
        assert "Vi bygger hus." in html  # the description text area
        assert 'id="id_org_number" aria-invalid="true"' in html or (
            'aria-invalid="true"' in html
            and 'aria-describedby="id_org_number_helptext id_org_number_error"' in html
        )
        assert 'id="id_org_number_error"' in html
        # Checked boxes stay checked.
        assert 'name="consent_listing" checked' in html or (
            'name="consent_listing"' in html and "checked" in html
        )

    @pytest.mark.parametrize(
        "number, message",
        [
            ("19800101-1234", "personnummer"),
            ("800101-1234", "personnummer"),
            ("12345", "tio siffror"),
            ("55667a-8890", "bara innehålla siffror"),
        ],
    )
    def test_the_organisation_number_is_checked_by_the_directory_rules(
        self, client, join_page, directory_index, number, message
    ):
        html = submit(client, org_number=number).content.decode()
        assert message in html
        assert nothing_stored()

    def test_a_sole_trader_gives_no_number(self, client, join_page, directory_index):
        html = submit(client, is_sole_trader="on").content.decode()
        assert "Lämna organisationsnumret tomt för en enskild firma" in html
        assert nothing_stored()
        response = submit(client, is_sole_trader="on", org_number="")
        assert response.status_code == 303
        application = MembershipApplication.objects.get()
        assert application.org_number == ""
        assert application.organisation_data["is_sole_trader"] is True

    def test_a_number_already_known_is_not_revealed_and_reaches_the_secretariat(
        self, client, join_page, directory_index, org, settings
    ):
        """Anyone could otherwise learn which organisations are members, listed or not."""
        org.org_number = valid_org_number("559123456")
        org.save()
        OrganisationPage.objects.filter(pk=org.pk).update(live=False)  # an unlisted member
        response = submit(client)
        assert response.status_code == 303, "the form answers as for any number"
        sent = client.get(response["Location"]).content.decode()
        assert "Jämtbiogas AB" not in sent and "finns redan" not in sent
        application = MembershipApplication.objects.get()
        path = link_in(last_mail_to(application.contact_email), r"https?://\S+/bekrafta/\S+")
        confirmed = client.post(path)
        html = confirmed.content.decode()
        assert confirmed.status_code == 200
        assert "Sekretariatet behöver stämma av ansökan för Hackås Trähus AB" in html
        assert "Jämtbiogas AB" not in html and "finns redan" not in html
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REFERRED
        assert application.organisation is None
        assert not OrganisationPage.objects.filter(title="Hackås Trähus AB").exists()
        notice = last_mail_to(settings.SECRETARIAT_EMAIL)
        assert "Hackås Trähus AB" in notice.subject
        assert "Jämtbiogas AB" in notice.body and f"/admin/pages/{org.pk}/edit/" in notice.body
        assert f"/admin/snippets/members/membershipapplication/inspect/{application.pk}/" in (
            notice.body
        )
        assert application.contact_email not in notice.body  # personal data stays in the admin
        assert "redan använts" in client.post(path).content.decode()
        assert len(mails_to(settings.SECRETARIAT_EMAIL)) == 1

    @pytest.mark.parametrize("value", ["Anna\r\nBcc: x@example.se", "Anna\x00"])
    def test_control_characters_are_refused(self, client, join_page, directory_index, value):
        html = submit(client, contact_name=value).content.decode()
        assert "radbrytningar eller styrtecken" in html
        assert nothing_stored()

    def test_bad_ids_in_choices_are_errors_not_crashes(self, client, join_page, directory_index):
        response = submit(client, head_office="99999", offers=["abc"], themes=["%00"])
        assert response.status_code == 200
        assert nothing_stored()


class TestSpamProtection:
    def test_the_honeypot_pretends_success_and_stores_nothing(
        self, client, join_page, directory_index
    ):
        response = submit(client, fax="http://spam.example")
        assert response.status_code == 303
        assert nothing_stored()

    def test_rate_limit_per_email_address(self, client, join_page, directory_index):
        cache.clear()
        numbers = ["559123456", "559123457", "559123458", "559123459"]
        for i, prefix in enumerate(numbers[:3]):
            response = client.post(
                URL,
                application_data(org_number=valid_org_number(prefix), name=f"Bolag {i} AB"),
                REMOTE_ADDR=f"10.0.0.{i}",
            )
            assert response.status_code == 303
        response = client.post(
            URL,
            application_data(org_number=valid_org_number(numbers[3]), name="Bolag 4 AB"),
            REMOTE_ADDR="10.0.0.9",
        )
        assert response.status_code == 429
        html = response.content.decode()
        assert "många ansökningar från dig på kort tid" in html
        assert 'value="Bolag 4 AB"' in html
        assert MembershipApplication.objects.count() == 3

    def test_rate_limit_per_ip_address(self, client, join_page, directory_index):
        cache.clear()
        for i in range(5):
            response = submit(
                client,
                org_number=valid_org_number(f"55912345{i}"),
                contact_email=f"person{i}@example.se",
            )
            assert response.status_code == 303
        response = submit(
            client, org_number=valid_org_number("559123999"), contact_email="ny@example.se"
        )
        assert response.status_code == 429
        assert MembershipApplication.objects.count() == 5

    def test_the_rate_limit_counts_the_client_behind_the_proxy(
        self, client, join_page, directory_index, settings
    ):
        cache.clear()
        settings.TRUSTED_PROXY_COUNT = 1
        for i in range(5):
            client.post(
                URL,
                application_data(
                    org_number=valid_org_number(f"55912345{i}"), contact_email=f"p{i}@example.se"
                ),
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 192.0.2.7",
            )
        # Same proxy, same client: refused; a forged left-hand entry changes nothing.
        response = client.post(
            URL,
            application_data(org_number=valid_org_number("559123999"), contact_email="x@y.se"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="9.9.9.9, 192.0.2.7",
        )
        assert response.status_code == 429
        # Another client through the same proxy is let through.
        response = client.post(
            URL,
            application_data(org_number=valid_org_number("559123999"), contact_email="x@y.se"),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="192.0.2.8",
        )
        assert response.status_code == 303


class TestConfirmation:
    @pytest.fixture
    def application(self, client, join_page, directory_index):
        submit(client)
        return MembershipApplication.objects.get()

    def test_opening_the_link_changes_nothing_until_the_button(self, client, application):
        path = link_in(last_mail_to(application.contact_email), r"https?://\S+/bekrafta/\S+")
        response = client.get(path)
        assert response.status_code == 200
        assert "Bekräfta och skicka ansökan" in response.content.decode()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.UNCONFIRMED

    def test_confirming_makes_a_draft_listing_in_the_application_workflow(
        self, client, application, settings
    ):
        mail.outbox.clear()
        token = confirmation_token(application)
        response = client.post(f"/ga-med/ansokan/bekrafta/{token}/")
        assert response.status_code == 200
        assert "Tack, ansökan är skickad" in response.content.decode()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUBMITTED
        page = application.organisation
        assert page.title == "Hackås Trähus AB" and not page.live
        assert page.org_number == application.org_number
        assert page.member_since == timezone.localdate(application.created_at)
        assert {t.name for t in page.offers.all()} == {"träbyggande"}
        assert "<p>Vi vill bygga fler förskolor i trä.</p>" in page.description
        assert page.website == "https://www.hackas-trahus.example"
        contact = ContactPerson.objects.get(organisation=page)
        assert (contact.name, contact.email, contact.publish_name) == (
            "Oskar Lindqvist",
            "oskar@hackas-trahus.example",
            True,
        )
        state = WorkflowState.objects.for_instance(page).get()
        assert state.workflow.name == "Medlemsansökan"
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert ConsentRecord.objects.filter(organisation=page).count() == 3
        secretariat = last_mail_to(settings.SECRETARIAT_EMAIL)
        assert "Ny medlemsansökan: Hackås Trähus AB" in secretariat.subject
        assert f"/admin/pages/{page.pk}/edit/" in secretariat.body
        assert application.contact_email not in secretariat.body  # no personal data
        assert "har kommit till sekretariatet" in last_mail_to(application.contact_email).body

    def test_a_replayed_link_is_refused(self, client, application):
        token = confirmation_token(application)
        client.post(f"/ga-med/ansokan/bekrafta/{token}/")
        for method in (client.get, client.post):
            response = method(f"/ga-med/ansokan/bekrafta/{token}/")
            assert response.status_code == 410
            assert "redan använts" in response.content.decode()
        assert OrganisationPage.objects.filter(title="Hackås Trähus AB").count() == 1

    def test_an_expired_link_is_refused(self, client, application, monkeypatch):
        token = confirmation_token(application)
        later = timezone.now() + datetime.timedelta(days=3, minutes=1)
        monkeypatch.setattr("time.time", lambda: later.timestamp())
        response = client.post(f"/ga-med/ansokan/bekrafta/{token}/")
        assert response.status_code == 410
        assert "gått ut" in response.content.decode()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.UNCONFIRMED

    @pytest.mark.parametrize(
        "mangle",
        [
            lambda signed: signed[:-2] + ("AA" if not signed.endswith("AA") else "BB"),
            lambda signed: signed.replace("application.", "application.9", 1),
            lambda signed: "invitation" + signed[len("application") :],
            lambda signed: "x",
        ],
    )
    def test_a_tampered_link_is_refused(self, client, application, mangle):
        token = retoken(mangle(unpack(confirmation_token(application))))
        response = client.post(f"/ga-med/ansokan/bekrafta/{token}/")
        assert response.status_code in {404, 410}
        assert "Länken går inte att använda" in response.content.decode()
        assert not OrganisationPage.objects.filter(title="Hackås Trähus AB").exists()

    def test_a_number_taken_meanwhile_is_referred_not_crashed(self, client, application, org):
        org.org_number = application.org_number
        org.save()
        response = client.post(f"/ga-med/ansokan/bekrafta/{confirmation_token(application)}/")
        assert response.status_code == 200
        assert "hör av sig" in response.content.decode()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REFERRED
