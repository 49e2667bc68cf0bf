"""The Board group may view delegation registrations (events/roles.py BOARD_GRANTS): the
workspace lists them at /board/delegations/. Changing them stays with the head and the staff.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BOARD_GROUP = "Board"
GRANTED = ("view_delegationgroup",)


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        if app_config.label == "events":
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=BOARD_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="events", codename__in=GRANTED)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=BOARD_GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="events", codename__in=GRANTED)
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0022_delegation_seats_passed")]

    operations = [migrations.RunPython(grant, revoke)]
