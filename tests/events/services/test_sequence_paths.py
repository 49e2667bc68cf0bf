"""SEQUENCE (RFC 5546 §2.1.4): every path that changes what a calendar client must apply
(start, end, recurrence, status as the calendar sees it) raises it once, through
events.services.scheduling; every path that changes something else leaves it alone. The served
.ics carries the new value, so a subscribed calendar replaces its copy."""

import ast
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse

from events.enums import DatePrecision, EventStatus, Recurrence
from events.models import Event
from events.seed.loader import load_records
from events.seed.records import Record
from events.services.scheduling import (
    cancel_event,
    confirm_event,
    reschedule_event,
    set_event_status,
)
from tests.events.admin.pages import act, form_data
from tests.factories import BakuVenueFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")


def _event(**kwargs) -> Event:
    start = datetime(2027, 6, 15, 10, tzinfo=BAKU)
    defaults = {
        "title": "Şuşa konferansı",
        "slug": "susa",
        "venue": BakuVenueFactory(),
        "start": start,
        "end": start + timedelta(hours=2),
        "status": EventStatus.CONFIRMED,
    }
    return EventFactory(**(defaults | kwargs))


def _admin_form(client, event, **changes):
    client.post(reverse("admin:events_event_change", args=[event.pk]), form_data(event, **changes))


def _board(client, name, event, data=None):
    client.post(reverse(f"board:{name}", kwargs={"slug": event.slug}), data or {})


# Each path: (what it starts from, what it does). They all change what calendars show.
CHANGING = {
    "service: reschedule": ({}, lambda e, c: reschedule_event(
        event=e, start=e.start + timedelta(days=1), end=e.end + timedelta(days=1))),
    "service: precision": ({}, lambda e, c: reschedule_event(
        event=e, start=datetime(2027, 6, 15, tzinfo=BAKU), end=datetime(2027, 6, 16, tzinfo=BAKU),
        date_precision=DatePrecision.DAY)),
    "service: recurrence": ({}, lambda e, c: reschedule_event(
        event=e, start=e.start, end=e.end, recurrence=Recurrence.YEARLY)),
    "service: to planned": ({}, lambda e, c: set_event_status(
        event=e, status=EventStatus.PLANNED)),
    "service: confirm": ({"status": EventStatus.PLANNED}, lambda e, c: confirm_event(event=e)),
    "service: cancel": ({}, lambda e, c: cancel_event(event=e)),
    "admin form: time": ({}, lambda e, c: _admin_form(
        c, e, local_start=datetime(2027, 6, 16, 10), local_end=datetime(2027, 6, 16, 12))),
    "admin form: recurrence": ({}, lambda e, c: _admin_form(c, e, recurrence=Recurrence.YEARLY)),
    "admin form: recurrence off": ({"recurrence": Recurrence.YEARLY},
                                   lambda e, c: _admin_form(c, e, recurrence="")),
    "admin form: to planned": ({}, lambda e, c: _admin_form(c, e, status=EventStatus.PLANNED)),
    "admin form: cancel": ({}, lambda e, c: _admin_form(c, e, status=EventStatus.CANCELLED)),
    "admin form: time, recurrence and status at once": ({}, lambda e, c: _admin_form(
        c, e, local_start=datetime(2027, 6, 16, 10), local_end=datetime(2027, 6, 16, 12),
        recurrence=Recurrence.YEARLY, status=EventStatus.PLANNED)),
    "admin action: confirm": ({"status": EventStatus.PLANNED},
                              lambda e, c: act(c, "confirm_events", [e])),
    "admin action: cancel": ({}, lambda e, c: act(c, "cancel_events", [e], post="yes")),
    "board: reschedule": ({}, lambda e, c: _board(c, "event_reschedule", e, {
        "date_precision": "exact", "start": "2027-06-16T10:00", "end": "2027-06-16T12:00"})),
    "board: confirm": ({"status": EventStatus.PLANNED},
                       lambda e, c: _board(c, "event_confirm", e)),
    "board: cancel": ({}, lambda e, c: _board(c, "event_cancel", e)),
}  # fmt: skip

# The admin form with time, recurrence and status changed raises it twice: once in
# reschedule_event, once in set_event_status. Two steps, each one a version clients apply.
EXPECTED_RISE = {"admin form: time, recurrence and status at once": 2}


def _served_sequence(client, event) -> int:
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    (component,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return int(component["sequence"])


@pytest.mark.parametrize("path", CHANGING)
def test_every_path_that_changes_the_calendar_raises_the_sequence(staff_client, path):
    start_from, change = CHANGING[path]
    event = _event(**start_from)
    RegistrationFactory(event=event)
    before = _served_sequence(staff_client, event)

    change(event, staff_client)

    event.refresh_from_db()
    assert event.sequence == before + EXPECTED_RISE.get(path, 1)
    assert _served_sequence(staff_client, event) == event.sequence


# Paths that change nothing a calendar client must apply.
KEEPING = {
    "service: reschedule to the same times": lambda e, c: reschedule_event(
        event=e, start=e.start, end=e.end, recurrence=e.recurrence),
    "service: confirmed to done (CONFIRMED both)": lambda e, c: set_event_status(
        event=e, status=EventStatus.DONE),
    "admin form: title only": lambda e, c: _admin_form(c, e, title="Şuşa konferansı 2027"),
    "board: edit form": lambda e, c: c.post(
        reverse("board:event_edit", kwargs={"slug": e.slug}),
        {"title_tr": "Şuşa konferansı 2027", "kind": e.kind, "is_public": "on"}),
    "import: the seed run again over the event": lambda e, c: load_records(records=[Record(
        "event:susa", Event, {"title": "x", "slug": "susa", "kind": e.kind,
                              "start": e.start - timedelta(days=9), "end": e.end})]),
}  # fmt: skip


@pytest.mark.parametrize("path", KEEPING)
def test_paths_that_change_nothing_for_calendars_keep_the_sequence(staff_client, path):
    event = _event()
    Event.objects.filter(pk=event.pk).update(seed_key="event:susa")
    start, end = event.start, event.end

    KEEPING[path](event, staff_client)

    event.refresh_from_db()
    assert (event.sequence, event.start, event.end) == (0, start, end)
    assert event.title == RETITLED.get(path, "Şuşa konferansı")  # the path did run


RETITLED = {
    "admin form: title only": "Şuşa konferansı 2027",
    "board: edit form": "Şuşa konferansı 2027",
}


def _assigned_attributes(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute):
                    names.add(part.attr)
    return names


def test_only_the_scheduling_service_raises_the_sequence():
    """A new path that writes `sequence` elsewhere bypasses the rule: this test names it."""
    root = Path(settings.BASE_DIR) / "events"
    writers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        and "sequence" in _assigned_attributes(ast.parse(path.read_text()))
    )

    # The admin copies the stored value back before the services run; a copy starts at 0.
    # b2b/schedule.py raises a B2B meeting's own SEQUENCE (its VEVENT in the agenda), not an
    # event's.
    assert writers == [
        "admin/events.py",
        "b2b/schedule.py",
        "services/program.py",
        "services/scheduling.py",
    ]
