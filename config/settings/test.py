"""The test suite: real database (SQLite file or PostgreSQL from DATABASE_URL)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# In memory, so each test starts from zero (conftest clears every cache between tests).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "throttle",
    },
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# SQLite tests run in memory (Django shares it with the live server thread of browser tests).
WHITENOISE_AUTOREFRESH = True  # no index of staticfiles/ per test client
