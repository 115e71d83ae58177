"""File helpers of the backup: write-then-rename, checksums and safe archive paths."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

CHUNK = 1024 * 1024


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; move it onto `target` only when the block ends
    without an exception.

    A dump or archive that fails half-way then never leaves a truncated file, and an earlier file
    at `target` stays as it was. The temporary name keeps the target's last suffix because
    dumpdata chooses its compression from it. The file is private to its owner (0600): it holds
    every organisation's data.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=f".partial{target.suffix}"
    )
    os.close(fd)
    partial = Path(name)
    try:
        yield partial
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class HashingReader:
    """A file wrapper that hashes what is read, so a file is checksummed as it is archived
    (a file changed between hashing and archiving cannot slip through)."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def is_safe_member(name: str) -> bool:
    """A relative path inside the archive: no absolute path, no `..`, no empty part."""
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and "\\" not in name
        and all(part not in ("", ".", "..") for part in name.split("/"))
    )
