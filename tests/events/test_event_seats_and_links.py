"""Rules with one home on Event: the fill rate, the board URL, the fields people edit."""

import pytest
from django.contrib.admin.utils import flatten_fieldsets
from django.urls import reverse

from events.admin.events import EventAdmin, EventAdminForm
from events.board.forms import EventEditForm, EventForm
from events.enums import RegistrationStatus
from events.models import EVENT_DETAIL_FIELDS, EVENT_SCHEDULE_FIELDS, Event
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _with_seats(capacity: int | None, *, holding: int = 0, waiting: int = 0) -> Event:
    event = EventFactory(capacity=capacity)
    RegistrationFactory.create_batch(holding, event=event)
    RegistrationFactory.create_batch(
        waiting, event=event, status=RegistrationStatus.WAITLISTED, confirmed_at=None
    )
    return Event.objects.with_seat_counts().get(pk=event.pk)


def test_fill_percent_is_the_share_of_seats_held():
    event = _with_seats(8, holding=3, waiting=1)

    assert event.fill_percent == 38


def test_fill_percent_over_capacity_is_capped_at_100():
    # Staff lowered the capacity below the seats already taken.
    event = _with_seats(5, holding=3)
    Event.objects.filter(pk=event.pk).update(capacity=2)

    lowered = Event.objects.with_seat_counts().get(pk=event.pk)

    assert (lowered.seats_held, lowered.fill_percent) == (3, 100)


def test_fill_percent_with_zero_capacity_is_full():
    event = _with_seats(0, waiting=2)

    assert event.fill_percent == 100


def test_fill_percent_without_a_limit_is_none():
    event = _with_seats(None, holding=4)

    assert event.fill_percent is None


def test_fill_percent_without_seat_counts_counts_the_seats(django_assert_num_queries):
    event = _with_seats(4, holding=1)
    plain = Event.objects.get(pk=event.pk)

    with django_assert_num_queries(1):
        percent = plain.fill_percent

    assert percent == 25


def test_fill_percent_with_seat_counts_needs_no_query(django_assert_num_queries):
    event = _with_seats(4, holding=2)

    with django_assert_num_queries(0):
        percent = event.fill_percent

    assert percent == 50


def test_board_url_is_the_board_event_page():
    event = EventFactory(slug="nevruz-2026")

    assert event.get_board_url() == "/board/events/nevruz-2026/"
    assert event.get_board_url() == reverse("board:event_detail", kwargs={"slug": event.slug})


def test_event_forms_take_their_fields_from_the_shared_lists():
    assert tuple(EventEditForm.base_fields) == EVENT_DETAIL_FIELDS
    assert set(EventForm.base_fields) == {"slug", *EVENT_SCHEDULE_FIELDS, *EVENT_DETAIL_FIELDS}
    assert set(EVENT_DETAIL_FIELDS + EVENT_SCHEDULE_FIELDS) < set(EventAdminForm.base_fields)


def test_board_event_forms_lay_out_every_field():
    event = EventFactory()

    for form in (EventForm(), EventEditForm(instance=event)):
        laid_out = {pointer.name for pointer in form.helper.layout.get_field_names()}
        assert laid_out == set(form.fields), type(form).__name__


def test_event_admin_fieldsets_show_every_form_field():
    shown = set(flatten_fieldsets(EventAdmin.fieldsets)) - set(EventAdmin.readonly_fields)

    assert shown == set(EventAdminForm.base_fields)
