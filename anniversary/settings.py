"""Kardeş 40 settings, read from environment variables.

Every variable has a documented default (see README, "Configuration"). The defaults give the
embedded setup: SQLite file, no Redis, tasks run in-process, mail printed to the console.
"""

import os
from pathlib import Path

import bootstrap
import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off unless asked: a forgotten DEBUG leaks settings and tracebacks to the public.
DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=true for local use).")
    # Only for local debugging; signed registration links made with it are worthless elsewhere.
    SECRET_KEY = "django-insecure-local-debug-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Absolute base for links in emails (confirmation, self-service), which have no request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_celery_beat",
    "import_export",
    "anniversary.apps.LoginProtectionConfig",  # django-axes, with a translatable name
    "auditlog",
    "contacts",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the logged-in user as the actor of every audit log entry written in the request.
    "auditlog.middleware.AuditlogMiddleware",
    # Last, as django-axes asks: it watches the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "anniversary.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "anniversary.wsgi.application"

# SQLite file unless DATABASE_URL is set (postgres://user@host:5432/name in production and CI);
# set but empty (DATABASE_URL= in a shell or an env file) also means the SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the write lock instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # A registration waits at most this long for the event row lock, then gets "try again".
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c lock_timeout=3000"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A page that says what happened and when to try again, instead of axes' bare one-liner.
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Audit log (django-auditlog): who changed what on events, registrations and contacts, shown to
# the board at /board/audit/. Derived and secret fields are left out: the search keys repeat the
# name, and a registration's secret is what its signed links rest on.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {
        "model": "events.Event",
        "exclude_fields": ["updated_at", "sequence"],
        "m2m_fields": ["organizers", "speakers"],
    },
    {"model": "events.Registration", "exclude_fields": ["secret"]},
    {"model": "events.PlanningItem", "exclude_fields": ["updated_at"]},
    {
        "model": "contacts.Organization",
        "exclude_fields": ["search_name", "match_name", "sort_name"],
    },
    # A person's email and phone stay out of the log: the log is read by the whole board and
    # kept for good, while contact details must be erasable.
    {
        "model": "contacts.Person",
        "exclude_fields": ["search_name", "match_name", "sort_name", "email", "phone"],
    },
    {"model": "contacts.Source"},
    {"model": "contacts.Outcome"},
    {"model": "contacts.Affiliation"},
    {"model": "contacts.DelegationVisit", "m2m_fields": ["travellers", "organizations"]},
    {"model": "contacts.Meeting", "m2m_fields": ["participants", "organizations"]},
)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "board:dashboard"
# None: logging out shows registration/logged_out.html ("you are logged out", log in again),
# so that on a shared computer at an event nobody wonders whether the logout worked.
LOGOUT_REDIRECT_URL = None

# Turkish first; Azerbaijani and English follow.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("az", _("Azerbaijani")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    # Bootstrap's css/js from the bootstrap-wrapper wheel, served as /static/bootstrap/...
    ("bootstrap", next(iter(bootstrap.__path__))),
    BASE_DIR / "anniversary" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve straight from the finders when collectstatic has not been run (local use, tests).
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Redis, cache, Celery -------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")

if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "anniversary.cache.SharedClientRedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
# Without Redis the embedded setup runs tasks in-process, so the app works with no broker.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
# A late-acked task unacknowledged for this long is redelivered; every retry countdown stays
# far below it, so Redis never hands the same batch to a second worker while the first runs.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- Mail -----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kardeş 40 <noreply@izazder.org>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 20
# With no SMTP host configured, mail is printed to the console (embedded setup).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)

# --- Kardeş 40 ------------------------------------------------------------------------------
# How long a pending registration (or a waitlist promotion) waits for its confirmation click.
REGISTRATION_CONFIRM_HOURS = int(os.environ.get("REGISTRATION_CONFIRM_HOURS", "48"))
# How long the signed links in registration emails (self-service, confirm) stay valid.
REGISTRATION_LINK_MAX_AGE_DAYS = int(os.environ.get("REGISTRATION_LINK_MAX_AGE_DAYS", "365"))
# Registration POSTs allowed per client address and per email address ("count/period", period in
# s, m, h or d). Generous enough for an office registering its team behind one address; the
# load bench raises them (see bench/README section in bench/RESULTS.md).
REGISTRATION_RATE_LIMIT_PER_IP = os.environ.get("REGISTRATION_RATE_LIMIT_PER_IP", "30/h")
REGISTRATION_RATE_LIMIT_PER_EMAIL = os.environ.get("REGISTRATION_RATE_LIMIT_PER_EMAIL", "10/h")
# Reminder offsets before an event's start when the event sets none (minutes: 7 d, 1 d, 2 h).
REMINDER_DEFAULT_OFFSETS = [int(x) for x in env_list("REMINDER_DEFAULT_OFFSETS", "10080,1440,120")]

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env_bool(
    "DJANGO_SECURE_COOKIES", not DEBUG and SITE_URL.startswith("https")
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
