"""What delegates read, stored per language (django-modeltranslation): `<field>_tr`, `_az`,
`_en` real columns beside the field, which reads the page's language and falls back to Turkish.

Turkish is the language always written (required where the field is); Azerbaijani and English
are optional. Internal notes, planning items and everything only the board reads stay single.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Event,
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
}


class _Turkish(TranslationOptions):
    required_languages = ("tr",)


@register(Event)
class EventTranslation(_Turkish):
    fields = TRANSLATED_FIELDS[Event]


@register(Venue)
class VenueTranslation(_Turkish):
    fields = TRANSLATED_FIELDS[Venue]


@register(PodcastSeries)
class PodcastSeriesTranslation(_Turkish):
    fields = TRANSLATED_FIELDS[PodcastSeries]


@register(PodcastEpisode)
class PodcastEpisodeTranslation(_Turkish):
    fields = TRANSLATED_FIELDS[PodcastEpisode]


@register(ChecklistTemplate)
class ChecklistTemplateTranslation(_Turkish):
    fields = TRANSLATED_FIELDS[ChecklistTemplate]


@register(ChecklistTemplateItem)
class ChecklistTemplateItemTranslation(_Turkish):
    fields = TRANSLATED_FIELDS[ChecklistTemplateItem]
