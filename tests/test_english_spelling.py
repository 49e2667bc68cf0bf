"""One English spelling: the interface and the seeded English texts write "program",
"organization", "organize", "cancelled" and "center", the forms most of them already used.

Scanned: every English message (the msgid, or its English msgstr where there is one), every
English text of the seed (events/seed/facts_translations.py) and the starting checklists. Organizations keep their own
spelling of their names ("Baku International Multiculturalism Centre")."""

import re

import pytest

from events.models import ChecklistTemplate, ChecklistTemplateItem
from events.seed.facts_translations import TRANSLATIONS
from tests.test_i18n import po_entries

# The spelling not used -> the one used.
OTHER_SPELLINGS = {
    r"programmes?": "program",
    r"organis(?:e|es|ed|ing|er|ers|ation|ations|ational)": "organiz…",
    r"cancel(?:ed|ing)": "cancelled / cancelling",
    r"cancelation": "cancellation",
    r"centres?": "center",
}
OWN_NAMES = ("Baku International Multiculturalism Centre",)
FOUND = re.compile(r"\b(?:%s)\b" % "|".join(OTHER_SPELLINGS), re.IGNORECASE)  # noqa: UP031


def other_spellings(text: str) -> list[str]:
    for name in OWN_NAMES:
        text = text.replace(name, "")
    return FOUND.findall(text)


def _english_messages() -> list[str]:
    return [msgstr or msgid for msgid, msgstr, _fuzzy in po_entries("en")]


def _english_seed_texts() -> list[str]:
    return [
        text["en"]
        for fields in TRANSLATIONS.values()
        for text in fields.values()
        if isinstance(text, dict) and text.get("en")
    ]


@pytest.mark.parametrize(
    ("where", "texts"),
    [("the English catalog", _english_messages), ("the English seed", _english_seed_texts)],
)
def test_english_has_one_spelling_of_each_word(where, texts):
    found = {text[:60]: other_spellings(text) for text in texts() if other_spellings(text)}

    assert len(texts()) > 50, where
    assert found == {}, where


def test_the_check_finds_the_other_spelling():
    text = "The programme was cancelled; the organisers canceled it at the Centre."

    assert other_spellings(text) == ["programme", "organisers", "canceled", "Centre"]
    assert other_spellings("Baku International Multiculturalism Centre, program") == []


@pytest.mark.django_db
def test_the_starting_checklists_write_the_same_spelling():
    titles = [
        getattr(row, column) or ""
        for model in (ChecklistTemplate, ChecklistTemplateItem)
        for row in model.objects.all()
        for column in ("title_tr", "title_az", "title_en")
    ]

    assert len(titles) > 50
    assert [title for title in titles if other_spellings(title)] == []
