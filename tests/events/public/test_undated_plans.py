"""Plans known only by month or year, as delegates see them: no internal notes or stages, no
registration before a day is fixed, and "date never fixed" once the window has passed."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from events.enums import DatePrecision, EventStatus
from events.models import Event
from events.seed import load_facts
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


def _year_plan(year, **fields):
    return EventFactory(
        date_precision=DatePrecision.YEAR,
        start=datetime(year, 1, 1, tzinfo=IZMIR),
        end=datetime(year + 1, 1, 1, tzinfo=IZMIR),
        **fields,
    )


def test_delegates_never_see_internal_notes_or_internal_statuses(client, settings):
    settings.LANGUAGE_CODE = "en"
    event = _year_plan(
        timezone.localdate().year + 1,
        status=EventStatus.IDEA,
        description="Joint cultural events in İzmir.",
        internal_notes="The source gives no date or place yet.",
    )

    page = client.get(reverse("events:detail", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="en")

    content = page.content.decode()
    assert "Joint cultural events in İzmir." in content
    assert "The source gives no date or place yet." not in content
    assert ">Idea<" not in content and ">Planned<" not in content
    assert "To be confirmed" in content
    assert "Registration not open" in content
    assert page.context["availability"].can_register is False


def test_plan_whose_window_passed_says_date_never_fixed_not_taken_place(client, settings):
    settings.LANGUAGE_CODE = "en"
    event = _year_plan(timezone.localdate().year - 1, status=EventStatus.PLANNED)

    page = client.get(reverse("events:detail", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="en")

    content = page.content.decode()
    assert (
        "The date of this plan was never fixed; it is shown below as it was announced." in content
    )
    assert "This event has taken place." not in content
    assert "date to be announced" not in content
    assert "(date never fixed)" in content


def test_board_sees_the_internal_notes(board_client):
    event = _year_plan(timezone.localdate().year, internal_notes="Ask the ministry for a date.")

    page = board_client.get(event.get_board_url())

    assert "Ask the ministry for a date." in page.content.decode()


# Words of an announcement still to come, by language: a plan whose window is over must not
# read as if it were yet to happen.
STILL_TO_COME = {
    "tr": ("yapılacak", "bekleniyor", "duyurulacak"),
    "az": ("keçiriləcək", "gözlənilir", "elan olunacaq"),
    "en": ("will be", "expected to attend", "to be announced"),
}


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_seeded_april_2026_plan_reads_as_a_past_plan_in_every_language(client, now, language):
    load_facts()
    event = Event.objects.get(seed_key="event:commemoration-2026-04")
    assert event.date_never_fixed, "the pinned moment is after April 2026"

    with translation.override(language):
        page = client.get(event.get_absolute_url())

    content = page.content.decode()
    article = content[content.index("<article") : content.index("</article>")]
    with translation.override(language):
        assert (
            gettext("The date of this plan was never fixed; it is shown below as it was announced.")
            in content
        )
    assert event.venue.name_tr == "İzmir — kaynakta yer belirtilmemiş"
    assert getattr(event.venue, f"name_{language}") in article
    assert [word for word in STILL_TO_COME[language] if word in article.lower()] == []
