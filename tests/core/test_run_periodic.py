"""manage.py run_periodic: the scheduler that runs publish_scheduled and later commands."""

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.management.commands.run_periodic import periodic_commands


def test_default_settings_publish_scheduled_pages_every_minute(settings):
    assert ("publish_scheduled", 60) in settings.PERIODIC_COMMANDS
    assert (["publish_scheduled"], 60) in periodic_commands()


def test_commands_may_carry_arguments(settings):
    settings.PERIODIC_COMMANDS = [("check --deploy", 10), (["check", "--tag", "urls"], 5)]
    assert periodic_commands() == [(["check", "--deploy"], 10), (["check", "--tag", "urls"], 5)]


def test_invalid_entries_are_refused(settings):
    settings.PERIODIC_COMMANDS = [("", 60)]
    with pytest.raises(CommandError):
        periodic_commands()


@pytest.mark.django_db
def test_once_runs_every_command_and_logs_it(settings, caplog):
    settings.PERIODIC_COMMANDS = [("publish_scheduled", 60), ("check", 3600)]
    with caplog.at_level(logging.INFO, logger="core.periodic"):
        call_command("run_periodic", "--once")
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("Periodic command publish_scheduled done") for m in messages)
    assert any(m.startswith("Periodic command check done") for m in messages)


@pytest.mark.django_db
def test_a_failing_command_is_logged_and_the_others_still_run(settings, caplog):
    settings.PERIODIC_COMMANDS = [("no_such_command", 60), ("publish_scheduled", 60)]
    with caplog.at_level(logging.INFO, logger="core.periodic"), pytest.raises(CommandError):
        call_command("run_periodic", "--once")
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "no_such_command failed" in failures[0].getMessage()
    assert any("publish_scheduled done" in r.getMessage() for r in caplog.records)


# serialized_rollback: flushing without it re-creates content types under new ids, and a
# later serialized test then fails to restore its own (duplicate key).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_loop_survives_failures_and_repeats_commands_at_their_interval(settings, caplog):
    settings.PERIODIC_COMMANDS = [("no_such_command", 1), ("publish_scheduled", 1)]
    with caplog.at_level(logging.INFO, logger="core.periodic"):
        call_command("run_periodic", "--duration", "1.6")
    done = [r for r in caplog.records if "publish_scheduled done" in r.getMessage()]
    failed = [r for r in caplog.records if "no_such_command failed" in r.getMessage()]
    assert len(done) == 2, "runs at once and again a second later"
    assert len(failed) == 2
