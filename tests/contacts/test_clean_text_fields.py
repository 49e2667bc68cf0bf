"""Names and other typed text get one rule on every path: the public form, the admin, the
board's record pages and plain saves (services, imports). NFC, no bidi overrides, no
controls, never a name made only of invisible characters."""

import pytest
from django.urls import reverse

from contacts.models import Organization, Person
from events.models import Registration
from tests.factories import OrganizationFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

# What someone types (pasted from a PDF, a chat app, a right-to-left text) and what is stored.
MENDED = [
    ("Mu\u0308ller Ayşe", "Müller Ayşe"),  # NFD: u + combining diaeresis
    ("\u202eLeyla\u202c Məmmədova", "Leyla Məmmədova"),  # right-to-left override
    ("\u2066Elçin\u2069 Məmmədov", "Elçin Məmmədov"),  # isolate
    ("  I\u0307lham   Əliyev ", "İlham Əliyev"),  # NFD capital İ, spacing
    ("Ay\u200bsel\ufeff Rzayeva", "Aysel Rzayeva"),  # zero-width space, byte-order mark
    ("\u200fNigar\u2060 Quliyeva\u200e", "Nigar Quliyeva"),  # direction marks, word joiner
]
INVISIBLE = ["\u200b", "\u200b\u200d\u200c", "\ufeff\u2060", "\u202e"]
CONTROLS = ["\x01", "\x07", "\x1b", "\x7f"]


def _admin_post(staff_client, registration, **changes):
    url = reverse("admin:events_registration_change", args=[registration.pk])
    page = staff_client.get(url)
    data = {**page.context["adminform"].form.initial, **changes}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    return staff_client.post(url, data)


@pytest.mark.parametrize(("typed", "stored"), MENDED)
def test_admin_edit_of_a_registration_name_stores_it_mended(staff_client, typed, stored):
    registration = RegistrationFactory(full_name="Old Name")

    response = _admin_post(staff_client, registration, full_name=typed)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.full_name == stored


@pytest.mark.parametrize("typed", INVISIBLE)
def test_admin_edit_refuses_a_name_of_invisible_characters(staff_client, typed):
    registration = RegistrationFactory(full_name="Old Name")

    response = _admin_post(staff_client, registration, full_name=typed)

    assert response.status_code == 200
    assert "full_name" in response.context["adminform"].form.errors
    registration.refresh_from_db()
    assert registration.full_name == "Old Name"


@pytest.mark.parametrize("field", ["full_name", "organization", "phone", "needs"])
@pytest.mark.parametrize("control", CONTROLS)
def test_admin_edit_refuses_control_characters_in_every_text_field(staff_client, field, control):
    registration = RegistrationFactory(full_name="Old Name", needs="", phone="", organization="")

    response = _admin_post(staff_client, registration, **{field: f"Ali{control}Veli"})

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert Registration.objects.get().full_name == "Old Name"


def test_admin_edit_keeps_line_breaks_in_needs_and_strips_bidi_there(staff_client):
    registration = RegistrationFactory()

    _admin_post(staff_client, registration, needs="Vegetarian\r\n\u202eWheelchair")

    registration.refresh_from_db()
    assert registration.needs == "Vegetarian\r\nWheelchair"


@pytest.mark.parametrize(("typed", "stored"), MENDED)
def test_board_adds_a_person_and_an_organization_with_mended_names(board_client, typed, stored):
    formset = {
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
    }
    board_client.post(
        reverse("contacts:person_create"),
        {"full_name": typed, "preferred_language": "az", **formset},
    )
    board_client.post(reverse("contacts:organization_create"), {"name_tr": typed, "kind": "other"})

    assert list(Person.objects.values_list("full_name", flat=True)) == [stored]
    assert list(Organization.objects.values_list("name_tr", flat=True)) == [stored]


@pytest.mark.parametrize("typed", INVISIBLE)
def test_board_person_form_refuses_an_invisible_name(board_client, typed):
    response = board_client.post(
        reverse("contacts:person_create"),
        {
            "full_name": typed,
            "preferred_language": "az",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 400  # the board's forms answer 400 with the form and its errors
    assert "full_name" in response.context["form"].errors
    assert Person.objects.count() == 0


@pytest.mark.parametrize(("typed", "stored"), MENDED)
def test_plain_saves_store_names_mended_and_derive_keys_from_the_stored_name(typed, stored):
    # Imports and services save without a form: the same tidying, and the search keys match.
    person = PersonFactory(full_name=typed)
    organization = OrganizationFactory(name=typed)
    registration = RegistrationFactory(full_name=typed, organization=typed)

    assert Person.objects.get(pk=person.pk).full_name == stored
    assert Organization.objects.get(pk=organization.pk).name == stored
    reloaded = Registration.objects.get(pk=registration.pk)
    assert (reloaded.full_name, reloaded.organization) == (stored, stored)


@pytest.mark.parametrize(("typed", "stored"), MENDED)
def test_search_keys_are_those_of_the_stored_name(typed, stored):
    typed_person = PersonFactory(full_name=typed)
    plain_person = PersonFactory(full_name=stored)

    keys = Person.objects.values_list(
        "search_name", "match_name", "sort_name_tr", "sort_name_az", "sort_name_en"
    )
    assert keys.get(pk=typed_person.pk) == keys.get(pk=plain_person.pk)
