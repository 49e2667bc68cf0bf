"""Who may do what outside the admin.

Staff (``is_staff``) do everything, in the admin too. The board is a Django group holding the
permissions below; a migration creates it, and tests/events/test_roles.py checks that the group in
the database still matches this list (change both, with a new migration, when it grows).
Delegates have no account: they reach only the public pages and their own signed link.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

BOARD_GROUP = "Board"

_MANAGE = ("view", "add", "change")

# (app label, model name, actions). Deleting stays with the staff: nothing is lost by a click.
BOARD_GRANTS = (
    ("events", "event", _MANAGE),
    ("events", "venue", _MANAGE),
    ("events", "podcastseries", _MANAGE),
    ("events", "podcastepisode", _MANAGE),
    ("events", "planningitem", _MANAGE),
    ("events", "checklisttemplate", ("view",)),
    # Registrants are seen, and changed only by check-in at the door.
    ("events", "registration", ("view", "change")),
    ("contacts", "organization", _MANAGE),
    ("contacts", "person", _MANAGE),
    ("contacts", "affiliation", _MANAGE),
    ("contacts", "source", _MANAGE),
    ("contacts", "delegationvisit", _MANAGE),
    ("contacts", "meeting", _MANAGE),
    ("contacts", "outcome", _MANAGE),
    ("auditlog", "logentry", ("view",)),
    # Business program: the board runs the schedule; participants' own data stays theirs.
    ("events", "matchmaking", _MANAGE),
    ("events", "meetingsession", _MANAGE),
    ("events", "meeting", ("view", "change")),
    ("events", "meetingrequest", ("view",)),
    ("events", "participant", ("view",)),
    ("events", "meetingoutcome", ("view",)),
    # Delegations are seen in the workspace; the head's link and the staff change them.
    ("events", "delegationgroup", ("view",)),
)

BOARD_PERMISSIONS = frozenset(
    f"{app}.{action}_{model}" for app, model, actions in BOARD_GRANTS for action in actions
)


def board_members():
    """Active users who work in the board workspace: members of the Board group, and superusers.

    They own planning items and receive the weekly digest. A staff user outside the group is
    not one of them: staff fix things in the admin, and every link in the digest leads to board
    pages that need the group's permissions. Returns a queryset of users, ordered by name.
    """
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=BOARD_GROUP) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username", "pk")
    )


def ensure_board_group():
    """The Board group with exactly BOARD_PERMISSIONS, created if missing.

    The migration creates it; this rebuilds it where the data was wiped (a flushed test
    database) or the group was deleted by hand.
    """
    group, _created = Group.objects.get_or_create(name=BOARD_GROUP)
    wanted = Q(pk__in=[])
    for name in BOARD_PERMISSIONS:
        app_label, codename = name.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.set(Permission.objects.filter(wanted))
    return group
