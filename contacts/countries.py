"""Country names in Turkish, Azerbaijani and English from CLDR, and the country menu in each
language.

django-countries names countries in English and has no Azerbaijani catalog (and its Turkish
one is never loaded for "tr"). `write_catalogs()` writes a gettext catalog per language from
CLDR (babel) under `locale_cldr/`, which settings.LOCALE_PATHS lists after the interface's own
catalog: every `country.name`, admin menu and export then reads the CLDR name. `country_menu()`
sorts a language's names by its own alphabet (contacts.text.collation_key), Türkiye and
Azerbaijan first.
"""

import functools
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po
from django import forms
from django.conf import settings
from django.utils import translation
from django_countries import countries
from django_countries.data import COUNTRIES
from django_countries.fields import CountryField

from .text import collation_key

# Listed first in the country menu: most delegates come from the two cities' countries.
FIRST_COUNTRIES = ("TR", "AZ")
# Every language reads CLDR's names; the msgids are django-countries' English (ISO's, such as
# "Bahamas (The)" and "Falkland Islands (Malvinas)"), which English readers do not write.
CLDR_LANGUAGES = ("tr", "az", "en")
CATALOG_DIR = Path(__file__).resolve().parent.parent / "locale_cldr"

_menus: dict[str, list[tuple[str, str]]] = {}


def cldr_catalog(language: str) -> Catalog:
    """The catalog of `language`: django-countries' English name -> CLDR's name, every code."""
    territories = Locale.parse(language).territories
    # Fixed dates: the header would otherwise carry the time of the build, and the files change.
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    catalog = Catalog(
        locale=language,
        project="Kardeş 40 country names (CLDR)",
        creation_date=fixed,
        revision_date=fixed,
    )
    with translation.override(None):
        for code, english in COUNTRIES.items():
            catalog.add(str(english), territories[code])
    return catalog


def write_catalogs(directory: Path = CATALOG_DIR) -> list[Path]:
    """Write `<language>/LC_MESSAGES/django.po` and `.mo` for each CLDR language.

    Returns the paths written. Deterministic: the same babel gives the same bytes, so a test can
    compare the committed files with a fresh build.
    """
    written = []
    for language in CLDR_LANGUAGES:
        folder = directory / language / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        catalog = cldr_catalog(language)
        with open(folder / "django.po", "wb") as po:
            write_po(po, catalog, omit_header=True, sort_output=True, width=100)
        with open(folder / "django.mo", "wb") as mo:
            write_mo(mo, catalog)
        written += [folder / "django.po", folder / "django.mo"]
    return written


def country_menu(language: str) -> list[tuple[str, str]]:
    """(code, name) for every country in `language`, Türkiye and Azerbaijan first, the rest in
    the language's alphabetical order. Built once per language (250 names, sorted)."""
    menu = _menus.get(language)
    if menu is None:
        with translation.override(language):
            names = {code: str(name) for code, name in countries}
        first = [(code, names[code]) for code in FIRST_COUNTRIES]
        rest = sorted(
            ((code, name) for code, name in names.items() if code not in FIRST_COUNTRIES),
            key=lambda item: collation_key(item[1], language),
        )
        menu = _menus[language] = [*first, *rest]
    return menu


def country_choices(blank_label: str = "---------") -> list[tuple[str, str]]:
    """`country_menu()` in the active language, after a blank choice (`blank_label`)."""
    return [("", blank_label), *country_menu(active_language())]


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


@functools.cache
def _country_codes() -> frozenset[str]:
    return frozenset(code for code, _name in countries)


class CountryChoiceField(forms.ChoiceField):
    """Every country menu of the site (public, board, admin): `country_menu()` in the page's
    language, validated against the set of codes instead of the 250 choices. Takes the
    arguments a model field passes its choice field (choices, coerce and empty_value are
    ignored: the menu is always the full sorted one); cleans to the code, "" when blank."""

    def __init__(self, *, blank_label="---------", **kwargs):
        for ignored in ("choices", "coerce", "empty_value", "max_length", "limit_choices_to"):
            kwargs.pop(ignored, None)
        super().__init__(choices=functools.partial(country_choices, blank_label), **kwargs)

    def valid_value(self, value) -> bool:
        return str(value) in _country_codes()


def country_formfield(db_field, **kwargs):
    """`formfield_callback` for model forms and the admin: a CountryField gets the site's
    country menu (CountryChoiceField), every other field its own form field."""
    if isinstance(db_field, CountryField):
        kwargs["choices_form_class"] = CountryChoiceField
    return db_field.formfield(**kwargs)
