"""Actions on the directory: importing people and organizations from a spreadsheet."""

import logging
from dataclasses import dataclass, field

import tablib
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _
from import_export.results import RowResult

from ..resources import MISSING_TEXT, MISSING_TURKISH, RESOURCES

logger = logging.getLogger(__name__)

NEW = RowResult.IMPORT_TYPE_NEW
UPDATE = RowResult.IMPORT_TYPE_UPDATE
SKIP = RowResult.IMPORT_TYPE_SKIP


@dataclass(frozen=True)
class RowProblem:
    """One reason a row cannot be imported. `row` is the spreadsheet's row (the header is 1)."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class RowPreview:
    row: int
    action: str  # new, update, skip (unchanged), invalid, error
    label: str
    notes: tuple[str, ...] = ()


@dataclass
class ImportReport:
    kind: str
    dry_run: bool
    rows: list[RowPreview] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def new(self) -> int:
        return self.count(NEW)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(SKIP)


def _sheet_row(number: int) -> int:
    # import-export counts data rows from 1; in the spreadsheet the header is row 1.
    return number + 1


def _row_problems(number: int, error_dict: dict) -> list[RowProblem]:
    """One problem per column and message, named by the file's columns. The model reports a
    missing Turkish text on `name_tr` (twice: as blank, and by the rule the resource asks
    too); the file's Turkish column is `name`, and one "give the Turkish too" says it all."""
    by_column: dict[str, list[str]] = {}
    for column, messages in error_dict.items():
        column = "" if column == NON_FIELD_ERRORS else column.removesuffix("_tr")
        shown = by_column.setdefault(column, [])
        shown += [text for text in map(str, messages) if text not in shown]
    missing = {str(text) for text in (MISSING_TEXT, *MISSING_TURKISH.values())}
    problems = []
    for column, messages in by_column.items():
        if missing & set(messages):
            messages = [text for text in messages if text in missing]
        problems += [
            RowProblem(row=_sheet_row(number), column=column, message=text) for text in messages
        ]
    return problems


def _problems(result) -> list[RowProblem]:
    problems = []
    for invalid in result.invalid_rows:
        problems += _row_problems(invalid.number, invalid.error_dict)
    for error_row in result.error_rows:
        for error in error_row.errors:
            # Unexpected failures are logged in full; users get a plain sentence, not internals.
            logger.error("contacts import row %s failed", error_row.number, exc_info=error.error)
            problems.append(
                RowProblem(
                    row=_sheet_row(error_row.number),
                    column="",
                    message=_("This row could not be saved; check it for unusual values."),
                )
            )
    for error in result.base_errors:
        logger.error("contacts import failed", exc_info=error.error)
        problems.append(RowProblem(row=0, column="", message=_("The file could not be imported.")))
    return sorted(problems, key=lambda problem: (problem.row, problem.column))


def import_contacts(
    *,
    kind: str,
    dataset: tablib.Dataset,
    dry_run: bool,
    by: AbstractBaseUser | None = None,
) -> ImportReport:
    """Import people (with their organizations and roles) or organizations from a table.

    All or nothing: with any invalid row, nothing is written, and the report lists every problem
    by spreadsheet row, column and message. With dry_run=True nothing is written either way (the
    preview). Side effects otherwise: Person, Organization and Affiliation rows created or updated.
    """
    resource = RESOURCES[kind]()
    report = ImportReport(
        kind=kind,
        dry_run=dry_run,
        ignored_columns=[
            column for column in dataset.headers if column not in resource.known_columns()
        ],
    )
    with transaction.atomic():
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )
        report.problems = _problems(result)
        if dry_run or report.problems:
            transaction.set_rollback(True)
    for number, row_result in enumerate(result.rows, start=1):
        report.rows.append(
            RowPreview(
                row=_sheet_row(number),
                action=row_result.import_type,
                label=row_result.object_repr or "",
                notes=tuple(resource.notes.get(number, ())),
            )
        )
    if not dry_run:
        logger.info(
            "contacts import (%s) by %s: %s",
            kind,
            by,
            f"{report.new} new, {report.updated} updated, {report.unchanged} unchanged"
            if report.ok
            else f"refused, {len(report.problems)} problems, nothing written",
        )
    return report
