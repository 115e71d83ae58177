"""Backup and restore of a SLIK installation: the database and the media files in one archive.

`manage.py backup` writes `slik-backup-<time>.tar.gz` with the database (SQLite online backup or
`pg_dump --format=custom`), every file under MEDIA_ROOT and a `manifest.json` (time, SLIK version
and commit, engine, migration state, size and SHA-256 of every file). `manage.py restore` checks
every checksum, the engine and the migration state before it touches anything.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""
