"""The head of delegation's signed link (no account), like a delegate's own link."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import DelegationGroup

HEAD = "events.delegation.head"


class BadGroupToken(Exception):
    """Tampered, expired, revoked, or for another purpose."""


def make_group_token(group: DelegationGroup) -> str:
    return signing.dumps({"g": group.pk, "s": group.secret}, salt=HEAD)


def read_group_token(token: str, *, max_age: int | None = None) -> DelegationGroup:
    try:
        data = signing.loads(token, salt=HEAD, max_age=max_age)
        group = DelegationGroup.objects.select_related("event__venue").get(pk=data["g"])
    except (signing.BadSignature, KeyError, TypeError, DelegationGroup.DoesNotExist) as exc:
        raise BadGroupToken from exc
    if group.secret != data.get("s"):
        raise BadGroupToken
    return group


def head_url(group: DelegationGroup) -> str:
    return settings.SITE_URL + reverse(
        "delegations:manage", kwargs={"pk": group.pk, "token": make_group_token(group)}
    )
