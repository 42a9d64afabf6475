"""Members log in with their e-mail address (Min organisation), staff with their username
(the Wagtail admin). The two never mix: this backend only answers `member_email=`
credentials, which only the member login form passes, and only for member accounts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from members.accounts import find_member


class MemberEmailBackend(ModelBackend):
    def authenticate(self, request, member_email=None, password=None):
        if not member_email or password is None:
            return None
        user = find_member(member_email)  # as the rate limits count it (accounts.email_key)
        if user is None:
            # Hash anyway, so a missing account takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
