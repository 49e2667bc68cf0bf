"""Create the beat schedule for reminders: editable afterwards in the admin (Periodic tasks).

Idempotent: an existing task of the same name is left exactly as staff last edited it.
"""

from django.db import migrations

SWEEP = "Reminders: sweep due reminders"
DIGEST = "Reminders: weekly board digest"


def create_periodic_tasks(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")

    every_five_minutes, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    monday_morning, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="8",
        day_of_week="1",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Istanbul",
    )
    created = False
    _, new = PeriodicTask.objects.get_or_create(
        name=SWEEP,
        defaults={
            "task": "events.sweep_reminders",
            "interval": every_five_minutes,
            "description": "Plans reminders and notices, claims the due ones and queues them.",
        },
    )
    created |= new
    _, new = PeriodicTask.objects.get_or_create(
        name=DIGEST,
        defaults={
            "task": "events.send_board_digest",
            "crontab": monday_morning,
            "description": "Monday 08:00 İzmir time: the coming 14 days, to the board.",
        },
    )
    created |= new
    if created:
        # Tells a running beat (DatabaseScheduler) to reload its schedule.
        from django.utils import timezone

        PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_periodic_tasks(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[SWEEP, DIGEST]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_reminder_delivery"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_periodic_tasks, remove_periodic_tasks)]
