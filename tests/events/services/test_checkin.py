import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from events.enums import EventStatus, RegistrationStatus
from events.links import checkin_url
from events.services.checkin import CheckInRefused, check_in
from events.tokens import CHECK_IN, read_token
from tests.factories import (
    BakuVenueFactory,
    BoardMemberFactory,
    EventFactory,
    RegistrationFactory,
    TodayEventFactory,
)

pytestmark = pytest.mark.django_db


def test_check_in_marks_confirmed_registration_attended():
    registration = RegistrationFactory(event=TodayEventFactory())
    member = BoardMemberFactory()

    result = check_in(registration=registration, by=member)

    registration.refresh_from_db()
    assert result.already is False
    assert registration.attended_at is not None
    assert registration.checked_in_by == member


def test_check_in_twice_keeps_first_time():
    registration = RegistrationFactory(event=TodayEventFactory())
    first = check_in(registration=registration, by=BoardMemberFactory())

    second = check_in(registration=registration, by=BoardMemberFactory())

    registration.refresh_from_db()
    assert second.already is True
    assert registration.attended_at == first.registration.attended_at
    assert registration.checked_in_by == first.registration.checked_in_by
    local = registration.attended_at.astimezone(ZoneInfo("Europe/Istanbul"))
    assert second.message == f"{registration.full_name} was already checked in at {local:%H:%M}."


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (RegistrationStatus.PENDING, "has not confirmed"),
        (RegistrationStatus.WAITLISTED, "is on the waitlist"),
        (RegistrationStatus.CANCELLED, "was cancelled"),
        (RegistrationStatus.EXPIRED, "expired"),
    ],
)
def test_check_in_without_seat_is_refused(status, words):
    registration = RegistrationFactory(event=TodayEventFactory(), status=status)

    with pytest.raises(CheckInRefused) as refused:
        check_in(registration=registration, by=None)

    registration.refresh_from_db()
    assert words in refused.value.message
    assert registration.full_name in refused.value.message
    assert registration.attended_at is None


def test_check_in_for_cancelled_event_is_refused():
    registration = RegistrationFactory(event=TodayEventFactory(status=EventStatus.CANCELLED))

    with pytest.raises(CheckInRefused) as refused:
        check_in(registration=registration, by=None)

    registration.refresh_from_db()
    assert refused.value.message == f"“{registration.event.title}” is cancelled."
    assert registration.attended_at is None


def test_check_in_before_event_day_is_refused():
    registration = RegistrationFactory(event=EventFactory())  # in two weeks

    with pytest.raises(CheckInRefused) as refused:
        check_in(registration=registration, by=None)

    registration.refresh_from_db()
    assert "check-in opens on the day" in refused.value.message
    assert registration.attended_at is None


def test_check_in_after_event_day_is_refused():
    start = timezone.now() - timedelta(days=3)
    registration = RegistrationFactory(
        event=EventFactory(start=start, end=start + timedelta(hours=2))
    )

    with pytest.raises(CheckInRefused) as refused:
        check_in(registration=registration, by=None)

    registration.refresh_from_db()
    assert "check-in is closed" in refused.value.message
    assert registration.attended_at is None


def test_check_in_uses_the_venue_day_not_the_server_day():
    # 23:30 in Bakü on 1 December is still 22:30 on 1 December in İzmir, but 00:30 on the 2nd
    # would be the next day in Bakü only.
    baku = ZoneInfo("Asia/Baku")
    event = EventFactory(
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 1, 18, 0, tzinfo=baku),
        end=datetime(2026, 12, 1, 23, 0, tzinfo=baku),
    )
    registration = RegistrationFactory(event=event)

    with pytest.raises(CheckInRefused):
        check_in(registration=registration, by=None, now=datetime(2026, 12, 2, 0, 30, tzinfo=baku))
    result = check_in(
        registration=registration, by=None, now=datetime(2026, 12, 1, 23, 30, tzinfo=baku)
    )

    assert result.registration.attended_at == datetime(2026, 12, 1, 23, 30, tzinfo=baku)


def test_check_in_on_second_day_of_multi_day_event_is_allowed():
    izmir = ZoneInfo("Europe/Istanbul")
    event = EventFactory(
        start=datetime(2026, 12, 1, 10, 0, tzinfo=izmir),
        end=datetime(2026, 12, 3, 18, 0, tzinfo=izmir),
    )
    registration = RegistrationFactory(event=event)

    result = check_in(
        registration=registration, by=None, now=datetime(2026, 12, 2, 9, 0, tzinfo=izmir)
    )

    assert result.already is False
    assert event.local_days == (datetime(2026, 12, 1).date(), datetime(2026, 12, 3).date())


def test_checkin_url_carries_a_check_in_token(settings):
    settings.SITE_URL = "https://kardes40.example"
    registration = RegistrationFactory()

    url = checkin_url(registration)

    prefix = "https://kardes40.example/board/registrants/checkin/"
    assert url.startswith(prefix)
    assert read_token(url[len(prefix) :].rstrip("/"), purpose=CHECK_IN) == registration


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_check_in_two_simultaneous_taps_agree_on_one_time(postgres):

    registration = RegistrationFactory(event=TodayEventFactory())
    volunteers = [BoardMemberFactory(), BoardMemberFactory()]
    start = threading.Barrier(2)
    results = []

    def tap(volunteer):
        try:
            start.wait()
            results.append(check_in(registration=registration, by=volunteer))
        finally:
            connection.close()

    threads = [threading.Thread(target=tap, args=(volunteer,)) for volunteer in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    registration.refresh_from_db()
    assert sorted(result.already for result in results) == [False, True]
    first = next(result for result in results if not result.already)
    assert registration.attended_at == first.registration.attended_at
    assert registration.checked_in_by == first.registration.checked_in_by
