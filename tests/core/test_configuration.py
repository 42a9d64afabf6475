import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import env
from config.mail import mailers_from_url

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 64 + "-production-like-random-key-for-the-check",
    "ALLOWED_HOSTS": "klimatradet.example",
    "DATABASE_URL": "sqlite:////tmp/check-deploy.sqlite3",
    "SITE_URL": "https://klimatradet.example",
}


def run_manage(*args, env_vars):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env_vars,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_reports_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_vars=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"])
def test_production_refuses_to_start_without_a_security_critical_variable(missing):
    env_vars = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env_vars=env_vars)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


def test_environment_helpers_reject_malformed_values(monkeypatch):
    monkeypatch.setenv("DEBUG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be 1 or 0"):
        env.get_bool("DEBUG", False)
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env.get_int("DATABASE_CONN_MAX_AGE", 0)
    with pytest.raises(ImproperlyConfigured, match="not declared"):
        env.get_str("UNDECLARED_VARIABLE")


def test_email_url_becomes_a_mailer():
    mailers = mailers_from_url("smtp://user%40x.se:p%40ss@mail.example:587?tls=1")
    options = mailers["default"]["OPTIONS"]
    assert mailers["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert options == {
        "host": "mail.example",
        "port": 587,
        "timeout": 10,
        "username": "user@x.se",
        "password": "p@ss",
        "use_tls": True,
    }
    assert mailers_from_url("smtps://mail.example")["default"]["OPTIONS"]["use_ssl"] is True
    assert mailers_from_url("console:")["default"]["BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured):
        mailers_from_url("carrier-pigeon://loft")


def test_readme_configuration_table_lists_every_variable():
    readme = (BASE_DIR / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", readme, flags=re.MULTILINE))
    assert documented == set(env.VARIABLES), (
        "README's configuration table is out of date: run `manage.py env_table`"
    )
