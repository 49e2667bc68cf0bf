"""What delegates and the board read in their own language, stored per language
(django-modeltranslation): `<field>_tr`, `_az`, `_en` real columns beside the field, which reads
the active language and falls back to Turkish.

Turkish is the language always written where the field is required; Azerbaijani and English
are optional. An organization's `name_tr` is the name as registered, `name_az` and `name_en` the
names where it differs by language; its short name likewise ("TDT STK Platformu", "TDT QHT
Platforması", "OTS NGO Platform"). The notes on an organization or a person are per language
too, and may be blank in every language (Turkish included: required only where the field is).
Cities and everything only the board reads stay single.
"""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, translator

from .models import Affiliation, DelegationVisit, Meeting, Organization, Outcome, Person, Source

# Every translated field by model: the board's forms, the admin, the import/export columns and
# the seed loader read this one list.
TRANSLATED_FIELDS = {
    Organization: ("name", "short_name", "notes"),
    Person: ("notes",),
    Affiliation: ("role",),
    Source: ("summary",),
    DelegationVisit: ("title", "purpose", "dates_note"),
    Meeting: ("title", "place", "topics", "outcomes"),
    Outcome: ("text",),
}


def per_language(field: str) -> tuple[str, ...]:
    """The columns of a field stored per language: role_tr, role_az, role_en, Turkish first."""
    return tuple(f"{field}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)


class _Turkish(TranslationOptions):
    # Turkish is required only where the field itself is (modeltranslation keeps the field's
    # own `blank` for a required language): a blank note stays blank in every language.
    required_languages = ("tr",)


# NULL, not "", for an organization's name not given: the names are unique, and many
# organizations have none in Azerbaijani or English.
_EXTRA = {Organization: {"empty_values": {"name": None}}}

for _model, _fields in TRANSLATED_FIELDS.items():
    translator.register(
        _model,
        type(
            f"{_model.__name__}Translation",
            (_Turkish,),
            {"fields": _fields, **_EXTRA.get(_model, {})},
        ),
    )
