"""Helpers for the admin pages' tests: open a list or a change page, post the event form."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import formats

from events.enums import DatePrecision, EventKind, EventStatus
from events.models import Event
from tests.factories import BakuVenueFactory, EventFactory

BAKU = ZoneInfo("Asia/Baku")


def changelist(client, model: str = "event", query: str = ""):
    return client.get(reverse(f"admin:events_{model}_changelist") + query)


def change_page(client, obj, model: str = "event"):
    return client.get(reverse(f"admin:events_{model}_change", args=[obj.pk]))


def titles(response) -> list[str]:
    return [str(row) for row in response.context["cl"].result_list]


def flashed(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def baku_event(**kwargs):
    start = datetime(2027, 6, 15, 10, tzinfo=BAKU)
    defaults = {
        "title_tr": "Şuşa konferansı",
        "venue": BakuVenueFactory(name="Kongres Mərkəzi"),
        "start": start,
        "end": start + timedelta(hours=2),
    }
    if "title" in kwargs:  # a test's own title is the Turkish one
        kwargs["title_tr"] = kwargs.pop("title")
    return EventFactory(**(defaults | kwargs))


def date_input(day: datetime) -> str:
    return day.strftime(formats.get_format("DATE_INPUT_FORMATS")[0])


def form_data(event: Event | None = None, **changes) -> dict:
    """What the event form posts: the current values (or a new event), changed by `changes`
    (`title=` and `description=` change the Turkish columns the form shows)."""
    for plain in ("title", "description"):
        if plain in changes:
            changes[f"{plain}_tr"] = changes.pop(plain)
    venue = changes.pop("venue", event.venue if event else None)
    local_start = changes.pop("local_start", event.local_start if event else None)
    local_end = changes.pop("local_end", event.local_end if event else None)
    data = {
        "title_tr": event.title_tr if event else "New event",
        "slug": event.slug if event else "new-event",
        "kind": event.kind if event else EventKind.CONFERENCE,
        "status": event.status if event else EventStatus.PLANNED,
        "description_tr": "",
        "venue": venue.pk if venue else "",
        "start_0": date_input(local_start),
        "start_1": local_start.strftime("%H:%M"),
        "end_0": date_input(local_end),
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


def input_value(html: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    return match.group(1) if match else ""


def act(client, action: str, events, **extra):
    return client.post(
        reverse("admin:events_event_changelist"),
        {"action": action, "_selected_action": [e.pk for e in events], **extra},
        follow=True,
    )
