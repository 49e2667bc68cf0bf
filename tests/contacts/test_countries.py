"""Country names from CLDR in Turkish, Azerbaijani and English, each menu in its language's order."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_countries.fields import Country

from contacts.countries import CATALOG_DIR, CLDR_LANGUAGES, country_menu, write_catalogs
from tests.factories import EventFactory


def test_committed_catalogs_are_what_cldr_gives(tmp_path):
    write_catalogs(tmp_path)

    for language in CLDR_LANGUAGES:
        for name in ("django.po", "django.mo"):
            fresh = (tmp_path / language / "LC_MESSAGES" / name).read_bytes()
            committed = (CATALOG_DIR / language / "LC_MESSAGES" / name).read_bytes()
            assert fresh == committed, f"run manage.py country_names ({language}/{name})"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", {"DE": "Almanya", "US": "Amerika Birleşik Devletleri", "AZ": "Azerbaycan"}),
        ("az", {"DE": "Almaniya", "US": "Amerika Birləşmiş Ştatları", "AZ": "Azərbaycan"}),
        # CLDR's English, not ISO's: "Bahamas (The)", "Falkland Islands (Malvinas)".
        (
            "en",
            {
                "DE": "Germany",
                "US": "United States",
                "AZ": "Azerbaijan",
                "BS": "Bahamas",
                "FK": "Falkland Islands",
                "GB": "United Kingdom",
            },
        ),
    ],
)
def test_country_names_are_in_the_active_language(language, expected):
    with translation.override(language):
        names = {code: Country(code).name for code in expected}

    assert names == expected


def _position(menu, name):
    return [n for _code, n in menu].index(name)


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_country_menu_starts_with_turkiye_and_azerbaijan(language):
    assert [code for code, _name in country_menu(language)[:2]] == ["TR", "AZ"]
    assert len({code for code, _name in country_menu(language)}) == 249


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Cezayir", "Çad"),  # ç after c
        ("Hırvatistan", "Hindistan"),  # ı before i
        ("Honduras", "Özbekistan"),  # ö after o
        ("Suudi Arabistan", "Şili"),  # ş after s
        ("Uruguay", "Ürdün"),  # ü after u
        ("Heard Adası ve McDonald Adaları", "Hırvatistan"),  # reported: not after Hong Kong
    ],
)
def test_turkish_country_menu_follows_the_turkish_alphabet(before, after):
    menu = country_menu("tr")

    assert _position(menu, before) < _position(menu, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Ekvador", "Əfqanıstan"),  # ə after e
        ("Honduras", "Xorvatiya"),  # x after h, not after w
        ("Xorvatiya", "İndoneziya"),  # … and before ı/i
        ("Kuba", "Qazaxıstan"),  # q after k
        ("Qətər", "Laos"),  # … and before l
    ],
)
def test_azerbaijani_country_menu_follows_the_azerbaijani_alphabet(before, after):
    menu = country_menu("az")

    assert _position(menu, before) < _position(menu, after)


@pytest.mark.django_db
def test_registration_form_in_azerbaijani_lists_azerbaijani_country_names(client):
    event = EventFactory()

    with translation.override("az"):  # the page's address says its language: /az/…
        url = reverse("events:register", args=[event.slug])
    page = client.get(url).content.decode()

    assert '<option value="AZ">Azərbaycan</option>' in page
    assert '<option value="DE">Almaniya</option>' in page
    assert "Almanya" not in page
    assert page.index('value="TR"') < page.index('value="AZ"') < page.index('value="AF"')
