"""The whole-page cache of the public pages (events/public/pagecache.py): what is kept, for
whom, under which key, with which headers; and every path that changes what a page shows
makes the next visitor see the change (events/pageversion.py)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import tablib
import time_machine
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from contacts.models import Organization
from contacts.services.imports import import_contacts
from events.enums import EventStatus
from events.models import Event, Registration
from events.pageversion import page_version
from events.seed.loader import load_records
from events.seed.records import Record
from events.services.registration import (
    cancel_registration,
    confirm_registration,
    register_delegate,
)
from events.services.scheduling import reschedule_event
from tests.events.admin.pages import act, form_data
from tests.events.public.test_registration import form_data as registration_data
from tests.factories import BakuVenueFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def visitor():
    """An anonymous visitor of its own (the board member's client changes things)."""
    return Client()


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _from_cache(response) -> bool:
    # The test client records a template context only when a template was rendered.
    return response.context is None


def _event(**kwargs) -> Event:
    start = timezone.now() + timedelta(days=30)
    defaults = {
        "title": "Şuşa konferansı",
        "slug": "susa",
        "venue": BakuVenueFactory(),
        "start": start,
        "end": start + timedelta(hours=2),
        "status": EventStatus.CONFIRMED,
        "capacity": 3,
    }
    return EventFactory(**(defaults | kwargs))


def _public_urls(event) -> list[str]:
    local = event.local_start
    return [
        "/en/",
        "/az/program/",
        f"/en/program/?month={local:%Y-%m}",
        f"/tr/program/{local.year}/{local.month}/",
        event.get_absolute_url(),
        reverse("events:ics", kwargs={"slug": event.slug}),
        "/calendar.ics?lang=az",
    ]


def test_every_public_page_is_served_from_the_cache_the_second_time(
    visitor, assert_constant_queries
):
    event = _event()
    for url in _public_urls(event):
        first = _get(visitor, url)

        second = _get(visitor, url)

        assert (url, second.content, _from_cache(second)) == (url, first.content, True)


def test_a_cached_page_costs_no_query(visitor, django_assert_num_queries):
    event = _event()
    urls = _public_urls(event)
    for url in urls:
        _get(visitor, url)

    with django_assert_num_queries(0):
        for url in urls:
            _get(visitor, url)


def test_cached_pages_carry_no_token_cookie_or_personal_header(visitor):
    event = _event()
    for url in _public_urls(event):
        for response in (_get(visitor, url), _get(visitor, url)):
            assert response.cookies == {}, url
            assert b"csrfmiddlewaretoken" not in response.content, url
            assert "cookie" not in response.get("Vary", "").lower(), url
            assert "public" in response["Cache-Control"], url
            assert response.has_header("ETag"), url


def test_html_pages_may_be_kept_a_minute_and_do_not_vary_by_language_header(visitor):
    event = _event()
    for url in [event.get_absolute_url(), "/en/", "/en/program/"]:
        response = _get(visitor, url)

        assert response["Cache-Control"] == "public, max-age=60"
        assert "accept-language" not in response.get("Vary", "").lower()


def test_the_feed_keeps_asking_shared_caches_to_revalidate(visitor):
    _event()
    _get(visitor, "/calendar.ics")

    response = _get(visitor, "/calendar.ics")

    assert response["Cache-Control"] == "public, no-cache"


def test_a_cached_page_answers_304_to_its_etag(visitor):
    event = _event()
    for url in _public_urls(event):
        etag = _get(visitor, url)["ETag"]

        again = visitor.get(url, headers={"if-none-match": etag})

        assert (url, again.status_code, again.content) == (url, 304, b"")


def test_head_is_answered_from_the_cache(visitor):
    event = _event()
    page = _get(visitor, event.get_absolute_url())

    head = visitor.head(event.get_absolute_url())

    assert (head.status_code, head.content, head["ETag"]) == (200, b"", page["ETag"])


def test_parameters_the_page_does_not_read_share_the_page_and_leave_no_trace(visitor):
    event = _event()
    month = f"{event.local_start:%Y-%m}"
    plain = _get(visitor, f"/en/program/?month={month}")

    shared = _get(visitor, f"/en/program/?utm_source=instagram&month={month}&fbclid=abc")

    assert (_from_cache(shared), shared.content) == (True, plain.content)
    assert b"utm_source" not in plain.content
    assert b"fbclid" not in shared.content


def test_parameters_the_page_reads_are_part_of_the_key(visitor):
    event = _event()
    local = event.local_start
    url = f"/en/program/{local.year}/{local.month}/"
    everything = _get(visitor, url)

    filtered = _get(visitor, f"{url}?city=İzmir")

    assert _from_cache(filtered) is False
    assert filtered.content != everything.content


def test_each_language_is_its_own_page(visitor):
    event = _event()
    with translation.override("tr"):
        turkish = _get(visitor, event.get_absolute_url())

    english = _get(visitor, _english(event))

    assert _from_cache(english) is False
    assert english.content != turkish.content


def test_a_logged_in_board_member_gets_a_private_page_of_their_own(visitor, board_client):
    event = _event()
    _get(visitor, event.get_absolute_url())

    member = _get(board_client, event.get_absolute_url())

    assert _from_cache(member) is False
    assert reverse("board:dashboard").encode() in member.content
    assert "private" in member["Cache-Control"]
    # …and the board member's page is not handed to the next visitor.
    assert (
        reverse("board:dashboard").encode() not in _get(visitor, event.get_absolute_url()).content
    )


def test_a_visitor_with_a_message_waiting_sees_it(visitor):
    event = _event()
    _get(visitor, event.get_absolute_url())
    storage = CookieStorage(visitor.get("/en/").wsgi_request)
    cookie = storage._encode([_message("Bir mesaj.")])
    visitor.cookies["messages"] = cookie

    response = _get(visitor, event.get_absolute_url())

    assert _from_cache(response) is False
    assert "Bir mesaj." in response.content.decode()


def _message(text):
    return Message(20, text)


def test_the_registration_form_is_never_cached(visitor):
    event = _event()
    url = reverse("events:register", kwargs={"slug": event.slug})

    responses = [_get(visitor, url), _get(visitor, url)]

    assert [_from_cache(r) for r in responses] == [False, False]
    assert b"csrfmiddlewaretoken" in responses[1].content
    assert "no-store" in responses[1]["Cache-Control"]


@pytest.mark.now("2026-11-25T23:50:00+03:00")
def test_the_izmir_day_is_in_the_key_so_wording_turns_at_midnight(visitor):
    # Ends at 23:55 İzmir time: upcoming when cached, over once the İzmir day has changed.
    event = _event(
        start=datetime(2026, 11, 25, 23, 0, tzinfo=IZMIR),
        end=datetime(2026, 11, 25, 23, 55, tzinfo=IZMIR),
    )
    before = _get(visitor, event.get_absolute_url())

    with time_machine.travel(datetime(2026, 11, 26, 0, 1, tzinfo=IZMIR), tick=False):
        after = _get(visitor, event.get_absolute_url())

    assert _from_cache(after) is False
    assert b"This event has taken place" not in before.content
    assert after.content != before.content


def test_the_page_cache_can_be_turned_off(visitor, settings):
    settings.PAGE_CACHE_SECONDS = 0
    event = _event()
    _get(visitor, event.get_absolute_url())

    assert _from_cache(_get(visitor, event.get_absolute_url())) is False


# --- every path that changes what a page shows ---------------------------------------------


def _admin_form(client, event, **changes):
    client.post(reverse("admin:events_event_change", args=[event.pk]), form_data(event, **changes))


def _board(client, name, event, data=None):
    client.post(reverse(f"board:{name}", kwargs={"slug": event.slug}), data or {})


def _register(event, email="leyla@example.org"):
    return register_delegate(
        event=event,
        full_name="Leyla Məmmədova",
        email=email,
        organization="",
        country="AZ",
        phone="",
        language="az",
        needs="",
        consent=True,
    )


def _public_form(event, client):
    Client().post(
        reverse("events:register", args=[event.slug]), registration_data(email="nigar@example.org")
    )


def _rename_venue(event, client):
    venue = event.venue
    venue.name_en = venue.name = "Heydər Əliyev Sarayı"
    venue.save()


def _organizer(event, client):
    organization = Organization.objects.create(name="İZAZDER")
    event.organizers.add(organization)


def _import_organizer_name(event, client):
    # The board's contact import (contacts/services/imports.py) names the organizer in English.
    dataset = tablib.Dataset(headers=["name", "name_en"])
    dataset.append([event.organizers.get().name_tr, "Izmir Azerbaijan Association"])
    import_contacts(kind="organizations", dataset=dataset, dry_run=False)


def _rename_organizer(event, client):
    organization = event.organizers.get()
    organization.name_en = organization.name = "Bakı Şəhər İcra Hakimiyyəti"
    organization.save()


def _seed_adds(event, client):
    load_records(
        records=[
            Record(
                "event:seed-new",
                Event,
                {"title": "Seed başlığı", "slug": "seed-new", "kind": event.kind,
                 "start": event.start, "end": event.end, "status": EventStatus.CONFIRMED},
            )
        ]
    )  # fmt: skip


def _promote(event, client):
    # The event is full with a waitlist: a cancellation passes the seat on.
    held = Registration.objects.filter(event=event).first()
    cancel_registration(registration=held)


# (what the event starts with, the change, a text the changed page shows or None)
CHANGES = {
    "admin form: title": ({}, lambda e, c: _admin_form(c, e, title="Yeni başlık"), "Yeni başlık"),
    "admin action: cancel": ({}, lambda e, c: act(c, "cancel_events", [e], post="yes"), None),
    "board: edit form": ({}, lambda e, c: c.post(
        reverse("board:event_edit", kwargs={"slug": e.slug}),
        {"title_tr": "Kurul başlığı", "kind": e.kind, "is_public": "on"}), "Kurul başlığı"),
    "board: cancel": ({}, lambda e, c: _board(c, "event_cancel", e), None),
    "service: reschedule": ({}, lambda e, c: reschedule_event(
        event=e, start=e.start + timedelta(days=1), end=e.end + timedelta(days=1)), None),
    "import: the seed adds an event": ({"page": "month"}, _seed_adds, "Seed başlığı"),
    "venue renamed": ({}, _rename_venue, "Heydər Əliyev Sarayı"),
    "organizer added": ({}, _organizer, "İZAZDER"),
    "organizer renamed": ({"organizer": True}, _rename_organizer, "Bakı Şəhər İcra Hakimiyyəti"),
    "import: contacts name the organizer": ({"organizer": True}, _import_organizer_name,
                                            "Izmir Azerbaijan Association"),
    "registration: service": ({}, lambda e, c: _register(e), None),
    "registration: public form": ({}, _public_form, None),
    "registration: confirmed": ({"pending": True}, lambda e, c: confirm_registration(
        registration=e.registrations.get()), None),
    "registration: cancelled": ({"confirmed": True}, lambda e, c: cancel_registration(
        registration=e.registrations.get()), None),
    "registration: waitlist promotion": ({"full": True}, _promote, None),
    "event deleted": ({}, lambda e, c: e.delete(), None),
}  # fmt: skip


SAME_TEXT = {"registration: confirmed", "registration: waitlist promotion"}


def _english(event) -> str:
    with translation.override("en"):
        return event.get_absolute_url()


def _prepare(event, start_from):
    if start_from.get("organizer"):
        _organizer(event, None)
    if start_from.get("pending"):
        _register(event)
    if start_from.get("confirmed"):
        RegistrationFactory(event=event)
    if start_from.get("full"):
        RegistrationFactory.create_batch(3, event=event)
        _register(event, "waiting@example.org")


@pytest.mark.parametrize("path", CHANGES)
def test_every_change_path_shows_on_the_next_request(visitor, staff_client, path):
    start_from, change, shown = CHANGES[path]
    event = _event()
    _prepare(event, start_from)
    local = event.local_start
    url = f"/en/program/?month={local:%Y-%m}" if start_from.get("page") else _english(event)
    before = _get(visitor, url)
    assert _from_cache(_get(visitor, url))  # the page is in the cache

    change(event, staff_client)

    after = visitor.get(url)
    if path == "event deleted":
        assert after.status_code == 404
        return
    assert after.status_code == 200
    assert _from_cache(after) is False
    if shown:
        assert shown in after.content.decode()
    else:
        # Pending to confirmed, or a seat passed on, leaves the count of seats held the same.
        assert after.content != before.content or path in SAME_TEXT


def test_a_change_bumps_the_version_at_once_and_again_on_commit(django_capture_on_commit_callbacks):
    start = page_version()

    with django_capture_on_commit_callbacks(execute=True):
        event = _event()
        event.title = "Yeni başlık"
        event.save()
        during = page_version()

    # Each save bumps at once; the commit once more, however many rows changed.
    assert during > start
    assert page_version() == during + 1
