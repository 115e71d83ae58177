"""`manifest.json`: what a backup holds and how to check it.

{"format": 1, "created_at": "…", "slik": {"version": "0.1.0", "commit": "…"},
 "django": "5.2.19", "database": {"engine": "sqlite", "file": "database/slik.sqlite3"},
 "migrations": {"cases": ["0001_initial", …], …},
 "files": [{"path": "media/reports/…", "size": 1234, "sha256": "…"}, …]}
"""

from __future__ import annotations

import json
import subprocess
import tomllib

import django
from django.conf import settings
from django.utils.translation import gettext as _

from . import BackupError

FORMAT = 1
MANIFEST_NAME = "manifest.json"
DATABASE_FILES = {"sqlite": "database/slik.sqlite3", "postgresql": "database/slik.pgdump"}
MEDIA_PREFIX = "media/"


def _version() -> str | None:
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return None


def _commit() -> str | None:
    """The git commit of the running code, when it runs from a checkout."""
    try:
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def build_manifest(
    *, created_at, engine: str, migrations: dict[str, list[str]], files: list[dict]
) -> dict:
    return {
        "format": FORMAT,
        "created_at": created_at.isoformat(),
        "slik": {"version": _version(), "commit": _commit()},
        "django": django.get_version(),
        "database": {"engine": engine, "file": DATABASE_FILES[engine]},
        "migrations": migrations,
        "files": files,
    }


def _invalid(reason: str) -> BackupError:
    return BackupError(_("The backup's manifest is not valid: %(reason)s") % {"reason": reason})


def parse_manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _invalid(str(exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _invalid(_("unknown format"))
    engine = (manifest.get("database") or {}).get("engine")
    if engine not in DATABASE_FILES or manifest["database"].get("file") != DATABASE_FILES[engine]:
        raise _invalid(_("unknown database engine"))
    files = manifest.get("files")
    if not isinstance(files, list) or not all(_is_entry(entry) for entry in files):
        raise _invalid(_("the file list is damaged"))
    if DATABASE_FILES[engine] not in {entry["path"] for entry in files}:
        raise _invalid(_("the database file is missing from the file list"))
    if not isinstance(manifest.get("migrations"), dict):
        raise _invalid(_("the migration state is missing"))
    return manifest


def _is_entry(entry) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
    )
