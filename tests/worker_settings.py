"""Settings for the Celery worker that the integration tests (and the bench) start.

The test settings, but with the real Redis broker at TEST_REDIS_URL instead of eager tasks, and
real SMTP (EMAIL_HOST/EMAIL_PORT: the test's aiosmtpd sink) instead of locmem. DATABASE_URL is
set by the test to its own test database, so the worker reads and writes the same rows.
"""

from tests.clock import travel_from_environment
from tests.settings import *  # noqa: F403
from tests.settings import TEST_REDIS_URL

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = TEST_REDIS_URL
CELERY_RESULT_BACKEND = None
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# The worker runs on the clock of the test that started it (tests/clock.py).
travel_from_environment()
