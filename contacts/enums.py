from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    TURKISH = "tr", _("Turkish")
    AZERBAIJANI = "az", _("Azerbaijani")
    ENGLISH = "en", _("English")

    @classmethod
    def of_page(cls) -> str:
        """The active language as one of these values ("az" on an /az/ page), Turkish when
        none is active or it is another: what a form asking for a language starts with."""
        language = (get_language() or "")[:2]
        return language if language in cls.values else cls.TURKISH


class OrganizationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    STATE_BODY = "state_body", _("Ministry or state body")
    MUNICIPALITY = "municipality", _("Municipality")
    PARLIAMENT = "parliament", _("Parliament")
    PLATFORM = "platform", _("International platform")
    FORUM = "forum", _("Forum")
    PRESS_BODY = "press_body", _("Press body")
    THINK_TANK = "think_tank", _("Think tank")
    UNIVERSITY = "university", _("University")
    MEDIA = "media", _("Media")
    BUSINESS = "business", _("Business")
    PARTY = "party", _("Party")
    OTHER = "other", _("Other")


class OutcomeKind(models.TextChoices):
    ROADMAP_AGREED = "roadmap_agreed", _("Roadmap agreed")
    PROTOCOL_SIGNED = "protocol_signed", _("Protocol signed")
    EVENT_ANNOUNCED = "event_announced", _("Event announced")
    SUPPORT_PLEDGED = "support_pledged", _("Support pledged")
    FOLLOW_UP_NEEDED = "follow_up_needed", _("Follow-up needed")
    OTHER = "other", _("Other")
