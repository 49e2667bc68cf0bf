"""Turkish- and Azerbaijani-aware text keys for searching and sorting names.

Databases fold case with ASCII rules (or the server's locale), so "izmir" misses "İzmir" and
"Çelik" sorts after "Zeynep". We store two derived keys instead and compare those.
"""

import re
import unicodedata

from django.db.models import Value
from django.db.models.functions import Lower, Replace

# Both alphabets merged, in their own order (Azerbaijani adds ə, q, x; Turkish has them foreign).
ALPHABET = "abcçdeəfgğhıijkqlmnoöprsştuüvwxyz"
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}

# Dotted and dotless I first: the locale-free lower() gets them wrong ("I".lower() == "i").
_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_FOLD = str.maketrans(
    {
        "ç": "c",
        "ə": "e",
        "ğ": "g",
        "ı": "i",
        "ö": "o",
        "ş": "s",
        "ü": "u",
        "â": "a",
        "î": "i",
        "û": "u",
    }
)


def turkic_lower(text: str) -> str:
    # NFC first: "ş" typed as s + combining cedilla (macOS, some PDFs) is the same letter.
    return unicodedata.normalize("NFC", text).translate(_LOWER).lower()


def search_key(text: str) -> str:
    """Lower-case, letters folded to ASCII: "İsmayilov" and "ismayilov" give the same key."""
    return " ".join(turkic_lower(text).translate(_FOLD).split())


# --- spelling-tolerant search ---------------------------------------------------------------
# The same name is spelt the Azerbaijani way in Bakü and the Turkish way in İzmir:
# "Allahverənov" / "Allahveranov", "Xəlilov" / "Halilov", "Quliyev" / "Guliyev", "Qasımov" /
# "Kasımov". match_key() keeps ə (the one letter the fold would lose), and match_pattern()
# lets each letter of a query match its counterparts in either spelling.
_MATCH_FOLD = {code: plain for code, plain in _FOLD.items() if chr(code) != "ə"}
_COUNTERPARTS = {
    "ə": "əea",
    "e": "eə",
    "a": "aə",
    "x": "xh",
    "h": "hx",
    "q": "qgk",
    "g": "gq",
    "k": "kq",
}


def match_key(text: str) -> str:
    """Like search_key(), but ə stays ə: the stored side of a spelling-tolerant search."""
    return " ".join(turkic_lower(text).translate(_MATCH_FOLD).split())


def match_pattern(query: str) -> str:
    """A regular expression matching match_key() of every spelling of `query`; "" if empty."""
    parts = []
    for char in match_key(query):
        options = _COUNTERPARTS.get(char)
        parts.append(f"[{options}]" if options else re.escape(char))
    return "".join(parts)


def sort_key(text: str) -> str:
    """A string whose plain code-point order is the Turkish/Azerbaijani alphabetical order."""
    out = []
    for char in turkic_lower(text):
        rank = _RANK.get(char)
        # Letters map into a block after the digits; anything else keeps its own code point.
        out.append(chr(0x2000 + rank) if rank is not None else char)
    return "".join(out)


_NUMBERS = re.compile(r"(\d+)")


def natural_sort_key(text: str) -> tuple:
    """sort_key() with numbers compared as numbers: "katılımcı 2" before "katılımcı 10"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, sort_key(part))
        for part in _NUMBERS.split(turkic_lower(text))
        if part
    )


# The same folding as search_key(), as REPLACE() calls that the database runs on a column with no
# stored key (registrations: several code paths write them, so a derived column could go stale).
# Both cases are listed: SQLite's lower(), and PostgreSQL's under the C locale, fold only ASCII.
_DB_FOLD = [("İ", "i"), ("I", "i")]
for _code, _plain in _FOLD.items():
    # "ı".upper() is "I", already folded above.
    _DB_FOLD.extend(
        (letter, _plain) for letter in (chr(_code).upper(), chr(_code)) if letter != "I"
    )


# Each language's own alphabet, as CLDR collates it. Turkish places the foreign q, w, x where
# English does; Azerbaijani has ə after e, x after h and q after k, and no w of its own.
ALPHABETS = {
    "tr": "abcçdefgğhıijklmnoöpqrsştuüvwxyz",
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvwyz",
    "en": "abcdefghijklmnopqrstuvwxyz",
}


def collation_key(text: str, language: str) -> tuple:
    """Sort key for `text` in `language` (tr, az, en; others sort as en), for Python sorts.

    Primary: letters by the language's alphabet; a letter it lacks sorts as its base letter
    (NFKD without accents: "ə" is "e" in Turkish and English, "ç" is "c" in English), so
    "Hırvatistan" comes before "Hong Kong" in Turkish and "Xorvatiya" after "Honq Konq" in
    Azerbaijani. Secondary: the folded letters, then the text itself, so the order is total.
    """
    alphabet = ALPHABETS.get(language, ALPHABETS["en"])
    rank = {letter: index for index, letter in enumerate(alphabet)}
    lowered = turkic_lower(text) if language in ("tr", "az") else text.lower()
    primary = []
    for char in lowered:
        if char in rank:
            primary.append(rank[char])
            continue
        base = unicodedata.normalize("NFKD", char)[:1]
        if base in rank:
            primary.append(rank[base])
        elif char.isalnum():
            # Digits and other scripts after the alphabet, in code point order.
            primary.append(len(alphabet) + ord(char))
        # Spaces and punctuation do not decide the order ("Hong Kong" sorts as "hongkong").
    return (tuple(primary), search_key(text), text)


SORT_LANGUAGES = tuple(ALPHABETS)
_FOLD_ONE = {chr(code): plain for code, plain in _FOLD.items()}
_LETTERS = 0x2000  # the block letters map into: after digits, spaces and punctuation
_NUMBER = 0x1000  # a number's length mark: after punctuation, before every letter
# Between the primary key and the tie-break: below the space, so "Ali" comes before "Ali Rza".
_TIE = "\x01"


def language_sort_key(text: str, language: str) -> str:
    """A string whose plain code-point order is `language`'s alphabetical order (tr, az, en;
    others as en), for the stored per-language keys the database sorts by.

    The same ranks as collation_key(): each language's alphabet; a letter it lacks as its base
    letter (ə is e in Turkish, ç is c in English). Numbers compare as numbers: each digit run
    carries its length first, so "Salon 2" comes before "Salon 10". After a separator, the lowered
    name itself breaks ties that folding made ("Ismayılov" and "İsmayilov" in English).
    """
    alphabet = ALPHABETS.get(language, ALPHABETS["en"])
    rank = {letter: index for index, letter in enumerate(alphabet)}
    lowered = turkic_lower(text)
    out = []
    for part in _NUMBERS.split(lowered):
        if part.isdigit():
            digits = part.lstrip("0") or "0"
            out.append(chr(_NUMBER + len(digits)) + digits)
            continue
        for char in part:
            if char not in rank:
                char = _FOLD_ONE.get(char) or unicodedata.normalize("NFKD", char)[:1]
            out.append(chr(_LETTERS + rank[char]) if char in rank else char)
    return "".join(out) + _TIE + lowered


def folded(expression):
    """A database expression equal to search_key() of `expression` (whitespace runs aside)."""

    for letter, plain in _DB_FOLD:
        expression = Replace(expression, Value(letter), Value(plain))
    return Lower(expression)
