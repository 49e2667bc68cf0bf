"""Admin search results feed the autocomplete widgets, which paginate them: they must be ordered."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tests.factories import StaffFactory, VenueFactory

SEARCHABLE = [
    pytest.param(model_admin, id=model._meta.label)
    for model, model_admin in admin.site._registry.items()
    if model_admin.search_fields and model._meta.app_label in {"contacts", "events"}
]


@pytest.mark.django_db
@pytest.mark.parametrize("model_admin", SEARCHABLE)
def test_admin_search_results_are_ordered_for_autocomplete(model_admin):
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory()

    results, _distinct = model_admin.get_search_results(
        request, model_admin.get_queryset(request), "izmir"
    )

    assert results.ordered is True


@pytest.mark.django_db
def test_admin_venue_autocomplete_finds_venue_by_turkish_folded_name(client):
    venue = VenueFactory(name="Ahmet Adnan Saygun Sanat Merkezi", city="İzmir")
    client.force_login(StaffFactory())

    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "saygun izmir",
            "app_label": "events",
            "model_name": "event",
            "field_name": "venue",
        },
    )

    assert response.json()["results"] == [{"id": str(venue.pk), "text": str(venue)}]
