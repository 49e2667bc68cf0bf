"""Every text the seed writes is in our own words, in Turkish, Azerbaijani and English: no run
of 8 words is shared with a source article."""

import pytest

from contacts.translation import per_language
from events.seed.facts_translations import TRANSLATED_FIELDS as SEED_TEXTS

from .articles import ARTICLES_DIR, free_text, runs, words

pytestmark = pytest.mark.django_db


def test_free_text_covers_every_language_column_of_every_seeded_text(seeded):
    labels = {label.split()[0] for label, _text in free_text()}

    assert {
        column for fields in SEED_TEXTS.values() for f in fields for column in per_language(f)
    } <= labels
    assert {"summary_az", "role_en", "purpose_az", "topics_en", "outcomes_az"} <= labels
    assert {"notes_tr", "notes_az", "notes_en"} <= labels


def test_seed_text_shares_no_eight_word_run_with_any_article(seeded, articles):
    article_runs = set()
    for path in ARTICLES_DIR.glob("*.txt"):
        article_runs |= runs(words(path.read_text(encoding="utf-8")))

    copied = {label: sorted(runs(words(text)) & article_runs) for label, text in free_text()}

    assert {label: found for label, found in copied.items() if found} == {}
