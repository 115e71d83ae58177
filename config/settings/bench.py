"""The benchmark (`make bench`): production-like serving on a separate SQLite file.

DEBUG off, static files from whitenoise after `collectstatic`, and a database of its own
(var/bench.sqlite3, or BENCH_DATABASE_URL) so national-scale test data never touches the
developer's database.
"""

import dj_database_url

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR
from .env import env

DEBUG = False
# The benchmark only ever listens on loopback; this key signs nothing of value.
SECRET_KEY = env("SECRET_KEY", "bench-only-not-secret-slik")
# `testserver` is the in-process test client that counts queries per page.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

_options = DATABASES["default"].get("OPTIONS", {})
DATABASES = {
    "default": dj_database_url.parse(
        env("BENCH_DATABASE_URL", f"sqlite:///{VAR_DIR / 'bench.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = _options
    DATABASES["default"]["CONN_MAX_AGE"] = 0

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
