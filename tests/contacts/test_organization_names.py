"""The board writes an organization's name in Turkish, Azerbaijani and English side by side."""

import pytest
from django.urls import reverse
from django.utils import translation

from contacts.models import Organization
from tests.factories import EventFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "name_tr": "Bakü Gençlik Platformu",
    "name_az": "Bakı Gənclər Platforması",
    "name_en": "Baku Youth Platform",
}


def test_board_member_in_azerbaijani_adds_an_organization_with_its_three_names(
    board_client, client
):
    form = board_client.get(reverse("contacts:organization_create"), HTTP_ACCEPT_LANGUAGE="az")

    response = board_client.post(
        reverse("contacts:organization_create"),
        {**NAMES, "kind": "association"},
        HTTP_ACCEPT_LANGUAGE="az",
    )

    organization = Organization.objects.get()
    assert response["Location"] == reverse("contacts:organization", args=[organization.pk])
    assert [
        form.context["form"][field].html_name for field in ("name_tr", "name_az", "name_en")
    ] == ["name_tr", "name_az", "name_en"]
    assert (organization.name_tr, organization.name_az, organization.name_en) == (
        NAMES["name_tr"],
        NAMES["name_az"],
        NAMES["name_en"],
    )
    event = EventFactory(title_tr="Konser", title_az="Konsert")
    event.organizers.add(organization)
    with translation.override("az"):  # the address says the page's language: /az/…
        page = client.get(event.get_absolute_url())
    assert page.wsgi_request.path.startswith("/az/")
    assert NAMES["name_az"] in page.content.decode()
    assert NAMES["name_tr"] not in page.content.decode()


def test_organization_without_other_names_stores_none_for_them(board_client):
    board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "Kardeş Şehirler Derneği", "name_az": "", "name_en": "", "kind": "other"},
    )

    assert list(Organization.objects.values_list("name_tr", "name_az", "name_en")) == [
        ("Kardeş Şehirler Derneği", None, None)
    ]


def test_organization_form_requires_the_turkish_name(board_client):
    response = board_client.post(
        reverse("contacts:organization_create"),
        {"name_az": "Bakı Gənclər Platforması", "kind": "other"},
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["name_tr"]
    assert Organization.objects.count() == 0


@pytest.mark.parametrize("field", ["name_tr", "name_az", "name_en"])
def test_organization_whose_name_in_any_language_folds_to_an_existing_one_is_not_added(
    board_client, field
):
    existing = OrganizationFactory(**NAMES)
    # Another case and other dotted letters: the same folded name, in the same language.
    typed = NAMES[field].upper()

    response = board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "Yeni Dernek", field: typed, "kind": "other"},
    )

    assert response.status_code == 409
    assert list(response.context["duplicates"]) == [existing]
    assert Organization.objects.count() == 1


def test_editing_an_organization_changes_its_azerbaijani_name_only(board_client):
    organization = OrganizationFactory(**NAMES)

    board_client.post(
        reverse("contacts:organization_edit", args=[organization.pk]),
        {**NAMES, "name_az": "Bakı Gənclər Birliyi", "kind": "other"},
        HTTP_ACCEPT_LANGUAGE="az",
    )

    organization.refresh_from_db()
    assert (organization.name_tr, organization.name_az) == (
        NAMES["name_tr"],
        "Bakı Gənclər Birliyi",
    )


@pytest.mark.parametrize("language", ["tr", "az", "en"])
@pytest.mark.parametrize(
    "typed",
    [
        "Bakü Gençlik Platformu",
        "BAKÜ GENÇLİK PLATFORMU",
        "baku  genclik platformu",
        "Bakı Gənclər Platforması",
        "baku youth platform",
    ],
)
def test_an_organization_is_found_by_any_of_its_names_in_any_page_language(language, typed):
    """One home for "the organization called …": imports and the business profile both read
    it. The translated field's own filter would read only the active language's column."""
    organization = OrganizationFactory(**NAMES)
    OrganizationFactory(name="Bakü Gençlik Platformu Derneği")

    with translation.override(language):
        assert Organization.objects.named(typed) == organization


@pytest.mark.parametrize("typed", ["", "   ", "Bakü Gençlik", "Youth Platform"])
def test_no_organization_for_a_blank_or_partial_name(typed):
    OrganizationFactory(**NAMES)

    assert Organization.objects.named(typed) is None
