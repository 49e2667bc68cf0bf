"""Which language a stored text is shown in: the active one, or Turkish when it has none.

Content is stored per language (events/translation.py, real columns <field>_tr/_az/_en);
Azerbaijani and English fall back to Turkish where empty. Whoever shows the text marks the
fallback in its own format: the pages with `lang="tr"` (events/templatetags/content.py), the
.ics with the LANGUAGE parameter (events/ics.py, RFC 5545 §3.2.10).
"""

from django.conf import settings
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator


class Translated(str):
    """A text as shown in the page's language: the text itself (a `str`), and `lang`, the
    language it is in when that is not the page's ("tr" for a Turkish fallback), else "".

    As HTML (`{{ }}`, `{% blocktranslate with title=… %}`, format_html) a fallback is wrapped
    in `<span lang="tr">`; as plain text (str(), an email's text part, a filter such as
    `truncatechars`) it is the bare text. A `str`, not a wrapper: Django's blocktranslate turns
    any other object into a bare string before escaping it, so the marker was lost inside a
    sentence ("Register for “…”").
    """

    lang: str

    def __new__(cls, text: str = "", lang: str = ""):
        value = super().__new__(cls, text or "")
        value.lang = lang
        return value

    def __str__(self) -> str:
        return str.__str__(self)

    def __html__(self) -> str:
        if self.lang and self:
            return format_html('<span lang="{}">{}</span>', self.lang, str(self))
        return str(conditional_escape(str(self)))

    def __reduce__(self):
        return (Translated, (str(self), self.lang))

    @property
    def text(self) -> str:
        return str(self)

    @property
    def language(self) -> str:
        """The language the text is written in: the fallback's, else the active one."""
        return self.lang or active_language()


def active_language() -> str:
    """The active language's base code ("az" for "az-AZ"), the default when none is active."""
    return (get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE).split("-")[0]


def translation_of(obj, field: str) -> Translated:
    """The text of `field` in the active language, and whether it fell back to Turkish."""
    language = active_language()
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if not hasattr(obj, f"{field}_{fallback}"):
        # A field kept in one language (a record of another kind in the same list): as it is.
        return Translated(str(getattr(obj, field, "") or ""))
    return translation_in(
        language,
        getattr(obj, f"{field}_{language}", None),
        getattr(obj, f"{field}_{fallback}", None) if language != fallback else None,
    )


def translation_in(language: str, own: str | None, turkish: str | None) -> Translated:
    """`translation_of` for texts already read (a row of values, not a model instance): `own`
    is the text in `language`, `turkish` the default language's, shown where `own` is empty."""
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if own or language == fallback:
        return Translated(text=own or "", lang="")
    text = turkish or ""
    return Translated(text=text, lang=fallback if text else "")


def ordered_by_shown_text(field: str):
    """An order_by() expression for a translated `field` as the page shows it: the active
    language's column, or the Turkish one where that is empty ("title_az", else "title_tr").

    Not order_by("title"): modeltranslation rewrites it to the active language's column
    without the fallback, so on an Azerbaijani page every row without an Azerbaijani text sorts
    as empty, first on SQLite and last on PostgreSQL (NULL). The database's text order within it
    (the directory's people and organizations have language sort keys of their own).
    """
    language = active_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or language not in settings.MODELTRANSLATION_LANGUAGES:
        return F(f"{field}_{default}").asc()
    shown = Coalesce(
        NullIf(F(f"{field}_{language}"), Value("")),
        F(f"{field}_{default}"),
        output_field=TextField(),
    )
    return shown.asc()


def missing_turkish(obj) -> list[str]:
    """The translated fields of `obj` (the registered ones: contacts/ and events/translation.py)
    written in Azerbaijani or English but not in Turkish, the language every page falls back
    to; [] when none or when the model has no translated field. The contacts' model rule
    (SeededModel.clean) and the spreadsheets' import both ask this."""
    try:
        fields = translator.get_options_for_model(type(obj)).fields
    except NotRegistered:
        return []
    turkish = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    others = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != turkish]
    return [
        field
        for field in fields
        if not (getattr(obj, f"{field}_{turkish}") or "").strip()
        and any((getattr(obj, f"{field}_{code}") or "").strip() for code in others)
    ]


def marked_sentence(template: str, **values) -> SafeString:
    """`template % values` as HTML, for a message that names a record ("“%(event)s” is
    cancelled."): the (translated) template and every value escaped, a `Translated` fallback
    kept in its `<span lang="tr">` (a plain `%` would drop it). A SafeString, so a page or a
    flashed message prints it as it is."""
    return mark_safe(  # noqa: S308 - every part escaped above
        conditional_escape(template)
        % {key: conditional_escape(value) for key, value in values.items()}
    )
