"""Public pages with out-of-range or wrong-method requests answer sensibly, never 500."""

import pytest
from django.urls import reverse

from events.models import Registration
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "10000-01", "1899-12", "2026-13"])
def test_program_ignores_a_month_out_of_range(client, month):
    event = EventFactory(title="Nevruz in İzmir")

    response = client.get(reverse("events:program"), {"month": month})

    assert response.status_code == 200
    assert event.title in response.content.decode()


@pytest.mark.parametrize(
    "name", ["home", "events:program", "feed", "events:privacy", "events:calendar_today"]
)
def test_head_is_answered_like_get_without_a_body(client, name):
    EventFactory()

    get, head = client.get(reverse(name)), client.head(reverse(name))

    assert (head.status_code, head.content) == (get.status_code, b"")
    assert head["Content-Type"] == get["Content-Type"]


def test_head_of_the_calendar_feed_is_what_calendar_clients_probe(client):
    event = EventFactory()

    response = client.head(reverse("feed"))
    one = client.head(reverse("events:ics", args=[event.slug]))

    assert (response.status_code, response["Content-Type"]) == (200, "text/calendar; charset=utf-8")
    assert (one.status_code, one.content) == (200, b"")


def test_head_of_the_registration_page_registers_nobody(client):
    event = EventFactory()

    response = client.head(reverse("events:register", args=[event.slug]))

    assert (response.status_code, Registration.objects.count()) == (200, 0)


def test_put_and_delete_are_still_refused(client):
    assert [
        client.generic(method, reverse("feed")).status_code for method in ("PUT", "DELETE")
    ] == [405, 405]
