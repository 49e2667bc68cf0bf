"""The admin's event list and form at 1280 px: every column on screen, titles on one line."""

import pytest
from django.utils import timezone

from tests.factories import EventFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_event_list_fits_1280_and_titles_are_not_wrapped_word_by_word(browse):
    staff = StaffFactory(username="admin1")
    now = timezone.now()
    event = EventFactory(
        title="İzmir–Bakü 40. yıl iş forumu ve B2B görüşmeleri",
        start=now,
        end=now + timezone.timedelta(hours=3),
    )
    page = browse.page
    browse.login(staff, admin=True)

    browse.goto("admin:events_event_changelist", step="event-list")
    title_cell = page.locator("#result_list .field-title").first.bounding_box()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    results = page.locator("#changelist .results").evaluate(
        "box => box.scrollWidth - box.clientWidth"
    )
    browse.goto("admin:events_event_change", event.pk, step="event-form")
    title_input = page.locator("#id_title").bounding_box()

    assert (overflow, results) == (0, 0)
    assert title_cell["height"] < 60
    assert title_input["width"] > 500
