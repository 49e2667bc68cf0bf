"""What the board writes down after a trip: people, organizations, sources, delegation visits,
meetings and their outcomes.

Every function saves a bound, valid form (or formsets) inside one transaction, so a record and
its inline rows are written together or not at all. django-auditlog records each row with the
request's user as the actor (AuditlogMiddleware); a person's email and phone are left out of the
log (settings.AUDITLOG_INCLUDE_TRACKING_MODELS).
"""

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from ..models import DelegationVisit, Meeting, Organization, Outcome, Person, Source
from ..text import search_key

logger = logging.getLogger(__name__)

_ORGANIZATION_NAMES = tuple(f"name_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)


class DuplicateName(Exception):
    """A new person or organization whose name folds to an existing record's."""

    def __init__(self, existing: list[Model]):
        super().__init__("same name as an existing record")
        self.existing = existing


def find_same_name(*, model: type[Person] | type[Organization], name: str, exclude_pk=None):
    """Records whose name folds to the same key as `name` (İ/ı, ə/e, NFC/NFD, spacing, case).

    Returns a list (at most 5); empty when the name is new.
    """
    key = search_key(name)
    if not key:
        return []
    # An organization's name in any language counts (name_tr, name_az, name_en).
    fields = ("full_name",) if model is Person else _ORGANIZATION_NAMES
    # The directory search narrows the rows; the folded names decide.
    candidates = model.objects.search(name).exclude(pk=exclude_pk).alphabetical()[:50]
    return [
        row
        for row in candidates
        if any(search_key(getattr(row, field) or "") == key for field in fields)
    ][:5]


def _guard(model, names: list[str], instance, allow_duplicate: bool) -> None:
    if allow_duplicate or instance.pk is not None:
        return
    existing = []
    for name in filter(None, names):
        existing += [row for row in find_same_name(model=model, name=name) if row not in existing]
    if existing:
        raise DuplicateName(existing[:5])


@transaction.atomic
def save_person(*, form, affiliations=None, allow_duplicate: bool = False, by=None) -> Person:
    """Create or change a person, with their affiliations (an inline formset, optional).

    Raises DuplicateName (nothing written) when a new person's name folds to an existing one's
    and `allow_duplicate` is false. Side effects: Person, Affiliation rows written or deleted
    (the formset's own delete boxes), each audit-logged.
    """
    _guard(Person, [form.cleaned_data["full_name"]], form.instance, allow_duplicate)
    person = form.save()
    if affiliations is not None:
        affiliations.instance = person
        affiliations.save()
    logger.info("person %s saved by %s", person.pk, by)
    return person


@transaction.atomic
def save_organization(*, form, allow_duplicate: bool = False, by=None) -> Organization:
    """Create or change an organization; DuplicateName as for save_person, when a new
    organization's name in any language (name_tr, name_az, name_en) folds to an existing one's
    name in any language."""
    names = [form.cleaned_data.get(field) for field in _ORGANIZATION_NAMES]
    _guard(Organization, names, form.instance, allow_duplicate)
    organization = form.save()
    logger.info("organization %s saved by %s", organization.pk, by)
    return organization


@transaction.atomic
def save_source(*, form, by=None) -> Source:
    """Create or change a source (an article we summarise). Side effects: the row, audited."""
    source = form.save()
    logger.info("source %s saved by %s", source.pk, by)
    return source


@transaction.atomic
def save_visit(*, form, meetings=None, by=None) -> DelegationVisit:
    """Create or change a delegation visit with its meetings (an inline formset, optional).

    Side effects: the visit, its many-to-many rows and its meetings written together.
    """
    visit = form.save()
    if meetings is not None:
        meetings.instance = visit
        meetings.save()
    logger.info("visit %s saved by %s", visit.pk, by)
    return visit


@transaction.atomic
def save_meeting(*, form, outcomes=None, by=None) -> Meeting:
    """Create or change a meeting with its outcomes (an inline formset, optional).

    Side effects: the meeting, its many-to-many rows and its outcomes written together. The
    owners' follow-up reminders are planned by the reminder sweep, which reads open outcomes.
    """
    meeting = form.save()
    if outcomes is not None:
        outcomes.instance = meeting
        outcomes.save()
    logger.info("meeting %s saved by %s", meeting.pk, by)
    return meeting


@transaction.atomic
def close_outcome(
    *, outcome: Outcome, by: AbstractBaseUser | None = None, now: datetime | None = None
) -> Outcome:
    """Mark a follow-up done (a pending reminder is then skipped by the sender).

    Side effects: Outcome.done_at set to `now` (aware, default the current time); audited.
    Closing an outcome that is already closed changes nothing.
    """
    outcome = Outcome.objects.select_for_update().get(pk=outcome.pk)
    if outcome.done_at is None:
        outcome.done_at = now or timezone.now()
        outcome.save(update_fields=["done_at"])
        logger.info("outcome %s closed by %s", outcome.pk, by)
    return outcome
