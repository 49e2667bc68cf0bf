"""Reminders, notices and the digest, with eager tasks and the locmem mail backend."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from events.enums import (
    DatePrecision,
    DeliveryKind,
    DeliveryState,
    EventStatus,
    RegistrationStatus,
)
from events.ics import event_uid
from events.models import Event, ReminderDelivery
from events.services import reminders
from events.services.scheduling import cancel_event, confirm_event, reschedule_event
from events.timezones import BAKU, IZMIR
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    ReminderDeliveryFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

DAY = 24 * 60
BAKU_ZONE = ZoneInfo(BAKU)


def baku_ten_oclock(days_ahead: int) -> datetime:
    local = timezone.now().astimezone(BAKU_ZONE) + timedelta(days=days_ahead)
    return local.replace(hour=10, minute=0, second=0, microsecond=0)


def confirmed_long_ago(**kwargs):
    return RegistrationFactory(confirmed_at=timezone.now() - timedelta(days=60), **kwargs)


def attached_calendar(message, method: str = "PUBLISH") -> icalendar.Event:
    """The attached .ics's VEVENT; its METHOD and the MIME type's method parameter (RFC 6047
    §2.4) are both `method`."""
    name, content, mimetype = message.attachments[0]
    assert (name.endswith(".ics"), mimetype) == (True, f"text/calendar; method={method}")
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["method"]) == method
    return calendar.walk("VEVENT")[0]


# --- offsets and zones -----------------------------------------------------------------------
def test_reminder_due_at_one_day_before_baku_event_is_ten_baku_time_the_day_before():
    start = datetime(2026, 12, 5, 10, 0, tzinfo=BAKU_ZONE)

    due = reminders.reminder_due_at(start=start, time_zone=BAKU, offset=DAY)

    assert due.astimezone(BAKU_ZONE) == datetime(2026, 12, 4, 10, 0, tzinfo=BAKU_ZONE)
    assert due == datetime(2026, 12, 4, 6, 0, tzinfo=UTC)


def test_reminder_due_at_whole_days_keep_the_wall_clock_across_a_dst_change():
    berlin = ZoneInfo("Europe/Berlin")
    # Summer time starts on 28 March 2027: a week before 10:00 CEST is 10:00 CET.
    start = datetime(2027, 3, 30, 10, 0, tzinfo=berlin)

    due = reminders.reminder_due_at(start=start, time_zone="Europe/Berlin", offset=7 * DAY)

    assert due.astimezone(berlin) == datetime(2027, 3, 23, 10, 0, tzinfo=berlin)
    assert due == datetime(2027, 3, 23, 9, 0, tzinfo=UTC)


def test_reminder_due_at_hours_are_elapsed_time():
    start = datetime(2026, 12, 5, 10, 0, tzinfo=BAKU_ZONE)

    due = reminders.reminder_due_at(start=start, time_zone=BAKU, offset=120)

    assert due == datetime(2026, 12, 5, 4, 0, tzinfo=UTC)


def test_plan_reminders_creates_one_row_per_registration_and_offset_in_venue_time():
    event = EventFactory(venue=BakuVenueFactory(), start=baku_ten_oclock(20))
    registration = RegistrationFactory(event=event)

    reminders.plan_reminders()
    reminders.plan_reminders()

    rows = ReminderDelivery.objects.filter(registration=registration).order_by("-offset")
    assert [(r.offset, r.due_at.astimezone(BAKU_ZONE).hour) for r in rows] == [
        (7 * DAY, 10),
        (DAY, 10),
        (120, 8),
    ]
    assert {r.state for r in rows} == {DeliveryState.PENDING}


def test_plan_reminders_uses_the_events_own_offsets():
    event = EventFactory(start=timezone.now() + timedelta(days=10), reminder_offsets=[3 * DAY])
    registration = RegistrationFactory(event=event)

    reminders.plan_reminders(event=event)

    assert list(registration.reminder_deliveries.values_list("offset", flat=True)) == [3 * DAY]


def test_plan_reminders_leaves_out_reminders_due_before_the_confirmation():
    event = EventFactory(start=timezone.now() + timedelta(days=3))
    registration = RegistrationFactory(event=event, confirmed_at=timezone.now())

    reminders.plan_reminders()

    offsets = sorted(registration.reminder_deliveries.values_list("offset", flat=True))
    assert offsets == [120, DAY]


def test_plan_reminders_ignores_unconfirmed_registrations_and_month_precision_events():
    soon = timezone.now() + timedelta(days=10)
    RegistrationFactory(event=EventFactory(start=soon), status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=EventFactory(start=soon), status=RegistrationStatus.PENDING)
    RegistrationFactory(event=EventFactory(start=soon, date_precision=DatePrecision.MONTH))

    reminders.plan_reminders()

    assert ReminderDelivery.objects.count() == 0


def test_delegate_reminder_states_venue_and_delegate_time_and_attaches_the_ics(sweep):
    event = EventFactory(title="Nəsimi gecəsi", venue=BakuVenueFactory(), start=baku_ten_oclock(1))
    confirmed_long_ago(event=event, time_zone=IZMIR, language="en", full_name="Ayşe Kaya")
    due = reminders.reminder_due_at(start=event.start, time_zone=BAKU, offset=DAY)

    sweep(now=due + timedelta(minutes=1))

    [message] = mail.outbox
    assert message.subject.startswith("Reminder: Nəsimi gecəsi")
    # As every email and page says it (event_when_for): the venue's times, then the twin
    # city's, which is the delegate's own here.
    assert re.search(r"When: \d{1,2} \w+ \d{4}, 10:00–13:00 Baku · 09:00 Izmir\n", message.body)
    assert "Your time" not in message.body
    assert "Dear Ayşe Kaya," in message.body
    assert "10:00–13:00 Baku · 09:00 Izmir" in message.alternatives[0][0]
    vevent = attached_calendar(message)
    assert str(vevent["uid"]) == event_uid(event)


def test_a_day_long_event_s_reminder_gives_its_day_not_a_midnight(sweep):
    """A conference known by its day (15 June): the reminder says the day, as its page does,
    not "00:00 (Baku)"."""
    day = baku_ten_oclock(2).replace(hour=0)
    event = EventFactory(
        venue=BakuVenueFactory(),
        start=day,
        end=day + timedelta(days=1),
        date_precision=DatePrecision.DAY,
    )
    confirmed_long_ago(event=event, time_zone=IZMIR, language="en")
    due = reminders.reminder_due_at(start=event.start, time_zone=BAKU, offset=DAY)

    sweep(now=due + timedelta(minutes=1))

    [message] = mail.outbox
    assert re.search(r"When: \d{1,2} \w+ \d{4}\n", message.body), message.body
    assert "00:00" not in message.body and "00:00" not in message.alternatives[0][0]


def test_delegate_in_the_venues_zone_sees_one_time(sweep):
    event = EventFactory(venue=BakuVenueFactory(), start=baku_ten_oclock(1))
    confirmed_long_ago(event=event, time_zone=BAKU, language="en")
    due = reminders.reminder_due_at(start=event.start, time_zone=BAKU, offset=DAY)

    sweep(now=due)

    assert "Your time" not in mail.outbox[0].body


# --- exactly once --------------------------------------------------------------------------
def test_sweep_sends_a_due_reminder_once_however_often_it_runs(sweep):
    event = EventFactory(start=timezone.now() + timedelta(hours=23))
    registration = confirmed_long_ago(event=event)

    first = sweep()
    second = sweep()
    sweep(now=timezone.now() + timedelta(minutes=30))

    assert (first.claimed, second.claimed, len(mail.outbox)) == (1, 0, 1)
    assert mail.outbox[0].to == [registration.email]
    sent = ReminderDelivery.objects.get(state=DeliveryState.SENT)
    assert (sent.offset, sent.attempts, sent.sent_at is not None) == (DAY, 1, True)


def test_sweep_sends_only_the_latest_of_several_overdue_reminders(sweep):
    event = EventFactory(start=timezone.now() + timedelta(hours=12))
    confirmed_long_ago(event=event)

    result = sweep()

    assert (len(mail.outbox), result.skipped) == (1, 1)
    states = dict(ReminderDelivery.objects.values_list("offset", "state"))
    assert states == {7 * DAY: DeliveryState.SKIPPED, DAY: DeliveryState.SENT, 120: "pending"}


def test_sweep_takes_over_rows_a_dead_worker_left_sending_after_the_lease(sweep):
    event = EventFactory(start=timezone.now() + timedelta(days=3))
    deliveries = [
        ReminderDeliveryFactory(registration=confirmed_long_ago(event=event)) for _ in range(3)
    ]
    now = timezone.now()
    dead = reminders.claim_due(now=now, limit=10)  # claimed, never sent: the worker died

    early = sweep(now=now + reminders.CLAIM_LEASE - timedelta(seconds=1))
    late = sweep(now=now + reminders.CLAIM_LEASE + timedelta(seconds=1))
    redelivered = reminders.send_batch(delivery_ids=dead.delivery_ids, claim=dead.token)

    assert (early.claimed, late.claimed) == (0, 3)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.email for d in deliveries)
    assert (redelivered.sent, redelivered.not_ours) == (0, 3)


def test_send_batch_sends_only_rows_still_sending_under_its_claim():
    delivery = ReminderDeliveryFactory()
    claim = reminders.claim_due(now=timezone.now(), limit=10)

    first = reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)
    again = reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)
    stranger = reminders.send_batch(delivery_ids=[delivery.pk], claim="not-the-token")

    assert (first.sent, again.not_ours, stranger.not_ours, len(mail.outbox)) == (1, 1, 1, 1)


def test_claim_due_takes_each_row_once():
    for _ in range(5):
        ReminderDeliveryFactory()
    now = timezone.now()

    first = reminders.claim_due(now=now, limit=3)
    second = reminders.claim_due(now=now, limit=3)
    third = reminders.claim_due(now=now, limit=3)

    assert (len(first.delivery_ids), len(second.delivery_ids), third.delivery_ids) == (3, 2, [])
    assert set(first.delivery_ids).isdisjoint(second.delivery_ids)


def test_unique_key_refuses_a_second_reminder_for_the_same_registration_and_offset():

    delivery = ReminderDeliveryFactory()

    with pytest.raises(IntegrityError):
        ReminderDeliveryFactory(registration=delivery.registration)


def test_send_batch_skips_a_reminder_whose_registration_was_cancelled_after_the_claim(settings):
    settings.LANGUAGE_CODE = "tr"  # staff, cron and board get the site language
    delivery = ReminderDeliveryFactory()
    claim = reminders.claim_due(now=timezone.now(), limit=10)
    delivery.registration.status = RegistrationStatus.CANCELLED
    delivery.registration.save()

    result = reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)

    delivery.refresh_from_db()
    assert (result.skipped, delivery.state, mail.outbox) == (1, DeliveryState.SKIPPED, [])
    assert delivery.last_error == "Kayıt artık onaylı değil."  # the site language, for staff


def test_plan_reminders_skips_pending_rows_of_cancelled_registrations():
    event = EventFactory(start=timezone.now() + timedelta(days=10))
    registration = RegistrationFactory(event=event)
    reminders.plan_reminders()
    registration.status = RegistrationStatus.CANCELLED
    registration.save()

    reminders.plan_reminders()

    states = set(registration.reminder_deliveries.values_list("state", flat=True))
    assert states == {DeliveryState.SKIPPED}


# --- cancellation --------------------------------------------------------------------------
def test_cancel_event_sends_one_notice_per_active_registration_and_no_more_reminders(
    sweep, after_commit, settings
):
    settings.DEFAULT_FROM_EMAIL = "Kardeş 40 <noreply@izazder.org>"
    event = EventFactory(start=timezone.now() + timedelta(days=3))
    confirmed = confirmed_long_ago(event=event, language="en")
    waitlisted = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    reminders.plan_reminders()

    after_commit(cancel_event, event=event)
    after_commit(cancel_event, event=event)
    sweep(now=event.start - timedelta(hours=1))

    assert sorted(m.to[0] for m in mail.outbox) == sorted([confirmed.email, waitlisted.email])
    notice = next(m for m in mail.outbox if m.to == [confirmed.email])
    assert notice.subject == f"Cancelled: {event.title}"
    # The organizer's CANCEL to this attendee (RFC 5546 §3.2.5): clients remove their copy.
    vevent = attached_calendar(notice, method="CANCEL")
    assert (str(vevent["status"]), str(vevent["uid"])) == ("CANCELLED", event_uid(event))
    assert vevent["sequence"] == Event.objects.get(pk=event.pk).sequence == event.sequence + 1
    assert str(vevent["organizer"]) == "mailto:noreply@izazder.org"
    assert vevent["organizer"].params["cn"] == "Kardeş 40"
    assert str(vevent["attendee"]) == f"mailto:{confirmed.email}"
    pending = ReminderDelivery.objects.filter(kind=DeliveryKind.DELEGATE_REMINDER)
    assert set(pending.values_list("state", flat=True)) == {DeliveryState.SKIPPED}


# --- moving --------------------------------------------------------------------------------
def test_reschedule_event_retimes_pending_reminders_and_sends_one_notice(after_commit):
    event = EventFactory(venue=BakuVenueFactory(), start=baku_ten_oclock(10))
    registration = confirmed_long_ago(event=event, language="en")
    reminders.plan_reminders()
    uid, sequence = event_uid(event), event.sequence
    new_start = event.start + timedelta(days=2, hours=1)

    after_commit(reschedule_event, event=event, start=new_start, end=new_start + timedelta(hours=2))
    after_commit(reschedule_event, event=event, start=new_start, end=new_start + timedelta(hours=2))

    [notice] = mail.outbox
    assert notice.to == [registration.email]
    assert notice.subject.startswith(f"New time: {event.title}")
    assert "11:00–13:00 Baku" in notice.body
    vevent = attached_calendar(notice)
    assert (str(vevent["uid"]), vevent["sequence"]) == (uid, sequence + 1)
    dues = dict(
        registration.reminder_deliveries.filter(
            kind=DeliveryKind.DELEGATE_REMINDER, state=DeliveryState.PENDING
        ).values_list("offset", "due_at")
    )
    assert dues[DAY] == new_start - timedelta(days=1)


def test_reschedule_event_twice_sends_a_second_notice_with_a_higher_sequence(after_commit):
    event = EventFactory(start=timezone.now() + timedelta(days=10))
    confirmed_long_ago(event=event, language="en")
    first = event.start + timedelta(days=1)
    second = event.start + timedelta(days=2)

    after_commit(reschedule_event, event=event, start=first, end=first + timedelta(hours=1))
    after_commit(reschedule_event, event=event, start=second, end=second + timedelta(hours=1))

    sequences = [attached_calendar(m)["sequence"] for m in mail.outbox]
    assert sequences == [event.sequence + 1, event.sequence + 2]


def test_reschedule_event_earlier_skips_reminders_whose_time_has_passed(after_commit):
    event = EventFactory(start=timezone.now() + timedelta(days=10))
    registration = confirmed_long_ago(event=event)
    reminders.plan_reminders()
    earlier = timezone.now() + timedelta(days=3)

    after_commit(reschedule_event, event=event, start=earlier, end=earlier + timedelta(hours=1))

    states = dict(
        registration.reminder_deliveries.filter(kind=DeliveryKind.DELEGATE_REMINDER).values_list(
            "offset", "state"
        )
    )
    assert states == {7 * DAY: DeliveryState.SKIPPED, DAY: "pending", 120: "pending"}


# --- pause ---------------------------------------------------------------------------------
def test_paused_event_sends_no_reminders_until_resumed(sweep):
    event = EventFactory(start=timezone.now() + timedelta(hours=23), reminders_paused=True)
    confirmed_long_ago(event=event)

    sweep()
    held = ReminderDelivery.objects.count()
    reminders.pause_reminders(events=type(event).objects.filter(pk=event.pk), paused=False)
    sweep()

    assert (held, len(mail.outbox)) == (0, 1)


def test_pausing_releases_a_claimed_reminder_instead_of_losing_it():
    delivery = ReminderDeliveryFactory()
    claim = reminders.claim_due(now=timezone.now(), limit=10)
    delivery.event.reminders_paused = True
    delivery.event.save()

    reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)

    delivery.refresh_from_db()
    assert (delivery.state, mail.outbox) == (DeliveryState.PENDING, [])


# --- responsible person --------------------------------------------------------------------
def test_responsible_person_hears_30_days_before_an_unconfirmed_event(sweep):
    person = PersonFactory(preferred_language="en", full_name="Rauf Əliyev")
    event = EventFactory(start=timezone.now() + timedelta(days=29), status=EventStatus.PLANNED)
    event.created_at = timezone.now() - timedelta(days=90)
    event.responsible = person
    event.save()

    sweep()
    sweep()

    [message] = mail.outbox
    assert (message.to, message.subject) == (
        [person.email],
        f"Not confirmed yet: {event.title} in 30 days",
    )
    assert "status: Planned" in message.body


def test_confirmed_event_sends_no_responsible_reminder(sweep):
    event = EventFactory(
        start=timezone.now() + timedelta(days=29),
        status=EventStatus.PLANNED,
        responsible=PersonFactory(),
    )
    type(event).objects.filter(pk=event.pk).update(created_at=timezone.now() - timedelta(days=90))
    reminders.plan_reminders()
    confirm_event(event=event)

    sweep()

    assert mail.outbox == []
    assert set(ReminderDelivery.objects.values_list("state", flat=True)) == {DeliveryState.SKIPPED}


# --- language ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["Hatırlatma: ", "Yeni zaman: ", "İptal edildi: "]),
        ("az", ["Xatırlatma: ", "Yeni vaxt: ", "Ləğv edildi: "]),
        ("en", ["Reminder: ", "New time: ", "Cancelled: "]),
    ],
)
def test_emails_are_in_the_delegates_language(sweep, after_commit, language, expected):
    event = EventFactory(start=timezone.now() + timedelta(hours=23), venue=VenueFactory())
    confirmed_long_ago(event=event, language=language)
    later = event.start + timedelta(hours=1)

    sweep()
    after_commit(reschedule_event, event=event, start=later, end=later + timedelta(hours=1))
    after_commit(cancel_event, event=event)

    assert [m.subject.split(event.title)[0] for m in mail.outbox] == expected


def test_demo_registrations_get_no_reminders_or_notices(sweep, after_commit):
    event = EventFactory(start=timezone.now() + timedelta(hours=23))
    confirmed_long_ago(event=event, is_demo=True)

    sweep()
    after_commit(cancel_event, event=event)

    assert (mail.outbox, ReminderDelivery.objects.count()) == ([], 0)


def test_cancelling_a_past_event_notifies_nobody(after_commit):
    start = timezone.now() - timedelta(days=2)
    event = EventFactory(start=start, end=start + timedelta(hours=2))
    RegistrationFactory(event=event)

    after_commit(cancel_event, event=event)

    assert (mail.outbox, ReminderDelivery.objects.count()) == ([], 0)


def test_send_batch_gives_up_on_a_row_that_failed_temporarily_too_often():
    delivery = ReminderDeliveryFactory(attempts=reminders.MAX_ATTEMPTS, last_error="451 later")
    claim = reminders.claim_due(now=timezone.now(), limit=10)

    result = reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)

    delivery.refresh_from_db()
    assert (result.failed, delivery.state, delivery.last_error) == (1, "failed", "451 later")
    assert mail.outbox == []


def test_bad_offsets_of_one_event_do_not_stop_the_others():
    broken = EventFactory(start=timezone.now() + timedelta(days=10), reminder_offsets=["x", -5])
    fine = EventFactory(start=timezone.now() + timedelta(days=10), reminder_offsets=[DAY, 2, True])
    RegistrationFactory(event=broken)
    registration = RegistrationFactory(event=fine)

    reminders.plan_reminders()

    assert sorted(registration.reminder_deliveries.values_list("offset", flat=True)) == [2, DAY]
    assert list(broken.reminder_deliveries.all()) == []
