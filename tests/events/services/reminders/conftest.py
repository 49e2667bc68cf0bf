"""Fixtures of the reminder tests: a sweep and a service run as the beat and a commit would."""

import pytest

from events.services import reminders


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run one sweep and the batches it queues (eager), as the beat would."""

    def run(now=None):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.sweep(now=now)

    return run


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run a service and whatever it queues for after its commit (notices)."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run
