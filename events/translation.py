"""What delegates read, stored per language (django-modeltranslation): `<field>_tr`, `_az`,
`_en` real columns beside the field, which reads the page's language and falls back to Turkish.

Turkish is the language always written (required where the field is); Azerbaijani and English
are optional. Internal notes and everything else only the board reads stay single; a planning
item's title is per language because template items (written in all three) become planning items.
"""

from modeltranslation.translator import TranslationOptions, translator

from .models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Event,
    PlanningItem,
    PodcastEpisode,
    PodcastSeries,
    Venue,
)

# Every translatable field by model: the board's "missing translations", the import/export
# columns and the seed loader read this one list.
TRANSLATED_FIELDS = {
    Event: ("title", "description"),
    Venue: ("name", "address"),
    PodcastSeries: ("title", "description"),
    PodcastEpisode: ("title",),
    ChecklistTemplate: ("title",),
    ChecklistTemplateItem: ("title",),
    PlanningItem: ("title",),
}


class _Turkish(TranslationOptions):
    required_languages = ("tr",)


# One options class per model, all alike but for their fields.
for _model, _fields in TRANSLATED_FIELDS.items():
    translator.register(
        _model, type(f"{_model.__name__}Translation", (_Turkish,), {"fields": _fields})
    )
