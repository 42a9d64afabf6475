"""Run the site's periodic management commands, each at its own interval, until stopped.

What runs is the PERIODIC_COMMANDS setting: a list of (command, seconds), where command is a
management command name, or a list of its name and arguments. For example

    PERIODIC_COMMANDS = [("publish_scheduled", 60), (["purge_contact_messages"], 3600)]

In production this runs in its own container (`python manage.py run_periodic`); with cron,
run `manage.py run_periodic --once` every minute instead. A command that fails is logged and
tried again at its next turn; it never stops the others.
"""

import logging
import shlex
import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

logger = logging.getLogger("core.periodic")


def periodic_commands() -> list[tuple[list[str], int]]:
    commands = []
    for command, interval in getattr(settings, "PERIODIC_COMMANDS", []):
        args = shlex.split(command) if isinstance(command, str) else list(command)
        if not args or int(interval) < 1:
            raise CommandError(f"PERIODIC_COMMANDS: invalid entry {(command, interval)!r}")
        commands.append((args, int(interval)))
    return commands


def release_connections():
    """Drop broken or expired connections between runs, so a database restart heals itself.

    Like Django's close_old_connections(), but never inside a transaction (as in tests),
    where closing would lose it.
    """
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def run_command(args: list[str]) -> bool:
    """Run one command; True when it succeeded. Failures are logged, never raised."""
    release_connections()
    started = time.monotonic()
    try:
        call_command(*args)
    except Exception:
        logger.exception("Periodic command %s failed", " ".join(args))
        return False
    finally:
        release_connections()
    logger.info("Periodic command %s done in %.2f s", " ".join(args), time.monotonic() - started)
    return True


class Command(BaseCommand):
    help = "Kör webbplatsens återkommande kommandon (PERIODIC_COMMANDS) tills den stoppas."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run every command once and exit (for cron). Exits 1 if any failed.",
        )
        parser.add_argument(
            "--duration",
            type=float,
            default=None,
            help="Stop after this many seconds instead of running until stopped.",
        )

    def handle(self, *args, once=False, duration=None, **options):
        commands = periodic_commands()
        if not commands:
            logger.warning("PERIODIC_COMMANDS is empty: nothing to run")
            return
        if once:
            failed = [args for args, _ in commands if not run_command(args)]
            if failed:
                raise CommandError(f"{len(failed)} periodic command(s) failed")
            return

        self.stopping = False

        def stop(signum, frame):
            logger.info("Stopping after the current command (signal %s)", signum)
            self.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        logger.info(
            "Running %s",
            ", ".join(f"{' '.join(a)} every {i} s" for a, i in commands),
        )
        started = time.monotonic()
        deadline = started + duration if duration is not None else None
        due = dict.fromkeys(range(len(commands)), started)
        while not self.stopping:
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                break
            for index, (command_args, interval) in enumerate(commands):
                if self.stopping:
                    break
                if due[index] <= now:
                    run_command(command_args)
                    # The next run is an interval after this one was due (no drift); turns
                    # missed while a slow command ran are skipped, not caught up.
                    due[index] += interval
                    if due[index] <= time.monotonic():
                        due[index] = time.monotonic() + interval
            wake = min(due.values()) if deadline is None else min(*due.values(), deadline)
            # Sleep in short steps so a stop signal is honoured quickly.
            while not self.stopping and (pause := wake - time.monotonic()) > 0:
                time.sleep(min(pause, 1.0))
