"""Personal data erased on time: retention, erasure on request, the audit log, the links."""

from datetime import UTC, datetime, timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events.enums import DeliveryState, RegistrationStatus
from events.links import checkin_url, self_service_url
from events.models import Registration, ReminderDelivery
from events.services.privacy import (
    add_months,
    erase_after,
    erase_delegate,
    erase_expired_personal_data,
    flush_audit_log,
)
from events.services.registration import register_delegate
from events.tokens import SELF_SERVICE, make_token
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    ReminderDeliveryFactory,
    WaitlistedRegistrationFactory,
)

pytestmark = pytest.mark.django_db

PERSONAL = ("full_name", "email", "phone", "organization", "needs", "client_network")


def past_event(days_ago: int, **kwargs):
    end = timezone.now() - timedelta(days=days_ago)
    return EventFactory(start=end - timedelta(hours=2), end=end, **kwargs)


def delegate(event, **kwargs):
    defaults = {
        "full_name": "Leyla Məmmədova",
        "email": "leyla@example.az",
        "phone": "+994 12 000 00 00",
        "organization": "ADA",
        "needs": "Wheelchair; diabetic meal",
        "client_network": "203.0.113.0/24",
        "attended_at": event.start,
    }
    return RegistrationFactory(event=event, **(defaults | kwargs))


def personal(registration) -> dict:
    registration.refresh_from_db()
    return {name: getattr(registration, name) for name in PERSONAL}


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 1, 31, 12, tzinfo=UTC), 1, datetime(2026, 2, 28, 12, tzinfo=UTC)),
        (datetime(2027, 11, 30, 9, tzinfo=UTC), 12, datetime(2028, 11, 30, 9, tzinfo=UTC)),
        (datetime(2027, 12, 15, 9, tzinfo=UTC), 3, datetime(2028, 3, 15, 9, tzinfo=UTC)),
    ],
)
def test_add_months_counts_calendar_months(moment, months, expected):
    assert add_months(moment, months) == expected


def test_retention_erases_after_the_default_period_and_keeps_the_facts(settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 12
    old = delegate(past_event(days_ago=400))
    recent = delegate(past_event(days_ago=200), email="recent@example.org")

    erased = erase_expired_personal_data()

    assert erased == 1
    assert personal(old) == {
        "full_name": "—",
        "email": f"erased-{old.pk}@erased.invalid",
        "phone": "",
        "organization": "",
        "needs": "",
        "client_network": "",
    }
    # What the reports count stays: status, country, check-in.
    assert (old.status, old.country.code, old.attended_at is not None) == (
        RegistrationStatus.CONFIRMED,
        "AZ",
        True,
    )
    assert personal(recent)["email"] == "recent@example.org"


def test_retention_follows_the_events_own_period():
    short = delegate(past_event(days_ago=40, retention_months=1))
    long = delegate(past_event(days_ago=40, retention_months=24), email="long@example.org")

    erase_expired_personal_data()

    assert (personal(short)["full_name"], personal(long)["full_name"]) == ("—", "Leyla Məmmədova")
    assert erase_after(long.event) == add_months(long.event.end, 24)


def test_retention_command_prints_what_it_did(capsys):
    delegate(past_event(days_ago=400))

    call_command("erase_expired_personal_data")

    assert "Registrations erased: 1." in capsys.readouterr().out


def test_erase_delegate_covers_registrations_deliveries_and_audit_entries(
    capsys, django_capture_on_commit_callbacks
):
    upcoming = EventFactory(capacity=1)
    seated = register_delegate(
        event=upcoming, full_name="Leyla", email="Leyla@Example.az", country="AZ", consent=True
    )
    waiting = WaitlistedRegistrationFactory(event=upcoming, email="next@example.org")
    old = delegate(past_event(days_ago=10))
    row = ReminderDeliveryFactory(registration=old)
    LogEntry.objects.create(
        content_type_id=LogEntry.objects.model._meta.get_field("content_type")
        .related_model.objects.get_for_model(Registration)
        .pk,
        object_id=old.pk,
        object_pk=str(old.pk),
        object_repr="Leyla — old",
        action=LogEntry.Action.UPDATE,
        changes={"email": ["x", "leyla@example.az"]},
        changes_text="leyla@example.az",
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_delegate", "LEYLA@example.AZ")

    out = capsys.readouterr().out
    assert out.count("Registration erased:") == 2
    assert "Audit log entries deleted: 4" in out  # two creations, the cancellation, the edit
    # Left: those of the next in line (registered, then promoted), none of Leyla's.
    assert LogEntry.objects.get_for_objects(Registration.objects.all()).count() == 2
    assert "Leyla" not in str(list(LogEntry.objects.values_list("object_repr", flat=True)))
    assert Registration.objects.filter(email="leyla@example.az").count() == 0
    assert LogEntry.objects.filter(changes_text__icontains="leyla@example.az").count() == 0
    row.refresh_from_db()
    assert row.email == f"erased-{old.pk}@erased.invalid"
    seated.refresh_from_db()
    waiting.refresh_from_db()
    # The upcoming seat was cancelled first, so the next in line got it.
    assert (seated.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.PENDING,
    )
    assert all("leyla" not in m.to[0] for m in mail.outbox)


def test_erase_action_in_the_admin_reports_what_was_done(staff_client):
    registration = delegate(past_event(days_ago=10))

    response = staff_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "erase_delegates", "_selected_action": [registration.pk]},
        follow=True,
    )

    assert "Registration erased: #" in response.content.decode()
    assert personal(registration)["needs"] == ""


def test_audit_log_never_holds_a_delegates_personal_fields_or_address(client):
    event = EventFactory()

    client.post(
        reverse("events:register", args=[event.slug]),
        {
            "full_name": "Leyla Məmmədova",
            "email": "leyla@example.az",
            "organization": "ADA",
            "country": "AZ",
            "phone": "+994 12 000 00 00",
            "language": "en",
            "needs": "diabetic meal",
            "consent": "on",
        },
        REMOTE_ADDR="203.0.113.9",
    )

    entries = list(LogEntry.objects.values_list("changes_text", "remote_addr", "changes"))
    text = str(entries)
    # The phone as typed and as digits: "994" alone also turns up in a timestamp's microseconds.
    for secret in ("Leyla", "leyla@example.az", "ADA", "+994", "994 12", "diabetic", "203.0.113"):
        assert secret not in text


def test_audit_entries_older_than_the_period_are_flushed(settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 30
    event = EventFactory()
    LogEntry.objects.filter(object_id=event.pk).update(
        timestamp=timezone.now() - timedelta(days=31)
    )
    kept = EventFactory()

    flushed = flush_audit_log()

    assert flushed >= 1
    assert LogEntry.objects.get_for_object(event).count() == 0
    assert LogEntry.objects.get_for_object(kept).count() == 1


# --- the self-service page and the links ----------------------------------------------------


def manage_page(client, registration):
    return client.get(self_service_url(registration).removeprefix("http://testserver"))


@pytest.mark.parametrize("status", [RegistrationStatus.CANCELLED, RegistrationStatus.EXPIRED])
def test_self_service_page_hides_personal_data_of_a_closed_registration(client, status):
    registration = delegate(EventFactory(), status=status)

    page = client.get(reverse("events:manage", args=[registration.pk, token(registration)]))

    html = page.content.decode()
    assert "leyla@example.az" not in html and "diabetic" not in html
    assert "Erase my details" in html


def test_self_service_page_hides_personal_data_after_the_event(client):
    registration = delegate(past_event(days_ago=1))

    html = client.get(reverse("events:manage", args=[registration.pk, token(registration)]))

    assert "leyla@example.az" not in html.content.decode()


def test_self_service_page_shows_a_live_registration(client):
    registration = delegate(EventFactory())

    html = client.get(reverse("events:manage", args=[registration.pk, token(registration)]))

    assert "leyla@example.az" in html.content.decode()
    assert "Erase my details" not in html.content.decode()


def token(registration):
    return make_token(registration, purpose=SELF_SERVICE)


def test_delegate_erases_their_cancelled_registration_and_the_link_dies(client):
    registration = delegate(EventFactory(), status=RegistrationStatus.CANCELLED)
    link = token(registration)

    erased = client.post(reverse("events:erase", args=[registration.pk, link]))
    again = client.get(reverse("events:manage", args=[registration.pk, link]))

    assert "Your details are erased" in erased.content.decode()
    assert personal(registration)["email"] == f"erased-{registration.pk}@erased.invalid"
    assert again.status_code == 403


def test_delegate_cannot_erase_a_live_registration_before_cancelling(client):
    registration = delegate(EventFactory())

    client.post(reverse("events:erase", args=[registration.pk, token(registration)]))

    assert personal(registration)["email"] == "leyla@example.az"


def test_check_in_link_stops_working_after_the_event(board_client, settings):
    settings.CHECK_IN_GRACE_HOURS = 12
    live = RegistrationFactory(event=EventFactory())
    over = RegistrationFactory(event=past_event(days_ago=1))

    ok = board_client.get(checkin_url(live).removeprefix("http://testserver"))
    late = board_client.get(checkin_url(over).removeprefix("http://testserver"))

    assert (ok.status_code, late.status_code) == (200, 400)


def test_erased_delivery_rows_are_not_sent():
    row = ReminderDeliveryFactory()

    erase_delegate(email=row.registration.email)

    row.refresh_from_db()
    assert row.state == DeliveryState.SKIPPED
    assert ReminderDelivery.objects.filter(email__contains="example.org").count() == 0


def test_privacy_notice_states_the_periods_from_the_settings(client, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 18
    settings.AUDIT_LOG_RETENTION_DAYS = 200
    settings.REGISTRATION_PENDING_HOLD_MINUTES = 45

    html = client.get(reverse("events:privacy")).content.decode()

    assert "18 months after the event ends" in html
    assert "deleted after 200 days" in html
    assert "holds a seat for 45 minutes" in html
