import pytest
from django.utils import translation

from events.seed import load_facts
from tests.conftest import require_service

from .articles import ARTICLES_DIR


@pytest.fixture
def turkish():
    """For tests of the facts as the seed writes them, in Turkish (content reads the active
    language); the az and en texts have their own tests (test_translations.py)."""
    with translation.override("tr"):
        yield


@pytest.fixture
def articles():
    require_service(ARTICLES_DIR.is_dir(), f"needs the source articles at {ARTICLES_DIR}")
    return ARTICLES_DIR


@pytest.fixture
def seeded():
    return load_facts()
