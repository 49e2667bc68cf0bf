"""The admin's event list and form at 1280 px: every column on screen, titles never wrapped word by word."""

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
    # The row of this event (others may be listed), and how many lines its title takes.
    title_cell = page.locator("#result_list tr", has_text=event.title).locator(".field-title")
    title_lines = title_cell.evaluate(
        """cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        }"""
    )
    title_width = title_cell.bounding_box()["width"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    results = page.locator("#changelist .results").evaluate(
        "box => box.scrollWidth - box.clientWidth"
    )
    browse.goto("admin:events_event_change", event.pk, step="event-form")
    title_input = page.locator("#id_title_tr").bounding_box()

    assert (overflow, results) == (0, 0)
    # Eight words: word by word would be eight lines. The column keeps its 10rem minimum, so
    # the title takes two or three lines whatever the other rows hold.
    assert title_lines <= 3
    assert title_width >= 160
    assert title_input["width"] > 500
