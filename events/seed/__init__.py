"""Data seeded from the source articles (`facts`), and the separate demo program (`demo`)."""

from django.db import transaction

from .facts import RECORDS
from .loader import LoadReport, load_records


@transaction.atomic
def load_facts() -> LoadReport:
    """Create every seeded fact that has no row yet (see `load_records` for the side effects)."""
    return load_records(records=RECORDS)
