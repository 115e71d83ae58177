"""The test suite: real database (SQLite file or PostgreSQL from DATABASE_URL)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# SQLite tests run in memory (Django shares it with the live server thread of browser tests).
WHITENOISE_AUTOREFRESH = True  # no index of staticfiles/ per test client
