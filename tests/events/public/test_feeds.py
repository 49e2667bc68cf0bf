"""The feed and the per-event .ics for polling clients: validators, 304, HEAD, gzip, and a
version that moves with every change that alters them (and only then)."""

import gzip
from datetime import timedelta

import django.middleware.gzip
import icalendar
import pytest
from django.urls import reverse
from django.utils.cache import has_vary_header
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


# What each kind of client sends: every calendar client asks for gzip, a plain HTTP one may not.
ENCODINGS = {"identity": {}, "gzip": {"accept-encoding": "gzip, deflate"}}


def _body(response) -> bytes:
    """The body as the client reads it (decompressed when it came gzipped)."""
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content)
    return response.content


def _url(kind, event) -> str:
    return FEED if kind == "feed" else _ics(event)


@pytest.fixture
def compressions(monkeypatch):
    """Counts Django's gzip compressions of a response body (GZipMiddleware's compressor,
    called through, not replaced)."""
    calls = []
    compress = django.middleware.gzip.compress_string

    def counted(*args, **kwargs):
        calls.append(len(args[0]))
        return compress(*args, **kwargs)

    monkeypatch.setattr(django.middleware.gzip, "compress_string", counted)
    return calls


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


@pytest.mark.parametrize("kind", ["feed", "event"])
def test_gzip_and_identity_clients_each_get_their_own_form_from_the_cache(client, kind):
    event = EventFactory(venue=BakuVenueFactory(), description="Konser. " * 100)
    url = _url(kind, event)
    # The gzip client first: the identity client must not be handed its stored bytes.
    packed = [client.get(url, headers=ENCODINGS["gzip"]) for _ in range(2)]
    plain = [client.get(url, headers=ENCODINGS["identity"]) for _ in range(2)]

    calendar = icalendar.Calendar.from_ical(plain[0].content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [event.title]
    assert [r.status_code for r in packed + plain] == [200] * 4
    assert [r.get("Content-Encoding") for r in packed + plain] == ["gzip", "gzip", None, None]
    assert [_body(r) for r in packed + plain] == [plain[0].content] * 4
    assert all(has_vary_header(r, "Accept-Encoding") for r in packed + plain)
    # One version, one tag: the gzipped form carries its weak form (RFC 9110 §8.8.1).
    assert [r["ETag"] for r in packed] == [f"W/{plain[0]['ETag']}"] * 2
    assert plain[1]["ETag"] == plain[0]["ETag"]
    assert int(packed[1]["Content-Length"]) == len(packed[1].content) < len(plain[1].content)


@pytest.mark.parametrize("page_cache", ["on", "off"])
@pytest.mark.parametrize("asks", ENCODINGS)
@pytest.mark.parametrize("held", ENCODINGS)
@pytest.mark.parametrize("kind", ["feed", "event"])
def test_a_client_resending_the_etag_it_got_in_either_form_gets_a_304(
    client, settings, kind, held, asks, page_cache
):
    # If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" and "x" are the same version,
    # from the page cache (both forms kept) and from the view alike.
    if page_cache == "off":
        settings.PAGE_CACHE_SECONDS = 0
    event = EventFactory(venue=BakuVenueFactory(), description="Konser. " * 100)
    url = _url(kind, event)
    other = "gzip" if held == "identity" else "identity"
    client.get(url, headers=ENCODINGS[other])
    etag, modified = _validators(client.get(url, headers=ENCODINGS[held]))
    assert etag.startswith("W/") == (held == "gzip")

    again = client.get(url, headers={"if-none-match": etag, **ENCODINGS[asks]})

    assert (again.status_code, again.content) == (304, b"")
    # The 304 carries what a 200 would have for this client (RFC 9110 §15.4.5).
    bare = etag.removeprefix("W/")
    assert again["ETag"] == (f"W/{bare}" if asks == "gzip" else bare)
    assert again["Last-Modified"] == modified
    assert has_vary_header(again, "Accept-Encoding")


def test_a_tag_of_another_version_in_either_form_gets_the_page(client):
    EventFactory(description="Konser. " * 100)
    current = client.get(FEED)["ETag"]

    for stale in ('"0123456789abcdef01234567"', 'W/"0123456789abcdef01234567"'):
        for headers in ENCODINGS.values():
            response = client.get(FEED, headers={"if-none-match": stale, **headers})

            assert (response.status_code, response["ETag"].removeprefix("W/")) == (200, current)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("kind", ["feed", "event"])
def test_head_of_either_form_has_the_get_headers_from_the_cache_and_no_body(client, kind, encoding):
    event = EventFactory(description="Konser. " * 100)
    url = _url(kind, event)
    headers = ENCODINGS[encoding]
    got = client.get(url, headers=headers)

    heads = [client.head(url, headers=headers) for _ in range(2)]

    for head in heads:
        assert (head.status_code, head.content) == (200, b"")
        for name in ("ETag", "Last-Modified", "Content-Type", "Content-Length", "Vary"):
            assert head[name] == got[name], name
        assert head.get("Content-Encoding") == got.get("Content-Encoding")
    assert (got.get("Content-Encoding") == "gzip") == (encoding == "gzip")


@pytest.mark.parametrize("kind", ["feed", "event"])
def test_a_cached_hit_sends_the_stored_gzip_bytes_and_compresses_nothing(
    client, kind, compressions
):
    event = EventFactory(venue=BakuVenueFactory(), description="Konser. " * 100)
    url = _url(kind, event)
    first = client.get(url, headers=ENCODINGS["gzip"])
    etag = first["ETag"]
    assert len(compressions) == 1  # the miss: compressed once, before it is stored

    hits = [client.get(url, headers=ENCODINGS["gzip"]) for _ in range(3)]
    polls = [client.get(url, headers={"if-none-match": etag, **ENCODINGS[e]}) for e in ENCODINGS]
    head = client.head(url, headers=ENCODINGS["gzip"])

    assert compressions == [len(gzip.decompress(first.content))]
    # The very bytes stored (Django pads each compression at random against BREACH).
    assert [r.content for r in hits] == [first.content] * 3
    assert [r.status_code for r in polls] == [304, 304]
    assert (head.status_code, head["Content-Length"]) == (200, first["Content-Length"])


@pytest.mark.parametrize("kind", ["feed", "event"])
def test_without_the_page_cache_each_gzip_answer_is_compressed(
    client, settings, kind, compressions
):
    # The path a logged-in visitor or a cache outage takes: still gzipped, compressed each time.
    settings.PAGE_CACHE_SECONDS = 0
    event = EventFactory(description="Konser. " * 100)
    url = _url(kind, event)

    responses = [client.get(url, headers=ENCODINGS["gzip"]) for _ in range(2)]

    assert [r["Content-Encoding"] for r in responses] == ["gzip", "gzip"]
    assert len(compressions) == 2
    assert _body(responses[0]) == _body(responses[1]) == client.get(url).content


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


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("change", CHANGES)
def test_feed_version_moves_with_every_change_that_alters_it(client, change, encoding):
    event = EventFactory(venue=BakuVenueFactory())
    EventFactory(venue=VenueFactory())
    headers = ENCODINGS[encoding]
    before = client.get(FEED, headers=headers)
    etag, modified = _validators(before)
    assert client.get(FEED, headers={"if-none-match": etag, **headers}).status_code == 304

    CHANGES[change](event)
    after = client.get(FEED, headers={"if-none-match": etag, **headers})

    assert after.status_code == 200
    assert after["ETag"] != etag
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(modified)
    assert _body(after) != _body(before)
    assert after.get("Content-Encoding") == before.get("Content-Encoding")


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


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("kind", ["feed", "event"])
def test_the_served_body_follows_the_change(client, kind, encoding):
    event = EventFactory(title="Eski başlık", description="Konser. " * 100)
    url = _url(kind, event)
    headers = ENCODINGS[encoding]
    client.get(url, headers=headers)

    event.title = "Yeni başlık"
    event.save()
    calendar = icalendar.Calendar.from_ical(_body(client.get(url, headers=headers)))

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


def test_a_poll_of_an_unchanged_feed_costs_one_query_at_any_size(
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
        lambda: client.get(FEED, headers={"if-none-match": etag}), grow, expected=1
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
