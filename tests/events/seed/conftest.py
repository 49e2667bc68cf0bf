import pytest
from django.utils import translation


@pytest.fixture
def turkish():
    """For tests of the facts as the seed writes them, in Turkish (content reads the active
    language); the az and en texts have their own tests (test_translations.py)."""
    with translation.override("tr"):
        yield
