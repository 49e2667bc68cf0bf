"""Actions on the directory. Callers import from here; the modules are the layout.

imports  people and organizations from a spreadsheet
records  what the board writes down: people, organizations, sources, visits, meetings,
         outcomes (and the duplicate guard on names)
"""

from .imports import ImportReport, RowPreview, RowProblem, import_contacts
from .records import (
    DuplicateName,
    close_outcome,
    find_same_name,
    save_meeting,
    save_organization,
    save_person,
    save_source,
    save_visit,
)

__all__ = [
    "DuplicateName",
    "ImportReport",
    "RowPreview",
    "RowProblem",
    "close_outcome",
    "find_same_name",
    "import_contacts",
    "save_meeting",
    "save_organization",
    "save_person",
    "save_source",
    "save_visit",
]
