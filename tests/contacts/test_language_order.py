"""People and organizations are listed in the alphabetical order of the page's language."""

import importlib
import random
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from contacts.models import Organization, Person
from contacts.record_forms import VisitForm
from contacts.text import language_sort_key
from tests.factories import OrganizationFactory, PersonFactory

# The alphabets written out here, not read from contacts.text: what the key must reproduce.
ALPHABETS = {
    "tr": "a b c ç d e f g ğ h ı i j k l m n o ö p q r s ş t u ü v w x y z",
    "az": "a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v w y z",
    "en": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
}

NAMES = [
    "Xəlilov",
    "Həsənov",
    "Quliyev",
    "Kərimov",
    "Çelik",
    "Cavid",
    "Cem",
    "Əliyev",
    "Emin",
    "Eldar",
    "Ismayılov",
    "İsmayilov",
    "Zeynep",
    "Wagner",
    "Ozan",
    "Öcal",
]

IN_ORDER = {
    # ç after c, ə is a foreign e, ı before i, ö after o, q/w/x in their Latin places.
    "tr": [
        "Cavid",
        "Cem",
        "Çelik",
        "Eldar",
        "Əliyev",
        "Emin",
        "Həsənov",
        "Ismayılov",
        "İsmayilov",
        "Kərimov",
        "Ozan",
        "Öcal",
        "Quliyev",
        "Wagner",
        "Xəlilov",
        "Zeynep",
    ],
    # ə after e, x after h, q after k.
    "az": [
        "Cavid",
        "Cem",
        "Çelik",
        "Eldar",
        "Emin",
        "Əliyev",
        "Həsənov",
        "Xəlilov",
        "Ismayılov",
        "İsmayilov",
        "Kərimov",
        "Quliyev",
        "Ozan",
        "Öcal",
        "Wagner",
        "Zeynep",
    ],
    # Accents folded: Çelik is Celik, Öcal is Ocal; the dotless and dotted I are both i.
    "en": [
        "Cavid",
        "Çelik",
        "Cem",
        "Eldar",
        "Əliyev",
        "Emin",
        "Həsənov",
        "İsmayilov",
        "Ismayılov",
        "Kərimov",
        "Öcal",
        "Ozan",
        "Quliyev",
        "Wagner",
        "Xəlilov",
        "Zeynep",
    ],
}

LANGUAGES = list(IN_ORDER)


def _sorted(words, language):
    return sorted(words, key=lambda word: language_sort_key(word, language))


def _shuffled(words):
    words = list(words)
    random.Random(40).shuffle(words)
    return words


# --- the key, letter by letter ---------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_sort_key_orders_every_letter_of_the_alphabet(language):
    letters = ALPHABETS[language].split()

    assert _sorted(_shuffled(letters), language) == letters
    for before, after in zip(letters, letters[1:], strict=False):
        assert language_sort_key(before, language) < language_sort_key(after, language)


@pytest.mark.parametrize("language", ["tr", "az"])
def test_language_sort_key_treats_capitals_as_their_turkic_small_letters(language):
    capitals = "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"
    small = "abcçdefgğhıijklmnoöprsştuüvyz"

    for capital, letter in zip(capitals, small, strict=True):
        assert language_sort_key(capital, language)[0] == language_sort_key(letter, language)[0]


@pytest.mark.parametrize(
    ("letter", "base"),
    [("ç", "c"), ("ğ", "g"), ("ı", "i"), ("İ", "i"), ("ö", "o"), ("ş", "s"), ("ü", "u")]
    + [("ə", "e"), ("Ə", "e"), ("é", "e"), ("â", "a"), ("ñ", "n")],
)
def test_language_sort_key_folds_accents_to_base_letters_in_english(letter, base):
    assert language_sort_key(letter, "en")[0] == language_sort_key(base, "en")[0]


def test_language_sort_key_places_schwa_as_a_foreign_e_in_turkish():
    assert _sorted(["Emin", "Əliyev", "Eldar"], "tr") == ["Eldar", "Əliyev", "Emin"]


def test_language_sort_key_places_letters_after_digits_and_a_shorter_name_first():
    assert _sorted(["Ali Rza", "Ali", "Alia", "2. Salon"], "tr") == [
        "2. Salon",
        "Ali",
        "Ali Rza",
        "Alia",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_sort_key_compares_numbers_as_numbers(language):
    names = ["Salon 10", "Salon 2", "Salon 02b", "Salon 1"]

    assert _sorted(names, language) == ["Salon 1", "Salon 2", "Salon 02b", "Salon 10"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_sort_key_orders_the_names_in_the_languages_alphabet(language):
    assert _sorted(_shuffled(NAMES), language) == IN_ORDER[language]


def test_language_sort_key_breaks_ties_the_fold_makes():
    assert language_sort_key("İsmayilov", "en") != language_sort_key("Ismayılov", "en")


def _organization(name, **other_names):
    """An organization registered under the Turkish `name`, with no other name unless given."""
    with translation.override("tr"):
        return OrganizationFactory(name=name, **other_names)


# --- the board's pages -----------------------------------------------------------------------
def _listed(response, kind: str, names_by_pk: dict[int, str]) -> list[str]:
    pks = re.findall(rf'href="/board/contacts/{kind}/(\d+)/"', response.content.decode())
    return [names_by_pk[int(pk)] for pk in pks]


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_directory_lists_people_in_the_pages_language_order(board_client, language):
    people = {PersonFactory(full_name=name).pk: name for name in _shuffled(NAMES)}

    response = board_client.get(reverse("contacts:directory"), HTTP_ACCEPT_LANGUAGE=language)

    assert response["Content-Language"] == language
    assert _listed(response, "people", people) == IN_ORDER[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_directory_follows_the_language_chosen_in_the_session(board_client, language):
    people = {PersonFactory(full_name=name).pk: name for name in _shuffled(NAMES)}
    board_client.cookies["django_language"] = language

    response = board_client.get(reverse("contacts:directory"), HTTP_ACCEPT_LANGUAGE="tr")

    assert _listed(response, "people", people) == IN_ORDER[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_organization_list_lists_organizations_in_the_pages_language_order(board_client, language):
    organizations = {_organization(f"{name} Derneği").pk: name for name in _shuffled(NAMES)}

    response = board_client.get(reverse("contacts:organizations"), HTTP_ACCEPT_LANGUAGE=language)

    assert _listed(response, "organizations", organizations) == IN_ORDER[language]


def test_organization_list_sorts_by_the_name_in_the_pages_language(board_client):
    # Registered as "Türk Evi"; in Azerbaijani "Azərbaycan-Türk Evi", in English "Turkish House".
    house = _organization("Türk Evi", name_az="Azərbaycan-Türk Evi", name_en="Turkish House")
    bank = _organization("Banka")
    union = _organization("Birlik", name_en="Union")
    names = {house.pk: "house", bank.pk: "bank", union.pk: "union"}

    listed = {
        language: _listed(
            board_client.get(reverse("contacts:organizations"), HTTP_ACCEPT_LANGUAGE=language),
            "organizations",
            names,
        )
        for language in LANGUAGES
    }

    assert listed == {
        "tr": ["bank", "union", "house"],
        "az": ["house", "bank", "union"],
        "en": ["bank", "house", "union"],
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.django_db
def test_visit_pickers_offer_people_and_organizations_in_the_languages_order(language):
    for name in _shuffled(NAMES):
        PersonFactory(full_name=name)
        _organization(name)

    with translation.override(language):
        form = VisitForm()
        travellers = [person.full_name for person in form.fields["travellers"].queryset]
        hosts = [org.name_tr for org in form.fields["host_organization"].queryset]

    assert (travellers, hosts) == (IN_ORDER[language], IN_ORDER[language])


def test_export_lists_people_in_the_exporters_language_order(board_client):
    for name in _shuffled(NAMES):
        PersonFactory(full_name=name)

    response = board_client.get(
        reverse("contacts:export", args=["people", "csv"]), HTTP_ACCEPT_LANGUAGE="az"
    )

    text = response.content.decode("utf-8-sig")
    assert sorted(NAMES, key=text.index) == IN_ORDER["az"]


# --- the migration fills the keys of existing rows ---------------------------------------
@pytest.mark.django_db
def test_migration_fills_each_languages_key_from_that_languages_name():
    migration = importlib.import_module("contacts.migrations.0007_sort_names_per_language")
    person = PersonFactory(full_name="Xəlilov")
    organization = _organization("Türk Evi", name_az="Azərbaycan Evi")
    Person.objects.update(sort_name_tr="", sort_name_az="", sort_name_en="")
    Organization.objects.update(sort_name_tr="", sort_name_az="", sort_name_en="")

    migration.fill(apps, None)

    assert Person.objects.values_list("sort_name_tr", "sort_name_az", "sort_name_en").get(
        pk=person.pk
    ) == tuple(language_sort_key("Xəlilov", language) for language in LANGUAGES)
    assert Organization.objects.values_list("sort_name_tr", "sort_name_az", "sort_name_en").get(
        pk=organization.pk
    ) == (
        language_sort_key("Türk Evi", "tr"),
        language_sort_key("Azərbaycan Evi", "az"),
        language_sort_key("Türk Evi", "en"),
    )
