"""compose.yaml runs in production what `make run` runs in development, and every command,
file and setting it names exists in the project. Docker itself is not needed to check that."""

import importlib.util
import re
import shlex
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

from config.env import VARIABLES

BASE_DIR = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((BASE_DIR / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = sorted(name for name, service in SERVICES.items() if service.get("build") == ".")


def procfile() -> dict[str, list[str]]:
    processes = {}
    for line in (BASE_DIR / "Procfile.dev").read_text().splitlines():
        if match := re.match(r"^([A-Za-z0-9_-]+):\s*(.+)$", line):
            processes[match[1]] = shlex.split(match[2])
    return processes


def manage_command(args: list[str]) -> str | None:
    return args[2] if args[:2] == ["python", "manage.py"] else None


def host_path(service: dict, container_path: str) -> Path | None:
    """Where a path inside the container comes from on the host, through a bind mount."""
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        if source.startswith(".") and (
            container_path == target or container_path.startswith(target + "/")
        ):
            return BASE_DIR / source / container_path[len(target) :].lstrip("/")
    return None


def test_production_runs_the_processes_of_make_run_and_what_they_need():
    assert {"web", "worker", "periodic", "migrate", "varnish", "db", "redis"} <= set(SERVICES)
    assert {"web", "worker", "periodic", "migrate"} <= set(APP_SERVICES)
    # The worker and the periodic runner run the same commands as in development.
    development = procfile()
    assert set(development) == {"web", "worker", "periodic"}
    for name in ("worker", "periodic"):
        assert manage_command(SERVICES[name]["command"]) == manage_command(development[name])
    assert manage_command(development["web"]) == "runserver"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_every_app_command_exists(name):
    command = SERVICES[name]["command"]
    if command[0] == "gunicorn":
        assert importlib.util.find_spec(command[1]) is not None, command
        config = command[command.index("-c") + 1]
        assert (BASE_DIR / config).is_file(), config
    else:
        assert manage_command(command) in get_commands(), command
    assert (BASE_DIR / "Dockerfile").is_file()


@pytest.mark.parametrize("name", APP_SERVICES)
def test_every_setting_given_to_the_app_is_declared(name):
    undeclared = set(SERVICES[name].get("environment", {})) - set(VARIABLES)
    assert not undeclared, f"not in config/env.py: {undeclared}"


def test_the_processes_start_after_the_release_step():
    assert manage_command(SERVICES["migrate"]["command"]) == "migrate"
    assert SERVICES["migrate"]["restart"] == "no"
    for name in ("web", "worker", "periodic"):
        assert SERVICES[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_varnish_uses_the_projects_vcl_and_reaches_the_web_service():
    varnish = SERVICES["varnish"]
    args = varnish["command"]
    assert args[0] == "varnishd"
    vcl = host_path(varnish, args[args.index("-f") + 1])
    assert vcl is not None and vcl.is_file(), vcl
    params = dict(args[i + 1].split("=", 1) for i, arg in enumerate(args) if arg == "-p")
    vcl_path = [host_path(varnish, folder) for folder in params["vcl_path"].split(":")]
    assert all(folder is not None and folder.is_dir() for folder in vcl_path), vcl_path
    for include in re.findall(r'^include "([^"]+)";', vcl.read_text(), flags=re.MULTILINE):
        found = next(folder / include for folder in vcl_path if (folder / include).is_file())
        if include == "backend.vcl":
            backend = found.read_text()
            assert '.host = "web";' in backend and '.port = "8000";' in backend
            for publisher in ("web", "worker", "periodic"):
                assert f'("{publisher}");' in backend
    assert SERVICES["web"]["environment"]["FRONTEND_CACHE_URL"] == "http://varnish:80"


def test_the_database_image_and_readme_exist():
    assert (BASE_DIR / SERVICES["db"]["build"] / "Dockerfile").is_file()
    readme = (BASE_DIR / "README.md").read_text()
    deployment = readme[readme.index("## Deployment") :]
    assert "docker compose up" in deployment and "compose.yaml" in deployment
