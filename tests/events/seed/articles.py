"""The source articles the seed is written from, and every text the seed writes ourselves."""

import os
import re
from pathlib import Path

from contacts.models import Organization
from contacts.text import search_key
from contacts.translation import per_language
from events.models import Event
from events.seed.facts_translations import TRANSLATED_FIELDS as SEED_TEXTS
from events.seed.facts_translations import TRANSLATIONS

# The articles stay where they were given (shared/ beside the clone, as on CI); the repository
# keeps only our own summaries of them.
# A worktree beside the clone names the folder in KARDES40_ARTICLES_DIR.
ARTICLES_DIR = Path(
    os.environ.get("KARDES40_ARTICLES_DIR")
    or Path(__file__).resolve().parents[4] / "shared" / "articles"
)


def article_text(file_name: str) -> str:
    return (ARTICLES_DIR / file_name).read_text(encoding="utf-8")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", search_key(text))


def runs(words: list[str], length: int = 8) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def free_text() -> list[tuple[str, str]]:
    """Every text we wrote ourselves (names and the cited headlines are the articles' own), in
    each language as stored: the Turkish, Azerbaijani and English columns of every translated
    field, and the mapping the seed writes them from (names included: ours, not the articles')."""
    # Organizations' and people's notes are per language: their columns come with the rest.
    texts = [(f"internal notes {e}", e.internal_notes) for e in Event.objects.all()]
    for model, fields in SEED_TEXTS.items():
        for row in model.objects.exclude(seed_key__isnull=True):
            texts += [
                (f"{column} {row.seed_key}", getattr(row, column) or "")
                for field in fields
                for column in per_language(field)
                # An organization's registered name is the articles' own.
                if (model, column) != (Organization, "name_tr")
            ]
    texts += [
        (f"{name} {key} {language}", text)
        for key, fields in TRANSLATIONS.items()
        for name, languages in fields.items()
        for language, text in languages.items()
    ]
    return texts
