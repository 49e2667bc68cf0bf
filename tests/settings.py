"""Settings for the test suite: the production settings, with a throwaway secret.

Tests run with DEBUG off so that they see what production does. DATABASE_URL and REDIS_URL
come from the environment as in production (CI points them at the real services).
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "true")

from anniversary.settings import *  # noqa: E402,F403

# Hashing strength is not under test; a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Unit tests run tasks in-process and cache in memory whatever the environment says; the
# integration tests reach the real Redis through TEST_REDIS_URL and start their own worker.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = None
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the Celery worker an integration test starts must see the same rows.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "db.sqlite3.test")}  # noqa: F405
elif os.environ.get("KARDES40_TEST_DB_TEMPLATE"):
    # The test database copies this one, with its locale: a default collation other than C
    # (ICU en-US, say) shows whether an order depends on it (tests/contacts/test_sort_collation.py).
    DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = os.environ[  # noqa: F405
        "KARDES40_TEST_DB_TEMPLATE"
    ]
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# One queue per test session (the worker it starts inherits the name through the environment),
# so two sessions sharing a Redis database never take each other's tasks.
CELERY_TASK_DEFAULT_QUEUE = os.environ.setdefault(
    "TEST_CELERY_QUEUE", f"kardes40-tests-{os.getpid()}"
)

# whitenoise warns when STATIC_ROOT is missing; tests serve from the finders, never collect.
STATIC_ROOT = Path(tempfile.gettempdir()) / "kardes40-test-static"
STATIC_ROOT.mkdir(exist_ok=True)

# The suite's clock is pinned (tests/clock.py), Chromium's is not: a session cookie with an
# Expires date computed from the pinned moment could already be past for the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
