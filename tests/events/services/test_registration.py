from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from events.delegations.models import DelegationGroup, GroupStatus
from events.enums import EventStatus, RegistrationStatus
from events.models import Event, Registration
from events.services.locks import lock_event
from events.services.registration import (
    RegistrationError,
    _seat_counts,
    cancel_registration,
    confirm_registration,
    expire_overdue_registrations,
    promote_from_waitlist,
    register_delegate,
)
from events.timezones import BAKU, IZMIR
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    PendingRegistrationFactory,
    RegistrationFactory,
    WaitlistedRegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Assertions read the English msgids; the site's default language is Turkish.
    with translation.override("en"):
        yield


def register(event, **overrides):
    data = {
        "event": event,
        "full_name": "Leyla Məmmədova",
        "email": "leyla@example.az",
        "organization": "Bakı Dövlət Universiteti",
        "country": "AZ",
        "language": "en",
        "consent": True,
    }
    data.update(overrides)
    return register_delegate(**data)


def statuses(event):
    return list(event.registrations.order_by("pk").values_list("email", "status"))


def test_register_delegate_with_free_seat_is_pending_until_deadline(
    settings, django_capture_on_commit_callbacks
):
    settings.REGISTRATION_CONFIRM_HOURS = 48
    event = EventFactory(capacity=2, start=timezone.now() + timedelta(days=10))
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, email="  Leyla@Example.AZ ")

    assert registration.status == RegistrationStatus.PENDING
    assert registration.email == "leyla@example.az"
    assert registration.time_zone == BAKU
    assert (
        before + timedelta(hours=48)
        <= registration.expires_at
        <= timezone.now() + timedelta(hours=48)
    )
    assert [m.to for m in mail.outbox] == [["leyla@example.az"]]
    assert "/confirm/" in mail.outbox[0].body


def test_register_delegate_deadline_never_after_event_start(settings):
    settings.REGISTRATION_CONFIRM_HOURS = 48
    event = EventFactory(start=timezone.now() + timedelta(hours=5))

    registration = register(event)

    assert registration.expires_at == event.start


def test_register_delegate_from_a_one_clock_country_gets_its_zone():
    """Germany keeps one clock (CLDR lists Berlin and Büsingen, which agree): emails add the
    registrant's own time, not İzmir's."""
    assert register(EventFactory(), country="DE").time_zone == "Europe/Berlin"
    assert register(EventFactory(), country="GE", email="g@example.org").time_zone == "Asia/Tbilisi"


@pytest.mark.parametrize("country", ["US", "RU", "AQ", "XX", ""])
def test_register_delegate_whose_zone_cannot_be_told_reads_the_venue_zone(country):
    """A country of several clocks (or none known): no guess, the venue's zone, so no email
    adds a "your time" line in a zone the registrant may not be in."""
    baku = EventFactory(venue=BakuVenueFactory())
    izmir = EventFactory()

    assert register(baku, country=country).time_zone == BAKU
    assert register(izmir, country=country, email="i@example.org").time_zone == IZMIR


def test_register_delegate_from_the_two_countries_reads_their_city():
    baku = EventFactory(venue=BakuVenueFactory())

    assert register(baku, country="TR").time_zone == IZMIR
    assert register(baku, country="AZ", email="a@example.org").time_zone == BAKU


def test_register_delegate_when_full_joins_waitlist(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, email="first@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event)

    assert (registration.status, registration.expires_at) == (RegistrationStatus.WAITLISTED, None)
    assert mail.outbox[0].subject == f"You are on the waitlist: {event.title}"


def test_register_delegate_same_email_twice_is_refused_without_second_row():
    event = EventFactory()
    register(event, email="leyla@example.az")

    with pytest.raises(RegistrationError) as error:
        register(event, email="LEYLA@example.az")

    assert "already registered for this event" in error.value.message_dict["email"][0]
    assert statuses(event) == [("leyla@example.az", RegistrationStatus.PENDING)]


def test_register_delegate_again_after_cancelling_is_allowed():
    event = EventFactory()
    RegistrationFactory(event=event, email="leyla@example.az", status=RegistrationStatus.CANCELLED)

    registration = register(event, email="leyla@example.az")

    assert registration.status == RegistrationStatus.PENDING


HOUR, DAY = timedelta(hours=1), timedelta(days=1)


@pytest.mark.parametrize(
    ("event_offsets", "message"),
    # Offsets from the pinned "now", applied inside the test: parameters are built at collection.
    [
        ({"status": EventStatus.CANCELLED}, "This event has been cancelled"),
        ({"start": -2 * DAY, "end": -DAY}, "This event has already taken place."),
        ({"registration_opens": DAY}, "Registration opens on"),
        ({"registration_closes": -timedelta(minutes=1)}, "Registration for this event is closed."),
        ({"start": -HOUR, "end": HOUR}, "Registration for this event is closed."),
    ],
    ids=["cancelled", "past", "not-yet-open", "closed", "started"],
)
def test_register_delegate_outside_the_window_is_refused(event_offsets, message, now):
    event = EventFactory(
        **{
            field: now + value if isinstance(value, timedelta) else value
            for field, value in event_offsets.items()
        }
    )

    with pytest.raises(RegistrationError) as error:
        register(event)

    assert message in error.value.messages[0]
    assert Registration.objects.count() == 0


def test_register_delegate_without_consent_is_refused():
    event = EventFactory()

    with pytest.raises(RegistrationError) as error:
        register(event, consent=False)

    assert error.value.message_dict == {
        "consent": ["Please accept the privacy notice to register."]
    }
    assert Registration.objects.count() == 0


def test_register_delegate_overdue_pending_seat_goes_to_the_waitlist_first():
    event = EventFactory(capacity=1)
    overdue = PendingRegistrationFactory(
        event=event, email="late@example.org", expires_at=timezone.now() - timedelta(minutes=1)
    )
    waiting = WaitlistedRegistrationFactory(event=event, email="waiting@example.org")

    newcomer = register(event, email="new@example.org")

    overdue.refresh_from_db()
    waiting.refresh_from_db()
    assert (overdue.status, waiting.status, newcomer.status) == (
        RegistrationStatus.EXPIRED,
        RegistrationStatus.PENDING,
        RegistrationStatus.WAITLISTED,
    )


def test_register_delegate_unlimited_event_never_waitlists():
    event = EventFactory(capacity=None)
    RegistrationFactory.create_batch(3, event=event)

    assert register(event).status == RegistrationStatus.PENDING


def test_confirm_registration_sends_ics_and_check_in_qr(django_capture_on_commit_callbacks):
    registration = PendingRegistrationFactory(language="en")

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = confirm_registration(registration=registration)

    assert (confirmed.status, confirmed.expires_at) == (RegistrationStatus.CONFIRMED, None)
    message = mail.outbox[0]
    assert message.subject == f"Your registration is confirmed: {registration.event.title}"
    names = [(name, mimetype) for name, _content, mimetype in message.attachments]
    assert names == [
        (f"{registration.event.slug}.ics", "text/calendar; method=PUBLISH"),
        ("check-in-qr.png", "image/png"),
    ]
    ics = icalendar.Calendar.from_ical(message.attachments[0][1])
    assert [str(e["uid"]) for e in ics.walk("VEVENT")] == [
        f"event-{registration.event.pk}@kardes40.izazder.org"
    ]
    assert message.attachments[1][1].startswith(b"\x89PNG")


def test_confirm_registration_twice_changes_nothing_more(django_capture_on_commit_callbacks):
    registration = PendingRegistrationFactory()
    first = confirm_registration(registration=registration)

    with django_capture_on_commit_callbacks(execute=True):
        second = confirm_registration(registration=registration)

    assert second.confirmed_at == first.confirmed_at
    assert mail.outbox == []


def test_confirm_registration_on_the_waitlist_is_refused():
    registration = WaitlistedRegistrationFactory()

    with pytest.raises(RegistrationError) as error:
        confirm_registration(registration=registration)

    assert "You are on the waitlist" in error.value.messages[0]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.WAITLISTED


def test_confirm_registration_after_deadline_expires_it_and_passes_the_seat_on(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1)
    late = PendingRegistrationFactory(event=event, expires_at=timezone.now() - timedelta(hours=1))
    waiting = WaitlistedRegistrationFactory(event=event)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RegistrationError) as error,
    ):
        confirm_registration(registration=late)

    assert "ran out" in error.value.messages[0]
    late.refresh_from_db()
    waiting.refresh_from_db()
    assert (late.status, waiting.status) == (RegistrationStatus.EXPIRED, RegistrationStatus.PENDING)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([late.email, waiting.email])


def test_cancel_registration_promotes_first_in_line(settings, django_capture_on_commit_callbacks):
    settings.REGISTRATION_CONFIRM_HOURS = 24
    event = EventFactory(capacity=1, start=timezone.now() + timedelta(days=5))
    seat = RegistrationFactory(event=event, email="seat@example.org", language="en")
    first = WaitlistedRegistrationFactory(event=event, email="first@example.org", language="en")
    WaitlistedRegistrationFactory(event=event, email="second@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=seat)

    first.refresh_from_db()
    assert statuses(event) == [
        ("seat@example.org", RegistrationStatus.CANCELLED),
        ("first@example.org", RegistrationStatus.PENDING),
        ("second@example.org", RegistrationStatus.WAITLISTED),
    ]
    assert timedelta(hours=23) < first.expires_at - timezone.now() <= timedelta(hours=24)
    assert [(m.to[0], m.subject.split(":")[0]) for m in mail.outbox] == [
        ("seat@example.org", "Registration cancelled"),
        ("first@example.org", "A seat is free for you"),
    ]


def test_cancel_registration_from_the_waitlist_promotes_nobody():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, email="seat@example.org")
    leaving = WaitlistedRegistrationFactory(event=event, email="leaving@example.org")
    WaitlistedRegistrationFactory(event=event, email="next@example.org")

    cancel_registration(registration=leaving)

    assert statuses(event) == [
        ("seat@example.org", RegistrationStatus.CONFIRMED),
        ("leaving@example.org", RegistrationStatus.CANCELLED),
        ("next@example.org", RegistrationStatus.WAITLISTED),
    ]


def test_cancel_registration_twice_sends_one_notice(django_capture_on_commit_callbacks):
    registration = RegistrationFactory()
    cancel_registration(registration=registration)

    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=registration)

    assert mail.outbox == []


def test_cancel_registration_after_the_event_is_refused():
    event = EventFactory(
        start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=1)
    )
    registration = RegistrationFactory(event=event)

    with pytest.raises(RegistrationError) as error:
        cancel_registration(registration=registration)

    assert "already taken place" in error.value.messages[0]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancelled_event_promotes_nobody():
    event = EventFactory(capacity=1, status=EventStatus.CANCELLED)
    seat = RegistrationFactory(event=event)
    waiting = WaitlistedRegistrationFactory(event=event)

    cancel_registration(registration=seat)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_expire_overdue_registrations_expires_and_promotes(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    PendingRegistrationFactory.create_batch(
        2, event=event, expires_at=timezone.now() - timedelta(minutes=5), language="en"
    )
    on_time = PendingRegistrationFactory(
        event=EventFactory(), expires_at=timezone.now() + timedelta(hours=1)
    )
    waiting = WaitlistedRegistrationFactory(event=event, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        count = expire_overdue_registrations()

    waiting.refresh_from_db()
    on_time.refresh_from_db()
    assert count == 2
    assert event.registrations.filter(status=RegistrationStatus.EXPIRED).count() == 2
    assert (waiting.status, on_time.status) == (
        RegistrationStatus.PENDING,
        RegistrationStatus.PENDING,
    )
    assert sorted(m.subject.split(":")[0] for m in mail.outbox) == [
        "A seat is free for you",
        "Registration expired",
        "Registration expired",
    ]


def test_expire_overdue_registrations_with_a_future_now_uses_it():
    registration = PendingRegistrationFactory(expires_at=timezone.now() + timedelta(hours=1))

    count = expire_overdue_registrations(now=timezone.now() + timedelta(hours=2))

    registration.refresh_from_db()
    assert (count, registration.status) == (1, RegistrationStatus.EXPIRED)


def test_expire_registrations_command_reports_the_count():
    PendingRegistrationFactory(expires_at=timezone.now() - timedelta(minutes=1))
    out = StringIO()

    call_command("expire_registrations", stdout=out)

    assert out.getvalue().strip() == "Expired registrations: 1"
    assert Registration.objects.filter(status=RegistrationStatus.EXPIRED).count() == 1


def test_promote_from_waitlist_fills_seats_added_by_staff():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = WaitlistedRegistrationFactory.create_batch(3, event=event)
    event.capacity = 3
    event.save()

    promoted = promote_from_waitlist(event=event)

    assert promoted == waiting[:2]
    assert list(event.registrations.values_list("status", flat=True)) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.PENDING,
        RegistrationStatus.PENDING,
        RegistrationStatus.WAITLISTED,
    ]


@pytest.mark.parametrize(
    ("language", "month", "subject", "times"),
    [
        ("tr", "Aralık", "Lütfen kaydınızı onaylayın: Nevruz", "19:00–22:00 İzmir · 20:00 Bakü"),
        (
            "az",
            "dekabr",
            "Zəhmət olmasa, qeydiyyatınızı təsdiqləyin: Nevruz",
            "19:00–22:00 İzmir · 20:00 Bakı",
        ),
        (
            "en",
            "December",
            "Please confirm your registration: Nevruz",
            "19:00–22:00 Izmir · 20:00 Baku",
        ),
    ],
)
@pytest.mark.now("2026-11-25T10:00:00+03:00")  # a December event still to come
def test_registration_email_is_in_the_delegates_language(
    language, month, subject, times, django_capture_on_commit_callbacks
):

    event = EventFactory(title="Nevruz", start=datetime(2026, 12, 10, 19, tzinfo=ZoneInfo(IZMIR)))

    with django_capture_on_commit_callbacks(execute=True):
        register(event, language=language)

    message = mail.outbox[0]
    assert message.subject == subject
    assert month in message.body
    assert month in message.alternatives[0][0]
    assert times in message.body


def test_registration_email_subject_stays_one_line_whatever_the_title(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(title="Forum\r\nBcc: victim@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        register(event)

    message = mail.outbox[0]
    assert message.subject == "Please confirm your registration: Forum Bcc: victim@example.org"
    assert "\n" not in message.message()["Subject"]
    assert message.recipients() == ["leyla@example.az"]
    assert message.message()["Bcc"] is None


def test_registration_email_html_escapes_the_name(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(EventFactory(), full_name="<script>alert(1)</script> Ali")

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ali" in html
    assert "<script>alert(1)</script> Ali" in message.body  # plain text is not HTML


def test_every_registration_email_carries_the_self_service_link(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        second = register(event, email="b@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        confirm_registration(registration=first)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=first)

    kinds = [m.subject.split(":")[0] for m in mail.outbox]
    assert kinds == [
        "Please confirm your registration",
        "You are on the waitlist",
        "Your registration is confirmed",
        "Registration cancelled",
        "A seat is free for you",
    ]
    for message, registration in zip(
        mail.outbox, [first, second, first, first, second], strict=True
    ):
        assert f"/registrations/{registration.pk}/" in message.body
        assert f"/registrations/{registration.pk}/" in message.alternatives[0][0]


def test_seat_counts_under_the_lock_agree_with_the_orm():
    """The hand-written count that runs under the event lock, against the querysets' rules."""

    now = timezone.now()
    event = EventFactory(capacity=10)
    other_event = EventFactory(capacity=10)
    office = "203.0.113.0/24"
    PendingRegistrationFactory(
        event=event,
        email="late@example.org",
        expires_at=now - timedelta(minutes=1),
        client_network=office,
    )
    PendingRegistrationFactory(event=event, expires_at=now + timedelta(hours=1))
    RegistrationFactory.create_batch(
        2, event=event, status=RegistrationStatus.CONFIRMED, client_network=office
    )
    WaitlistedRegistrationFactory.create_batch(3, event=event)
    # Its seat hold ran out: it still awaits confirmation; the plain waitlisted one does not.
    WaitlistedRegistrationFactory(
        event=event, client_network=office, expires_at=now + timedelta(hours=1)
    )
    WaitlistedRegistrationFactory(event=event, client_network=office)
    PendingRegistrationFactory(event=other_event, client_network=office)
    RegistrationFactory(event=event, email="back@example.org", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event, status=RegistrationStatus.EXPIRED)
    PendingRegistrationFactory(event=other_event, email="late@example.org", expires_at=now)
    for group_event, status in [
        (event, GroupStatus.WAITLISTED),
        (event, GroupStatus.HELD),
        (other_event, GroupStatus.WAITLISTED),
    ]:
        DelegationGroup.objects.create(
            event=group_event,
            head_email="h@example.az",
            country="AZ",
            consent_at=now,
            status=status,
        )

    registrations = Registration.objects.filter(event=event)
    expected = {
        "held": registrations.holding_seat().count(),
        "waitlisted": registrations.waitlisted().count(),
        "overdue": registrations.pending().filter(expires_at__lt=now).count(),
    }
    from_office = registrations.awaiting_confirmation().filter(client_network=office).count()

    assert expected == {"held": 4, "waitlisted": 5, "overdue": 1}
    assert from_office == 2
    assert _seat_counts(event, now=now, email="late@example.org", network=office) == {
        **expected,
        "same_email": 1,
        "same_network": from_office,
        "groups_waiting": 1,
    }
    # Cancelled and expired registrations hold nothing, not even the email address.
    assert _seat_counts(event, now=now, email="back@example.org", network="198.51.100.0/24") == {
        **expected,
        "same_email": 0,
        "same_network": 0,
        "groups_waiting": 1,
    }
    assert _seat_counts(other_event, now=now, network=office) == {
        "held": 2,
        "waitlisted": 0,
        "overdue": 0,
        "same_email": 0,
        "same_network": 1,
        "groups_waiting": 1,
    }


def test_lock_reads_the_event_row_again_whole_and_fresh(django_assert_num_queries):
    event = EventFactory(capacity=10, title_en="Nevruz")
    Event.objects.filter(pk=event.pk).update(capacity=3)

    with django_assert_num_queries(1):
        locked = lock_event(event)
        # Every column came with it: nothing deferred, no query for a field.
        values = [getattr(locked, field.attname) for field in Event._meta.concrete_fields]

    assert locked.capacity == 3
    assert values == [
        getattr(Event.objects.get(pk=event.pk), f.attname) for f in Event._meta.concrete_fields
    ]
    assert locked.get_deferred_fields() == set()
    with pytest.raises(Event.DoesNotExist):
        lock_event(Event(pk=event.pk + 1000))
