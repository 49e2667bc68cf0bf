import pytest
from django.db import IntegrityError
from django.utils import translation

from contacts.models import Organization, Person
from tests.factories import (
    AffiliationFactory,
    DelegationVisitFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_person_search_is_turkish_aware():
    PersonFactory(full_name="Nadir İsmayilov")
    PersonFactory(full_name="Perviz Altay")

    found = list(Person.objects.search("ismayilov").values_list("full_name", flat=True))

    assert found == ["Nadir İsmayilov"]


def test_organization_search_finds_dotted_i_and_short_name():
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi", short_name="İBB")
    OrganizationFactory(name="Bakü Kültür Merkezi")

    assert [o.short_name for o in Organization.objects.search("izmir")] == ["İBB"]
    assert [o.short_name for o in Organization.objects.search("ibb")] == ["İBB"]


def test_people_sort_in_turkish_alphabetical_order():
    for name in ["Zeynep Ak", "Çağla Er", "Cemil Tugay", "Ömer Su"]:
        PersonFactory(full_name=name)

    with translation.override("tr"):
        names = list(Person.objects.alphabetical().values_list("full_name", flat=True))

    assert names == ["Cemil Tugay", "Çağla Er", "Ömer Su", "Zeynep Ak"]


def test_person_may_hold_several_roles():
    person = PersonFactory(full_name="Azer Allahveranov")
    AffiliationFactory(person=person, role="Member of parliament")
    AffiliationFactory(person=person, role="Secretary general")

    assert person.affiliations.count() == 2


def test_same_dated_role_twice_is_refused():
    affiliation = AffiliationFactory(start="2025-01-01")

    with pytest.raises(IntegrityError):
        AffiliationFactory(
            person=affiliation.person,
            organization=affiliation.organization,
            role=affiliation.role,
            start="2025-01-01",
        )


def test_same_undated_role_twice_is_refused():
    affiliation = AffiliationFactory(start=None)

    with pytest.raises(IntegrityError):
        AffiliationFactory(
            person=affiliation.person, organization=affiliation.organization, role=affiliation.role
        )


def test_visit_ending_before_it_starts_is_refused():
    with pytest.raises(IntegrityError):
        DelegationVisitFactory(start_date="2026-02-03", end_date="2026-02-01")
