"""From a meeting outcome "event announced" to a planned event in the program."""

from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from contacts.enums import OutcomeKind
from contacts.models import Outcome
from contacts.text import search_key

from ..enums import DatePrecision, EventKind, EventStatus
from ..exceptions import DomainError
from ..models import Event
from ..timezones import IZMIR, precision_span, zone

_TITLE_MAX = Event._meta.get_field("title").max_length
_SLUG_MAX = Event._meta.get_field("slug").max_length


class AnnouncementError(DomainError):
    """The outcome cannot become an event (not an announcement, or already one)."""


def _slug_for(title: str) -> str:
    base = slugify(search_key(title))[: _SLUG_MAX - 4] or "event"
    taken = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    # "new" is a word of the board's own URLs after /board/events/.
    while slug in taken or slug == "new":
        slug, number = f"{base}-{number}", number + 1
    return slug


def _window(outcome: Outcome, today: date) -> tuple[str, datetime, datetime]:
    """Month precision in the follow-up's month when there is one, else the year of the
    meeting (or this year): the announcement gives no day, and none is invented."""
    if outcome.follow_up_on:
        precision, day = DatePrecision.MONTH, outcome.follow_up_on
    else:
        precision = DatePrecision.YEAR
        day = date(max((outcome.meeting.date or today).year, today.year), 1, 1)
    start, end = precision_span(datetime(day.year, day.month, 1), None, precision)
    tz = zone(IZMIR)
    return precision, start.replace(tzinfo=tz), end.replace(tzinfo=tz)


@transaction.atomic
def create_event_from_outcome(*, outcome: Outcome, now: datetime | None = None) -> Event:
    """Create the planned event a meeting announced, linked back to the meeting and its sources.

    Pre-filled: the outcome's text as title and description, status planned, not public yet
    (the board publishes it once it has a place and a day), the meeting's visit, the meeting's
    sources, a month (follow-up month) or year window in İzmir time. Side effects: one Event row
    and its sources (audited). Raises AnnouncementError (nothing written) when the outcome is not
    an "event announced" or already has its event.
    """
    outcome = Outcome.objects.select_for_update().select_related("meeting").get(pk=outcome.pk)
    if outcome.kind != OutcomeKind.EVENT_ANNOUNCED:
        raise AnnouncementError(_("Only an “event announced” outcome becomes an event."))
    existing = Event.objects.filter(outcome=outcome).first()
    if existing is not None:
        raise AnnouncementError(
            _("This announcement already has its event: “%(title)s”.") % {"title": existing}
        )
    meeting = outcome.meeting
    # Each language's title and description from the outcome's text in that language (its
    # Turkish always, az and en where the board wrote them), whatever the interface's language.
    texts = {
        code: getattr(outcome, f"text_{code}") or "" for code in settings.MODELTRANSLATION_LANGUAGES
    }
    titles = {code: " ".join(text.split())[:_TITLE_MAX] for code, text in texts.items()}
    title = titles["tr"] or (meeting.title_tr or "")[:_TITLE_MAX]
    precision, start, end = _window(outcome, timezone.localdate(now or timezone.now()))
    event = Event.objects.create(
        title_tr=title,
        **{f"title_{code}": text for code, text in titles.items() if code != "tr" and text},
        slug=_slug_for(title),
        kind=EventKind.OTHER,
        status=EventStatus.PLANNED,
        date_precision=precision,
        start=start,
        end=end,
        is_public=False,
        **{f"description_{code}": text for code, text in texts.items() if text},
        delegation_visit_id=meeting.visit_id,
        outcome=outcome,
    )
    event.sources.set(meeting.sources.all())
    return event
