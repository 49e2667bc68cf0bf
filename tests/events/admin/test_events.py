"""The event and venue admin: the form, search and filters, conflict warnings, actions."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user
from django.urls import reverse

from events.admin.events import conflicts_for_events
from events.conflicts import conflicts_for
from events.enums import DatePrecision, DeliveryKind, EventKind, EventStatus, RegistrationStatus
from events.models import Event, ReminderDelivery
from tests.events.admin.pages import (
    BAKU,
    act,
    baku_event,
    change_page,
    changelist,
    flashed,
    form_data,
    titles,
)
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    RegistrationFactory,
    SourceFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


def test_venue_pages_show_city_zone_and_event_count(staff_client):
    venue = BakuVenueFactory(name="Kongres Mərkəzi")
    EventFactory(venue=venue)

    listing = changelist(staff_client, "venue")
    page = change_page(staff_client, venue, "venue").content.decode()

    assert "Kongres Mərkəzi" in listing.content.decode()
    assert "Baku (UTC+4)" in listing.content.decode()
    assert [v._events for v in listing.context["cl"].result_list] == [1]
    assert 'value="Kongres Mərkəzi"' in page


def test_event_change_page_has_reminder_settings_and_registrations(staff_client):
    event = baku_event(reminders_paused=True, reminder_offsets=[1440, 120])
    RegistrationFactory(event=event, full_name="Leyla Məmmədova")

    html = change_page(staff_client, event).content.decode()

    assert re.search(r'name="reminders_paused"[^>]*checked', html)
    # The default offsets are boxes (events/admin/offsets.py); these two are ticked.
    assert re.search(r'name="reminder_offsets_0" value="1440"[^>]*checked', html)
    assert re.search(r'name="reminder_offsets_0" value="120"[^>]*checked', html)
    assert "Leyla Məmmədova" in html
    assert 'name="registrations-0-full_name"' not in html  # read-only, not an input


def test_event_admin_is_closed_to_non_staff(client):
    client.force_login(UserFactory())

    response = changelist(client)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_event_admin_refuses_staff_without_permission(client):
    client.force_login(UserFactory(is_staff=True))

    response = changelist(client)

    assert response.status_code == 403


def test_event_form_with_unknown_venue_says_so_and_saves_nothing(staff_client):
    data = form_data(local_start=datetime(2027, 6, 15, 10), local_end=datetime(2027, 6, 15, 12)) | {
        "venue": "999999"
    }

    response = staff_client.post(reverse("admin:events_event_add"), data)

    assert response.status_code == 200
    assert "venue" in response.context["adminform"].form.errors
    assert Event.objects.count() == 0


def test_event_form_refuses_end_before_start_next_to_the_field(staff_client):
    data = form_data(
        venue=BakuVenueFactory(),
        local_start=datetime(2027, 6, 15, 12),
        local_end=datetime(2027, 6, 15, 10),
    )

    response = staff_client.post(reverse("admin:events_event_add"), data)

    assert response.context["adminform"].form.errors["end"] == ["The end must be after the start."]
    assert Event.objects.count() == 0


def test_event_time_change_in_admin_raises_calendar_revision(staff_client):
    event = baku_event()

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        form_data(
            event, local_start=datetime(2027, 6, 15, 11), local_end=datetime(2027, 6, 15, 13)
        ),
    )

    event.refresh_from_db()
    assert (event.start, event.sequence) == (datetime(2027, 6, 15, 7, tzinfo=UTC), 1)


def test_event_status_change_in_admin_goes_through_cancel(staff_client):
    event = baku_event()

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        form_data(event, status=EventStatus.CANCELLED, title="Şuşa konferansı (iptal)"),
    )

    event.refresh_from_db()
    assert (event.status, event.sequence, event.title) == (
        EventStatus.CANCELLED,
        1,
        "Şuşa konferansı (iptal)",
    )


def test_cancelled_event_cannot_be_reopened_in_the_form(staff_client):
    event = baku_event(status=EventStatus.CANCELLED)

    response = staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        form_data(event, status=EventStatus.PLANNED),
    )

    event.refresh_from_db()
    assert response.context["adminform"].form.errors["status"] == [
        "A cancelled event cannot be reopened; duplicate it instead."
    ]
    assert event.status == EventStatus.CANCELLED


def _status_changes(event) -> list[list[str]]:
    entries = LogEntry.objects.get_for_object(event).filter(
        action=LogEntry.Action.UPDATE, changes__has_key="status"
    )
    return [entry.changes_dict["status"] for entry in entries.order_by("pk")]


@pytest.mark.parametrize(
    ("before", "after", "sequence"),
    [
        # To or from CONFIRMED: calendars holding the event must update it.
        (EventStatus.CONFIRMED, EventStatus.PLANNED, 1),
        (EventStatus.PLANNED, EventStatus.CONFIRMED, 1),
        (EventStatus.IDEA, EventStatus.DONE, 1),
        # Calendars see TENTATIVE, resp. CONFIRMED, before and after: nothing to update.
        (EventStatus.PLANNED, EventStatus.IDEA, 0),
        (EventStatus.CONFIRMED, EventStatus.DONE, 0),
    ],
)
def test_event_status_change_in_the_form_goes_through_the_service(
    staff_client, before, after, sequence
):
    event = baku_event(status=before)

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]), form_data(event, status=after)
    )

    event.refresh_from_db()
    assert (event.status, event.sequence) == (after, sequence)
    assert _status_changes(event) == [[before, after]]
    entry = LogEntry.objects.get_for_object(event).get(
        action=LogEntry.Action.UPDATE, changes__has_key="status"
    )
    assert entry.actor == get_user(staff_client)


def test_status_actions_go_through_the_scheduling_services(staff_client):
    planned = baku_event(title="Planned", status=EventStatus.PLANNED)
    confirmed = baku_event(title="Confirmed", venue=VenueFactory())
    registration = RegistrationFactory(event=confirmed)

    act(staff_client, "confirm_events", [planned])
    act(staff_client, "cancel_events", [confirmed], post="yes")

    assert list(Event.objects.order_by("title").values_list("title", "status", "sequence")) == [
        ("Confirmed", EventStatus.CANCELLED, 1),
        ("Planned", EventStatus.CONFIRMED, 1),
    ]
    assert (_status_changes(planned), _status_changes(confirmed)) == (
        [[EventStatus.PLANNED, EventStatus.CONFIRMED]],
        [[EventStatus.CONFIRMED, EventStatus.CANCELLED]],
    )
    notices = ReminderDelivery.objects.filter(kind=DeliveryKind.CANCELLATION_NOTICE)
    assert list(notices.values_list("registration", flat=True)) == [registration.pk]


@pytest.mark.parametrize("term", ["susa", "ŞUŞA", "Şuşa konf"])
def test_event_search_matches_turkish_letters(staff_client, term):
    baku_event()
    EventFactory(title="İzmir festivali")

    assert titles(changelist(staff_client, query=f"?q={term}")) == ["Şuşa konferansı"]


def test_event_search_finds_venue_city_with_dotted_capital(staff_client):
    baku_event()
    EventFactory(title="Alsancak akşamı")

    assert titles(changelist(staff_client, query="?q=IZMIR")) == ["Alsancak akşamı"]


def test_event_month_filter_keeps_events_taking_place_that_month(staff_client):
    EventFactory(
        title="April day",
        start=datetime(2026, 4, 23, 10, tzinfo=IZMIR),
        end=datetime(2026, 4, 23, 12, tzinfo=IZMIR),
    )
    EventFactory(
        title="Across the month end",
        start=datetime(2026, 3, 30, 10, tzinfo=IZMIR),
        end=datetime(2026, 4, 2, 12, tzinfo=IZMIR),
    )
    EventFactory(
        title="May day",
        start=datetime(2026, 5, 1, 10, tzinfo=IZMIR),
        end=datetime(2026, 5, 1, 12, tzinfo=IZMIR),
    )
    EventFactory(
        title="Sometime in 2026",
        start=datetime(2026, 1, 1, tzinfo=IZMIR),
        end=datetime(2027, 1, 1, tzinfo=IZMIR),
        date_precision=DatePrecision.YEAR,
    )

    april = changelist(staff_client, query="?month=2026-04")

    assert titles(april) == ["Across the month end", "April day"]
    assert "?month=2026-05" in april.content.decode()


def test_event_time_filter_splits_upcoming_and_past(staff_client):
    EventFactory(title="Coming")
    EventFactory(
        title="Gone",
        start=datetime(2025, 5, 1, 10, tzinfo=IZMIR),
        end=datetime(2025, 5, 1, 12, tzinfo=IZMIR),
    )

    upcoming = changelist(staff_client, query="?when=upcoming")
    past = changelist(staff_client, query="?when=past")

    assert (titles(upcoming), titles(past)) == (["Coming"], ["Gone"])


def test_event_month_filter_with_a_bad_value_shows_nothing(staff_client):
    EventFactory()

    assert titles(changelist(staff_client, query="?month=April")) == []


def test_event_city_kind_and_status_filters(staff_client):
    baku_event(kind=EventKind.CONFERENCE, status=EventStatus.PLANNED)
    EventFactory(title="İzmir festivali", kind=EventKind.CULTURAL_FESTIVAL)

    by_city = changelist(staff_client, query="?city=Bakü")
    by_kind = changelist(staff_client, query="?kind__exact=cultural_festival")
    by_status = changelist(staff_client, query="?status__exact=planned")

    assert titles(by_city) == ["Şuşa konferansı"]
    assert titles(by_kind) == ["İzmir festivali"]
    assert titles(by_status) == ["Şuşa konferansı"]


def test_demo_events_are_marked_and_filterable(staff_client):
    EventFactory(title="Örnek: çay akşamı", is_demo=True)
    EventFactory(title="Anma programı")

    everything = changelist(staff_client).content.decode()
    demo = changelist(staff_client, query="?demo=demo")
    facts = changelist(staff_client, query="?demo=facts")

    assert everything.count('class="kardes-demo-badge"') == 1
    assert titles(demo) == ["Örnek: çay akşamı"]
    assert titles(facts) == ["Anma programı"]


def test_event_list_shows_seats_and_waitlist(staff_client):
    event = EventFactory(capacity=2)
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, confirmed_at=None)

    html = changelist(staff_client).content.decode()

    assert "2/2, 1 waiting" in html


# The admin's pages here are in English: the venue's city reads "Baku" (contacts.cities).
def test_overlap_at_the_same_venue_is_warned_on_the_change_page(staff_client):
    event = baku_event()
    EventFactory(
        title="Kitap fuarı",
        venue=event.venue,
        start=event.start + timedelta(hours=1),
        end=event.end + timedelta(hours=1),
    )

    response = change_page(staff_client, event)

    assert flashed(response) == [
        "“Şuşa konferansı” overlaps “Kitap fuarı” at Kongres Mərkəzi, Baku."
    ]


def test_busy_responsible_person_is_warned_on_the_change_page(staff_client):
    altay = PersonFactory(full_name="Perviz Altay")
    event = baku_event(responsible=altay)
    # 09:30 in İzmir is 10:30 in Bakü: the same person cannot be at both.
    EventFactory(
        title="İzmir basın toplantısı",
        responsible=altay,
        start=datetime(2027, 6, 15, 9, 30, tzinfo=IZMIR),
        end=datetime(2027, 6, 15, 10, 30, tzinfo=IZMIR),
    )

    response = change_page(staff_client, event)

    assert flashed(response) == [
        "Perviz Altay is expected at both “Şuşa konferansı” and “İzmir basın toplantısı”."
    ]


def test_change_page_without_clashes_shows_no_warning(staff_client):
    event = baku_event()

    assert flashed(change_page(staff_client, event)) == []


def test_overlap_shows_as_an_icon_in_the_list(staff_client):
    event = baku_event()
    EventFactory(title="Kitap fuarı", venue=event.venue, start=event.start, end=event.end)

    html = changelist(staff_client).content.decode()

    assert html.count('class="kardes-clash"') == 2
    assert 'title="“Şuşa konferansı” overlaps “Kitap fuarı” at Kongres Mərkəzi, Baku."' in html


def test_saving_into_a_clash_warns_after_the_save(staff_client):
    event = baku_event()
    EventFactory(title="Kitap fuarı", venue=event.venue, start=event.start, end=event.end)

    response = staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]), form_data(event), follow=True
    )

    assert "“Şuşa konferansı” overlaps “Kitap fuarı” at Kongres Mərkəzi, Baku." in flashed(response)


def test_event_changelist_queries_do_not_grow_with_events(staff_client, assert_constant_queries):
    hall = BakuVenueFactory()

    def make_event(number):
        event = baku_event(title=f"Event {number}", venue=hall, responsible=PersonFactory())
        event.speakers.add(PersonFactory())
        event.organizers.add(OrganizationFactory())
        event.sources.add(SourceFactory())
        RegistrationFactory(event=event)

    make_event(0)

    listing = assert_constant_queries(
        lambda: changelist(staff_client),
        lambda: [make_event(number) for number in range(1, 20)],
    )

    assert len(listing.context["cl"].result_list) == 20
    # Every event shares one hall at one time: each clashes with the 19 others.
    assert {len(e.admin_conflicts) for e in listing.context["cl"].result_list} == {19}


def test_duplicate_action_copies_events_as_planned(staff_client):
    event = baku_event(status=EventStatus.CONFIRMED)
    event.organizers.add(OrganizationFactory(short_name="İZAZDER"))
    RegistrationFactory(event=event)

    response = act(staff_client, "duplicate_events", [event])

    copy = Event.objects.exclude(pk=event.pk).get()
    assert (copy.slug, copy.status, copy.sequence) == (f"{event.slug}-copy", "planned", 0)
    assert [o.short_name for o in copy.organizers.all()] == ["İZAZDER"]
    assert copy.registrations.count() == 0
    url = reverse("admin:events_event_change", args=[copy.pk])
    assert flashed(response) == [
        f'“Şuşa konferansı” duplicated as <a href="{url}">{copy.slug}</a> (planned).'
    ]


def test_confirm_action_confirms_and_reports_each_event(staff_client):
    planned = baku_event(title="Planned", status=EventStatus.PLANNED)
    cancelled = baku_event(title="Cancelled", status=EventStatus.CANCELLED, venue=VenueFactory())

    response = act(staff_client, "confirm_events", [planned, cancelled])

    planned.refresh_from_db()
    cancelled.refresh_from_db()
    assert (planned.status, planned.sequence) == (EventStatus.CONFIRMED, 1)
    assert cancelled.status == EventStatus.CANCELLED
    assert flashed(response) == [
        "“Cancelled” was not confirmed: A cancelled event cannot be confirmed; duplicate it "
        "instead.",
        "1 event confirmed: “Planned”.",
    ]


def test_cancel_action_asks_first_and_changes_nothing(staff_client):
    event = baku_event()
    RegistrationFactory(event=event)

    response = act(staff_client, "cancel_events", [event])

    event.refresh_from_db()
    assert event.status == EventStatus.CONFIRMED
    assert "Şuşa konferansı, Kongres Mərkəzi, Baku" in response.content.decode()
    assert "1 seat taken" in response.content.decode()


def test_cancel_action_cancels_after_confirmation(staff_client):
    first = baku_event(title="First")
    second = baku_event(title="Second", venue=VenueFactory())

    response = act(staff_client, "cancel_events", [first, second], post="yes")

    assert list(Event.objects.order_by("title").values_list("status", "sequence")) == [
        (EventStatus.CANCELLED, 1),
        (EventStatus.CANCELLED, 1),
    ]
    assert flashed(response) == ["2 events cancelled: “First”, “Second”."]


def test_list_conflicts_agree_with_conflicts_for_event_by_event():

    hall, altay, tugay = VenueFactory(), PersonFactory(), PersonFactory()
    start = datetime(2027, 6, 15, 10, tzinfo=IZMIR)
    hour = timedelta(hours=1)
    events = [
        EventFactory(venue=hall, start=start, end=start + 2 * hour, responsible=altay),
        EventFactory(venue=hall, start=start + hour, end=start + 3 * hour),
        EventFactory(start=start + hour, end=start + 2 * hour, responsible=tugay),
        EventFactory(venue=hall, start=start + 3 * hour, end=start + 4 * hour),
        EventFactory(venue=None, start=start, end=start + hour),
        EventFactory(venue=hall, start=start, end=start + hour, status=EventStatus.CANCELLED),
    ]
    events[2].speakers.add(altay)
    events[4].speakers.add(tugay, altay)
    loaded = list(Event.objects.select_related("venue", "responsible").prefetch_related("speakers"))

    batched = conflicts_for_events(loaded)

    def key(conflicts):
        return sorted((c.kind, c.other.pk, c.person.pk if c.person else None) for c in conflicts)

    assert {pk: key(found) for pk, found in batched.items()} == {
        event.pk: key(conflicts_for(event)) for event in events if event.status != "cancelled"
    }
    assert sum(len(found) for found in batched.values()) > 0


def test_year_and_month_filters_file_events_by_the_venues_own_calendar(staff_client):
    # 1 January 2026 00:00 in Bakü is still 31 December 2025 in İzmir and in UTC.
    year_plan = baku_event(
        title="Bakü plan for 2026",
        date_precision=DatePrecision.YEAR,
        start=datetime(2026, 1, 1, tzinfo=BAKU),
        end=datetime(2027, 1, 1, tzinfo=BAKU),
    )
    day = baku_event(
        title="New Year concert",
        start=datetime(2026, 1, 1, 0, 30, tzinfo=BAKU),
        end=datetime(2026, 1, 1, 2, tzinfo=BAKU),
    )

    page = changelist(staff_client)
    in_2026 = titles(changelist(staff_client, query="?year=2026"))
    in_2025 = titles(changelist(staff_client, query="?year=2025"))
    december = titles(changelist(staff_client, query="?month=2025-12"))
    january = titles(changelist(staff_client, query="?month=2026-01"))

    assert sorted(in_2026) == sorted([year_plan.title, day.title])
    assert (in_2025, december, january) == ([], [], [day.title])
    assert "?year=2025" not in page.content.decode()


def test_staff_link_a_dated_edition_to_its_yearly_series(staff_client):
    series = baku_event(title="Şuşa konferansı (her yıl)", slug="susa")
    edition = baku_event(title="Şuşa konferansı 2027", slug="susa-2027")

    response = staff_client.post(
        reverse("admin:events_event_change", args=[edition.pk]),
        form_data(edition, series=series.pk),
    )

    edition.refresh_from_db()
    assert response.status_code == 302
    assert (edition.series, list(series.editions.all())) == (series, [edition])
