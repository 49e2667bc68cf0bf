"""The deliveries admin, the send_due_reminders command, the tasks and the beat schedule."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from events.enums import DeliveryKind, DeliveryState, RegistrationStatus
from events.models import Event, ReminderDelivery
from events.tasks import send_board_digest, sweep_reminders
from tests.factories import (
    BoardMemberFactory,
    EventFactory,
    RegistrationFactory,
    ReminderDeliveryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:events_reminderdelivery_changelist"
SEND_DUE = "admin:events_reminderdelivery_send_due"


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # whitenoise warns (an error here) when STATIC_ROOT is missing; collectstatic is not under test.
    settings.STATIC_ROOT = tmp_path


def due_reminder(**kwargs):
    event = EventFactory(start=timezone.now() + timedelta(hours=23))
    return RegistrationFactory(
        event=event, confirmed_at=timezone.now() - timedelta(days=30), **kwargs
    )


def test_delivery_changelist_shows_state_and_error(staff_client, settings):
    settings.LANGUAGE_CODE = "tr"  # staff, cron and board get the site language
    ReminderDeliveryFactory(
        state=DeliveryState.FAILED, email="ayse@example.org", last_error="550 No such user"
    )

    response = staff_client.get(reverse(CHANGELIST))

    content = response.content.decode()
    assert "ayse@example.org" in content
    assert "550 No such user" in content
    assert "Zamanı gelen hatırlatmaları şimdi gönder" in content  # the admin speaks Turkish


def test_delivery_changelist_filters_by_state(staff_client):
    ReminderDeliveryFactory(state=DeliveryState.FAILED, email="failed@example.org")
    ReminderDeliveryFactory(email="pending@example.org")

    response = staff_client.get(reverse(CHANGELIST), {"state__exact": "failed"})

    content = response.content.decode()
    assert ("failed@example.org" in content, "pending@example.org" in content) == (True, False)


def test_delivery_changelist_query_count_does_not_grow_with_rows(staff_client):
    def queries_for_changelist() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = staff_client.get(reverse(CHANGELIST))
        return len(captured), response.content.decode()

    ReminderDeliveryFactory()
    one, one_page = queries_for_changelist()
    for _ in range(24):
        ReminderDeliveryFactory()
    many, many_page = queries_for_changelist()

    assert one == many
    assert (
        one_page.count('name="_selected_action"'),
        many_page.count('name="_selected_action"'),
    ) == (
        1,
        25,
    )


def test_send_due_button_runs_a_sweep(staff_client, django_capture_on_commit_callbacks, settings):
    settings.LANGUAGE_CODE = "tr"  # staff, cron and board get the site language
    registration = due_reminder()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse(SEND_DUE), follow=True)

    # A whole sweep: on a Monday morning the weekly digest to the board is due as well.
    digests = list(
        ReminderDelivery.objects.filter(kind=DeliveryKind.BOARD_DIGEST).values_list(
            "email", flat=True
        )
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([registration.email, *digests])
    due = 1 + len(digests)
    assert f"zamanı gelen {due} tanesi 1 partide kuyruğa alındı" in response.content.decode()


@pytest.mark.now("2026-11-30T09:00:00+03:00")  # Monday, an hour after the digest's time
def test_send_due_button_on_monday_morning_sends_the_digest_too(
    staff_client, django_capture_on_commit_callbacks
):
    registration = due_reminder()
    member = BoardMemberFactory()

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse(SEND_DUE), follow=True)

    staff_email = ReminderDelivery.objects.get(
        kind=DeliveryKind.BOARD_DIGEST, user__is_superuser=True
    ).email
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [registration.email, member.email, staff_email]
    )


def test_send_due_button_refuses_get_and_non_staff(client):
    client.force_login(UserFactory())
    registration = due_reminder()

    post = client.post(reverse(SEND_DUE))
    get = client.get(reverse(SEND_DUE))

    assert (post.status_code, get.status_code) == (302, 302)  # to the admin login
    assert mail.outbox == []
    assert not ReminderDelivery.objects.filter(registration=registration).exists()


def test_send_due_button_needs_the_change_permission(client):
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_reminderdelivery"))
    client.force_login(viewer)
    due_reminder()

    page = client.get(reverse(CHANGELIST))
    post = client.post(reverse(SEND_DUE))

    assert (page.status_code, post.status_code) == (200, 403)
    assert (mail.outbox, ReminderDelivery.objects.count()) == ([], 0)


def test_retry_failed_action_sends_failed_rows_again(
    staff_client, django_capture_on_commit_callbacks
):
    failed = ReminderDeliveryFactory(state=DeliveryState.FAILED, attempts=1, last_error="550")
    other = ReminderDeliveryFactory(state=DeliveryState.SKIPPED)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse(CHANGELIST),
            {"action": "retry_failed", "_selected_action": [failed.pk, other.pk]},
        )

    failed.refresh_from_db()
    other.refresh_from_db()
    assert (failed.state, failed.attempts, other.state) == ("sent", 1, "skipped")
    assert [m.to for m in mail.outbox] == [[failed.email]]


def test_pause_action_pauses_the_events_reminders(staff_client):
    delivery = ReminderDeliveryFactory(due_at=timezone.now() + timedelta(days=1))

    staff_client.post(
        reverse(CHANGELIST),
        {"action": "pause_event_reminders", "_selected_action": [delivery.pk]},
    )

    assert Event.objects.get(pk=delivery.event_id).reminders_paused is True
    assert not ReminderDelivery.objects.filter(pk=delivery.pk).exists()


def test_send_due_reminders_command_sends_and_prints_counts(
    django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "tr"  # staff, cron and board get the site language
    registration = due_reminder()
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", stdout=out)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", stdout=out)

    assert [m.to for m in mail.outbox] == [[registration.email]]
    lines = out.getvalue().splitlines()
    assert len(lines) == 4
    assert "1" in lines[0] and lines[0] != lines[2]
    assert lines[1] == lines[3] == "Süresi dolan kayıtlar: 0."


def test_sweep_task_expires_overdue_registrations_and_sends_due_reminders(
    django_capture_on_commit_callbacks,
):
    reminded = due_reminder()
    overdue = RegistrationFactory(
        status=RegistrationStatus.PENDING,
        confirmed_at=None,
        expires_at=timezone.now() - timedelta(minutes=1),
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = sweep_reminders()

    # The reminder and the expiry notice, written by the sweep's own expiry step.
    assert (result["claimed"], result["batches"], result["expired_registrations"]) == (2, 1, 1)
    overdue.refresh_from_db()
    assert overdue.status == RegistrationStatus.EXPIRED
    # The due reminder, and the expired delegate told that the seat has passed on.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([reminded.email, overdue.email])


def test_digest_task_sends_this_weeks_digest_once(django_capture_on_commit_callbacks):
    member = BoardMemberFactory()

    with django_capture_on_commit_callbacks(execute=True):
        send_board_digest()
        send_board_digest()

    assert [m.to for m in mail.outbox] == [[member.email]]


def test_beat_schedule_has_the_sweep_and_the_monday_digest():
    tasks = {t.task: t for t in PeriodicTask.objects.select_related("interval", "crontab")}

    sweep, digest = tasks["events.sweep_reminders"], tasks["events.send_board_digest"]
    assert (sweep.interval.every, sweep.interval.period) == (5, "minutes")
    crontab = digest.crontab
    assert (crontab.minute, crontab.hour, crontab.day_of_week, str(crontab.timezone)) == (
        "0",
        "8",
        "1",
        "Europe/Istanbul",
    )
