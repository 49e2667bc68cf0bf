"""The starting checklists wrote "programme"; the rest of the English interface writes
"program" (tests/test_english_spelling.py). Only the untouched starting texts change: an item
the staff rewrote keeps their words."""

from django.db import migrations

RENAMED = {
    "Set the programme of company visits": "Set the program of company visits",
    "Print programme and name badges": "Print program and name badges",
    "Agree the programme with the municipality": "Agree the program with the municipality",
    "Mentors and daily programme": "Mentors and daily program",
    "Call for speakers and confirm the programme": "Call for speakers and confirm the program",
}
COLUMNS = ("title", "title_tr", "title_az", "title_en")


def write_program(apps, schema_editor, renamed=RENAMED):
    ChecklistTemplateItem = apps.get_model("events", "ChecklistTemplateItem")
    for old, new in renamed.items():
        for column in COLUMNS:
            ChecklistTemplateItem.objects.filter(**{column: old}).update(**{column: new})


def write_programme(apps, schema_editor):
    write_program(apps, schema_editor, renamed={new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0026_event_series"),
    ]

    operations = [migrations.RunPython(write_program, write_programme)]
