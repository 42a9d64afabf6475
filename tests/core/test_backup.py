"""`make backup` / `make restore`: a dump of a seeded database restores into an empty one,
with the uploaded files, and the site serves its pages from it."""

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.core.live import BASE_DIR, fetch, gunicorn, postgres_url
from tests.factories import StandardPageFactory

BACKUP = BASE_DIR / "scripts" / "backup"


def run_backup(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BACKUP), *args],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


@pytest.fixture
def restored_database(postgres):
    """The name of a database that does not exist yet; dropped afterwards."""
    settings = postgres.settings_dict
    name = f"{settings['NAME']}_restored"
    maintenance = postgres_url(settings, name="postgres")

    def drop():
        with psycopg.connect(maintenance, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    yield postgres_url(settings, name=name)
    drop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_and_serves_the_site(
    postgres, home_page, restored_database, tmp_path
):
    page = StandardPageFactory(parent=home_page, slug="om-radet", title="Om rådet i Jämtland")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "arsplan.txt").write_text("Årsplan 2027\n")
    backups = tmp_path / "backups"
    source = {
        "DATABASE_URL": postgres_url(postgres.settings_dict),
        "MEDIA_ROOT": str(media),
        "BACKUP_DIR": str(backups),
    }

    folder = Path(run_backup(source).stdout.strip().splitlines()[-1])
    assert folder.parent == backups
    assert oct(folder.stat().st_mode & 0o777) == "0o700", "backups hold personal data"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"] == "postgres"
    assert set(manifest["files"]) == {"database.dump", "media.tar.gz"}

    restored_media = tmp_path / "restored-media"
    target = {**source, "DATABASE_URL": restored_database, "MEDIA_ROOT": str(restored_media)}
    run_backup(target, "restore", "--latest")
    assert (restored_media / "documents" / "arsplan.txt").read_text() == "Årsplan 2027\n"

    # Complete: nothing left for migrate to do.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test", **target},
        check=True,
        capture_output=True,
    )
    with gunicorn(target, tmp_path / "site.log") as site:
        served = fetch(site.url(page.url))
        assert served.status == 200
        assert "Om rådet i Jämtland" in served.body
        assert fetch(site.url("/health/")).status == 200

    # Never over a database that has data: restoring again is refused.
    again = run_backup(target, "restore", str(folder), check=False)
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_a_damaged_backup_is_refused(tmp_path):
    folder = tmp_path / "20270101-000000"
    folder.mkdir()
    (folder / "database.sqlite3").write_bytes(b"half a file")
    (folder / "media.tar.gz").write_bytes(b"")
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "database": "sqlite",
                "files": {
                    "database.sqlite3": {"bytes": 100, "sha256": "0" * 64},
                    "media.tar.gz": {"bytes": 0, "sha256": "0" * 64},
                },
            }
        )
    )
    target = tmp_path / "new.sqlite3"
    result = run_backup(
        {"DATABASE_URL": f"sqlite:///{target}", "MEDIA_ROOT": str(tmp_path / "m")},
        "restore",
        str(folder),
        check=False,
    )
    assert result.returncode != 0
    assert "damaged or incomplete" in result.stderr
    assert not target.exists()


def test_the_quick_start_sqlite_database_backs_up_and_restores_too(tmp_path):
    import sqlite3

    source = tmp_path / "db.sqlite3"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE note (text TEXT)")
        conn.execute("INSERT INTO note VALUES ('Årsmöte i Östersund')")
    conn.close()
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "bild.txt").write_text("bild")
    env = {"MEDIA_ROOT": str(tmp_path / "media"), "BACKUP_DIR": str(tmp_path / "backups")}
    run_backup({**env, "DATABASE_URL": f"sqlite:///{source}"})

    target = tmp_path / "restored.sqlite3"
    restored = {**env, "DATABASE_URL": f"sqlite:///{target}", "MEDIA_ROOT": str(tmp_path / "m2")}
    run_backup(restored, "restore", "--latest")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT text FROM note").fetchall() == [("Årsmöte i Östersund",)]
    conn.close()
    assert (tmp_path / "m2" / "bild.txt").read_text() == "bild"
    refused = run_backup(restored, "restore", "--latest", check=False)
    assert refused.returncode != 0 and "restore only into a new database" in refused.stderr
