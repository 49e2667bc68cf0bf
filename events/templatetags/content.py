"""Content stored per language (events/translation.py), shown in the page's language.

`{% translated event "title" %}` writes the title in the active language; where that language
has no text of its own and the Turkish is shown instead, the text is wrapped in
`<span lang="tr">`, so screen readers pronounce it as Turkish and browsers hyphenate it so.
`{% translated event "description" as description %}` keeps the result for a block element:
`<div{% if description.lang %} lang="{{ description.lang }}"{% endif %}>{{ description.text|linebreaks }}</div>`.
Plain-text emails need no marker and read the field itself (`{{ event.title }}`): the field
already falls back to Turkish.
"""

from django import template

from ..content import Translated, translation_of

register = template.Library()

__all__ = ["Translated", "translation_of", "translated"]


@register.simple_tag
def translated(obj, field: str) -> Translated:
    return translation_of(obj, field)
