"""The emails of the business program, in the recipient's language."""

import logging

from django.utils import translation

from ..mail import build_message
from .links import participant_url
from .models import MeetingRequest, Participant

logger = logging.getLogger(__name__)


def send_request_email(*, request_id: int, participant_id: int, template: str) -> bool:
    """A new request (to the participant asked) or its answer (to the asker).

    Takes primary keys so that a task can call it; returns False (logged) if a row is gone.
    """
    meeting_request = (
        MeetingRequest.objects.select_related(
            "event__venue", "requester__registration", "recipient__registration"
        )
        .filter(pk=request_id)
        .first()
    )
    to = Participant.objects.select_related("registration").filter(pk=participant_id).first()
    if meeting_request is None or to is None:
        logger.info("Meeting request %s or participant %s is gone.", request_id, participant_id)
        return False
    registration = to.registration
    # The links in the recipient's language: reverse() gives the language prefix.
    with translation.override(registration.language):
        context = {
            "meeting_request": meeting_request,
            "participant": to,
            "other": meeting_request.other(to),
            "event": meeting_request.event,
            "answer_url": participant_url(to, "answer", request_id=meeting_request.pk),
            "home_url": participant_url(to),
        }
    build_message(
        template=template,
        context=context,
        to=registration.email,
        language=registration.language,
    ).send()
    return True
