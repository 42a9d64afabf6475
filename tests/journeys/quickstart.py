"""The site as `make run` starts it, for journeys that need the whole system.

`make run` itself runs, on a fresh SQLite database in a temporary folder: migrate, seed_demo,
then honcho with Procfile.dev's web process, task worker and periodic runner. Mail lands as
.eml files in the quick start's own MAIL_DIR, where a test reads it as a mail program would.
`interrupt()` does what Ctrl-C in the terminal does: SIGINT to make's process group.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from mail.backends import saved_messages, text_of

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "Snöskoter-Vinter-2030"
# What the outer `make test` or pytest put in the environment, which `make run` would
# otherwise take instead of its own defaults.
INHERITED = {
    "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "SITE_URL", "MAIL_DIR", "PORT", "DEBUG",
    "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "FRAGMENT_CACHE_SECONDS", "MEDIA_ROOT",
}  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_tree(root: int) -> dict[int, tuple[str, str]]:
    """Every living descendant of `root`: pid -> (start time, command line)."""
    children: dict[int, list[int]] = {}
    info = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        state, ppid, start = fields[0], int(fields[1]), fields[19]
        if state != "Z":
            children.setdefault(ppid, []).append(int(entry.name))
            info[int(entry.name)] = (start, cmdline)
    tree, todo = {}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            tree[child] = info[child]
            todo.append(child)
    return tree


def still_running(processes: dict[int, tuple[str, str]]) -> list[str]:
    alive = []
    for pid, (start, cmdline) in processes.items():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and fields[19] == start:
            alive.append(f"{pid} {cmdline}")
    return alive


@dataclass
class QuickStart:
    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def mail_dir(self) -> Path:
        return self.folder / "mail"

    @property
    def log(self) -> Path:
        return self.folder / "make-run.log"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self, timeout: float = 600):
        env = {k: v for k, v in os.environ.items() if k not in INHERITED}
        env.update(
            DATABASE_URL=f"sqlite:///{self.folder / 'db.sqlite3'}",
            MEDIA_ROOT=str(self.folder / "media"),
            MAIL_DIR=str(self.mail_dir),
            DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        )
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["make", "run", f"PORT={self.port}"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, as a terminal gives it
            )
        deadline = time.monotonic() + timeout
        while not self.ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"make run did not start:\n{self.output()[-5000:]}")
            time.sleep(1)

    def ready(self) -> bool:
        """The site answers, and the worker and the periodic runner have started."""
        output = self.output()
        if "Starting worker" not in output or "core.periodic: Running" not in output:
            return False
        try:
            with urllib.request.urlopen(self.url("/health/"), timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def processes(self) -> dict[int, tuple[str, str]]:
        return process_tree(self.process.pid)

    def interrupt(self, timeout: float = 60) -> int:
        """Ctrl-C: SIGINT to the foreground process group, make's."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=timeout)

    def stop(self):
        """However the test ended: nothing of it is left running."""
        if self.process is None:
            return
        leftovers = self.processes()
        if self.running:
            with contextlib.suppress(subprocess.TimeoutExpired, ProcessLookupError):
                self.interrupt()
        for line in still_running(leftovers):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(line.split()[0]), signal.SIGKILL)
        if self.running:
            self.process.kill()
            self.process.wait()

    def wait_for_mail(self, to: str, subject: str, timeout: float = 60) -> EmailMessage:
        """The newest delivered message to `to` whose subject contains `subject`."""
        deadline = time.monotonic() + timeout
        while True:
            for _path, message in saved_messages(self.mail_dir) if self.mail_dir.exists() else []:
                if message["To"] == to and subject in message["Subject"]:
                    return message
            if time.monotonic() > deadline:
                raise AssertionError(f"no mail to {to} about {subject!r} in {self.mail_dir}")
            time.sleep(0.5)


def link_in(message: EmailMessage, path_part: str) -> str:
    """The link in the message's text whose address contains `path_part`."""
    for link in re.findall(r"https?://\S+", text_of(message)):
        if path_part in link:
            return link
    raise AssertionError(f"no link with {path_part} in:\n{text_of(message)}")
