"""The Board group may view, add and change meeting outcomes (events/roles.py BOARD_GRANTS).

Deleting stays with the staff, as for every other record.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BOARD_GROUP = "Board"
GRANTED = ("view_outcome", "add_outcome", "change_outcome")


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        if app_config.label == "contacts":
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=BOARD_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="contacts", codename__in=GRANTED)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=BOARD_GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="contacts", codename__in=GRANTED)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0004_records_outcomes"),
        ("events", "0017_records_outcome_links"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
