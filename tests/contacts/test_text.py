import pytest

from contacts.text import collation_key, search_key, sort_key


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
