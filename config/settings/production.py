"""Production: every secret from the environment; starts only when they are set."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env, envbool, envint, envrequired, envsecret

DEBUG = False
SECRET_KEY = envsecret("SECRET_KEY")
# Password reset links and reminders go out by e-mail: a backend that never delivers would
# fail silently. And every link in them is built from SITE_URL, never from a Host header.
EMAIL_BACKEND = envrequired("EMAIL_BACKEND")
UNDELIVERED_MAIL = {
    f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("console", "locmem", "dummy", "filebased")
}
if EMAIL_BACKEND in UNDELIVERED_MAIL:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND={EMAIL_BACKEND} never delivers mail; production needs a real one, "
        "e.g. django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST."
    )
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
SITE_URL = envrequired("SITE_URL").rstrip("/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
# Production states whether it sits behind a reverse proxy: behind an undeclared one every
# client has the proxy's address, and one address's sign-in and reset limits lock out everyone.
# X-Forwarded-Proto and -For are trusted only with SLIK_BEHIND_PROXY=true (base.py).
_behind_proxy = envrequired("SLIK_BEHIND_PROXY").strip().lower()
if _behind_proxy not in {"true", "false"}:
    raise ImproperlyConfigured("SLIK_BEHIND_PROXY must be true or false in production.")
SLIK_BEHIND_PROXY = _behind_proxy == "true"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SLIK_BEHIND_PROXY else None
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
