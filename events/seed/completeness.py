"""How much of the seeded public text exists in Azerbaijani and English.

`measure` walks the seed records and `facts_translations.TRANSLATIONS` (what the seed would
write); `measure_stored` reads the seeded rows' own columns (what the pages read). A text counts
when it has Turkish in a translated field; it is complete in a language when that language has
non-empty text.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from .facts_translations import LANGUAGES, TRANSLATED_FIELDS, TRANSLATIONS
from .records import Record

# The seed keys a stored row carries; rows typed in by hand have none and are not the seed's.
_SEEDED = {"seed_key__isnull": False}


@dataclass
class Completeness:
    """Per language: public records and texts in all, and how many have that language."""

    records: int = 0
    texts: int = 0
    records_done: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, 0))
    texts_done: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, 0))
    missing: list[str] = field(default_factory=list)

    def percent(self, language: str) -> float:
        """Texts translated, as a percentage (100 when there is nothing to translate)."""
        return 100.0 if not self.texts else 100 * self.texts_done[language] / self.texts


def is_public(record: Record) -> bool:
    """Records whose text delegates can see: every seeded row but an event kept private."""
    return record.model in TRANSLATED_FIELDS and record.fields.get("is_public", True)


def translatable_texts(record: Record) -> list[str]:
    """The translated fields that have Turkish text in this record."""
    return [name for name in TRANSLATED_FIELDS.get(record.model, ()) if record.fields.get(name)]


def measure(records: Iterable[Record], translations: dict | None = None) -> Completeness:
    """Count, per language, the public records and texts that have a translation; name the rest
    in `missing` as "<seed key> <field> <language>"."""
    translations = TRANSLATIONS if translations is None else translations
    result = Completeness()
    for record in records:
        names = translatable_texts(record) if is_public(record) else []
        if not names:
            continue
        result.records += 1
        result.texts += len(names)
        given = translations.get(record.key, {})
        for language in LANGUAGES:
            lacking = [name for name in names if not given.get(name, {}).get(language, "").strip()]
            result.texts_done[language] += len(names) - len(lacking)
            result.records_done[language] += not lacking
            result.missing += [f"{record.key} {name} {language}" for name in lacking]
    return result


def measure_stored(models: dict | None = None) -> Completeness:
    """The same figures as `measure`, from the database: every seeded row (one with a seed key)
    that delegates can see (an event only when public), its `<field>_tr` column against its
    `_az` and `_en` columns; the rest named in `missing` as "<seed key> <field> <language>".
    Reads one query per model."""
    result = Completeness()
    for model, names in (TRANSLATED_FIELDS if models is None else models).items():
        rows = model._default_manager.filter(**_SEEDED)
        if any(f.name == "is_public" for f in model._meta.fields):
            rows = rows.filter(is_public=True)
        columns = [f"{name}_{code}" for name in names for code in ("tr", *LANGUAGES)]
        for key, *values in rows.order_by("seed_key").values_list("seed_key", *columns):
            texts = dict(zip(columns, values, strict=True))
            present = [name for name in names if (texts[f"{name}_tr"] or "").strip()]
            if not present:
                continue
            result.records += 1
            result.texts += len(present)
            for language in LANGUAGES:
                lacking = [n for n in present if not (texts[f"{n}_{language}"] or "").strip()]
                result.texts_done[language] += len(present) - len(lacking)
                result.records_done[language] += not lacking
                result.missing += [f"{key} {name} {language}" for name in lacking]
    return result
