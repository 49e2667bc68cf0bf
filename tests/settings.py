"""Settings for the test suite: the production settings, with a throwaway secret.

Tests run with DEBUG off so that they see what production does. DATABASE_URL and REDIS_URL
come from the environment as in production (CI points them at the real services).
"""

import os

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
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# Tests never run collectstatic: look files up per request (as DEBUG does) instead of warning,
# at the first request, that STATIC_ROOT does not exist (pytest turns that warning into an error).
WHITENOISE_AUTOREFRESH = True
