"""Development mail: every message the site sends is also saved as an `.eml` file.

In `make run` no mail server is needed to follow a membership application: the
confirmation, welcome and password links are in `var/mail/` (MAIL_DIR), one file per
message, named by time and subject, readable in any mail program or text editor. Each saved
message is logged with its path, so the `make run` terminal says where it went, and
`manage.py read_mail` prints the newest ones decoded. When EMAIL_URL is set as well, the
message is then handed to that mailer too (config/mail.py).
"""

import datetime
import email
import logging
from email import policy
from email.message import EmailMessage
from pathlib import Path

from django.core.mail import mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.text import slugify

logger = logging.getLogger(__name__)


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


def saved_messages(folder) -> list[tuple[Path, EmailMessage]]:
    """The messages saved in `folder`, newest first."""
    paths = sorted(Path(folder).glob("*.eml"), reverse=True)
    return [(path, read_message(path)) for path in paths]


def read_message(path) -> EmailMessage:
    return email.message_from_bytes(Path(path).read_bytes(), policy=policy.default)


def text_of(message: EmailMessage) -> str:
    """The plain-text part, decoded: links whole, as a mail program shows them."""
    body = message.get_body(("plain",))
    return body.get_content() if body is not None else ""
