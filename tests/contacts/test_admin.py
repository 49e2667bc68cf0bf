"""The contacts admin: every model's pages render with data, and search knows Turkish letters."""

import json
from datetime import date

import pytest
from django.db.models import CharField, Value
from django.urls import reverse

from contacts.admin import FOLDS, folded
from contacts.models import DelegationVisit, Organization, Person
from contacts.text import search_key
from tests.factories import (
    AffiliationFactory,
    DelegationVisitFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _changelist(client, model: str, query: str = ""):
    return client.get(reverse(f"admin:contacts_{model}_changelist") + query)


def _names(response) -> list[str]:
    return [str(row) for row in response.context["cl"].result_list]


# --- every page renders with its data ---------------------------------------------------------


def test_source_pages_show_headline_and_summary(staff_client):
    source = SourceFactory(headline="İzmir-Bakü Kardeşliği 40. Yılında", summary="Our own words.")

    listing = _changelist(staff_client, "source")
    page = staff_client.get(reverse("admin:contacts_source_change", args=[source.pk]))

    assert "İzmir-Bakü Kardeşliği 40. Yılında" in listing.content.decode()
    assert "Our own words." in page.content.decode()


def test_organization_pages_show_kind_city_and_members(staff_client):
    organization = OrganizationFactory(name="İzmir Azerbaycan Derneği", short_name="İZAZDER")
    AffiliationFactory(
        organization=organization, person=PersonFactory(full_name="Perviz Altay"), role="President"
    )

    listing = _changelist(staff_client, "organization").content.decode()
    page = staff_client.get(
        reverse("admin:contacts_organization_change", args=[organization.pk])
    ).content.decode()

    assert "İzmir Azerbaycan Derneği" in listing
    assert "Association" in listing
    assert "President" in page
    assert "Perviz Altay" in page


def test_person_list_shows_every_role(staff_client):
    person = PersonFactory(full_name="Azer Allahveranov")
    AffiliationFactory(
        person=person,
        organization=OrganizationFactory(short_name="Milli Meclis"),
        role="Member of parliament",
    )
    AffiliationFactory(
        person=person,
        organization=OrganizationFactory(short_name="TDT STK Platformu"),
        role="Secretary General",
    )

    listing = _changelist(staff_client, "person").content.decode()

    assert "Member of parliament, Milli Meclis; Secretary General, TDT STK Platformu" in listing


def test_person_change_page_has_the_affiliations_inline(staff_client):
    affiliation = AffiliationFactory(
        person=PersonFactory(full_name="Nadir İsmayilov", honorific=""), role="Chair"
    )

    page = staff_client.get(
        reverse("admin:contacts_person_change", args=[affiliation.person.pk])
    ).content.decode()

    assert 'name="affiliations-0-role_tr"' in page
    assert 'name="affiliations-0-role_az"' in page
    assert 'value="Chair"' in page


def test_affiliation_pages_show_person_role_and_organization(staff_client):
    affiliation = AffiliationFactory(
        person=PersonFactory(full_name="Cemil Tugay", honorific="Dr."),
        organization=OrganizationFactory(name="İzmir Büyükşehir Belediyesi"),
        role="Mayor",
    )

    listing = _changelist(staff_client, "affiliation").content.decode()
    page = staff_client.get(
        reverse("admin:contacts_affiliation_change", args=[affiliation.pk])
    ).content.decode()

    assert "Dr. Cemil Tugay" in listing
    assert "İzmir Büyükşehir Belediyesi" in listing
    assert 'value="Mayor"' in page


def test_visit_pages_show_route_and_meetings_inline(staff_client):
    visit = DelegationVisitFactory(
        title="Perviz Altay's contacts in Bakü", start_date=date(2026, 1, 28)
    )
    MeetingFactory(visit=visit, title="Meeting with Fuad Muradov", date=date(2026, 2, 3))
    DelegationVisit.objects.filter(pk=visit.pk).update(title_az="", title_en="")

    listing = _changelist(staff_client, "delegationvisit")
    page = staff_client.get(
        reverse("admin:contacts_delegationvisit_change", args=[visit.pk])
    ).content.decode()

    # The route in the language of the title (typed in Turkish, no English of its own).
    assert _names(listing) == ["Perviz Altay's contacts in Bakü (İzmir → Bakü, 2026-01-28)"]
    assert listing.context["cl"].result_list[0]._meetings == 1
    assert 'value="Meeting with Fuad Muradov"' in page


def test_undated_visit_and_meeting_pages_render(staff_client):
    visit = DelegationVisitFactory(title="Iraqi Turkmen delegation visit", start_date=None)
    meeting = MeetingFactory(visit=visit, title="Protocols signed", date=None)

    listing = _changelist(staff_client, "meeting")
    page = staff_client.get(reverse("admin:contacts_meeting_change", args=[meeting.pk]))

    assert _names(listing) == ["Protocols signed (date not given)"]
    assert 'value="Protocols signed"' in page.content.decode()


def test_meeting_list_shows_dated_by_publication(staff_client):
    MeetingFactory(title="Meeting with Azer Allahveranov", dated_by_publication=True)

    listing = _changelist(staff_client, "meeting")

    assert [m.dated_by_publication for m in listing.context["cl"].result_list] == [True]
    assert "Meeting with Azer Allahveranov" in listing.content.decode()


# --- search with Turkish and Azerbaijani letters ----------------------------------------------


@pytest.mark.parametrize("term", ["ismayilov", "İSMAYİLOV", "Ismayilov", "nadir ismay"])
def test_person_search_matches_turkish_letters(staff_client, term):
    PersonFactory(full_name="Nadir İsmayilov")
    PersonFactory(full_name="Perviz Altay")

    listing = _changelist(staff_client, "person", f"?q={term}")

    assert _names(listing) == ["Nadir İsmayilov"]


def test_organization_search_matches_dotted_capital_and_short_name(staff_client):
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    OrganizationFactory(name="Yeni Azərbaycan Partiyası", short_name="YAP")

    by_city = _changelist(staff_client, "organization", "?q=izmir")
    by_schwa = _changelist(staff_client, "organization", "?q=azerbaycan")

    assert _names(by_city) == ["İzmir Büyükşehir Belediyesi"]
    assert _names(by_schwa) == ["Yeni Azərbaycan Partiyası (YAP)"]


def test_meeting_search_folds_letters_in_the_database(staff_client):
    MeetingFactory(title="Şuşa görüşmesi", date=date(2026, 1, 5))
    MeetingFactory(title="İzmir toplantısı", date=date(2026, 1, 6))

    listing = _changelist(staff_client, "meeting", "?q=SUSA")

    assert _names(listing) == ["Şuşa görüşmesi (2026-01-05)"]


def test_affiliation_search_spans_person_and_organization(staff_client):
    AffiliationFactory(
        person=PersonFactory(full_name="Azer Allahveranov"),
        organization=OrganizationFactory(name="Azerbaycan Milli Meclisi"),
        role="Member of parliament",
    )
    AffiliationFactory(person=PersonFactory(full_name="Perviz Altay"), role="President")

    listing = _changelist(staff_client, "affiliation", "?q=allahveranov meclis")

    assert [a.role for a in listing.context["cl"].result_list] == ["Member of parliament"]


def test_autocomplete_finds_people_by_folded_name(staff_client):
    PersonFactory(full_name="Nadir İsmayilov")
    PersonFactory(full_name="Fuad Muradov")

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "ismay",
            "app_label": "contacts",
            "model_name": "affiliation",
            "field_name": "person",
        },
    )

    assert [r["text"] for r in json.loads(response.content)["results"]] == ["Nadir İsmayilov"]


def test_database_fold_agrees_with_search_key_letter_by_letter():
    letters = "".join(FOLDS) + "AaZz"
    OrganizationFactory(name="probe")

    in_database = (
        Organization.objects.annotate(text=Value(letters, output_field=CharField()))
        .annotate(key=folded("text"))
        .values_list("key", flat=True)
        .get()
    )

    assert in_database == search_key(letters)


# --- filters ----------------------------------------------------------------------------------


def test_meeting_month_filter_keeps_that_month(staff_client):
    MeetingFactory(title="January", date=date(2026, 1, 28))
    MeetingFactory(title="February", date=date(2026, 2, 3))

    listing = _changelist(staff_client, "meeting", "?month=2026-02")

    assert _names(listing) == ["February (2026-02-03)"]


def test_person_city_filter_offers_and_applies_cities(staff_client):
    PersonFactory(full_name="Perviz Altay", city="İzmir")
    PersonFactory(full_name="Fuad Muradov", city="Bakü")

    listing = _changelist(staff_client, "person", "?city=Bakü")
    other_spelling = _changelist(staff_client, "person", "?city=baku")

    assert _names(listing) == ["Fuad Muradov"]
    assert _names(other_spelling) == ["Fuad Muradov"]
    # Offered once, in the admin's language (English here).
    assert "?city=Izmir" in listing.content.decode()
    assert "?city=%C4%B0zmir" not in listing.content.decode()


def test_person_country_filter_offers_only_countries_in_use(staff_client):
    PersonFactory(full_name="Perviz Altay", country="TR")
    PersonFactory(full_name="Fuad Muradov", country="AZ")

    listing = _changelist(staff_client, "person", "?country=AZ")

    country_spec = next(
        spec for spec in listing.context["cl"].filter_specs if spec.parameter_name == "country"
    )
    assert _names(listing) == ["Fuad Muradov"]
    assert [code for code, _name in country_spec.lookup_choices] == ["AZ", "TR"]


# --- permissions and query counts -------------------------------------------------------------


def test_contacts_admin_is_closed_to_non_staff(client):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:contacts_person_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_person_changelist_queries_do_not_grow_with_people(staff_client, assert_constant_queries):
    AffiliationFactory()

    listing = assert_constant_queries(
        lambda: _changelist(staff_client, "person"),
        lambda: AffiliationFactory.create_batch(15),
    )

    assert len(listing.context["cl"].result_list) == Person.objects.count() == 16
