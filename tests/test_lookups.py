"""A number no integer column can hold, chosen in a form's multi-select, is "not one of the
available choices" on the field: on SQLite (the embedded default) as on PostgreSQL."""

import pytest
from django.urls import reverse

from contacts.models import DelegationVisit, Person
from events.models import Event
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db

HUGE = ["99999999999999999999", "-99999999999999999999", "9223372036854775808"]


@pytest.mark.parametrize("number", HUGE)
def test_board_visit_form_names_an_out_of_range_traveller_on_the_field(board_client, number):
    data = {
        "title": "Trade delegation to Bakü",
        "origin_city": "İzmir",
        "destination_city": "Bakü",
        "start_date": "2026-10-05",
        "end_date": "2026-10-08",
        "travellers": [PersonFactory().pk, number],
        "meetings-TOTAL_FORMS": "0",
        "meetings-INITIAL_FORMS": "0",
    }

    response = board_client.post(reverse("contacts:visit_create"), data)

    assert response.status_code == 400  # the form again, with its errors
    assert response.context["form"].errors["travellers"] == [
        f"Select a valid choice. {number} is not one of the available choices."
    ]
    assert DelegationVisit.objects.count() == 0


@pytest.mark.parametrize("number", [int(n) for n in HUGE])
def test_in_lookups_on_integer_columns_skip_numbers_out_of_range(number):
    event = EventFactory(capacity=3)
    person = PersonFactory()

    assert list(Event.objects.filter(pk__in=[number, event.pk])) == [event]
    assert list(Event.objects.filter(capacity__in=[number])) == []
    assert list(Person.objects.filter(id__in=[number])) == []
    assert list(Person.objects.filter(pk__in=[person.pk])) == [person]
