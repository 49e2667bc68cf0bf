import pytest
from django.db.models import F

from contacts.models import Person
from contacts.text import folded, search_key
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "İsmayilov",
    "ISPARTA",
    "Işık Çağlar",
    "Əliyev Şəhla",
    "Ğ Ö Ü Ç Ş Ə",
    "ğ ö ü ç ş ə ı i",
    "Âşık Îlhan Ûmran",
    "Mary O'Neil",
]


@pytest.mark.parametrize("name", NAMES)
def test_folded_in_the_database_matches_search_key(name):
    PersonFactory(full_name=name)

    key = Person.objects.annotate(key=folded(F("full_name"))).values_list("key", flat=True).get()

    assert key == search_key(name)
