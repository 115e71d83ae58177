"""Backup, restore and Django's own dumpdata."""

import hashlib
import json
import tarfile
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.core.serializers.json import Serializer as JsonSerializer
from django.db import connection
from django.utils import translation
from django_scopes import scope
from django_tasks_db.models import DBTaskResult

from slik.accounts.models import User
from slik.cases.models import Case
from slik.challenges.models import Challenge, CriterionScore
from slik.challenges.services import challenge_create
from slik.core.models import AuditEvent
from slik.organisations.models import Sector

from .backup_helpers import (
    backup_probe,
    postgres_conninfo,
    postgres_create,
    postgres_drop,
    postgres_fingerprint,
    rewrite_archive,
    sqlite_fingerprint,
)


@pytest.fixture
def floke(org, coordinator):
    with scope(organisation=org.pk):
        return challenge_create(
            actor=coordinator,
            organisation=org,
            title="Ensomhet blant eldre",
            sectors=Sector.objects.filter(organisation=org)[:2],
        )


def test_dumpdata_writes_tenant_rows_without_a_scope_error(floke, tmp_path):
    out = tmp_path / "dump.json"
    call_command("dumpdata", output=str(out), verbosity=0)
    rows = json.loads(out.read_text())
    titles = [row["fields"].get("title") for row in rows if row["model"] == "challenges.challenge"]
    assert titles == ["Ensomhet blant eldre"]


def test_dumpdata_that_fails_leaves_no_file_and_keeps_an_earlier_one(floke, tmp_path, monkeypatch):
    out = tmp_path / "dump.json"
    out.write_text("the dump of yesterday")

    def fail(self, obj, field):
        if obj._meta.label == "challenges.Challenge":
            raise RuntimeError("disk full")
        return original(self, obj, field)

    original = JsonSerializer.handle_field
    monkeypatch.setattr(JsonSerializer, "handle_field", fail)
    with pytest.raises(CommandError, match="disk full"):
        call_command("dumpdata", output=str(out), verbosity=0)
    assert out.read_text() == "the dump of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["dump.json"]


def test_loaddata_brings_back_tenant_rows_with_their_many_to_many_values(floke, org, tmp_path):
    out = tmp_path / "floker.json"
    call_command("dumpdata", "challenges.challenge", output=str(out), verbosity=0)
    pk = floke.pk
    with scope(organisation=org.pk):
        sectors = set(floke.sectors.values_list("name", flat=True))
        floke.delete()
    call_command("loaddata", str(out), verbosity=0)
    with scope(organisation=org.pk):
        restored = Challenge.objects.get(pk=pk)
        assert set(restored.sectors.values_list("name", flat=True)) == sectors
    assert len(sectors) == 2


# --- backup and restore --------------------------------------------------------------------------


def _source_fingerprint() -> dict:
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return sqlite_fingerprint(settings_dict["NAME"])
    return postgres_fingerprint(postgres_conninfo(settings_dict))


@pytest.fixture
def scratch_database(tmp_path):
    """A database of the same engine to restore into: (URL, its fingerprint)."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite_fingerprint(str(path))
        return
    info = postgres_conninfo(settings_dict)
    name = f"{settings_dict['NAME']}_restore"
    postgres_create(info, name)
    user = quote(info.get("user", ""))
    password = f":{quote(info['password'])}" if info.get("password") else ""
    host, port = info.get("host", "localhost"), info.get("port", 5432)
    try:
        yield (
            f"postgres://{user}{password}@{host}:{port}/{name}",
            lambda: postgres_fingerprint({**info, "dbname": name}),
        )
    finally:
        postgres_drop(info, name)


@pytest.fixture
def demo(settings, tmp_path):
    """The real demo, committed (pg_dump reads it through its own connection), with a
    signed-in session and a queued task so that every kind of table holds rows."""
    settings.SLIK_DEMO = True
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    session = SessionStore()
    session["_auth_user_id"] = str(User.objects.get(email="leder@hvaler.demo.slik.no").pk)
    session.create()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    backup_probe.enqueue()


def _manifest(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_the_demo_table_by_table(
    demo, settings, tmp_path, scratch_database
):
    url, restored_fingerprint = scratch_database
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=StringIO())
    restored_media = tmp_path / "restored-media"
    call_command(
        "restore",
        str(archive),
        yes=True,
        database_url=url,
        media_root=restored_media,
        stdout=StringIO(),
    )

    source = _source_fingerprint()
    assert restored_fingerprint() == source
    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    assert tables <= set(source)
    for model in (User, Permission, Session, DBTaskResult, Case, CriterionScore, AuditEvent):
        assert source[model._meta.db_table][0] > 0, model
    media = _files(settings.MEDIA_ROOT)
    assert any(name.endswith(".pdf") for name in media)
    assert _files(restored_media) == media

    manifest = _manifest(archive)
    assert (
        manifest["database"]["engine"]
        == {"sqlite": "sqlite", "postgresql": "postgresql"}[connection.vendor]
    )
    assert "0001_initial" in manifest["migrations"]["cases"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    for name, data in media.items():
        assert listed[f"media/{name}"]["sha256"] == hashlib.sha256(data).hexdigest()


@pytest.fixture
def small_installation(floke, settings, tmp_path):
    """A floke and a report file, committed, backed up: (archive, floke title)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    report = settings.MEDIA_ROOT / "reports" / "2026" / "11" / "rapport.pdf"
    report.parent.mkdir(parents=True)
    report.write_bytes(b"%PDF-1.7 the council report")
    archive = tmp_path / "backups" / "backup.tar.gz"
    archive.parent.mkdir()
    call_command("backup", output=archive, stdout=StringIO())
    return archive


def _titles(org) -> list[str]:
    with scope(organisation=org.pk):
        return sorted(Challenge.objects.values_list("title", flat=True))


def _restore(archive, **options):
    with translation.override("en"):
        call_command("restore", str(archive), stdout=StringIO(), **options)


@pytest.mark.django_db(transaction=True)
def test_restore_replaces_the_live_database_and_media_files(
    small_installation, org, coordinator, settings
):
    with scope(organisation=org.pk):
        Challenge.objects.update(title="Changed after the backup")
        challenge_create(actor=coordinator, organisation=org, title="Made after the backup")
    report = settings.MEDIA_ROOT / "reports" / "2026" / "11" / "rapport.pdf"
    report.write_bytes(b"overwritten")
    (settings.MEDIA_ROOT / "stray.txt").write_text("not in the backup")

    _restore(small_installation, yes=True)

    assert _titles(org) == ["Ensomhet blant eldre"]
    assert _files(settings.MEDIA_ROOT) == {
        "reports/2026/11/rapport.pdf": b"%PDF-1.7 the council report"
    }
    assert [p.name for p in settings.MEDIA_ROOT.parent.iterdir() if p.name.startswith(".")] == []


def _tamper_report(name, data):
    if name and name.endswith("rapport.pdf"):
        return name, data.replace(b"council", b"forged!")
    return None if name is None else (name, data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_tamper_report, "checksum"),
        (lambda n, d: (n, d) if n else ("../../escape.txt", b"x"), "does not match its manifest"),
        (
            lambda n, d: None if n and n.startswith("database/") else (n, d) if n else None,
            "does not match its manifest",
        ),
    ],
    ids=["changed_file", "file_outside_the_manifest", "missing_database"],
)
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_tampered_archive_and_changes_nothing(
    small_installation, org, coordinator, settings, change, message
):
    rewrite_archive(small_installation, change)
    with scope(organisation=org.pk):
        Challenge.objects.update(title="Kept")
    before = _files(settings.MEDIA_ROOT)
    with pytest.raises(CommandError, match=message):
        _restore(small_installation, yes=True)
    assert _titles(org) == ["Kept"]
    assert _files(settings.MEDIA_ROOT) == before
    assert not (settings.MEDIA_ROOT.parent.parent / "escape.txt").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_of_another_engine(small_installation, tmp_path):
    other = (
        "postgres://nobody@127.0.0.1:9/none"
        if connection.vendor == "sqlite"
        else f"sqlite:///{tmp_path / 'other.sqlite3'}"
    )
    with pytest.raises(CommandError, match="but the target is"):
        _restore(small_installation, yes=True, database_url=other)
    assert not (tmp_path / "other.sqlite3").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_made_by_newer_code(small_installation, org):
    def add_migration(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["migrations"]["cases"].append("9999_from_the_future")
            return name, json.dumps(manifest).encode()
        return None if name is None else (name, data)

    rewrite_archive(small_installation, add_migration)
    with pytest.raises(CommandError, match="cases.9999_from_the_future"):
        _restore(small_installation, yes=True)


@pytest.mark.django_db(transaction=True)
def test_restore_asks_first_and_a_no_changes_nothing(small_installation, org, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with scope(organisation=org.pk):
        Challenge.objects.update(title="Kept")
    with pytest.raises(CommandError, match="cancelled"):
        _restore(small_installation)
    assert _titles(org) == ["Kept"]


@pytest.mark.django_db(transaction=True)
def test_restore_without_a_terminal_needs_yes(small_installation, org, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="--yes"):
        _restore(small_installation)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_postgresql_target_with_tables_the_backup_lacks(small_installation, org):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's backup API replaces the whole file")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE leftover_from_a_newer_schema (id integer)")
    try:
        with pytest.raises(CommandError, match="leftover_from_a_newer_schema"):
            _restore(small_installation, yes=True)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE leftover_from_a_newer_schema")
