"""Background tasks (Django's task framework; the database backend in production)."""

from django.tasks import task

# Someone is waiting for this message (a confirmation link, a password link): it goes ahead of
# bulk work such as the hundreds of search and reference index updates an import or the demo
# seed queues.
EMAIL_PRIORITY = 50


@task(priority=EMAIL_PRIORITY)
def deliver_email(email_id: int) -> str:
    from members.mail import deliver

    return deliver(email_id)
