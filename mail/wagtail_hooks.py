"""The admin's "Skicka igen" route and button for outgoing e-mail (mail.admin_views).

The "Utgående e-post" listing itself is in the "Medlemmar" menu (members.wagtail_hooks).
"""

from django.urls import path
from wagtail import hooks

from mail.admin_views import ResendEmailView, resend_button
from mail.models import OutgoingEmail


@hooks.register("register_admin_urls")
def register_mail_admin_urls():
    return [
        path("e-post/<int:pk>/skicka-igen/", ResendEmailView.as_view(), name="mail_resend_email"),
    ]


@hooks.register("register_snippet_listing_buttons")
def outgoing_email_buttons(snippet, user, next_url=None):
    if isinstance(snippet, OutgoingEmail) and (button := resend_button(snippet, user, priority=90)):
        yield button
