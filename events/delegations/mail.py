"""Emails to the head of delegation, in the head's language (members get their own)."""

import logging

from django.utils import translation

from ..mail import build_message
from .links import head_url
from .models import DelegationGroup

logger = logging.getLogger(__name__)


def send_head_email(*, group_id: int, template: str) -> bool:
    """One of delegation_{held,waitlisted,promoted,confirmed,cancelled,expired}.

    Takes a primary key so that a task can call it; returns False (logged) if the group is gone.
    """
    group = (
        DelegationGroup.objects.select_related("event__venue")
        .prefetch_related("members")
        .filter(pk=group_id)
        .first()
    )
    if group is None:
        logger.info("Delegation group %s is gone; no %s email.", group_id, template)
        return False
    kind = template.removeprefix("delegation_")
    # The link in the head's language: reverse() gives the language prefix.
    with translation.override(group.head_language):
        manage_url = head_url(group)
    build_message(
        template="delegation_head",
        context={
            "group": group,
            "event": group.event,
            "kind": kind,
            "manage_url": manage_url,
            "members": list(group.members.all()),
        },
        to=group.head_email,
        language=group.head_language,
    ).send()
    return True
