"""The feed and the per-event .ics for polling clients: validators, 304, HEAD, gzip, and a
version that moves with every change that alters them (and only then)."""

import gzip
from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils.http import parse_http_date, quote_etag

from events.models import Event, Venue
from events.public import feeds, selectors
from events.services.registration import register_delegate
from events.services.scheduling import reschedule_event
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

FEED = "/calendar.ics"


def _ics(event) -> str:
    return reverse("events:ics", kwargs={"slug": event.slug})


def _validators(response) -> tuple[str, str]:
    return response["ETag"], response["Last-Modified"]


@pytest.mark.parametrize("kind", ["feed", "event"])
def test_conditional_get_with_the_etag_or_the_date_is_304_without_a_body(client, kind):
    event = EventFactory(venue=BakuVenueFactory())
    url = FEED if kind == "feed" else _ics(event)
    first = client.get(url)
    etag, modified = _validators(first)

    by_tag = client.get(url, headers={"if-none-match": etag})
    by_date = client.get(url, headers={"if-modified-since": modified})

    assert (first.status_code, by_tag.status_code, by_date.status_code) == (200, 304, 304)
    assert (by_tag.content, by_date.content) == (b"", b"")
    assert _validators(by_tag) == (etag, modified)
    assert "no-cache" in first["Cache-Control"]
    if kind == "event":
        # Its language is the address's (/en/events/…/event.ics), not the client's header.
        assert "Accept-Language" not in first["Vary"]


@pytest.mark.parametrize("kind", ["feed", "event"])
def test_head_is_answered_with_the_get_headers_and_no_body(client, kind):
    event = EventFactory()
    url = FEED if kind == "feed" else _ics(event)
    got = client.get(url)

    head = client.head(url)
    post = client.post(url)

    assert (head.status_code, head.content, post.status_code) == (200, b"", 405)
    assert (head["ETag"], head["Content-Type"]) == (got["ETag"], got["Content-Type"])


@pytest.mark.parametrize("kind", ["feed", "event"])
def test_body_is_gzipped_for_clients_that_accept_it(client, kind):
    event = EventFactory(description="Konser. " * 100)
    url = FEED if kind == "feed" else _ics(event)
    plain = client.get(url)

    packed = client.get(url, headers={"accept-encoding": "gzip"})

    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)
    # The gzipped body is still the same version: its (weak) tag revalidates.
    again = client.get(url, headers={"if-none-match": packed["ETag"], "accept-encoding": "gzip"})
    assert again.status_code == 304


def _rename_venue(event):
    venue = Event.objects.get(pk=event.pk).venue
    venue.name = "Heydər Əliyev Sarayı"
    venue.save()


def test_feed_version_moves_when_a_venue_changes_without_a_save():
    # The feed's validators come from the rows themselves, so even a raw UPDATE (no signal,
    # no page-version bump) moves them.
    event = EventFactory(venue=BakuVenueFactory())
    before = selectors.feed_version().key

    Venue.objects.filter(pk=event.venue_id).update(name="Heydər Əliyev Sarayı")

    assert selectors.feed_version().key != before


CHANGES = {
    "rescheduled": lambda e: reschedule_event(
        event=e, start=e.start + timedelta(hours=1), end=e.end + timedelta(hours=1)
    ),
    "retitled": lambda e: (setattr(e, "title", "Yeni başlık"), e.save()),
    "made private": lambda e: (setattr(e, "is_public", False), e.save()),
    "deleted": lambda e: Event.objects.filter(pk=e.pk).delete(),
    "another added": lambda e: EventFactory(),
    "venue renamed": _rename_venue,
}


@pytest.mark.parametrize("change", CHANGES)
def test_feed_version_moves_with_every_change_that_alters_it(client, change):
    event = EventFactory(venue=BakuVenueFactory())
    EventFactory(venue=VenueFactory())
    etag, modified = _validators(client.get(FEED))

    CHANGES[change](event)
    after = client.get(FEED, headers={"if-none-match": etag})

    assert after.status_code == 200
    assert after["ETag"] != etag
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(modified)


def test_a_registration_leaves_the_feed_unchanged(client):
    event = EventFactory(capacity=5)
    etag = client.get(FEED)["ETag"]

    register_delegate(
        event=event,
        full_name="Leyla Məmmədova",
        email="leyla@example.org",
        organization="",
        country="AZ",
        phone="",
        language="az",
        needs="",
        consent=True,
    )

    assert client.get(FEED, headers={"if-none-match": etag}).status_code == 304


def test_the_served_body_follows_the_change(client):
    event = EventFactory(title="Eski başlık")
    client.get(FEED)

    event.title = "Yeni başlık"
    event.save()
    calendar = icalendar.Calendar.from_ical(client.get(FEED).content)

    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Yeni başlık"]


def test_each_language_has_its_own_version(client):
    EventFactory()

    english = client.get(FEED, {"lang": "en"})
    turkish = client.get(FEED, {"lang": "tr"}, headers={"accept-language": "en"})

    assert english["ETag"] != turkish["ETag"]
    assert b"program" in english.content
    assert (english["Content-Language"], turkish["Content-Language"]) == ("en", "tr")


def test_event_ics_version_moves_when_it_is_rescheduled(client):
    event = EventFactory()
    etag = client.get(_ics(event))["ETag"]

    reschedule_event(
        event=event, start=event.start + timedelta(days=1), end=event.end + timedelta(days=1)
    )
    after = client.get(_ics(event), headers={"if-none-match": etag})

    assert (after.status_code, after["ETag"] != etag) == (200, True)


def _feed_tag() -> str:
    # The tag a client holds after its last download (computed as the view does, without a
    # request: a request would reset the query log the count is read from).
    return quote_etag(feeds._key("feed", "en", selectors.feed_version().key))


def test_a_poll_of_an_unchanged_feed_costs_two_queries_at_any_size(
    client, assert_constant_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the feed's own work, without the whole-page cache
    EventFactory()
    etag = _feed_tag()
    assert client.get(FEED)["ETag"] == etag  # the client's copy

    def grow():
        nonlocal etag
        for _index in range(50):
            EventFactory(venue=BakuVenueFactory())
        etag = _feed_tag()

    response = assert_constant_queries(
        lambda: client.get(FEED, headers={"if-none-match": etag}), grow, expected=2
    )

    assert response.status_code == 304


def test_a_poll_of_an_unchanged_feed_costs_no_query_from_the_page_cache(
    client, assert_constant_queries
):
    EventFactory()
    etag = client.get(FEED)["ETag"]

    def grow():
        nonlocal etag
        for _index in range(50):
            EventFactory(venue=BakuVenueFactory())
        etag = client.get(FEED)["ETag"]

    response = assert_constant_queries(
        lambda: client.get(FEED, headers={"if-none-match": etag}), grow, expected=0
    )

    assert response.status_code == 304
