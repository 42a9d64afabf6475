"""The site's outgoing e-mail: rendered from templates, stored, sent by a background task.

The API, for any app that mails someone:

    queue_email("members/email/contact_message", to="kim@example.se", context={...},
                reply_to=("Kim", "kim@example.se"), recipient_only=True)

renders `<template>_subject.txt` and `<template>.txt` (plain text, in Swedish) and
`<template>.html`, or the text in the shared layout mail/base.html when there is none;
the context also holds `site_url`, `site_name` and `secretariat_email`. It stores an
OutgoingEmail row and enqueues `deliver_email` in the same transaction (the database
task backend writes its task row in that transaction too, so a rolled-back request sends
nothing). `reply_to` is (name, address); `organisation` links the message to the
organisation it is about (shown in its data export, deleted with it); `recipient_only`
hides the text from staff (a relayed message, a sign-in link).
`notify_secretariat(template, context=..., page=...)` mails SECRETARIAT_EMAIL about a page.

A failed send is retried after 1, 4, 16, 64 and 256 minutes; after MAX_ATTEMPTS the row
is marked failed and an error is logged. `manage.py send_queued_email` (run every minute
by run_periodic) picks up retries when the task backend cannot schedule them, and rows a
crashed worker left behind. `resend` is the admin's "Skicka igen".
"""

import datetime
import logging
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.tasks import task, task_backends
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from mail.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
FIRST_RETRY = datetime.timedelta(minutes=1)
# A row still "sending" after this long belongs to a worker that died mid-send.
STALE_CLAIM = datetime.timedelta(minutes=15)
# A due row whose task should have run this long ago is picked up by send_queued_email.
OVERDUE = datetime.timedelta(minutes=5)
# The template engine without HTML escaping (config/settings/base.py TEMPLATES).
TEXT_TEMPLATES = "text"
# Someone is waiting for this message (a confirmation link, a password link): it goes ahead of
# bulk work such as the hundreds of search and reference index updates an import or the demo
# seed queues.
EMAIL_PRIORITY = 50


def retry_delay(attempts: int) -> datetime.timedelta:
    """Pause after the `attempts`-th failure: 1, 4, 16, 64, 256 minutes."""
    return FIRST_RETRY * (4 ** (attempts - 1))


def site_context() -> dict:
    return {
        "site_url": settings.SITE_URL,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "secretariat_email": settings.SECRETARIAT_EMAIL,
    }


def one_line(text: str) -> str:
    """Whitespace, line breaks included, collapsed to single spaces: safe for a header."""
    return " ".join(str(text).split())


def render_email(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, plain text and HTML. Each message has a subject and a text template; the
    HTML part is the text in the shared layout (mail/base.html), unless the
    message has an HTML template of its own.

    Subject and text are plain text, rendered by the TEXT_TEMPLATES engine (no HTML
    escaping: "&" stays "&"); the subject is one line whatever the names in it hold. The
    HTML part gets them as plain strings, so it escapes them as any other value.
    """
    context = {**site_context(), **context}
    with translation.override("sv"):
        subject = one_line(
            render_to_string(f"{template}_subject.txt", context, using=TEXT_TEMPLATES)
        )
        text = render_to_string(f"{template}.txt", context, using=TEXT_TEMPLATES)
        text = text.strip() + "\n"  # strip() also drops the "safe" mark: HTML escapes it
        html = render_to_string(
            [f"{template}.html", "mail/base.html"],
            {**context, "subject": subject, "body_text": text},
        )
    return subject, text, html


def queue_email(
    template: str,
    *,
    to: str,
    context: dict,
    reply_to: tuple[str, str] | None = None,
    organisation=None,
    recipient_only: bool = False,
) -> OutgoingEmail:
    """Store the rendered message and enqueue its delivery (see the module docstring)."""
    subject, text, html = render_email(template, context)
    with transaction.atomic():
        email = OutgoingEmail.objects.create(
            template=template,
            recipient_only=recipient_only,
            to=to,
            reply_to=formataddr((one_line(reply_to[0]), reply_to[1])) if reply_to else "",
            subject=subject,
            body_text=text,
            body_html=html,
            organisation=organisation,
            next_attempt_at=timezone.now(),
        )
        enqueue_delivery(email.pk)
    return email


def resend(email: OutgoingEmail) -> OutgoingEmail:
    """ "Skicka igen" in the admin: a failed or waiting message is sent now with a fresh set
    of attempts; a sent one goes out again as a new message, so the record of the first
    stays as it was. Returns the message that will be sent."""
    now = timezone.now()
    with transaction.atomic():
        if email.status == EmailStatus.SENT:
            copy = OutgoingEmail.objects.create(
                template=email.template,
                recipient_only=email.recipient_only,
                to=email.to,
                reply_to=email.reply_to,
                subject=email.subject,
                body_text=email.body_text,
                body_html=email.body_html,
                organisation_id=email.organisation_id,
                next_attempt_at=now,
            )
            enqueue_delivery(copy.pk)
            return copy
        waiting = OutgoingEmail.objects.filter(
            pk=email.pk, status__in=[EmailStatus.FAILED, EmailStatus.PENDING]
        ).update(status=EmailStatus.PENDING, attempts=0, last_error="", next_attempt_at=now)
        if waiting:
            enqueue_delivery(email.pk)
    return email


def admin_edit_url(page) -> str:
    return settings.SITE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])


def notify_secretariat(template: str, *, context: dict, page=None) -> OutgoingEmail:
    """A message to SECRETARIAT_EMAIL; about a page, it gets `page` and its `admin_url`.

    Such messages name organisations and link to the admin, never personal data.
    """
    if page is not None:
        context = {"page": page, "admin_url": admin_edit_url(page), **context}
    return queue_email(template, to=settings.SECRETARIAT_EMAIL, context=context, organisation=page)


def enqueue_delivery(email_id: int, run_after: datetime.datetime | None = None) -> None:
    delivery = deliver_email
    if run_after is not None:
        if not task_backends[delivery.backend].supports_defer:
            return  # send_queued_email picks it up when it is due
        delivery = delivery.using(run_after=run_after)
    delivery.enqueue(email_id)


def build_message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def deliver(email_id: int) -> str:
    """Send one stored e-mail if it is due; returns its status afterwards.

    The row is claimed with a conditional UPDATE, so two workers (or a task and the
    periodic sweep) never send the same message twice.
    """
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=email_id, status=EmailStatus.PENDING, next_attempt_at__lte=now
    ).update(status=EmailStatus.SENDING, claimed_at=now)
    if not claimed:
        row = OutgoingEmail.objects.filter(pk=email_id).values_list("status", flat=True).first()
        return row or "missing"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        build_message(email).send(using="default")
    except Exception as error:  # any failure of the mail backend: retry later
        return record_failure(email, error)
    email.status = EmailStatus.SENT
    email.attempts += 1
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["status", "attempts", "sent_at", "last_error"])
    return email.status


@task(priority=EMAIL_PRIORITY)
def deliver_email(email_id: int) -> str:
    """The background task: `deliver` one stored e-mail."""
    return deliver(email_id)


def record_failure(email: OutgoingEmail, error: Exception) -> str:
    email.attempts += 1
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if email.attempts >= MAX_ATTEMPTS:
        email.status = EmailStatus.FAILED
        email.next_attempt_at = None
        email.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
        logger.error(
            "E-mail %s (%s) could not be sent after %s attempts, giving up: %s",
            email.pk,
            email.template,
            email.attempts,
            email.last_error,
        )
        return email.status
    email.status = EmailStatus.PENDING
    email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    email.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
    logger.warning(
        "E-mail %s (%s) failed (attempt %s of %s), retrying at %s: %s",
        email.pk,
        email.template,
        email.attempts,
        MAX_ATTEMPTS,
        email.next_attempt_at.isoformat(),
        email.last_error,
    )
    enqueue_delivery(email.pk, run_after=email.next_attempt_at)
    return email.status


def send_due(retry_failed: bool = False) -> int:
    """Deliver what is due and not in flight; returns how many were attempted.

    With `retry_failed`, messages that used up their attempts get a fresh set.
    """
    now = timezone.now()
    # Rows a worker claimed long ago and never finished: that worker died mid-send.
    picked = list(
        OutgoingEmail.objects.filter(
            status=EmailStatus.SENDING, claimed_at__lt=now - STALE_CLAIM
        ).values_list("pk", flat=True)
    )
    if retry_failed:
        failed = list(OutgoingEmail.objects.failed().values_list("pk", flat=True))
        OutgoingEmail.objects.filter(pk__in=failed).update(attempts=0, last_error="")
        picked += failed
    OutgoingEmail.objects.filter(pk__in=picked).update(
        status=EmailStatus.PENDING, next_attempt_at=now
    )
    # First attempts belong to their task; only those overdue (a lost task) are taken here.
    due = OutgoingEmail.objects.filter(status=EmailStatus.PENDING).filter(
        Q(next_attempt_at__lte=now - OVERDUE)
        | Q(next_attempt_at__lte=now, attempts__gt=0)
        | Q(pk__in=picked)
    )
    count = 0
    for email_id in due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:500]:
        deliver(email_id)
        count += 1
    return count
