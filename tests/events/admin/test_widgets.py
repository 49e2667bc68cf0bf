"""Time in the venue's zone: entered and shown as the venue's wall clock, İzmir time beside."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import formats

from events.admin.widgets import (
    ZonedSplitDateTimeField,
    ZonedSplitDateTimeWidget,
    izmir_time_text,
    utc_offset,
    when_text,
)
from events.enums import DatePrecision
from events.models import Event
from tests.events.admin.pages import (
    baku_event,
    change_page,
    changelist,
    date_input,
    form_data,
    input_value,
)
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


def test_event_list_shows_venue_time_and_izmir_time_for_baku(staff_client):
    baku_event()
    EventFactory(
        title="Alsancak akşamı",
        start=datetime(2027, 6, 16, 19, tzinfo=IZMIR),
        end=datetime(2027, 6, 16, 21, tzinfo=IZMIR),
    )

    html = changelist(staff_client).content.decode()

    assert "10:00–12:00 (Baku, UTC+4)" in html
    assert "09:00–11:00 (Izmir, UTC+3)" in html
    assert "19:00–21:00 (Izmir, UTC+3)" in html
    assert html.count("(Izmir, UTC+3)") == 2


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

    html = changelist(staff_client).content.decode()

    assert "April 2026 (Izmir)" in html
    assert "1986 (Izmir)" in html


def test_event_change_page_shows_local_and_izmir_time(staff_client):
    event = baku_event()

    html = change_page(staff_client, event).content.decode()

    assert "10:00–12:00 (Baku, UTC+4)" in html
    assert "09:00–11:00 (Izmir, UTC+3)" in html
    assert "In the venue's time zone: Baku (Asia/Baku, UTC+4)." in html


def test_event_change_page_is_rendered_in_the_venue_zone(staff_client):
    event = baku_event()

    html = change_page(staff_client, event).content.decode()

    # The admin's calendar widgets read this to offer "now" and the offset note.
    assert 'data-admin-utc-offset="14400"' in html


def test_event_add_page_renders_with_site_zone_hint(staff_client):
    html = staff_client.get(reverse("admin:events_event_add")).content.decode()

    assert "In the venue's time zone: Izmir (Europe/Istanbul, UTC+3)." in html
    assert 'name="reminder_offsets_0"' in html


def test_event_entered_at_10_in_baku_is_stored_as_06_utc_and_shown_as_10(staff_client):
    venue = BakuVenueFactory()
    data = form_data(
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
    html = change_page(staff_client, event).content.decode()
    assert input_value(html, "start_1") == "10:00:00"
    assert input_value(html, "start_0") == date_input(datetime(2027, 6, 15))
    assert input_value(html, "end_1") == "12:00:00"


def test_event_moved_to_an_izmir_venue_reads_times_in_izmir(staff_client):
    event = baku_event()
    izmir = VenueFactory()

    staff_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        form_data(event, venue=izmir, local_start=datetime(2027, 6, 15, 10, 0)),
    )

    event.refresh_from_db()
    assert event.start == datetime(2027, 6, 15, 7, 0, tzinfo=UTC)


# --- the pieces, one by one -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone_name", "expected"),
    [
        ("Asia/Baku", "UTC+4"),
        ("Europe/Istanbul", "UTC+3"),
        ("Asia/Kolkata", "UTC+5:30"),
        ("America/Sao_Paulo", "UTC-3"),
    ],
)
def test_utc_offset_names_hours_and_minutes(zone_name, expected):
    moment = datetime(2027, 6, 15, 12, tzinfo=ZoneInfo(zone_name))

    assert utc_offset(moment) == expected


def test_izmir_time_is_a_dash_for_izmir_events_and_unfixed_dates():
    in_izmir = EventFactory(venue=VenueFactory())
    in_baku_some_month = baku_event(
        start=datetime(2027, 6, 1, tzinfo=ZoneInfo("Asia/Baku")),
        end=datetime(2027, 7, 1, tzinfo=ZoneInfo("Asia/Baku")),
        date_precision=DatePrecision.MONTH,
    )

    assert (izmir_time_text(in_izmir), izmir_time_text(in_baku_some_month)) == ("—", "—")


def test_izmir_time_names_the_date_when_it_is_another_day_in_izmir():
    # 00:30 in Bakü on the 16th is still 23:30 on the 15th in İzmir.
    late = datetime(2027, 6, 16, 0, 30, tzinfo=ZoneInfo("Asia/Baku"))
    event = baku_event(start=late, end=late.replace(hour=2))

    assert izmir_time_text(event) == (
        f"{formats.date_format(datetime(2027, 6, 15), 'SHORT_DATE_FORMAT')} "
        "23:30 – "
        f"{formats.date_format(datetime(2027, 6, 16), 'SHORT_DATE_FORMAT')} 01:30 "
        "(Izmir, UTC+3)"
    )


def test_zoned_field_reads_the_wall_clock_in_its_zone():
    field = ZonedSplitDateTimeField()
    field.zone = "Asia/Baku"

    moment = field.clean([date(2027, 6, 15), time(10, 0)])

    assert moment == datetime(2027, 6, 15, 6, 0, tzinfo=UTC)


def test_zoned_widget_shows_the_wall_clock_in_its_zone():
    widget = ZonedSplitDateTimeWidget()
    widget.zone = "Asia/Baku"

    shown = widget.decompress(datetime(2027, 6, 15, 6, 0, tzinfo=UTC))

    assert shown == [date(2027, 6, 15), time(10, 0)]


def test_when_text_names_the_venues_city_not_the_zones_namesake():
    istanbul = VenueFactory(city="İstanbul", time_zone="Europe/Istanbul")
    start = datetime(2027, 5, 9, 10, tzinfo=ZoneInfo("Europe/Istanbul"))
    event = EventFactory(venue=istanbul, start=start, end=start.replace(hour=12))

    text = when_text(event, event.time_zone)

    assert text.endswith("(Istanbul, UTC+3)")  # English spelling


def test_admin_form_gives_the_offset_of_the_events_own_date(staff_client):
    event = EventFactory(
        venue=VenueFactory(city="İzmir"),
        date_precision=DatePrecision.YEAR,
        start=datetime(1986, 1, 1, tzinfo=ZoneInfo("Europe/Istanbul")),
        end=datetime(1987, 1, 1, tzinfo=ZoneInfo("Europe/Istanbul")),
        is_milestone=True,
    )

    page = staff_client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert "Europe/Istanbul, UTC+2" in page.content.decode()
