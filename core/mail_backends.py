"""Development mail: every message the site sends is also saved as an `.eml` file.

In `make run` no mail server is needed to follow a membership application: the
confirmation, welcome and password links are in `var/mail/` (MAIL_DIR), one file per
message, named by time and subject, readable in any mail program or text editor. Each saved
message is logged with its path, so the `make run` terminal says where it went. When
EMAIL_URL is set as well, the message is then handed to that mailer too (config/mail.py).
"""

import datetime
import logging
from pathlib import Path

from django.core.mail import mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.text import slugify

logger = logging.getLogger("core.mail")


class MailFolderBackend(BaseEmailBackend):
    """MAILERS backend: OPTIONS `folder` (created when missing) and optionally `forward_to`,
    the alias of another mailer that then sends the same messages."""

    def __init__(self, *, folder, forward_to=None, **kwargs):
        super().__init__(**kwargs)
        self.folder = Path(folder)
        self.forward_to = forward_to

    def send_messages(self, email_messages):
        messages = [message for message in email_messages if message.recipients()]
        if not messages:
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        for message in messages:
            path = self.save(message)
            logger.info(
                "E-post till %s sparad i %s", ", ".join(message.recipients()), path.resolve()
            )
        if self.forward_to:
            return mailers[self.forward_to].send_messages(messages)
        return len(messages)

    def save(self, message) -> Path:
        """Write one message as it would go over the wire; names sort by time."""
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        name = f"{stamp}-{slugify(message.subject)[:60] or 'e-post'}"
        content = message.message().as_bytes()
        for suffix in ["", *(f"-{n}" for n in range(2, 100))]:
            path = self.folder / f"{name}{suffix}.eml"
            try:
                with path.open("xb") as file:
                    file.write(content)
            except FileExistsError:
                continue
            return path
        raise FileExistsError(f"No free file name for {name}.eml in {self.folder}")
