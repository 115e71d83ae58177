"""Settings shared by every environment. Everything variable comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import env, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("SLIK_VAR_DIR", str(BASE_DIR / "var")))
# Reference data (municipality register, population) lives beside the repository, never in it.
SHARED_DATA_DIR = Path(env("SLIK_SHARED_DATA", str(BASE_DIR.parent / "shared" / "data")))

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "slik.core",
    "slik.accounts",
    "slik.organisations",
    "slik.challenges",
    "slik.cases",
    "slik.benefits",
    "slik.portfolio",
    "slik.reports",
    "slik.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "slik.core.security_headers.PermissionsPolicyMiddleware",
    "slik.core.busy.DatabaseBusyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "slik.accounts.middleware.UserLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "slik.accounts.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "slik.organisations.middleware.TenantMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during authenticate() into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "slik" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "slik.organisations.context_processors.tenant",
                "config.menu.menu",
            ],
            "builtins": ["slik.core.templatetags.slik", "django.templatetags.i18n"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL (as `make test-sqlite` sets it) means the embedded SQLite.
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'slik.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the task worker run beside a writer; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend; reads the signed-in person with SQL compiled once.
    "slik.accounts.backends.PasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# --- Sign-in throttling (django-axes; docs/decisions/0004-sign-in-throttling-and-csp.md) ------
# Failures are counted in the database (shared by every worker) per e-mail *and* address, per
# e-mail from any address, and per address for any e-mail, each with its own limit: a town hall
# signs in from one public address, so the address alone gets a much higher limit.
AXES_HANDLER = "slik.accounts.throttle.SignInAttempts"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_FAILURE_LIMIT = envint("SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS", 5)
SIGN_IN_LIMIT_PER_ACCOUNT = envint("SIGN_IN_LIMIT_PER_ACCOUNT", 20)
SIGN_IN_LIMIT_PER_ADDRESS = envint("SIGN_IN_LIMIT_PER_ADDRESS", 50)
AXES_COOLOFF_TIME = timedelta(minutes=envint("SIGN_IN_COOLOFF_MINUTES", 15))
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "slik.accounts.throttle.attempted_email"
AXES_CLIENT_IP_CALLABLE = "slik.accounts.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "slik.accounts.throttle.lockout_response"
# Every failure (known or unknown e-mail) is kept in axes' failure log; prune it with
# `manage.py axes_reset_failure_logs --age 90` (docs/operations.md).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Password reset requests per hour (the mail goes out through the task worker).
PASSWORD_RESET_LIMIT_PER_EMAIL = envint("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_PER_ADDRESS = envint("PASSWORD_RESET_LIMIT_PER_ADDRESS", 20)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The reset counters must be shared by every gunicorn worker of the machine: files in var/.
    # With several machines, point this at a shared cache (Redis or the database cache).
    "throttle": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "throttle"),
    },
}

# --- Sessions: idle and absolute timeouts (slik.accounts.middleware.SessionTimeoutMiddleware) -
# OWASP ASVS L2 (3.3.2): re-authenticate after 30 minutes idle and after 12 hours in any case.
SESSION_IDLE_TIMEOUT = envint("SESSION_IDLE_TIMEOUT", 30)  # minutes
SESSION_ABSOLUTE_TIMEOUT = envint("SESSION_ABSOLUTE_TIMEOUT", 12)  # hours
# The cookie (and the session row, for `clearsessions`) need not outlive the absolute timeout.
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT * 3600
# Django's database sessions, read with SQL compiled once per process.
SESSION_ENGINE = "slik.accounts.sessions"

# --- Browser security headers, in every environment (the browser tests run under them) -------
# No inline script or style and no eval: scripts and styles come from our static files only.
# Vega runs with its expression interpreter (slik.js: `ast: true`) and its injected styles are
# in slik.css; json_script data blocks are not scripts to the browser.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Designsystemet's CSS draws checkmarks and chevrons as data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# --- Behind a reverse proxy (nginx, a load balancer) ------------------------------------------
# Only then are X-Forwarded-Proto and X-Forwarded-For believed; otherwise any client could claim
# HTTPS or another address. Gunicorn then listens on 127.0.0.1 only (docs/operations.md).
SLIK_BEHIND_PROXY = envbool("SLIK_BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SLIK_BEHIND_PROXY else None

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploaded and generated files (report runs); never served by a public URL, only through views
# that check tenancy and permission.
MEDIA_ROOT = VAR_DIR / "media"
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end packages come from npm and are served as they are; no bundler.
STATICFILES_DIRS = [
    BASE_DIR / "slik" / "static",
    ("vendor/designsystemet-css", NODE_MODULES / "@digdir" / "designsystemet-css" / "dist" / "src"),
    ("vendor/inter", NODE_MODULES / "@fontsource" / "inter"),
    ("vendor/vega", NODE_MODULES / "vega" / "build"),
    ("vendor/vega-lite", NODE_MODULES / "vega-lite" / "build"),
    ("vendor/vega-embed", NODE_MODULES / "vega-embed" / "build"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Request size (docs/operations.md, «Grenser for import av målinger») ---------------------
# The files of one request are dropped past this many bytes while they arrive, never stored
# (slik.core.uploads); larger than the measurement import's 2 MB, so the import's own message
# still applies below it. Text fields of a form together: at most 1 MB.
SLIK_MAX_UPLOAD_BYTES = envint("SLIK_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "slik.core.uploads.MaxSizeUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("SLIK_MAX_FORM_BYTES", 1024 * 1024)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SLIK <ikke-svar@slik.localhost>")
# The address people reach SLIK at, for links in e-mails and feeds sent outside a request.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
PAGE_SIZE = envint("SLIK_PAGE_SIZE", 25)
# Demo mode (`make run`): the login page lists the demo accounts of `slik.demo.accounts`.
SLIK_DEMO = envbool("SLIK_DEMO")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

FORM_RENDERER = "slik.core.forms.SlikFormRenderer"
