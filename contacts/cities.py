"""One spelling of each city per language: İzmir/İzmir/Izmir, Bakü/Bakı/Baku, Şuşa/Şuşa/Shusha.

Records store a city as it was typed (usually in Turkish). Pages, emails and feeds print it
through `city_name()`, so an Azerbaijani page never says "Bakı" in one place and "Bakü" in the
next. A city not in the table is printed as stored.
"""

import re

from django.utils.translation import get_language

from .text import search_key

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


def city_name(city: str, language: str | None = None) -> str:
    """`city` spelled in `language` (default: the active one; tr, az or en), else as given."""
    language = (language or get_language() or "tr")[:2]
    names = CITY_NAMES.get(search_key(city or ""))
    if names is None:
        return city
    return names.get(language, names["tr"])


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
