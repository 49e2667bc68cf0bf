"""Signed links of the business program (no account): a participant's pages and answer links.

The token is the registration's (events/tokens.py) with its own purpose, so a link to the B2B
pages cannot confirm, cancel or check in a registration, and rotating Registration.secret
revokes these links too.
"""

from django.conf import settings
from django.urls import reverse

from ..tokens import make_token
from .models import Participant

PARTICIPANT = "events.b2b.participant"


def participant_token(participant: Participant) -> str:
    return make_token(participant.registration, purpose=PARTICIPANT)


def participant_path(participant: Participant, name: str = "home", **kwargs) -> str:
    return reverse(
        f"b2b:{name}",
        kwargs={
            "pk": participant.registration_id,
            "token": participant_token(participant),
            **kwargs,
        },
    )


def participant_url(participant: Participant, name: str = "home", **kwargs) -> str:
    return settings.SITE_URL + participant_path(participant, name, **kwargs)
