"""Checklist templates and the planning items made from them, in Turkish, Azerbaijani and English."""

import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from events.enums import EventKind
from events.models import ChecklistTemplate, ChecklistTemplateItem, PlanningItem
from events.services.planning import apply_checklist_template
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("events.migrations.0028_planning_texts_per_language")
# Words a Turkish and an English title may share: names and loanwords spelled alike.
SHARED_WORDS = {"b2b", "podcast", "program"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _rows():
    templates = list(ChecklistTemplate.objects.all())
    return templates + list(ChecklistTemplateItem.objects.filter(template__in=templates))


def test_every_seeded_template_and_item_has_its_three_languages():
    rows = _rows()

    missing = [str(row.pk) for row in rows if not (row.title_tr and row.title_az and row.title_en)]

    assert len(rows) == 12 + 59
    assert missing == []


def test_every_seeded_template_and_item_is_turkish_in_the_turkish_column():
    # The fault this guards against: English text stored as the Turkish title.
    english_in_turkish = [
        f"{row.title_tr} / {row.title_en}"
        for row in _rows()
        if row.title_tr == row.title_en
        or (_words(row.title_tr) & _words(row.title_en)) - SHARED_WORDS
    ]
    azerbaijani_letters = [row.title_tr for row in _rows() if re.search("[əƏxqQ]", row.title_tr)]

    assert english_in_turkish == []
    assert azerbaijani_letters == []


def test_seeded_english_titles_say_program_not_programme():
    assert [row.title_en for row in _rows() if "programme" in row.title_en.lower()] == []


def test_applying_a_template_gives_items_in_each_language():
    event = EventFactory(kind=EventKind.B2B_MEETING)

    added = apply_checklist_template(event=event)

    lines = ChecklistTemplateItem.objects.filter(template__kind=EventKind.B2B_MEETING)
    expected = sorted((line.title_tr, line.title_az, line.title_en) for line in lines)
    assert sorted((i.title_tr, i.title_az, i.title_en) for i in added) == expected
    first = PlanningItem.objects.get(pk=added[0].pk)
    for language, text in (
        ("tr", "İki şehirden şirketleri davet et"),
        ("az", "Hər iki şəhərdən şirkətləri dəvət et"),
        ("en", "Invite companies from both cities"),
    ):
        with translation.override(language):
            assert PlanningItem.objects.get(pk=first.pk).title == text


def test_applying_a_template_line_without_azerbaijani_reads_the_turkish():
    event = EventFactory(kind=EventKind.OTHER)
    template = ChecklistTemplate.objects.get(kind=EventKind.OTHER)
    template.items.create(title_tr="Afiş bastır", days_before=3, position=99)

    added = apply_checklist_template(event=event)

    item = PlanningItem.objects.get(pk=added[-1].pk)
    with translation.override("az"):
        assert item.title == "Afiş bastır"


def _as_first_seeded():
    """The rows as the English-only seed (0003) and the copy to Turkish (0025) left them."""
    for kind, ((seeded, *_texts), items) in MIGRATION.TEMPLATES.items():
        template = ChecklistTemplate.objects.get(kind=kind)
        ChecklistTemplate.objects.filter(pk=template.pk).update(
            title=seeded, title_tr=seeded, title_az=None, title_en=None
        )
        for position, (item_seeded, *_item_texts) in enumerate(items, start=1):
            ChecklistTemplateItem.objects.filter(template=template, position=position).update(
                title=item_seeded, title_tr=item_seeded, title_az=None, title_en=None
            )


def test_migration_translates_items_already_respelled_program():
    _as_first_seeded()
    ChecklistTemplateItem.objects.filter(title_tr="Print programme and name badges").update(
        title_tr="Print program and name badges"
    )
    state = MigrationLoader(connection).project_state(("events", MIGRATION.__name__.split(".")[-1]))

    MIGRATION.to_three_languages(state.apps, None)

    assert [row.title_tr for row in _rows() if row.title_tr == row.title_en] == []
    assert (
        ChecklistTemplateItem.objects.filter(title_tr="Programı ve yaka kartlarını bastır").count()
        == 2
    )


def test_migration_translates_an_old_database_once_and_keeps_edits():
    _as_first_seeded()
    b2b = ChecklistTemplate.objects.get(kind=EventKind.B2B_MEETING)
    edited = b2b.items.get(position=2)
    ChecklistTemplateItem.objects.filter(pk=edited.pk).update(title_tr="Firmaları ara")
    event = EventFactory(kind=EventKind.B2B_MEETING)
    line = b2b.items.get(position=1)
    made = PlanningItem.objects.create(
        event=event, title_tr="Invite companies from both cities", template_item=line
    )
    counts = (ChecklistTemplate.objects.count(), ChecklistTemplateItem.objects.count())

    # The models as the migration sees them (plain columns, no language rewriting).
    state = MigrationLoader(connection).project_state(("events", MIGRATION.__name__.split(".")[-1]))
    MIGRATION.to_three_languages(state.apps, None)
    MIGRATION.to_three_languages(state.apps, None)

    assert (ChecklistTemplate.objects.count(), ChecklistTemplateItem.objects.count()) == counts
    b2b.refresh_from_db()
    assert (b2b.title_tr, b2b.title_az, b2b.title_en) == (
        "B2B görüşmesi",
        "B2B görüşü",
        "B2B meeting",
    )
    edited.refresh_from_db()
    assert (edited.title_tr, edited.title_az, edited.title_en) == ("Firmaları ara", None, None)
    made.refresh_from_db()
    assert (made.title_tr, made.title_az, made.title_en) == (
        "İki şehirden şirketleri davet et",
        "Hər iki şəhərdən şirkətləri dəvət et",
        "Invite companies from both cities",
    )
    assert [row.title_tr for row in _rows() if row.title_tr == row.title_en] == []
