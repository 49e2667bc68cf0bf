"""One form for every email address that enters the system, and text fields people type into.

Two spellings of one mailbox must become one string, or the one-registration-per-address rule
and the duplicate check compare the wrong things: "İlknur.Demir@…" (Caps Lock on a Turkish
keyboard) and "ilknur.demir@…", `"a.person"@…` and `a.person@…`, "bücher.de" and
"xn--bcher-kva.de". `normalize_email()` is the single function; `NormalizedEmailField` applies it
on every write through the ORM (public form, admin, board, import, services), so no path can
store another spelling. It lives in contacts because people's addresses need it too, and
contacts never imports events.

We do not send SMTPUTF8, so a local part (before the @) that keeps a non-ASCII letter after the
Turkish folding is refused with a message instead of being mailed as an RFC 2047 word that no
server delivers.
"""

import re
import unicodedata

import idna
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Caps Lock on a Turkish keyboard gives İ for i and I for ı; lower-case Turkish text gives ı for
# I and "i̇" (i + combining dot) is what str.lower() makes of İ. An address is ASCII, so each of
# these can only have meant the ASCII i.
_TURKISH_I = str.maketrans({"İ": "i", "I": "i", "ı": "i"})
_TURKISH_CAPITAL_I = str.maketrans({"İ": "i", "I": "i"})
_COMBINING_DOT = "\u0307"
# RFC 5322 atext: what a local part may hold without quotes (a dot-atom).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"{_ATEXT}(\.{_ATEXT})*")
_C0 = re.compile(r"[\x00-\x1f\x7f]")
# RFC 5321 Quoted-string: qtext or a backslash pair between two quotes, nothing outside.
_QUOTED_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_QUOTED_PAIR = re.compile(r"\\(.)", re.DOTALL)

_validate = EmailValidator(
    message=_("Please enter a valid email address, such as name@example.com.")
)


def _invalid() -> ValidationError:
    return ValidationError(
        _("Please enter a valid email address, such as name@example.com."), code="invalid"
    )


def _local_content(local: str) -> tuple[str, bool]:
    """The mailbox name a local part spells, and whether it was quoted.

    RFC 5321 §4.1.2: a local part is a Dot-string or one Quoted-string. The obsolete mixtures
    of RFC 5322 (`"a"."b"`, `"a""b"`) are refused: rewriting them into one quoted string would
    store another mailbox than the one typed.
    """
    quoted = _QUOTED_STRING.fullmatch(local)
    if quoted:
        return _QUOTED_PAIR.sub(r"\1", quoted.group(1)), True
    if '"' in local or "\\" in local:
        raise _invalid()
    return local, False


def _fold_turkish(text: str) -> str:
    return text.translate(_TURKISH_I).replace(_COMBINING_DOT, "")


def _ascii_domain(domain: str) -> str:
    """The domain in its IDNA 2008 ASCII form, lower case.

    The rule beside the local part's: the capitals İ and I are both the letter i (Caps Lock on
    a Turkish keyboard, and IDNA's own case folding of I), and "i̇" (what str.lower() makes of
    İ) is i too. The dotless ı is not folded: unlike in a local part, where only ASCII is
    deliverable, it is a letter of its own in a domain name (ışık.com.tr is not isik.com.tr).
    An xn-- label must decode, and is stored as the encoding of what it decodes to.
    """
    domain = domain.translate(_TURKISH_CAPITAL_I).replace("i" + _COMBINING_DOT, "i").rstrip(".")
    try:
        if domain.isascii():
            if "xn--" not in domain.lower():
                return domain.lower()
            domain = idna.decode(domain.lower())
        # UTS #46 maps what people type (capitals, full-width letters) before IDNA 2008.
        return idna.encode(domain, uts46=True, transitional=False).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError, ValueError):
        raise _invalid() from None


def normalize_email(value: str) -> str:
    """The one stored form of an address: NFC, İ/I/ı folded to i, ASCII lower case, the domain
    in its IDNA (xn--) form, a quoted local part unquoted where it may be.

    The folding works on the mailbox name inside the quotes, before deciding whether they are
    needed, so the result is its own normal form: normalize_email(normalize_email(x)) ==
    normalize_email(x). See `_ascii_domain()` for the domain's rule.

    Raises ValidationError (code "invalid", or "non_ascii_local" with a message saying why)
    for anything that is not a deliverable ASCII address, an empty local part, a local part
    that mixes quoted and unquoted pieces, and an xn-- label that does not decode.
    """
    text = unicodedata.normalize("NFC", (value or "").strip())
    if not text or _C0.search(text) or "@" not in text:
        raise _invalid()
    local, domain = text.rsplit("@", 1)
    content, quoted = _local_content(local)
    content = _fold_turkish(content)
    if not content:
        raise _invalid()
    if not content.isascii():
        raise ValidationError(
            _(
                "The part before the @ may only hold Latin letters without accents, digits and "
                ". _ - +; letters such as ç, ş, ğ, ö, ü or ə cannot be delivered. Please check "
                "how your address is spelled."
            ),
            code="non_ascii_local",
        )
    content = content.lower()
    if not _DOT_ATOM.fullmatch(content):
        if not quoted:
            raise _invalid()
        content = '"' + content.replace("\\", "\\\\").replace('"', '\\"') + '"'
    address = f"{content}@{_ascii_domain(domain)}"
    _validate(address)
    return address


def normalize_email_leniently(value: str) -> str:
    """normalize_email(), or the stripped lower-case text when the address is not valid (for
    rows written without validation; their forms and services validate first)."""
    try:
        return normalize_email(value)
    except ValidationError:
        return unicodedata.normalize("NFC", (value or "").strip()).translate(_TURKISH_I).lower()


class NormalizedEmailFormField(forms.EmailField):
    """The form side: the cleaned value is the normalised address, and a non-ASCII local part
    gets its own message instead of "not valid"."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return normalize_email(value)
        except ValidationError as error:
            if error.code == "invalid" and "invalid" in self.error_messages:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            raise


class NormalizedEmailField(models.EmailField):
    """An EmailField that stores normalize_email() of what it is given, on every write.

    Forms get the same function as their cleaning step, so people see the stored form and a
    refusal says why; writes that skip forms (services, imports, shell) are normalised at save.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return normalize_email(value)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": NormalizedEmailFormField, **kwargs})

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = normalize_email_leniently(value)
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        # Writes (QuerySet.update() calls no pre_save) and lookups alike: filter(email=…)
        # finds "İlknur@…" as ilknur@…, and a partial search text is never refused.
        value = models.Field.get_prep_value(self, value)
        if value in self.empty_values:
            return value
        return normalize_email_leniently(str(value))


# --- text people type: names, organizations, notes -----------------------------------------

# Bidirectional embeddings, overrides and isolates: they reorder what is shown (a name that
# reads differently from what is stored) and are never needed in a name.
# Removed from what people type, as nobody means to type them and they hide or reorder what a
# name shows: the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
# direction marks (LRM, RLM, ALM) and the zero-width spaces and joiner-less no-breaks (ZWSP
# U+200B, WJ U+2060, BOM U+FEFF). ZWNJ and ZWJ stay: Persian words and emoji need them.
_BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
    + [0x200B, 0x2060, 0xFEFF]
)
_VISIBLE = ("L", "N", "P", "S")
# Letters and symbols by category that render as nothing: the Hangul fillers (Unicode's
# default-ignorable letters, U+115F, U+1160, U+3164, U+FFA0) and the blank Braille pattern.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_MULTILINE_ALLOWED = {"\n", "\r", "\t"}


def has_control_characters(text: str, *, multiline: bool = False) -> bool:
    """C0 controls and DEL; a multi-line field may hold line breaks and tabs."""
    allowed = _MULTILINE_ALLOWED if multiline else set()
    return any(_C0.match(char) and char not in allowed for char in text)


def clean_text(value: str, *, multiline: bool = False, required: bool = False) -> str:
    """NFC, bidi controls and zero-width spaces removed, controls refused, whitespace trimmed (one-line fields:
    runs of spaces become one). Raises ValidationError "control_characters" or, when
    `required`, "invisible" for text with no letter, digit, punctuation or symbol that shows
    (a Hangul filler or a blank Braille pattern is a letter or symbol that shows nothing)."""
    text = unicodedata.normalize("NFC", value or "")
    if has_control_characters(text, multiline=multiline):
        raise ValidationError(
            _("This field contains control characters; please type it again."),
            code="control_characters",
        )
    text = text.translate(_BIDI_CONTROLS)
    text = text.strip() if multiline else " ".join(text.split())
    visible = any(
        unicodedata.category(char)[0] in _VISIBLE and char not in _BLANK_LOOKING for char in text
    )
    if not visible:
        if required:
            raise ValidationError(_("Please type it with visible letters."), code="invisible")
        return ""
    return text


def tidy_text(value: str, *, multiline: bool = False) -> str:
    """What can be mended without asking: NFC, bidi controls and zero-width spaces removed, whitespace trimmed (and
    collapsed on one-line fields). Never raises; controls are `clean_text()`'s to refuse."""
    text = unicodedata.normalize("NFC", value or "").translate(_BIDI_CONTROLS)
    return text.strip() if multiline else " ".join(text.split())


class _CleanTextMixin:
    """A model field whose value goes through `clean_text()` in every form and `full_clean()`
    (public form, admin, board: one rule, the message on the field) and through `tidy_text()`
    on every save (services, imports, shell), so no path stores an NFD name or a bidi override.

    The column is the plain CharField/TextField it extends, so `deconstruct()` names that
    class: migrations need no change when a field gains the cleaning.
    """

    multiline = False

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return clean_text(value, multiline=self.multiline, required=not self.blank)

    def get_prep_value(self, value):
        # CharField's own calls to_python(), which refuses; a save or a lookup must not: the
        # refusal belongs to forms and full_clean(), and rows written before the rule stay
        # readable and saveable.
        value = models.Field.get_prep_value(self, value)
        return value if value is None else str(value)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            tidied = tidy_text(value, multiline=self.multiline)
            # Written back only when mended: a field stored per language (modeltranslation)
            # reads its fallback here, and writing that back would copy the Turkish text
            # into the active language's empty column.
            if tidied != value:
                setattr(model_instance, self.attname, tidied)
            value = tidied
        return value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        base = models.TextField if self.multiline else models.CharField
        return name, f"django.db.models.{base.__name__}", args, kwargs


class CleanCharField(_CleanTextMixin, models.CharField):
    """One line people type: a name, an organization, a phone number (see `_CleanTextMixin`)."""


class CleanTextField(_CleanTextMixin, models.TextField):
    """Several lines people type: needs, notes (see `_CleanTextMixin`)."""

    multiline = True


def validate_one_line(value: str) -> None:
    """Model validator for titles and other one-line fields: no line breaks or controls
    (they broke email headers and calendar files)."""
    if value and has_control_characters(value):
        raise ValidationError(
            _("Please keep this on one line, without line breaks or control characters."),
            code="one_line",
        )
