"""Every text the board types about an event (titles, descriptions, venues, podcasts, planning
and checklist items, in each language) gets the rule names get (contacts.emails.clean_text):
stored NFC without bidi overrides or zero-width spaces, and a required text made only of
invisible characters is refused with a message, never saved as an empty-looking title."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.models import Event
from events.translation import TRANSLATED_FIELDS
from tests.factories import (
    EventFactory,
    PlanningItemFactory,
    PodcastEpisodeFactory,
    PodcastSeriesFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

TYPED = "Ege\u200bnin sesi\u202e & Bakı\u2066"
STORED = "Egenin sesi & Bakı"


def _instances():
    event = EventFactory()
    return [
        event,
        event.venue,
        PodcastSeriesFactory(),
        PodcastEpisodeFactory(),
        PlanningItemFactory(event=event),
    ]


def test_every_translated_text_of_the_events_is_stored_mended_in_every_language():
    for instance in _instances():
        fields = TRANSLATED_FIELDS[type(instance)]
        for field in fields:
            for code in ("tr", "az", "en"):
                setattr(instance, f"{field}_{code}", TYPED)
        instance.save()
        instance.refresh_from_db()

        stored = {
            f"{field}_{code}": getattr(instance, f"{field}_{code}")
            for field in fields
            for code in ("tr", "az", "en")
        }
        assert set(stored.values()) == {STORED}, type(instance).__name__


def test_a_venue_s_city_is_mended_too():
    venue = VenueFactory(city="\u202eBakı\u202c")

    venue.refresh_from_db()
    assert venue.city == "Bakı"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200b\u2060", "\ufeff"])
def test_a_title_of_invisible_characters_is_refused(invisible):
    event = EventFactory()
    event.title_tr = invisible

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert "title_tr" in refused.value.message_dict


def test_the_board_cannot_save_an_event_titled_with_a_zero_width_space(board_client):
    event = EventFactory(title_tr="Konser")
    edit = reverse("board:event_edit", kwargs={"slug": event.slug})
    form = board_client.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in data.items()
        if not isinstance(value, list)
    }

    response = board_client.post(edit, {**data, "title_tr": "\u200b"})

    event.refresh_from_db()
    assert response.status_code == 200
    assert "Please type it with visible letters." in response.content.decode()
    assert event.title_tr == "Konser"
    assert Event.objects.filter(title_tr="\u200b").count() == 0
