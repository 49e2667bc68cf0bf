"""Admin search results feed the autocomplete widgets, which paginate them: they must be ordered."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import translation

from contacts.translation import TRANSLATED_FIELDS as CONTACT_FIELDS
from events.admin.registrations import RegistrationAdmin
from events.models import Registration
from events.translation import TRANSLATED_FIELDS as EVENT_FIELDS
from tests.factories import EventFactory, RegistrationFactory, StaffFactory, VenueFactory

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


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["tr", "az", "en"])
@pytest.mark.parametrize("typed", ["Nevruz şenliği", "Novruz bayramı", "Novruz festival"])
def test_admin_search_through_a_related_event_reads_every_language(language, typed):
    """A search on a related translated field ("event__title") would be rewritten to the
    staff member's language only: in English a Turkish-only title was never found."""
    event = EventFactory(
        title_tr="Nevruz şenliği", title_az="Novruz bayramı", title_en="Novruz festival"
    )
    registration = RegistrationFactory(event=event)
    RegistrationFactory(event=EventFactory(title_tr="Başka bir etkinlik"))
    model_admin = RegistrationAdmin(Registration, admin.site)
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory()

    with translation.override(language):
        results, _distinct = model_admin.get_search_results(
            request, model_admin.get_queryset(request), typed
        )

        assert list(results) == [registration]


def _final_model(model, path: str):
    """The model the last part of a lookup path (`event__title`) belongs to."""
    parts = path.lstrip("^=@").split("__")
    for part in parts[:-1]:
        model = model._meta.get_field(part).related_model
    return model, parts[-1]


def test_no_admin_searches_a_translated_field_in_one_language_only():
    """Every search field that ends in a translated field names its language columns (or a
    folded key of them): the bare name reads the staff member's language only."""
    translated = {**CONTACT_FIELDS, **EVENT_FIELDS}
    bare = [
        (model._meta.label, field)
        for model, model_admin in admin.site._registry.items()
        for field in model_admin.search_fields or ()
        for final, name in [_final_model(model, field)]
        if name in translated.get(final, ())
    ]

    assert bare == []
