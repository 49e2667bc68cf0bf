"""The demo venue in Bakü's old city, named in each language's own spelling.

Seeded with the Azerbaijani "İçərişəhər" in its Turkish and English texts; this renames the
seeded row where a text is still the one seeded (a board member's wording is kept), so a
database seeded before reads as a new one. Running it again changes nothing.
"""

from django.db import migrations

KEY = "demo:venue:baku"
# column: (as first seeded, as now seeded); the original column follows the Turkish one.
RENAMED = {
    "name_tr": ("Örnek salon, İçərişəhər (demo)", "Örnek salon, İçerişehir (demo)"),
    "address_tr": ("Örnek adres, İçərişəhər", "Örnek adres, İçerişehir"),
    "name_en": ("Sample hall, İçərişəhər (demo)", "Sample hall, Icherisheher (demo)"),
    "address_en": ("Sample address, İçərişəhər", "Sample address, Old City (Icherisheher)"),
}


def rename(apps, schema_editor):
    venues = apps.get_model("events", "Venue").objects.filter(seed_key=KEY)
    for column, (old, new) in RENAMED.items():
        also = {column.removesuffix("_tr"): new} if column.endswith("_tr") else {}
        venues.filter(**{column: old}).update(**{column: new}, **also)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0028_planning_texts_per_language"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
