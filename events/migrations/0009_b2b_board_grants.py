"""The Board group gets the business program's permissions (frozen here as in events/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BOARD_GROUP = "Board"
GRANTS = (
    ("matchmaking", ("view", "add", "change")),
    ("meetingsession", ("view", "add", "change")),
    ("meeting", ("view", "change")),
    ("meetingrequest", ("view",)),
    ("participant", ("view",)),
    ("meetingoutcome", ("view",)),
)


def grant(apps, schema_editor):
    events = apps.get_app_config("events")
    events.models_module = True
    create_permissions(events, apps=apps, verbosity=0)
    events.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=BOARD_GROUP)
    for model, actions in GRANTS:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="events",
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=BOARD_GROUP):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="events", content_type__model__in=[m for m, _a in GRANTS]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0008_b2b_matchmaking")]

    operations = [migrations.RunPython(grant, revoke)]
