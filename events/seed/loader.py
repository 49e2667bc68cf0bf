"""Turn seed records into rows: create what is missing; leave what exists, unless it still holds
exactly what an earlier version of the seed wrote (`Record.earlier`), which is brought up to date."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from modeltranslation.translator import NotRegistered, translator

from ..models import Event
from ..services import scheduling
from .facts_translations import TRANSLATIONS
from .records import Record, Ref


@dataclass
class LoadReport:
    """What a load did, per model verbose name: created, kept as found, adopted from hand entry,
    and updated from what an earlier version of the seed wrote (`updated_keys` names them)."""

    created: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)
    adopted: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    updated_keys: set[str] = field(default_factory=set)
    rows: dict[str, models.Model] = field(default_factory=dict)
    created_keys: set[str] = field(default_factory=set)

    def lines(self) -> list[tuple[str, int, int, int, int]]:
        """(name, created, kept, adopted, updated) per model, by name."""
        names = sorted(set(self.created) | set(self.kept) | set(self.adopted) | set(self.updated))
        return [
            (name, self.created[name], self.kept[name], self.adopted[name], self.updated[name])
            for name in names
        ]


def _label(model: type[models.Model]) -> str:
    return str(model._meta.verbose_name_plural)


def _resolve(value, rows: dict[str, models.Model]):
    if isinstance(value, Ref):
        try:
            return rows[value.key]
        except KeyError:
            raise ImproperlyConfigured(
                f"Seed record refers to {value.key!r} before it is defined."
            ) from None
    return value


def _translated_fields(model: type[models.Model]) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _per_language(model: type[models.Model], fields: dict) -> dict:
    """Texts stored per language (events/translation.py, contacts/translation.py) given as
    {"tr": …, "az": …, "en": …} or as a plain (Turkish) string become their columns
    (title_tr, title_az, title_en), whatever language is active while the seed runs.
    A language left out stays empty and reads the Turkish."""
    translated = _translated_fields(model)
    expanded = {}
    for name, value in fields.items():
        if name not in translated:
            expanded[name] = value
            continue
        texts = (
            value
            if isinstance(value, dict)
            else {settings.MODELTRANSLATION_DEFAULT_LANGUAGE: value}
        )
        unknown = set(texts) - set(settings.MODELTRANSLATION_LANGUAGES)
        if unknown:
            raise ImproperlyConfigured(f"Seed text of {name!r} in unknown languages: {unknown}.")
        for code, text in texts.items():
            expanded[f"{name}_{code}"] = text
    return expanded


def _adoptable(record: Record, fields: dict) -> models.Model | None:
    """A row typed in by hand before the seed ran, matching the record's natural key."""
    if not record.natural_key:
        return None
    translated = _translated_fields(record.model)
    # A translated field is matched on its Turkish text, the one hand entry always has.
    columns = [f"{name}_tr" if name in translated else name for name in record.natural_key]
    lookup = {column: fields[column] for column in columns}
    matches = list(record.model.objects.filter(seed_key__isnull=True, **lookup)[:2])
    return matches[0] if len(matches) == 1 else None


def translated_fields(
    model: type, key: str, fields: dict, translations: dict | None = None
) -> dict[str, str]:
    """The per-language columns (`title_az`, `title_en`, ...) to fill for record `key`.

    Only the columns the model has: before the models carry per-language columns this is empty
    and the load is as before; once they do, the seed fills them from `translations`
    (`TRANSLATIONS` by default). The Turkish column gets the record's own value when the model
    has one, so the three columns are filled the same way whatever language is active.
    """
    translations = TRANSLATIONS if translations is None else translations
    values = {}
    for name, texts in translations.get(key, {}).items():
        if hasattr(model, f"{name}_tr") and name in fields:
            values[f"{name}_tr"] = fields[name]
        for language, text in texts.items():
            if hasattr(model, f"{name}_{language}"):
                values[f"{name}_{language}"] = text
    return values


def _stored(row: models.Model, name: str, translated: set[str]):
    """A field's value as stored: a translated text's Turkish column, a foreign key's id."""
    if name in translated:
        return getattr(row, f"{name}_tr")
    model_field = row._meta.get_field(name)
    return getattr(row, model_field.attname)


def _as_stored(row: models.Model, name: str, value, rows: dict[str, models.Model]):
    value = _resolve(value, rows)
    return value.pk if isinstance(value, models.Model) else value


def _holds(row: models.Model, name: str, value, translated: set[str], rows: dict) -> bool:
    """Whether the row still holds `value` for `name`: a translated text given as a plain
    string is compared with its Turkish column; given per language ({"tr": …, "az": None}),
    with each language's column, empty ("" or NULL) matching empty."""
    if isinstance(value, dict) and name in translated:
        return all(
            (getattr(row, f"{name}_{code}") or "") == (text or "") for code, text in value.items()
        )
    return _stored(row, name, translated) == _as_stored(row, name, value, rows)


def _outdated_fields(record: Record, row: models.Model, rows: dict) -> tuple[str, ...]:
    """The fields of the first earlier version the row still holds exactly; () when none."""
    translated = _translated_fields(record.model)
    for earlier in record.earlier:
        if all(_holds(row, name, value, translated, rows) for name, value in earlier.items()):
            return tuple(earlier)
    return ()


def _bring_up_to_date(
    record: Record, row: models.Model, names: tuple[str, ...], rows: dict[str, models.Model]
) -> None:
    """Write the record's current values (and their Azerbaijani and English) for `names`."""
    current = {name: _resolve(record.fields[name], rows) for name in names}
    values = _per_language(record.model, current)
    values |= {
        column: text
        for column, text in translated_fields(record.model, record.key, current).items()
        if column.rsplit("_", 1)[0] in names
    }
    for column, value in values.items():
        setattr(row, column, value)
    row.full_clean(exclude=[f.name for f in record.model._meta.fields if not f.editable])
    if not isinstance(row, Event):
        row.save()
        return
    # An event's times and status change through the scheduling services, which raise its
    # calendar revision (iCal SEQUENCE, RFC 5546) so subscribed calendars replace their copy.
    rest = [column for column in values if column not in _SCHEDULED]
    if rest:
        row.save(update_fields=rest)
    if values.keys() & set(_SCHEDULED[:-1]):
        row = scheduling.reschedule_event(
            event=row,
            start=row.start,
            end=row.end,
            date_precision=row.date_precision,
            recurrence=row.recurrence,
        )
    if "status" in values:
        scheduling.set_event_status(event=row, status=values["status"])


# An event's fields written by its scheduling services (times, precision, recurrence; status).
_SCHEDULED = ("start", "end", "date_precision", "recurrence", "status")


def _create(record: Record, fields: dict, rows: dict[str, models.Model]) -> models.Model:
    row = record.model(
        seed_key=record.key, **fields, **translated_fields(record.model, record.key, fields)
    )
    # Seed data is code: a typo (too long, bad choice) should fail loudly here, not in a form.
    row.full_clean(exclude=[f.name for f in record.model._meta.fields if not f.editable])
    row.save()
    for name, refs in record.links.items():
        getattr(row, name).set([_resolve(ref, rows) for ref in refs])
    return row


@transaction.atomic
def load_records(*, records: Iterable[Record]) -> LoadReport:
    """Create every record whose seed key has no row yet; return what was done.

    Side effects: inserts rows and their many-to-many links for new records only; sets the
    `seed_key` of a hand-made row that matches a record's natural key (nothing else on it);
    updates the fields of an existing row that still holds exactly what an earlier version of
    the seed wrote for them (`Record.earlier`; an event's times and status through
    events.services.scheduling, which raises its calendar revision).
    Other existing rows, and every row's links, are never updated, so edits survive a re-run,
    and a second run changes nothing.
    """
    report = LoadReport()
    for record in records:
        label = _label(record.model)
        row = record.model.objects.filter(seed_key=record.key).first()
        if row is not None and (names := _outdated_fields(record, row, report.rows)):
            _bring_up_to_date(record, row, names, report.rows)
            report.updated[label] += 1
            report.updated_keys.add(record.key)
        elif row is not None:
            report.kept[label] += 1
        else:
            fields = _per_language(
                record.model,
                {name: _resolve(value, report.rows) for name, value in record.fields.items()},
            )
            row = _adoptable(record, fields)
            if row is not None:
                record.model.objects.filter(pk=row.pk).update(seed_key=record.key)
                row.seed_key = record.key
                report.adopted[label] += 1
            else:
                row = _create(record, fields, report.rows)
                report.created[label] += 1
                report.created_keys.add(record.key)
        report.rows[record.key] = row
    return report
