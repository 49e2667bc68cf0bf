"""Content stored per language (events/translation.py), shown in the page's language.

`{% translated event "title" %}` writes the title in the active language; where that language
has no text of its own and the Turkish is shown instead, the text is wrapped in
`<span lang="tr">`, so screen readers pronounce it as Turkish and browsers hyphenate it so.
`{% translated event "description" as description %}` keeps the result for a block element:
`<div{% if description.lang %} lang="{{ description.lang }}"{% endif %}>{{ description.text|linebreaks }}</div>`.
`<p{{ visit|lang_attr:"purpose" }}>{{ visit.purpose|linebreaksbr }}</p>` marks an element
whose filters need the field itself (` lang="tr"` or nothing).
Plain-text emails need no marker and read the field itself (`{{ event.title }}`): the field
already falls back to Turkish.
"""

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString

from ..cities import names_city_as
from ..content import Translated, translation_of

register = template.Library()

__all__ = ["Translated", "translation_of", "translated"]


@register.simple_tag
def translated(obj, field: str) -> Translated:
    return translation_of(obj, field)


@register.filter
def marked(text: Translated) -> SafeString:
    """{{ entry.title|marked }}: a text already chosen (`translation_in`, a row of values) as
    markup, a Turkish fallback in its `<span lang="tr">` as `{% translated %}` writes it."""
    return conditional_escape(text)


@register.filter
def lang_attr(obj, field: str) -> SafeString:
    """` lang="tr"` when `field` of `obj` shows the Turkish in place of the page's language."""
    lang = translation_of(obj, field).lang
    return format_html(' lang="{}"', lang) if lang else SafeString("")


@register.simple_tag
def venue_line(venue, with_address: bool = True) -> str:
    """`{% venue_line event.venue %}`: "name, address, city" in the page's language, each text
    marked where it falls back to Turkish; the city only where the name or the address does not
    name it already (Venue.city_to_show). `with_address=False` for the short "name, city".

    A Turkish fallback names the city for the reader only in the reader's own spelling: an
    English page reads "<span lang="tr">Şuşa Kongre Merkezi</span>, Shusha", an Azerbaijani one
    "<span lang="tr">Şuşa Kongre Merkezi</span>" (Şuşa is Şuşa in both). The fallback is an
    element of its own, so the line's own text still spells each city once."""
    parts = [translation_of(venue, "name")]
    if with_address and venue.address:
        parts.append(translation_of(venue, "address"))
    city = venue.city_to_show(*(part.text for part in parts if not part.lang))
    if city and any(names_city_as(part.text, venue.city) for part in parts if part.lang):
        city = ""
    if city:
        parts.append(city)
    return format_html_join(", ", "{}", ((part,) for part in parts))


@register.filter
def shown(obj, field: str) -> Translated:
    """`{{ event|shown:"title" }}`, `{% blocktranslate with title=event|shown:"title" %}`:
    `field` of `obj` in the page's language, a Turkish fallback marked `<span lang="tr">`
    (`{% translated %}` as a filter, for a sentence or a value printed inline)."""
    return translation_of(obj, field)


@register.filter
def short_name(organization) -> Translated:
    """An organization's short name in the page's language, else its name (each marked where
    it falls back to Turkish): what lists and breadcrumbs print."""
    return translation_of(organization, "short_name") or translation_of(organization, "name")


@register.filter
def organization_label(organization) -> SafeString:
    """ "Name (short name)" as `Organization.__str__` prints it, each part in the page's language
    and marked where it falls back to Turkish."""
    name, short = translation_of(organization, "name"), translation_of(organization, "short_name")
    return format_html("{} ({})", name, short) if short else conditional_escape(name)
