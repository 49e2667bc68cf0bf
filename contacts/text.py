"""Turkish- and Azerbaijani-aware text keys for searching and sorting names.

Databases fold case with ASCII rules (or the server's locale), so "izmir" misses "İzmir" and
"Çelik" sorts after "Zeynep". We store two derived keys instead and compare those.
"""

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
    return text.translate(_LOWER).lower()


def search_key(text: str) -> str:
    """Lower-case, letters folded to ASCII: "İsmayilov" and "ismayilov" give the same key."""
    return " ".join(turkic_lower(text).translate(_FOLD).split())


def sort_key(text: str) -> str:
    """A string whose plain code-point order is the Turkish/Azerbaijani alphabetical order."""
    out = []
    for char in turkic_lower(text):
        rank = _RANK.get(char)
        # Letters map into a block after the digits; anything else keeps its own code point.
        out.append(chr(0x2000 + rank) if rank is not None else char)
    return "".join(out)
