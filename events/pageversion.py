"""The version of what the public pages show: one integer in the cache, bumped by every change.

The whole-page cache (events/public/pagecache.py) and the counts kept per program version
(public/selectors.py) put it in their keys, so a change shows on the next request instead of
after a guessed expiry. What bumps it, in one place:

- saves and deletions of the rows the public pages read (`WATCHED`): events (their per-language
  columns, series links and status included), venues, registrations (seats left: confirm,
  cancel, waitlist promotion, expiry, check-in), organizations (organizer names), podcasts;
  an event's organizers added or removed;
- services that write with `QuerySet.update()` or `bulk_create()`, which send no signals:
  they call `bump_page_version()` themselves (grep for it).

A bump happens at once and again when the transaction commits (`transaction.on_commit`): the
first invalidates what the writer itself reads back inside its transaction; the second is the
one that matters for everyone else, since a page another request renders before the commit
still shows the old rows and is stored under the version it read first. A rolled-back change
costs only a spurious bump.
"""

import time

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from anniversary.cache import quiet_add, quiet_get, quiet_incr
from contacts.models import Organization
from events.models import Event, PodcastEpisode, PodcastSeries, Registration, Venue

KEY = "kardes40:page-version"


# (until when, version): the last version this process read or wrote. Read again from the
# cache after settings.PAGE_VERSION_MEMO_SECONDS, so a change made by another process shows
# within that (a fraction of a second), and every cached page costs one cache read, not two.
# This process's own bumps update it at once.
_memo: tuple[float, int | None] = (0.0, None)


def _remember(version: int | None) -> int | None:
    global _memo  # noqa: PLW0603 - one process-wide value, replaced whole (thread-safe)
    _memo = (time.monotonic() + settings.PAGE_VERSION_MEMO_SECONDS, version)
    return version


def forget() -> None:
    """Read the version from the cache next time (after the cache was cleared)."""
    _remember(None)


def page_version() -> int | None:
    """The current version (an integer), or None while the cache does not answer: callers
    then neither read nor store anything keyed by it. At most one cache read per
    PAGE_VERSION_MEMO_SECONDS in a process (two on first use)."""
    until, version = _memo
    if version is not None and time.monotonic() < until:
        return version
    found = quiet_get(KEY)
    if found is None:
        # Start from the clock, not 1: after a flush or a restart of the cache, a version
        # must not repeat one that keys still stored elsewhere (another process's memory).
        quiet_add(KEY, time.time_ns() // 1000, None)
        found = quiet_get(KEY)
    return _remember(found)


def _bump() -> None:
    version = quiet_incr(KEY)
    if version is None:
        version = time.time_ns() // 1000
        quiet_add(KEY, version, None)
    _remember(version)


def bump_page_version() -> None:
    """Every public page may have changed: bump now and again on commit (see above); the bump
    on commit once per transaction however many rows change (an import). Side effect: the
    cache key."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump()  # autocommit: the change is in already
        return
    _bump()
    if not any(entry[1] is _bump for entry in connection.run_on_commit):
        transaction.on_commit(_bump)


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata: no page is affected until the fixtures are in
        return
    bump_page_version()


def _organizers_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump_page_version()


# The rows a public page shows.
WATCHED = [Event, Venue, Registration, Organization, PodcastSeries, PodcastEpisode]


def connect() -> None:
    """Connect the receivers; called once from EventsConfig.ready()."""
    for model in WATCHED:
        uid = f"page-version-{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _organizers_changed, sender=Event.organizers.through, dispatch_uid="page-version-org"
    )
