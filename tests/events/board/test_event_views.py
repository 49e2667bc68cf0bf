from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from events.enums import DatePrecision, EventKind, EventStatus
from events.models import Event
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")
IZMIR = ZoneInfo("Europe/Istanbul")


def _create_data(**overrides):
    data = {
        "title_tr": "Bakü B2B görüşmeleri",
        "slug": "",
        "kind": EventKind.B2B_MEETING,
        "status": EventStatus.PLANNED,
        "venue": "",
        "date_precision": DatePrecision.EXACT,
        "start": "2027-03-10T10:00",
        "end": "2027-03-10T13:00",
        "capacity": "40",
        "is_public": "on",
    }
    data.update(overrides)
    return data


def test_event_create_reads_times_in_the_bakü_venues_zone(board_client):
    venue = BakuVenueFactory()

    response = board_client.post(reverse("board:event_create"), _create_data(venue=venue.pk))

    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("board:event_detail", kwargs={"slug": event.slug})
    assert event.start == datetime(2027, 3, 10, 6, 0, tzinfo=UTC)
    assert event.end == datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
    assert event.slug == "baku-b2b-gorusmeleri"


def test_event_create_without_venue_reads_izmir_time(board_client):
    board_client.post(reverse("board:event_create"), _create_data())

    assert Event.objects.get().start == datetime(2027, 3, 10, 7, 0, tzinfo=UTC)


def test_event_create_at_month_precision_spans_the_local_month(board_client):
    venue = VenueFactory()

    board_client.post(
        reverse("board:event_create"),
        _create_data(venue=venue.pk, date_precision=DatePrecision.MONTH, end=""),
    )

    event = Event.objects.get()
    assert event.local_start == datetime(2027, 3, 1, 0, 0, tzinfo=IZMIR)
    assert event.local_end == datetime(2027, 4, 1, 0, 0, tzinfo=IZMIR)


def test_event_create_exact_time_without_end_shows_error_and_creates_nothing(board_client):
    response = board_client.post(reverse("board:event_create"), _create_data(end=""))

    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["An event with an exact time needs an end."]
    assert "An event with an exact time needs an end." in response.content.decode()
    assert Event.objects.count() == 0


def test_event_create_end_before_start_shows_error_and_creates_nothing(board_client):
    response = board_client.post(
        reverse("board:event_create"), _create_data(end="2027-03-10T09:00")
    )

    assert response.context["form"].errors["end"] == ["The end must be after the start."]
    assert Event.objects.count() == 0


def test_event_create_taken_slug_shows_error(board_client):
    EventFactory(slug="nevruz")

    response = board_client.post(reverse("board:event_create"), _create_data(slug="nevruz"))

    assert response.context["form"].errors["slug"] == [
        "Another event already uses this web address."
    ]
    assert Event.objects.count() == 1


def test_event_edit_shows_registration_times_in_the_venue_zone(board_client):
    event = EventFactory(
        venue=BakuVenueFactory(),
        registration_opens=datetime(2027, 1, 5, 5, 0, tzinfo=UTC),
    )

    response = board_client.get(reverse("board:event_edit", kwargs={"slug": event.slug}))

    assert 'value="2027-01-05T09:00"' in response.content.decode()


def test_event_edit_records_the_user_and_changed_fields_in_the_audit_log(
    board_client, board_member
):
    event = EventFactory(title="Nevruz", capacity=50)
    speaker = PersonFactory()
    data = {
        "title_tr": "Nevruz bayramı",
        "kind": event.kind,
        "venue": event.venue_id,
        "capacity": "80",
        "is_public": "on",
        "speakers": [speaker.pk],
    }

    response = board_client.post(reverse("board:event_edit", kwargs={"slug": event.slug}), data)

    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(event).get(
        action=LogEntry.Action.UPDATE, changes__has_key="title"
    )
    assert entry.actor == board_member
    assert entry.changes_dict["title"] == ["Nevruz", "Nevruz bayramı"]
    assert entry.changes_dict["capacity"] == ["50", "80"]
    m2m = LogEntry.objects.get_for_object(event).filter(changes__has_key="speakers").get()
    assert m2m.actor == board_member
    assert m2m.changes["speakers"]["objects"] == [str(speaker)]


def test_event_edit_cannot_move_the_event(board_client):
    event = EventFactory()
    start = event.start

    board_client.post(
        reverse("board:event_edit", kwargs={"slug": event.slug}),
        {
            "title_tr": event.title_tr,
            "kind": event.kind,
            "venue": event.venue_id,
            "start": "2030-01-01T10:00",
        },
    )

    event.refresh_from_db()
    assert event.start == start


def test_event_reschedule_moves_in_venue_time_and_raises_the_revision(board_client):
    event = EventFactory(venue=BakuVenueFactory())
    sequence = event.sequence

    response = board_client.post(
        reverse("board:event_reschedule", kwargs={"slug": event.slug}),
        {"date_precision": "exact", "start": "2027-05-09T19:00", "end": "2027-05-09T21:30"},
    )

    event.refresh_from_db()
    assert response.status_code == 302
    assert event.start == datetime(2027, 5, 9, 15, 0, tzinfo=UTC)
    assert event.end == datetime(2027, 5, 9, 17, 30, tzinfo=UTC)
    assert event.sequence == sequence + 1


def test_the_reschedule_form_opens_with_the_event_s_own_times_in_venue_time(board_client):
    """What to change from: the current start and end as the venue's clock shows them, not
    two empty fields the board member must retype."""
    event = EventFactory(
        venue=BakuVenueFactory(),
        start=datetime(2027, 5, 9, 15, 0, tzinfo=UTC),
        end=datetime(2027, 5, 9, 17, 30, tzinfo=UTC),
    )

    page = board_client.get(reverse("board:event_reschedule", kwargs={"slug": event.slug}))

    html = page.content.decode()
    assert 'name="start" value="2027-05-09T19:00"' in html
    assert 'name="end" value="2027-05-09T21:30"' in html


def test_event_reschedule_to_a_day_fixes_a_month_precision_event(board_client):
    event = EventFactory(
        venue=VenueFactory(),
        date_precision=DatePrecision.MONTH,
        start=datetime(2027, 4, 1, tzinfo=IZMIR),
        end=datetime(2027, 5, 1, tzinfo=IZMIR),
    )

    board_client.post(
        reverse("board:event_reschedule", kwargs={"slug": event.slug}),
        {"date_precision": "exact", "start": "2027-04-23T14:00", "end": "2027-04-23T17:00"},
    )

    event.refresh_from_db()
    assert event.date_precision == DatePrecision.EXACT
    assert event.local_start == datetime(2027, 4, 23, 14, 0, tzinfo=IZMIR)


def test_event_reschedule_end_before_start_shows_error_and_changes_nothing(board_client):
    event = EventFactory()
    before = (event.start, event.end, event.sequence)

    response = board_client.post(
        reverse("board:event_reschedule", kwargs={"slug": event.slug}),
        {"date_precision": "exact", "start": "2027-05-09T19:00", "end": "2027-05-09T18:00"},
    )

    event.refresh_from_db()
    assert response.context["form"].errors["end"] == ["The end must be after the start."]
    assert (event.start, event.end, event.sequence) == before


def test_event_reschedule_of_cancelled_event_is_refused_with_a_message(board_client):
    event = EventFactory(status=EventStatus.CANCELLED)
    start = event.start

    response = board_client.post(
        reverse("board:event_reschedule", kwargs={"slug": event.slug}),
        {"date_precision": "exact", "start": "2027-05-09T19:00", "end": "2027-05-09T21:00"},
    )

    event.refresh_from_db()
    assert response.context["form"].non_field_errors() == ["A cancelled event cannot be moved."]
    assert event.start == start


def test_event_confirm_post_confirms(board_client):
    event = EventFactory(status=EventStatus.PLANNED)

    response = board_client.post(reverse("board:event_confirm", kwargs={"slug": event.slug}))

    event.refresh_from_db()
    assert response["Location"] == reverse("board:event_detail", kwargs={"slug": event.slug})
    assert event.status == EventStatus.CONFIRMED


def test_event_confirm_get_is_refused_and_changes_nothing(board_client):
    event = EventFactory(status=EventStatus.PLANNED)

    response = board_client.get(reverse("board:event_confirm", kwargs={"slug": event.slug}))

    event.refresh_from_db()
    assert response.status_code == 405
    assert event.status == EventStatus.PLANNED


def test_event_confirm_of_cancelled_event_shows_the_reason(board_client):
    event = EventFactory(status=EventStatus.CANCELLED)

    response = board_client.post(
        reverse("board:event_confirm", kwargs={"slug": event.slug}), follow=True
    )

    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert "A cancelled event cannot be confirmed; duplicate it instead." in (
        response.content.decode()
    )


def test_event_cancel_page_counts_who_will_be_told(board_client):
    event = EventFactory()
    RegistrationFactory.create_batch(3, event=event)

    response = board_client.get(reverse("board:event_cancel", kwargs={"slug": event.slug}))

    event.refresh_from_db()
    assert "3 registrants (confirmed, pending or waiting) will be told" in (
        response.content.decode()
    )
    assert event.status == EventStatus.CONFIRMED


def test_event_cancel_post_cancels(board_client):
    event = EventFactory()

    board_client.post(reverse("board:event_cancel", kwargs={"slug": event.slug}))

    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED


def test_event_detail_shows_conflicts_and_local_times(board_client):
    venue = BakuVenueFactory()
    start = datetime(2027, 3, 10, 10, 0, tzinfo=BAKU)
    event = EventFactory(title="Forum", venue=venue, start=start, end=start.replace(hour=12))
    EventFactory(
        title="Konser", venue=venue, start=start.replace(hour=11), end=start.replace(hour=13)
    )

    response = board_client.get(reverse("board:event_detail", kwargs={"slug": event.slug}))

    content = response.content.decode()
    assert "“Forum” overlaps “Konser”" in content
    assert "10 Mar 2027, 10:00" in content
    assert ">09:00 Izmir<" in content  # the same day there: the time alone


def test_event_page_gives_the_date_once_for_an_event_within_one_day(board_client):
    start = datetime(2027, 3, 10, 19, tzinfo=ZoneInfo("Europe/Istanbul"))
    event = EventFactory(start=start, end=start + timedelta(hours=2))

    content = board_client.get(event.get_board_url()).content.decode()

    assert content.count("10 Mar 2027") == 1
    assert "– 21:00" in content
