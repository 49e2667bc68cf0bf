"""Building the program: actions on events that are not about their date or status."""

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ..enums import EventStatus
from ..models import Event, per_language

_SLUG_MAX = Event._meta.get_field("slug").max_length
_TITLE_MAX = Event._meta.get_field("title").max_length


def _free_slug(slug: str) -> str:
    """`<slug>-copy`, then `-copy-2`, `-copy-3`…: the first one no event uses yet."""
    base = f"{slug[: _SLUG_MAX - len('-copy-999')]}-copy"
    taken = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


@transaction.atomic
def duplicate_event(*, event: Event) -> Event:
    """Copy an event as a new planned event, to reuse a program item for another date or city.

    Side effects: inserts one Event (new unique slug, status planned, calendar revision 0, title
    marked as a copy, not a seeded row) with the same organizers, speakers and sources. Nothing
    else is copied: no registrations, no podcast episode, no reminder deliveries.
    """
    original = Event.objects.get(pk=event.pk)
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy._state.adding = True
    copy.seed_key = None
    copy.status = EventStatus.PLANNED
    copy.sequence = 0
    # Each language's title gets the mark in that language (title_tr, title_az, title_en).
    for column in per_language("title"):
        text = getattr(original, column)
        if text:
            with translation.override(column.rsplit("_", 1)[1]):
                suffix = " " + _("(copy)")
            setattr(copy, column, text[: _TITLE_MAX - len(suffix)] + suffix)
    # A concurrent duplicate may take the same slug between the check and the insert: retry.
    for _attempt in range(5):
        copy.slug = _free_slug(original.slug)
        try:
            with transaction.atomic():
                copy.save(force_insert=True)
            break
        except IntegrityError:
            copy.pk = None
            copy._state.adding = True
    else:
        raise IntegrityError(f"No free slug found for a copy of {original.slug!r}.")
    copy.organizers.set(original.organizers.all())
    copy.speakers.set(original.speakers.all())
    copy.sources.set(original.sources.all())
    return copy
