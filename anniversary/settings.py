"""Kardeş 40 settings, read from environment variables.

Every variable has a documented default (see README, "Configuration"). The defaults give the
embedded setup: SQLite file, no Redis, tasks run in-process, mail printed to the console.
"""

import os
import tempfile
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
    # Before the admin: its TranslationAdmin and the <field>_tr/_az/_en columns (events/translation.py).
    "modeltranslation",
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
    "anniversary.apps.AuditLogConfig",  # django-auditlog, a row's own columns only
    "csp",
    "contacts",
    "events",
]

MIDDLEWARE = [
    # First: a database that does not answer becomes a 503 page before any other layer asks it.
    "anniversary.middleware.ServiceUnavailableMiddleware",
    # A number too large for its column (a forged form value) answers 400, not 500.
    "anniversary.middleware.OutOfRangeInputMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Below SecurityMiddleware, so that its Referrer-Policy default leaves ours in place.
    "anniversary.personal_links.PersonalLinkMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # No session cookie: anonymous, without reading the session (no Vary: Cookie on public pages).
    "anniversary.middleware.AnonymousWithoutSessionMiddleware",
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
                "anniversary.languages.language_links",
                "anniversary.personal_links.personal_link",
            ],
            # |date writes month names as each language does (az: "15 iyun 2027").
            "builtins": ["anniversary.dates"],
        },
    },
]
# Plain text (an email's subject and text part): the same templates, never HTML-escaped, so a
# title with an apostrophe reads "Şuşa'da", not "Şuşa&#x27;da", whether or not the template
# remembers {% autoescape off %} (events.mail renders with using=PLAIN_TEXT_TEMPLATES).
PLAIN_TEXT_TEMPLATES = "plain_text"
TEMPLATES.append(
    {
        **TEMPLATES[0],
        "NAME": PLAIN_TEXT_TEMPLATES,
        "OPTIONS": {**TEMPLATES[0]["OPTIONS"], "autoescape": False},
    }
)

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
    # An unreachable database server answers "unavailable" within seconds, not minutes.
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
    )

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
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
# A page that says what happened and when to try again, instead of axes' bare one-liner.
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Also lock a username tried from many addresses (a spread-out guess at one board member),
# after more failures than the per-address pair allows.
AXES_USERNAME_FAILURE_LIMIT = int(os.environ.get("AXES_USERNAME_FAILURE_LIMIT", "20"))
AXES_HANDLER = "anniversary.lockout.AxesHandler"
AXES_USERNAME_CALLABLE = "anniversary.lockout.attempted_username"
# The client address behind the trusted proxies (see TRUSTED_PROXY_* below), the same rule as
# the registration rate limit.
AXES_CLIENT_IP_CALLABLE = "anniversary.clientip.client_ip"

# Audit log (django-auditlog): who changed what on events, registrations and contacts, shown to
# the board at /board/audit/. Derived and secret fields are left out: the search keys repeat the
# name, and a registration's secret is what its signed links rest on.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {
        "model": "events.Event",
        "exclude_fields": ["updated_at", "sequence"],
        "m2m_fields": ["organizers", "speakers"],
    },
    # Delegates' personal data never enters the log (KVKK/GDPR: it would outlive the erasure):
    # their details, needs (possibly health data) and network are left out, and so are IPs.
    {
        "model": "events.Registration",
        "exclude_fields": [
            "secret",
            "full_name",
            "email",
            "phone",
            "organization",
            "needs",
            "client_network",
        ],
    },
    {"model": "events.PlanningItem", "exclude_fields": ["updated_at"]},
    {
        "model": "contacts.Organization",
        "exclude_fields": [
            "search_name",
            "match_name",
            "sort_name_tr",
            "sort_name_az",
            "sort_name_en",
        ],
    },
    # A person's email and phone stay out of the log: the log is read by the whole board and
    # kept for good, while contact details must be erasable.
    {
        "model": "contacts.Person",
        "exclude_fields": [
            "search_name",
            "match_name",
            "sort_name_tr",
            "sort_name_az",
            "sort_name_en",
            "email",
            "phone",
        ],
    },
    {"model": "contacts.Source"},
    {"model": "contacts.Outcome"},
    {"model": "contacts.Affiliation"},
    {"model": "contacts.DelegationVisit", "m2m_fields": ["travellers", "organizations"]},
    {"model": "contacts.Meeting", "m2m_fields": ["participants", "organizations"]},
)

# The log would otherwise keep the address of every delegate whose request changed a row.
AUDITLOG_DISABLE_REMOTE_ADDR = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "board:dashboard"
# None: logging out shows registration/logged_out.html ("you are logged out", log in again),
# so that on a shared computer at an event nobody wonders whether the logout worked.
LOGOUT_REDIRECT_URL = None

# Turkish first; Azerbaijani and English follow.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("az", _("Azerbaijani")), ("en", _("English"))]
# The interface first; then the country names from CLDR (contacts/countries.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_cldr"]
# Content (event titles, venues, podcasts...) is stored per language in real columns
# (<field>_tr, _az, _en); Turkish is the one always written, az and en fall back to it.
MODELTRANSLATION_DEFAULT_LANGUAGE = "tr"
MODELTRANSLATION_LANGUAGES = ("tr", "az", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("tr",)
# A row made with the plain name (Event(title=…)) also fills the Turkish column, whatever
# language is active: code that creates content can never leave the required language empty.
# Forms and services that know the language write title_tr / title_az / title_en themselves.
MODELTRANSLATION_AUTO_POPULATE = "required"
# Organization.name is a CleanCharField (a CharField that tidies what is typed).
MODELTRANSLATION_CUSTOM_FIELDS = ("CleanCharField",)
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True
# English dates day-first, as the pages write them (anniversary/formats/en/formats.py).
FORMAT_MODULE_PATH = ["anniversary.formats"]

STATIC_URL = "static/"
# Where collectstatic writes (the release step); whitenoise serves from here.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
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

# Seconds a Redis client waits to connect and for an answer: a stopped or frozen Redis must
# cost a web request a fraction of a second (the rate limit then fails open), not a 500.
# Redis on the same host or network answers in about a millisecond.
REDIS_CONNECT_TIMEOUT = float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25"))
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.25"))
_REDIS_TIMEOUTS = {
    "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
}

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "anniversary.cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": _REDIS_TIMEOUTS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole-page cache of the public pages for anonymous visitors (events/public/pagecache.py):
# a page is kept this many seconds at most, as a backstop: every change a page shows bumps the
# version its key carries (events/pageversion.py), and the İzmir day is in the key too, so
# "upcoming" turns "past" at midnight. 0 turns the page cache off. Without Redis each process
# keeps its own copies: another process then sees a change only after this backstop.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# What browsers and shared caches may keep of a cached public page, in seconds: short, since
# they do not hear of changes.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
# A process reads the page version from the cache at most this often (seconds): a change made
# in another process shows within it; its own changes show at once.
PAGE_VERSION_MEMO_SECONDS = float(os.environ.get("PAGE_VERSION_MEMO_SECONDS", "0.5"))
# While the cache does not answer, pages skip it and try it again only after this many
# seconds, so that requests do not each wait for its timeout.
CACHE_RETRY_AFTER_SECONDS = float(os.environ.get("CACHE_RETRY_AFTER_SECONDS", "5"))

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
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    **_REDIS_TIMEOUTS,
}
# Queueing a task from a web request (on_commit) retries once, briefly, then gives up with a
# log line: a broker that does not answer must not hold the delegate's page.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_CONNECT_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_SOCKET_TIMEOUT
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_CONNECT_TIMEOUT
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Tasks outside the apps' tasks.py modules (the password-reset email).
CELERY_IMPORTS = ["anniversary.accounts"]

# --- Mail -----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kardeş 40 <noreply@izazder.org>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Mail goes out from the worker (or on_commit in-process); this bounds one SMTP call there.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
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
# Password reset requests per client address and per account (same answer either way).
PASSWORD_RESET_RATE_LIMIT_PER_IP = os.environ.get("PASSWORD_RESET_RATE_LIMIT_PER_IP", "10/h")
PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT = os.environ.get(
    "PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT", "3/h"
)
# While the cache does not answer, rate limits are off and the cache is tried again only
# after this many seconds, so that requests do not each wait for its timeout.
RATE_LIMIT_RETRY_AFTER_SECONDS = float(os.environ.get("RATE_LIMIT_RETRY_AFTER_SECONDS", "5"))
# IPv6 clients are counted per network of this prefix length (one home or office gets a /64),
# IPv4 clients per address.
RATE_LIMIT_IPV6_PREFIX = int(os.environ.get("RATE_LIMIT_IPV6_PREFIX", "64"))
# Clients behind a reverse proxy: how many proxies append to X-Forwarded-For
# (TRUSTED_PROXY_COUNT) or their addresses (TRUSTED_PROXIES, comma-separated). The client is
# the right-most address that is not a trusted proxy. Neither set: X-Forwarded-For is ignored
# and REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Contact import: rows read from one file before the import stops with a message.
CONTACT_IMPORT_MAX_ROWS = int(os.environ.get("CONTACT_IMPORT_MAX_ROWS", "10000"))
# Contact import: columns a file may have; a wider row stops the import as soon as it is read.
CONTACT_IMPORT_MAX_COLUMNS = int(os.environ.get("CONTACT_IMPORT_MAX_COLUMNS", "200"))
# Where a checked contact file waits for its confirmation (not in the session row).
CONTACT_IMPORT_DIR = os.environ.get("CONTACT_IMPORT_DIR") or str(
    Path(tempfile.gettempdir()) / "kardes40-imports"
)
# The health check reports the reminder sweep as failing when its last success is older.
HEALTH_SWEEP_MAX_AGE_MINUTES = int(os.environ.get("HEALTH_SWEEP_MAX_AGE_MINUTES", "15"))
# Minutes an unconfirmed registration holds its seat; after that it keeps its confirm link
# (REGISTRATION_CONFIRM_HOURS) but confirms into a free seat or the waitlist, in order.
REGISTRATION_PENDING_HOLD_MINUTES = int(os.environ.get("REGISTRATION_PENDING_HOLD_MINUTES", "60"))
# Unconfirmed registrations one client network (IPv4 /24, IPv6 /64) may hold per event.
REGISTRATION_PENDING_PER_NETWORK = int(os.environ.get("REGISTRATION_PENDING_PER_NETWORK", "10"))
# KVKK/GDPR: months after an event's end when its registrations' personal data is erased
# (unless the event sets its own period), and days after which audit log entries are deleted.
PERSONAL_DATA_RETENTION_MONTHS = int(os.environ.get("PERSONAL_DATA_RETENTION_MONTHS", "12"))
AUDIT_LOG_RETENTION_DAYS = int(os.environ.get("AUDIT_LOG_RETENTION_DAYS", "365"))
# Hours after an event's end when its check-in links and QR codes stop working.
CHECK_IN_GRACE_HOURS = int(os.environ.get("CHECK_IN_GRACE_HOURS", "12"))
# Registering again with the address of an active registration re-sends its email, at most this
# often per registration, so the public form cannot be used to flood someone's mailbox.
REGISTRATION_RESEND_RATE = os.environ.get("REGISTRATION_RESEND_RATE", "3/h")
# Reminder offsets before an event's start when the event sets none (minutes: 7 d, 1 d, 2 h).
REMINDER_DEFAULT_OFFSETS = [int(x) for x in env_list("REMINDER_DEFAULT_OFFSETS", "10080,1440,120")]

# --- HTTPS and browser hardening ------------------------------------------------------------
_HTTPS = not DEBUG and SITE_URL.startswith("https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", _HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A year of HSTS once the site is served over https; 0 (off) otherwise.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000 if _HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", _HTTPS)
# The header only allows a submission to the browsers' preload list; nothing is sent anywhere.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", _HTTPS)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", _HTTPS)
# The health check answers over plain http too: the proxy or systemd probes it on 127.0.0.1.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and overwrites any value the
# client sent), Django must believe it, or links and redirects come out http://.
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy (django-csp): only our own scripts, styles and fonts; images also
# as data: URLs (the check-in QR codes). No inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
