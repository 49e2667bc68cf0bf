from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import EventKind

# Only these kinds of event can switch matchmaking on.
MATCHMAKING_KINDS = (EventKind.B2B_MEETING, EventKind.BUSINESS_FORUM)


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("Agriculture and food")
    MANUFACTURING = "manufacturing", _("Manufacturing and industry")
    ENERGY = "energy", _("Energy")
    CONSTRUCTION = "construction", _("Construction and real estate")
    TRADE = "trade", _("Trade and logistics")
    TOURISM = "tourism", _("Tourism and hospitality")
    TECHNOLOGY = "technology", _("Information technology")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education and culture")
    FINANCE = "finance", _("Finance and services")
    OTHER = "other", _("Other")


class SpokenLanguage(models.TextChoices):
    TURKISH = "tr", _("Turkish")
    AZERBAIJANI = "az", _("Azerbaijani")
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")


class PairingRule(models.TextChoices):
    ANYONE = "anyone", _("Anyone may meet anyone")
    ACROSS_COUNTRIES = "across_countries", _("Only participants from different countries")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def open(cls):
        """States that stand between a pair: one such request per pair, either direction."""
        return [cls.PENDING, cls.ACCEPTED]


class OutcomeAnswer(models.TextChoices):
    NO_CONTACT = "no_contact", _("No further contact")
    IN_CONTACT = "in_contact", _("In contact")
    OFFER_MADE = "offer_made", _("Offer made")
    AGREEMENT = "agreement", _("Agreement reached")
