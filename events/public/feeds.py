"""The iCalendar feed (/calendar.ics) and one event's .ics, for calendar clients that poll.

A client polling an unchanged feed costs one small query and a 304: the ETag and
Last-Modified come from `selectors.feed_version()` (no event rows read), GET and HEAD are
answered, and the body, when it must be sent, is built once per version and language and kept
in the cache. It is gzipped for clients that accept it (every calendar client does) and the
whole-page cache keeps the compressed page (`cached_page(..., gzip=True)`), so a cached hit
compresses nothing. Nothing here is personal: no session, no CSRF token.

The feed keeps its unprefixed address (calendars hold it) and takes its language from the
address too: `?lang=az|en|tr`, else the site's default, never the client's headers. The
per-event .ics lives under the page's language prefix and speaks that language.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from anniversary.cache import quiet_add, quiet_get, quiet_set
from anniversary.languages import requested_language
from events.ics import build_calendar, event_ics
from events.models import Event
from events.public import selectors
from events.public.pagecache import cached_page

# Raise when the .ics output changes shape (a new property): cached bodies and ETags of the
# old shape then stop matching.
ICS_FORMAT = 1
# Bodies are kept this long at most; a new version never reads an old one anyway.
BODY_SECONDS = 24 * 3600


def _key(*parts) -> str:
    digest = hashlib.blake2b(repr((ICS_FORMAT, settings.SITE_URL, *parts)).encode(), digest_size=12)
    return digest.hexdigest()


def _served(
    request,
    *,
    tag: str,
    last_modified: datetime | None,
    body: Callable[[], bytes],
    filename: str,
    attachment: bool,
) -> HttpResponse:
    """A 304 when the client holds this version, else the (cached) body; both with the
    validators. The content also depends on the language (LocaleMiddleware adds the Vary)."""
    etag = quote_etag(tag)
    stamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=stamp)
    if response is None:
        key = f"kardes40:ics:{tag}"
        content = quiet_get(key)
        if content is None:
            content = body()
            quiet_set(key, content, BODY_SECONDS)
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        disposition = "attachment" if attachment else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response.headers.setdefault("ETag", etag)
    if stamp is not None:
        response.headers.setdefault("Last-Modified", http_date(stamp))
    # Shared caches may keep it, but must ask again each time: the 304 is cheap.
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _first_seen(tag: str) -> datetime:
    """When this version was first served: a deletion changes the feed without a newer
    `updated_at`, so Last-Modified must still move forward then."""
    key = f"kardes40:ics-seen:{tag}"
    seen = quiet_get(key)
    if seen is None:
        quiet_add(key, timezone.now(), 30 * 24 * 3600)
        seen = quiet_get(key, timezone.now())
    return seen


@require_safe
@cached_page("lang", gzip=True)
def calendar_feed(request):
    language = feed_language(request.GET.get("lang"))
    version = selectors.feed_version()
    tag = _key("feed", language, version.key)
    changed = max(filter(None, (version.changed, _first_seen(tag))))

    def body() -> bytes:
        # Inside the override: the names and each event's URL (/az/events/…) in that language.
        with translation.override(language):
            name = _("Kardeş 40: İzmir–Bakü program")
            return build_calendar(selectors.feed_events(), name=name, stamp=changed).to_ical()

    response = _served(
        request,
        tag=tag,
        last_modified=changed,
        body=body,
        filename="kardes40.ics",
        attachment=False,
    )
    response["Content-Language"] = language
    return response


def feed_language(asked: str | None) -> str:
    """The feed's language: `?lang=` when it names one of ours in any case or with a region
    ("AZ", "az-AZ", "en-GB"; see `requested_language`), else the site's default, Turkish
    (an unknown or empty one too: the feed never fails over its language)."""
    return requested_language(asked) or settings.LANGUAGE_CODE


@require_safe
@cached_page(gzip=True)
def event_ical(request, slug):
    try:
        event = Event.objects.public().select_related("venue").get(slug=slug)
    except Event.DoesNotExist:
        raise Http404(_("No public event at this address.")) from None
    venue = event.venue
    where = (venue.pk, venue.name, venue.address, venue.city, venue.time_zone) if venue else None
    tag = _key("event", get_language(), event.pk, event.updated_at, event.sequence, where)
    return _served(
        request,
        tag=tag,
        last_modified=event.updated_at,
        body=lambda: event_ics(event, stamp=event.updated_at),
        filename=f"{event.slug}.ics",
        attachment=True,
    )
