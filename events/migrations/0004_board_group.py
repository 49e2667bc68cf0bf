"""The "Board" group with the permissions board members need outside the admin.

The list is frozen here as it was when this migration was written; events/roles.py holds the
current one and a test checks that both agree. Permissions are normally created after migrate, so
they are created here first for every app this group needs.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BOARD_GROUP = "Board"
_MANAGE = ("view", "add", "change")
BOARD_GRANTS = (
    ("events", "event", _MANAGE),
    ("events", "venue", _MANAGE),
    ("events", "podcastseries", _MANAGE),
    ("events", "podcastepisode", _MANAGE),
    ("events", "planningitem", _MANAGE),
    ("events", "checklisttemplate", ("view",)),
    ("events", "registration", ("view", "change")),
    ("contacts", "organization", _MANAGE),
    ("contacts", "person", _MANAGE),
    ("contacts", "affiliation", _MANAGE),
    ("contacts", "source", _MANAGE),
    ("contacts", "delegationvisit", _MANAGE),
    ("contacts", "meeting", _MANAGE),
    ("auditlog", "logentry", ("view",)),
)


def create_board_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        if app_config.label in {"events", "contacts", "auditlog"}:
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=BOARD_GROUP)
    for app, model, actions in BOARD_GRANTS:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


def remove_board_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=BOARD_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auditlog", "0017_add_actor_email"),
        ("contacts", "0001_initial"),
        ("events", "0003_checklist_templates"),
    ]

    operations = [migrations.RunPython(create_board_group, remove_board_group)]
