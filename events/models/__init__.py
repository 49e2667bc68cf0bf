"""The events app's models, one module per area; import them from here.

events         Venue, Event (and its queryset)
registrations  Registration
podcasts       PodcastSeries, PodcastEpisode
planning       PlanningItem, ChecklistTemplate, ChecklistTemplateItem
reminders      ReminderDelivery
"""

from .events import (
    EVENT_DETAIL_FIELDS,
    EVENT_SCHEDULE_FIELDS,
    Event,
    EventQuerySet,
    Venue,
    per_language,
)
from .planning import ChecklistTemplate, ChecklistTemplateItem, PlanningItem, PlanningItemQuerySet
from .podcasts import PodcastEpisode, PodcastSeries

# Migration 0001 names the secret's default as events.models._new_secret.
from .registrations import Registration, RegistrationQuerySet, _new_secret
from .reminders import ReminderDelivery, ReminderDeliveryQuerySet

__all__ = [
    "EVENT_DETAIL_FIELDS",
    "per_language",
    "EVENT_SCHEDULE_FIELDS",
    "ChecklistTemplate",
    "ChecklistTemplateItem",
    "Event",
    "EventQuerySet",
    "PlanningItem",
    "PlanningItemQuerySet",
    "PodcastEpisode",
    "PodcastSeries",
    "Registration",
    "RegistrationQuerySet",
    "ReminderDelivery",
    "ReminderDeliveryQuerySet",
    "Venue",
    "_new_secret",
]

# The sub-areas' models (business program, delegations) live in their own folders; importing
# them here, after the core models they point at, makes them part of this app and its migrations.
from ..b2b.models import *  # noqa: E402, F403
from ..delegations.models import *  # noqa: E402, F403
