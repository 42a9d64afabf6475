"""Background tasks (Django's task framework; the database backend in production)."""

from django.tasks import task


@task()
def deliver_email(email_id: int) -> str:
    from members.mail import deliver

    return deliver(email_id)
