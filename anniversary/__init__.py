# Load the Celery app when Django starts so that @shared_task binds to it.
from . import lookups  # noqa: F401  (registers `in` on integer columns; see lookups.py)
from .celery import app as celery_app

__all__ = ("celery_app",)
