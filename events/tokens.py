"""Signed links to one registration: self-service (see, cancel, confirm) and door check-in.

A token names the registration and carries its secret, signed with SECRET_KEY and a salt per
purpose, so a self-service link cannot be used to check someone in (and vice versa), an edited
token fails the signature, and rotating Registration.secret revokes every link issued before.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import Registration

SELF_SERVICE = "events.registration.self-service"
CHECK_IN = "events.registration.check-in"


class BadToken(Exception):
    """The token is tampered, expired, revoked, or for another purpose."""


def make_token(registration: Registration, *, purpose: str) -> str:
    return signing.dumps({"r": registration.pk, "s": registration.secret}, salt=purpose)


def read_token(token: str, *, purpose: str, max_age: int | None = None) -> Registration:
    try:
        data = signing.loads(token, salt=purpose, max_age=max_age)
        registration = Registration.objects.select_related("event", "event__venue").get(
            pk=data["r"]
        )
    except (signing.BadSignature, KeyError, TypeError, Registration.DoesNotExist) as exc:
        raise BadToken from exc
    if registration.secret != data.get("s"):
        raise BadToken
    if purpose == CHECK_IN and timezone.now() > registration.event.end + timedelta(
        hours=settings.CHECK_IN_GRACE_HOURS
    ):
        # A check-in code is personal data too: useless, and refused, once the event is over.
        raise BadToken
    return registration
