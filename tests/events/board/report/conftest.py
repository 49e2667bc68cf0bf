"""The hand-built report year (tests/events/board/report/fixture_year.py) as a fixture."""

import pytest
from django.utils import timezone

from tests.events.board.report.fixture_year import World, build_year


@pytest.fixture
def report_year(db) -> World:
    """Last year, built by hand (see the module's docstring)."""
    return build_year(timezone.localdate().year - 1)
