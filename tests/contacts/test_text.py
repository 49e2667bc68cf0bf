import re
import unicodedata

import pytest

from contacts.models import Person
from contacts.text import (
    collation_key,
    match_key,
    match_pattern,
    natural_sort_key,
    search_key,
    sort_key,
)
from tests.factories import PersonFactory


def test_search_key_folds_dotted_capital_i():
    assert search_key("İzmir") == search_key("izmir") == "izmir"


def test_search_key_folds_azerbaijani_letters():
    assert search_key("İsmayilov") == "ismayilov"
    assert search_key("Əliyev Şəhla Ğ") == "eliyev sehla g"


def test_search_key_maps_dotless_capital_to_i():
    assert search_key("ISPARTA") == "isparta"


def test_sort_key_follows_turkish_alphabet():
    names = ["Zeynep", "Çelik", "Cemil", "Şahin", "Sevgi", "Ömer", "Orhan", "İlker", "Işık"]
    assert sorted(names, key=sort_key) == [
        "Cemil",
        "Çelik",
        "Işık",
        "İlker",
        "Orhan",
        "Ömer",
        "Sevgi",
        "Şahin",
        "Zeynep",
    ]


def test_sort_key_places_schwa_after_e():
    assert sorted(["Fuad", "Əli", "Elçin"], key=sort_key) == ["Elçin", "Əli", "Fuad"]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("tr", ["Cezayir", "Çad", "Hırvatistan", "Hindistan", "Honduras", "Özbekistan", "Şili"]),
        ("az", ["Ekvador", "Əfqanıstan", "Honduras", "Xorvatiya", "İraq", "Kuba", "Qazax", "Laos"]),
        ("en", ["Åland", "Algeria", "Çad", "Chile", "Ibiza", "Iraq", "Zambia"]),
    ],
)
def test_collation_key_sorts_by_the_languages_alphabet(language, words):
    shuffled = list(reversed(words))

    assert sorted(shuffled, key=lambda word: collation_key(word, language)) == words


# --- spelling-tolerant search: each pair both ways ------------------------------------------
@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Allahveranov", "Allahverənov"),  # ə matches a
        ("Allahverənov", "Allahveranov"),
        ("Əliyev", "Eliyev"),  # ə matches e
        ("Eliyev", "Əliyev"),
        ("Halilov", "Xəlilov"),  # x matches h
        ("Xəlilov", "Halilov"),
        ("Guliyev", "Quliyev"),  # q matches g
        ("Quliyev", "Guliyev"),
        ("Kasımov", "Qasımov"),  # q matches k
        ("Qasımov", "Kasımov"),
        ("Çelik", "Celik"),
        ("Celik", "Çelik"),
        ("Şahin", "Sahin"),
        ("Sahin", "Şahin"),
        ("Dağ", "Dag"),
        ("Dag", "Dağ"),
        ("Işık", "Isik"),
        ("Isik", "Işık"),
        ("İlker", "ilker"),
        ("ilker", "İlker"),
        ("Ömer", "Omer"),
        ("Omer", "Ömer"),
        ("Ümit", "Umit"),
        ("Umit", "Ümit"),
        ("Şəhla", unicodedata.normalize("NFD", "Şəhla")),  # decomposed input
    ],
)
def test_match_pattern_finds_either_spelling(stored, typed):
    assert re.search(match_pattern(typed), match_key(stored))


def test_match_pattern_does_not_blur_plain_vowels():
    # "e" and "a" each match ə, not each other: "Kerem" is not "Karam".
    assert re.search(match_pattern("Kerem"), match_key("Karam")) is None


@pytest.mark.django_db
def test_directory_search_finds_the_turkish_spelling_from_the_azerbaijani_one():
    PersonFactory(full_name="Azer Allahveranov")
    PersonFactory(full_name="Xəlil Quliyev")

    found = {
        query: list(Person.objects.search(query).values_list("full_name", flat=True))
        for query in ("Allahverənov", "allahveranov", "Halil Guliyev", "xəlil")
    }

    assert found == {
        "Allahverənov": ["Azer Allahveranov"],
        "allahveranov": ["Azer Allahveranov"],
        "Halil Guliyev": ["Xəlil Quliyev"],
        "xəlil": ["Xəlil Quliyev"],
    }


def test_sort_key_orders_azerbaijani_letters_in_place():
    names = ["Xəlil", "Qasım", "Həsən", "Kamal", "Əli", "Eldar", "Zaur", "Günay", "Ğ"]
    assert sorted(names, key=sort_key) == [
        "Eldar",
        "Əli",
        "Günay",
        "Ğ",
        "Həsən",
        "Kamal",
        "Qasım",
        "Xəlil",
        "Zaur",
    ]


def test_natural_sort_key_compares_numbers_as_numbers_and_letters_the_turkish_way():
    names = [
        "Katılımcı 10",
        "Katılımcı 2",
        "Katılımcı 1",
        "Çetin 3",
        "Cem",
        "katılımcı 11",
        "Zafer",
    ]

    assert sorted(names, key=natural_sort_key) == [
        "Cem",
        "Çetin 3",
        "Katılımcı 1",
        "Katılımcı 2",
        "Katılımcı 10",
        "katılımcı 11",
        "Zafer",
    ]
