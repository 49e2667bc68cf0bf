"""The events admin: venue-local times, scheduling actions, conflict warnings, demo marking."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import formats

from events.enums import DatePrecision, EventKind, EventStatus, RegistrationStatus
from events.models import Event, Registration
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    PodcastEpisodeFactory,
    PodcastSeriesFactory,
    RegistrationFactory,
    SourceFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")
BAKU = ZoneInfo("Asia/Baku")


def _changelist(client, model: str = "event", query: str = ""):
    return client.get(reverse(f"admin:events_{model}_changelist") + query)


def _change(client, obj, model: str = "event"):
    return client.get(reverse(f"admin:events_{model}_change", args=[obj.pk]))


def _titles(response) -> list[str]:
    return [str(row) for row in response.context["cl"].result_list]


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def _baku_event(**kwargs):
    start = datetime(2027, 6, 15, 10, tzinfo=BAKU)
    defaults = {
        "title": "Şuşa konferansı",
        "venue": BakuVenueFactory(name="Kongres Mərkəzi"),
        "start": start,
        "end": start + timedelta(hours=2),
    }
    return EventFactory(**(defaults | kwargs))


def _date(day: datetime) -> str:
    return day.strftime(formats.get_format("DATE_INPUT_FORMATS")[0])


def _form_data(event: Event | None = None, **changes) -> dict:
    """What the event form posts: the current values (or a new event), changed by `changes`."""
    venue = changes.pop("venue", event.venue if event else None)
    local_start = changes.pop("local_start", event.local_start if event else None)
    local_end = changes.pop("local_end", event.local_end if event else None)
    data = {
        "title": event.title if event else "New event",
        "slug": event.slug if event else "new-event",
        "kind": event.kind if event else EventKind.CONFERENCE,
        "status": event.status if event else EventStatus.PLANNED,
        "description": "",
        "venue": venue.pk if venue else "",
        "start_0": _date(local_start),
        "start_1": local_start.strftime("%H:%M"),
        "end_0": _date(local_end),
        "end_1": local_end.strftime("%H:%M"),
        "date_precision": event.date_precision if event else DatePrecision.EXACT,
        "recurrence": "",
        "is_public": "on",
        "capacity": "",
        "registration_opens_0": "",
        "registration_opens_1": "",
        "registration_closes_0": "",
        "registration_closes_1": "",
        "reminder_offsets": "[]",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "1000",
    }
    if event:
        count = event.registrations.count()
        data["registrations-TOTAL_FORMS"] = data["registrations-INITIAL_FORMS"] = str(count)
        for index, registration in enumerate(event.registrations.order_by("created_at", "pk")):
            data[f"registrations-{index}-id"] = registration.pk
            data[f"registrations-{index}-event"] = event.pk
    return data | changes


def _input_value(html: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    return match.group(1) if match else ""


# --- pages render with their data -------------------------------------------------------------


def test_venue_pages_show_city_zone_and_event_count(staff_client):
    venue = BakuVenueFactory(name="Kongres Mərkəzi")
    EventFactory(venue=venue)

    listing = _changelist(staff_client, "venue")
    page = _change(staff_client, venue, "venue").content.decode()

    assert "Kongres Mərkəzi" in listing.content.decode()
    assert "Bakü (UTC+4)" in listing.content.decode()
    assert [v._events for v in listing.context["cl"].result_list] == [1]
    assert 'value="Kongres Mərkəzi"' in page


def test_event_list_shows_venue_time_and_izmir_time_for_baku(staff_client):
    _baku_event()
    EventFactory(
        title="Alsancak akşamı",
        start=datetime(2027, 6, 16, 19, tzinfo=IZMIR),
        end=datetime(2027, 6, 16, 21, tzinfo=IZMIR),
    )

    html = _changelist(staff_client).content.decode()

    assert "10:00–12:00 (Bakü, UTC+4)" in html
    assert "09:00–11:00 (İzmir, UTC+3)" in html
    assert "19:00–21:00 (İzmir, UTC+3)" in html
    assert html.count("(İzmir, UTC+3)") == 2


def test_event_list_shows_month_and_year_precision_plainly(staff_client):
    EventFactory(
        title="Anma programı",
        start=datetime(2026, 4, 1, tzinfo=IZMIR),
        end=datetime(2026, 5, 1, tzinfo=IZMIR),
        date_precision=DatePrecision.MONTH,
    )
    EventFactory(
        title="Protokol",
        start=datetime(1986, 1, 1, tzinfo=IZMIR),
        end=datetime(1987, 1, 1, tzinfo=IZMIR),
        date_precision=DatePrecision.YEAR,
    )

    html = _changelist(staff_client).content.decode()

    assert "April 2026 (İzmir)" in html
    assert "1986 (İzmir)" in html


def test_event_change_page_shows_local_and_izmir_time(staff_client):
    event = _baku_event()

    html = _change(staff_client, event).content.decode()

    assert "10:00–12:00 (Bakü, UTC+4)" in html
    assert "09:00–11:00 (İzmir, UTC+3)" in html
    assert "In the venue's time zone: Bakü (Asia/Baku, UTC+4)." in html


def test_event_change_page_is_rendered_in_the_venue_zone(staff_client):
    event = _baku_event()

    html = _change(staff_client, event).content.decode()

    # The admin's calendar widgets read this to offer "now" and the offset note.
    assert 'data-admin-utc-offset="14400"' in html


def test_event_change_page_has_reminder_settings_and_registrations(staff_client):
    event = _baku_event(reminders_paused=True, reminder_offsets=[1440, 120])
    RegistrationFactory(event=event, full_name="Leyla Məmmədova")

    html = _change(staff_client, event).content.decode()

    assert re.search(r'name="reminders_paused"[^>]*checked', html)
    assert "[1440, 120]" in html
    assert "Leyla Məmmədova" in html
    assert 'name="registrations-0-full_name"' not in html  # read-only, not an input


def test_event_add_page_renders_with_site_zone_hint(staff_client):
    html = staff_client.get(reverse("admin:events_event_add")).content.decode()

    assert "In the venue's time zone: İzmir (Europe/Istanbul, UTC+3)." in html
    assert 'name="reminder_offsets"' in html


def test_registration_pages_show_delegate_and_event(staff_client):
    registration = RegistrationFactory(full_name="Leyla Məmmədova", event=_baku_event())

    listing = _changelist(staff_client, "registration").content.decode()
    page = _change(staff_client, registration, "registration").content.decode()

    assert "Leyla Məmmədova" in listing
    assert "Şuşa konferansı" in listing
    assert 'value="Leyla Məmmədova"' in page


def test_registrations_cannot_be_added_by_hand(staff_client):
    response = staff_client.get(reverse("admin:events_registration_add"))

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_podcast_pages_show_series_and_episodes(staff_client):
    series = PodcastSeriesFactory(title="İzmir–Bakü 40")
    episode = PodcastEpisodeFactory(series=series, number=1, title="Kardeş şehirler")

    series_list = _changelist(staff_client, "podcastseries")
    series_page = _change(staff_client, series, "podcastseries").content.decode()
    episode_list = _changelist(staff_client, "podcastepisode").content.decode()
    episode_page = _change(staff_client, episode, "podcastepisode").content.decode()

    assert [s._episodes for s in series_list.context["cl"].result_list] == [1]
    assert 'value="Kardeş şehirler"' in series_page
    assert "İzmir–Bakü 40 #1: Kardeş şehirler" in episode_list
    assert 'value="Kardeş şehirler"' in episode_page


def test_event_admin_is_closed_to_non_staff(client):
    client.force_login(UserFactory())

    response = _changelist(client)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_event_admin_refuses_staff_without_permission(client):
    client.force_login(UserFactory(is_staff=True))

    response = _changelist(client)

    assert response.status_code == 403


# --- time zones: entered and shown in the venue's zone ----------------------------------------


def test_event_entered_at_10_in_baku_is_stored_as_06_utc_and_shown_as_10(staff_client):
    venue = BakuVenueFactory()
    data = _form_data(
        venue=venue,
        local_start=datetime(2027, 6, 15, 10, 0),
        local_end=datetime(2027, 6, 15, 12, 0),
    )

    response = staff_client.post(reverse("admin:events_event_add"), data)

    event = Event.objects.get(slug="new-event")
    assert response.status_code == 302
    assert (event.start, event.end) == (
        datetime(2027, 6, 15, 6, 0, tzinfo=UTC),
        datetime(2027, 6, 15, 8, 0, tzinfo=UTC),
    )
    html = _change(staff_client, event).content.decode()
    assert _input_value(html, "start_1") == "10:00:00"
    assert _input_value(html, "start_0") == _date(datetime(2027, 6, 15))
    assert _input_value(html, "end_1") == "12:00:00"


def test_event_moved_to_an_izmir_venue_reads_times_in_izmir(staff_client):
    event = _baku_event()
    izmir = VenueFactory()

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        _form_data(event, venue=izmir, local_start=datetime(2027, 6, 15, 10, 0)),
    )

    event.refresh_from_db()
    assert event.start == datetime(2027, 6, 15, 7, 0, tzinfo=UTC)


def test_event_form_with_unknown_venue_says_so_and_saves_nothing(staff_client):
    data = _form_data(
        local_start=datetime(2027, 6, 15, 10), local_end=datetime(2027, 6, 15, 12)
    ) | {"venue": "999999"}

    response = staff_client.post(reverse("admin:events_event_add"), data)

    assert response.status_code == 200
    assert "venue" in response.context["adminform"].form.errors
    assert Event.objects.count() == 0


def test_event_form_refuses_end_before_start_next_to_the_field(staff_client):
    data = _form_data(
        venue=BakuVenueFactory(),
        local_start=datetime(2027, 6, 15, 12),
        local_end=datetime(2027, 6, 15, 10),
    )

    response = staff_client.post(reverse("admin:events_event_add"), data)

    assert response.context["adminform"].form.errors["end"] == ["The end must be after the start."]
    assert Event.objects.count() == 0


def test_event_time_change_in_admin_raises_calendar_revision(staff_client):
    event = _baku_event()

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        _form_data(
            event, local_start=datetime(2027, 6, 15, 11), local_end=datetime(2027, 6, 15, 13)
        ),
    )

    event.refresh_from_db()
    assert (event.start, event.sequence) == (datetime(2027, 6, 15, 7, tzinfo=UTC), 1)


def test_event_status_change_in_admin_goes_through_cancel(staff_client):
    event = _baku_event()

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        _form_data(event, status=EventStatus.CANCELLED, title="Şuşa konferansı (iptal)"),
    )

    event.refresh_from_db()
    assert (event.status, event.sequence, event.title) == (
        EventStatus.CANCELLED,
        1,
        "Şuşa konferansı (iptal)",
    )


def test_cancelled_event_cannot_be_reopened_in_the_form(staff_client):
    event = _baku_event(status=EventStatus.CANCELLED)

    response = staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        _form_data(event, status=EventStatus.PLANNED),
    )

    event.refresh_from_db()
    assert response.context["adminform"].form.errors["status"] == [
        "A cancelled event cannot be reopened; duplicate it instead."
    ]
    assert event.status == EventStatus.CANCELLED


# --- search and filters -----------------------------------------------------------------------


@pytest.mark.parametrize("term", ["susa", "ŞUŞA", "Şuşa konf"])
def test_event_search_matches_turkish_letters(staff_client, term):
    _baku_event()
    EventFactory(title="İzmir festivali")

    assert _titles(_changelist(staff_client, query=f"?q={term}")) == ["Şuşa konferansı"]


def test_event_search_finds_venue_city_with_dotted_capital(staff_client):
    _baku_event()
    EventFactory(title="Alsancak akşamı")

    assert _titles(_changelist(staff_client, query="?q=IZMIR")) == ["Alsancak akşamı"]


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

    april = _changelist(staff_client, query="?month=2026-04")

    assert _titles(april) == ["Across the month end", "April day"]
    assert "?month=2026-05" in april.content.decode()


def test_event_time_filter_splits_upcoming_and_past(staff_client):
    EventFactory(title="Coming")
    EventFactory(
        title="Gone",
        start=datetime(2025, 5, 1, 10, tzinfo=IZMIR),
        end=datetime(2025, 5, 1, 12, tzinfo=IZMIR),
    )

    upcoming = _changelist(staff_client, query="?when=upcoming")
    past = _changelist(staff_client, query="?when=past")

    assert (_titles(upcoming), _titles(past)) == (["Coming"], ["Gone"])


def test_event_month_filter_with_a_bad_value_shows_nothing(staff_client):
    EventFactory()

    assert _titles(_changelist(staff_client, query="?month=April")) == []


def test_event_city_kind_and_status_filters(staff_client):
    _baku_event(kind=EventKind.CONFERENCE, status=EventStatus.PLANNED)
    EventFactory(title="İzmir festivali", kind=EventKind.CULTURAL_FESTIVAL)

    by_city = _changelist(staff_client, query="?city=Bakü")
    by_kind = _changelist(staff_client, query="?kind__exact=cultural_festival")
    by_status = _changelist(staff_client, query="?status__exact=planned")

    assert _titles(by_city) == ["Şuşa konferansı"]
    assert _titles(by_kind) == ["İzmir festivali"]
    assert _titles(by_status) == ["Şuşa konferansı"]


def test_demo_events_are_marked_and_filterable(staff_client):
    EventFactory(title="Örnek: çay akşamı", is_demo=True)
    EventFactory(title="Anma programı")

    everything = _changelist(staff_client).content.decode()
    demo = _changelist(staff_client, query="?demo=demo")
    facts = _changelist(staff_client, query="?demo=facts")

    assert everything.count('class="kardes-demo-badge"') == 1
    assert _titles(demo) == ["Örnek: çay akşamı"]
    assert _titles(facts) == ["Anma programı"]


def test_event_list_shows_seats_and_waitlist(staff_client):
    event = EventFactory(capacity=2)
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, confirmed_at=None)

    html = _changelist(staff_client).content.decode()

    assert "2/2, 1 waiting" in html


# --- conflicts --------------------------------------------------------------------------------


def test_overlap_at_the_same_venue_is_warned_on_the_change_page(staff_client):
    event = _baku_event()
    EventFactory(
        title="Kitap fuarı",
        venue=event.venue,
        start=event.start + timedelta(hours=1),
        end=event.end + timedelta(hours=1),
    )

    response = _change(staff_client, event)

    assert _messages(response) == [
        "“Şuşa konferansı” overlaps “Kitap fuarı” at Kongres Mərkəzi, Bakü."
    ]


def test_busy_responsible_person_is_warned_on_the_change_page(staff_client):
    altay = PersonFactory(full_name="Perviz Altay")
    event = _baku_event(responsible=altay)
    # 09:30 in İzmir is 10:30 in Bakü: the same person cannot be at both.
    EventFactory(
        title="İzmir basın toplantısı",
        responsible=altay,
        start=datetime(2027, 6, 15, 9, 30, tzinfo=IZMIR),
        end=datetime(2027, 6, 15, 10, 30, tzinfo=IZMIR),
    )

    response = _change(staff_client, event)

    assert _messages(response) == [
        "Perviz Altay is expected at both “Şuşa konferansı” and “İzmir basın toplantısı”."
    ]


def test_change_page_without_clashes_shows_no_warning(staff_client):
    event = _baku_event()

    assert _messages(_change(staff_client, event)) == []


def test_overlap_shows_as_an_icon_in_the_list(staff_client):
    event = _baku_event()
    EventFactory(title="Kitap fuarı", venue=event.venue, start=event.start, end=event.end)

    html = _changelist(staff_client).content.decode()

    assert html.count('class="kardes-clash"') == 2
    assert 'title="“Şuşa konferansı” overlaps “Kitap fuarı” at Kongres Mərkəzi, Bakü."' in html


def test_saving_into_a_clash_warns_after_the_save(staff_client):
    event = _baku_event()
    EventFactory(title="Kitap fuarı", venue=event.venue, start=event.start, end=event.end)

    response = staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]), _form_data(event), follow=True
    )

    assert "“Şuşa konferansı” overlaps “Kitap fuarı” at Kongres Mərkəzi, Bakü." in _messages(
        response
    )


def test_event_changelist_queries_do_not_grow_with_events(staff_client, assert_constant_queries):
    hall = BakuVenueFactory()

    def make_event(number):
        event = _baku_event(title=f"Event {number}", venue=hall, responsible=PersonFactory())
        event.speakers.add(PersonFactory())
        event.organizers.add(OrganizationFactory())
        event.sources.add(SourceFactory())
        RegistrationFactory(event=event)

    make_event(0)

    listing = assert_constant_queries(
        lambda: _changelist(staff_client),
        lambda: [make_event(number) for number in range(1, 20)],
    )

    assert len(listing.context["cl"].result_list) == 20
    # Every event shares one hall at one time: each clashes with the 19 others.
    assert {len(e.admin_conflicts) for e in listing.context["cl"].result_list} == {19}


# --- actions ----------------------------------------------------------------------------------


def _act(client, action: str, events, **extra):
    return client.post(
        reverse("admin:events_event_changelist"),
        {"action": action, "_selected_action": [e.pk for e in events], **extra},
        follow=True,
    )


def test_duplicate_action_copies_events_as_planned(staff_client):
    event = _baku_event(status=EventStatus.CONFIRMED)
    event.organizers.add(OrganizationFactory(short_name="İZAZDER"))
    RegistrationFactory(event=event)

    response = _act(staff_client, "duplicate_events", [event])

    copy = Event.objects.exclude(pk=event.pk).get()
    assert (copy.slug, copy.status, copy.sequence) == (f"{event.slug}-copy", "planned", 0)
    assert [o.short_name for o in copy.organizers.all()] == ["İZAZDER"]
    assert copy.registrations.count() == 0
    url = reverse("admin:events_event_change", args=[copy.pk])
    assert _messages(response) == [
        f'“Şuşa konferansı” duplicated as <a href="{url}">{copy.slug}</a> (planned).'
    ]


def test_confirm_action_confirms_and_reports_each_event(staff_client):
    planned = _baku_event(title="Planned", status=EventStatus.PLANNED)
    cancelled = _baku_event(title="Cancelled", status=EventStatus.CANCELLED, venue=VenueFactory())

    response = _act(staff_client, "confirm_events", [planned, cancelled])

    planned.refresh_from_db()
    cancelled.refresh_from_db()
    assert (planned.status, planned.sequence) == (EventStatus.CONFIRMED, 1)
    assert cancelled.status == EventStatus.CANCELLED
    assert _messages(response) == [
        "“Cancelled” was not confirmed: A cancelled event cannot be confirmed; duplicate it "
        "instead.",
        "1 event confirmed: “Planned”.",
    ]


def test_cancel_action_asks_first_and_changes_nothing(staff_client):
    event = _baku_event()
    RegistrationFactory(event=event)

    response = _act(staff_client, "cancel_events", [event])

    event.refresh_from_db()
    assert event.status == EventStatus.CONFIRMED
    assert "Şuşa konferansı, Kongres Mərkəzi, Bakü" in response.content.decode()
    assert "1 seat taken" in response.content.decode()


def test_cancel_action_cancels_after_confirmation(staff_client):
    first = _baku_event(title="First")
    second = _baku_event(title="Second", venue=VenueFactory())

    response = _act(staff_client, "cancel_events", [first, second], post="yes")

    assert list(Event.objects.order_by("title").values_list("status", "sequence")) == [
        (EventStatus.CANCELLED, 1),
        (EventStatus.CANCELLED, 1),
    ]
    assert _messages(response) == ["2 events cancelled: “First”, “Second”."]


def test_list_conflicts_agree_with_conflicts_for_event_by_event():
    from events.admin.events import conflicts_for_events
    from events.conflicts import conflicts_for

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


def test_registration_admin_cancel_action_promotes_the_waitlist(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event, email="first@example.org")
    waiting = RegistrationFactory(
        event=event, email="second@example.org", status=RegistrationStatus.WAITLISTED
    )

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:events_registration_changelist"),
            {"action": "cancel_registrations", "_selected_action": [seated.pk]},
        )

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.PENDING,
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["first@example.org", "second@example.org"]


def test_registration_admin_refuses_to_delete_a_seat_holder(staff_client):
    seated = RegistrationFactory()
    gone = RegistrationFactory(event=seated.event, status=RegistrationStatus.CANCELLED)

    changelist = reverse("admin:events_registration_changelist")

    refused = staff_client.post(
        reverse("admin:events_registration_delete", args=[seated.pk]), {"post": "yes"}
    )
    staff_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [seated.pk, gone.pk], "post": "yes"},
    )
    kept_both = sorted(Registration.objects.values_list("pk", flat=True))
    staff_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [gone.pk], "post": "yes"}
    )

    assert refused.status_code == 403
    assert kept_both == sorted([seated.pk, gone.pk])
    assert list(Registration.objects.values_list("pk", flat=True)) == [seated.pk]
