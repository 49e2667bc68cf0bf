"""One spelling of each city per language: İzmir/İzmir/Izmir, Bakü/Bakı/Baku, Şuşa/Şuşa/Shusha.

Records store a city as it was typed (usually in Turkish). Pages, emails and feeds print it
through `city_name()`, so an Azerbaijani page never says "Bakı" in one place and "Bakü" in the
next. A city not in the table is printed as stored.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.db.models import F
from django.db.models.lookups import In
from django.utils.translation import get_language

from .text import collation_key, folded, search_key, turkic_lower

# Keyed by search_key() of every spelling we know; values: (tr, az, en).
_CITIES = [
    ("İzmir", "İzmir", "Izmir"),
    ("Bakü", "Bakı", "Baku"),
    ("Şuşa", "Şuşa", "Shusha"),
    ("İstanbul", "İstanbul", "Istanbul"),
    ("Ankara", "Ankara", "Ankara"),
    ("Gence", "Gəncə", "Ganja"),
    ("Sumgayıt", "Sumqayıt", "Sumgait"),
    ("Nahçıvan", "Naxçıvan", "Nakhchivan"),
    ("Karabağ", "Qarabağ", "Karabakh"),
    ("Ağdam", "Ağdam", "Aghdam"),
    ("Hankendi", "Xankəndi", "Khankendi"),
    ("Kars", "Qars", "Kars"),
]
LANGUAGES = ("tr", "az", "en")
CITY_NAMES: dict[str, dict[str, str]] = {
    search_key(spelling): dict(zip(LANGUAGES, names, strict=True))
    for names in _CITIES
    for spelling in names
}


def _language(language: str | None) -> str:
    return (language or get_language() or "tr")[:2]


def city_name(city: str, language: str | None = None) -> str:
    """`city` spelled in `language` (default: the active one; tr, az or en), else as given."""
    language = _language(language)
    names = CITY_NAMES.get(search_key(city or ""))
    if names is None:
        return city
    return names.get(language, names["tr"])


def city_beside(obj, field: str, city: str) -> str:
    """`city` spelled in the language `obj.<field>` is shown in, for a one-line label that
    prints a title beside a route and cannot mark a fallback with `lang` (a visit in a menu:
    "Bakü temasları (İzmir → Bakü)"), where the title may name the city itself.

    The active language when `field` has its own filled column for it (django-modeltranslation's
    `<field>_az`, `<field>_en`); else Turkish, the language records are typed in and fall back to:
    an English menu reads "Bakü temasları (İzmir → Bakü)" while the visit has no English title,
    and "Talks in Baku (Izmir → Baku)" once it has, never "Bakü temasları (Izmir → Baku)". A
    venue's line needs no such rule: it leaves the city out where the name names it
    (events.models.Venue.city_to_show).
    """
    language = _language(None)
    fallback = getattr(settings, "MODELTRANSLATION_DEFAULT_LANGUAGE", "tr")
    shown = language if getattr(obj, f"{field}_{language}", None) else fallback
    return city_name(city, shown)


def city_key(city: str) -> str:
    """One key per city whatever its spelling, case or marks: search_key() of its Turkish
    name ("baku" for Bakü, Bakı, Baku, BAKÜ), or of the text itself for a city not in the
    table. Two stored cities with the same key are one city on every menu and report."""
    names = CITY_NAMES.get(search_key(city or ""))
    return search_key(names["tr"] if names else city or "")


def city_spellings(city: str) -> list[str]:
    """search_key() of every spelling of `city` the table knows (of `city` itself when not in
    it), sorted: what a stored city, folded, is compared with to be found in any spelling."""
    names = CITY_NAMES.get(search_key(city or ""))
    spellings = names.values() if names else [city or ""]
    return sorted({search_key(name) for name in spellings})


def in_city(field: str, city: str) -> In:
    """A filter() condition: the city stored in `field` ("venue__city") is `city` in any of
    its spellings, case and marks aside ("Baku", "bakı", "BAKÜ", "Bakü" are one city). One
    SQL condition, no extra query; the same folding as search_key() (contacts.text.folded).
    A city typed with a NUL byte is no city (and PostgreSQL refuses the byte in a parameter):
    the condition then matches nothing."""
    spellings = [] if "\x00" in city else city_spellings(city)
    return In(folded(F(field)), spellings)


def city_menu(cities: Iterable[str], language: str | None = None) -> list[tuple[str, str]]:
    """(value, label) once per city among `cities` (as stored, any spelling), both spelled in
    `language` (default: the active one), in that language's alphabetical order."""
    language = _language(language)
    names = {}
    for city in cities:
        if city:
            names.setdefault(city_key(city), city_name(city, language))
    ordered = sorted(names.values(), key=lambda name: collation_key(name, language))
    return [(name, name) for name in ordered]


def menu_city(value: str, menu: Iterable[tuple[str, str]]) -> str | None:
    """The menu's value for `value` in any spelling of a city on it ("baku" → "Bakü" on a
    Turkish menu), or None when that city is not on the menu."""
    wanted = city_key(value or "")
    return next((choice for choice, _label in menu if city_key(choice) == wanted), None)


def names_city_as(text: str, city: str, language: str | None = None) -> bool:
    """Whether `text` names `city` in `language`'s own spelling (default: the active one), as
    a word, case aside but letters' marks counted: "Bakü Kongre Merkezi" names Bakü for a
    Turkish reader, not for an English one, who reads "Baku"."""
    spelling = turkic_lower(city_name(city, language))
    return bool(text) and bool(
        re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", turkic_lower(text))
    )


@lru_cache(maxsize=4096)  # pure; every card of a list asks it of its venue's name
def names_city(text: str, city: str) -> bool:
    """Whether `text` already names `city` as a word, in any language's spelling: "Baku — venues
    to be announced" and "Bakü'de bir salon" both name Bakü. Folded as search keys (case and
    dotted capitals do not matter)."""
    if not text or not city:
        return False
    names = CITY_NAMES.get(search_key(city), {})
    spellings = {search_key(city), *(search_key(name) for name in names.values())}
    folded = search_key(text)
    return any(re.search(rf"\b{re.escape(spelling)}\b", folded) for spelling in spellings)
