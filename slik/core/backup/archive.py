"""The archive: one `.tar.gz` with the database file, the media files and `manifest.json`.

Every file is hashed while it is written into the archive, and checked again after it has been
unpacked for a restore, before anything in the installation is touched.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

from django.utils.translation import gettext as _

from . import BackupError
from .files import HashingReader, atomic_path, is_safe_member, sha256_file
from .manifest import DATABASE_FILES, MANIFEST_NAME, MEDIA_PREFIX, build_manifest, parse_manifest


def media_files(media_root: Path) -> list[tuple[Path, str]]:
    """Regular files under MEDIA_ROOT with their archive names; links are never followed."""
    if not media_root.is_dir():
        return []
    return [
        (path, MEDIA_PREFIX + path.relative_to(media_root).as_posix())
        for path in sorted(media_root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    ]


def _add(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    info = tar.gettarinfo(str(path), arcname=name)
    info.uid, info.gid, info.uname, info.gname = 0, 0, "", ""
    with open(path, "rb") as handle:
        reader = HashingReader(handle)
        tar.addfile(info, reader)
    return {"path": name, "size": reader.size, "sha256": reader.digest.hexdigest()}


def write_archive(
    path: Path,
    *,
    created_at,
    engine: str,
    database_file: Path,
    media_root: Path,
    migrations: dict,
) -> dict:
    """Write the archive to `path` (only complete archives ever appear there); the manifest."""
    with atomic_path(path) as partial, tarfile.open(partial, "w:gz") as tar:
        files = [_add(tar, database_file, DATABASE_FILES[engine])]
        files += [_add(tar, file, name) for file, name in media_files(media_root)]
        manifest = build_manifest(
            created_at=created_at, engine=engine, migrations=migrations, files=files
        )
        raw = _json_bytes(manifest)
        info = tarfile.TarInfo(MANIFEST_NAME)
        info.size, info.mode = len(raw), 0o600
        tar.addfile(info, io.BytesIO(raw))
    return manifest


def _json_bytes(value) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode()


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:*")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(
            _("%(path)s is not a SLIK backup archive: %(error)s") % {"path": path, "error": exc}
        ) from exc


def _check_members(members: list[tarfile.TarInfo], manifest: dict) -> None:
    listed = {entry["path"] for entry in manifest["files"]} | {MANIFEST_NAME}
    names = [member.name for member in members]
    problems = [
        name
        for member, name in zip(members, names, strict=True)
        if not (member.isreg() and is_safe_member(name) and name in listed)
    ]
    problems += sorted(listed - set(names))
    if problems or len(names) != len(set(names)):
        raise BackupError(
            _("The archive does not match its manifest (%(files)s). It was not restored.")
            % {"files": ", ".join(problems[:5]) or _("a file appears twice")}
        )


def _check_checksums(root: Path, manifest: dict) -> None:
    damaged = []
    for entry in manifest["files"]:
        file = root / entry["path"]
        if file.stat().st_size != entry["size"] or sha256_file(file) != entry["sha256"]:
            damaged.append(entry["path"])
    if damaged:
        raise BackupError(
            _(
                "The checksum of %(count)d file(s) in the archive does not match the manifest "
                "(%(files)s): the archive is damaged or was changed. Nothing was restored."
            )
            % {"count": len(damaged), "files": ", ".join(damaged[:5])}
        )


def extract_archive(path: Path, into: Path) -> dict:
    """Unpack the archive into the empty folder `into` and check it; the manifest.

    Refuses an archive with a file the manifest does not list (or lists but lacks), a path
    outside the folder, a link, or any checksum or size that differs.
    """
    with _open(path) as tar:
        try:
            members = tar.getmembers()
            raw = tar.extractfile(MANIFEST_NAME).read()
        except (AttributeError, KeyError, OSError, tarfile.TarError, EOFError) as exc:
            raise BackupError(
                _("%(path)s is not a SLIK backup archive: %(error)s") % {"path": path, "error": exc}
            ) from exc
        manifest = parse_manifest(raw)
        _check_members(members, manifest)
        try:
            tar.extractall(into, members=members, filter="data")
        except (OSError, tarfile.TarError, EOFError) as exc:
            raise BackupError(
                _("The archive could not be unpacked: %(error)s") % {"error": exc}
            ) from exc
    _check_checksums(into, manifest)
    return manifest
