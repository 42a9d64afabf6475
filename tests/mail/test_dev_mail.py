"""Mail in the quick start: every message readable as an .eml file, and never stuck behind
the hundreds of index updates a seed or an import queues."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from config.mail import development_mailers
from mail import outbox
from mail.backends import read_message, text_of
from mail.models import EmailStatus, OutgoingEmail

LINK = "http://127.0.0.1:8000/min-organisation/losenord/MQ/cdf-0123456789abcdef/"


@pytest.mark.django_db
def test_every_message_lands_as_an_eml_file_with_its_link(settings, tmp_path):
    folder = tmp_path / "mail"
    settings.MAILERS = development_mailers(folder)
    stored = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context={"user": None, "link": LINK}
    )
    [path] = folder.glob("*.eml")
    assert path.name.endswith("-valj-losenord-for-min-organisation.eml")
    message = read_message(path)
    assert message["To"] == "anna@example.se"
    assert message["Subject"] == "Välj lösenord för Min organisation"
    assert LINK in text_of(message)
    stored.refresh_from_db()
    assert stored.status == EmailStatus.SENT

    # In a terminal: the newest message to an address, its link whole.
    settings.MAIL_DIR = str(folder)
    outbox.queue_email("members/email/password_reset", to="bo@example.se", context={"link": "x"})
    out = io.StringIO()
    call_command("read_mail", "--to", "anna@example.se", stdout=out)
    assert "Subject: Välj lösenord för Min organisation" in out.getvalue()
    assert LINK in out.getvalue().splitlines()


@pytest.mark.django_db
def test_email_url_still_delivers_and_names_never_collide(settings, tmp_path):
    folder = tmp_path / "mail"
    settings.MAILERS = development_mailers(folder, "locmem:")
    for _ in range(3):
        outbox.queue_email(
            "members/email/password_reset",
            to="anna@example.se",
            context={"user": None, "link": LINK},
        )
    assert len(mail.outbox) == 3
    assert len(set(folder.glob("*.eml"))) == 3


# The worker commits and closes connections: outside the test transaction, with the data
# migrations' rows restored afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_goes_ahead_of_queued_index_updates(settings, tmp_path):
    from django_tasks_db.models import DBTaskResult
    from modelsearch.tasks import insert_or_update_object_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = development_mailers(tmp_path / "mail")
    for _ in range(5):  # what a seed or an import leaves, hundreds of times over
        insert_or_update_object_task.enqueue("wagtailcore", "page", "1")
    stored = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context={"user": None, "link": LINK}
    )

    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1")

    assert OutgoingEmail.objects.get(pk=stored.pk).status == EmailStatus.SENT
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
    index_updates = DBTaskResult.objects.filter(
        task_path="modelsearch.tasks.insert_or_update_object_task"
    )
    assert index_updates.filter(status="READY").count() == 5, "they wait their turn"
