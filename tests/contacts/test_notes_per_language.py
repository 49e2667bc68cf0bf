"""The notes on an organization or a person in Turkish, Azerbaijani and English: the migration
keeps what was written (as Turkish), the board's forms and the admin write and search every
language, the spreadsheets carry a column per language, and the pages read their own."""

import pytest
import tablib
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from contacts.models import Organization, Person
from contacts.services.imports import import_contacts
from tests.contacts.test_import_export import _confirm, _csv, _rows, _upload
from tests.factories import OrganizationFactory, PersonFactory, StaffFactory

BEFORE = [("contacts", "0011_organization_short_name_per_language")]
AFTER = [("contacts", "0012_notes_per_language")]

NOTES = {
    "notes_tr": "Bakü temaslarını yürüttü.",
    "notes_az": "Bakıdakı görüşləri o aparıb.",
    "notes_en": "He led the contacts in Baku.",
}


def _notes(row) -> tuple:
    return tuple(getattr(row, column) or "" for column in NOTES)


# --- the migration ------------------------------------------------------------------------------


def test_migration_keeps_each_note_as_its_turkish_and_back(migrate_to):
    old = migrate_to(BEFORE)
    old.get_model("contacts", "Organization").objects.create(
        name="İZAZDER", search_name="izazder", notes="Dernek İzmir'de."
    )
    old.get_model("contacts", "Organization").objects.create(name="Boş", search_name="bos")
    old.get_model("contacts", "Person").objects.create(
        full_name="Perviz Altay", search_name="perviz altay", notes="Dernek başkanı."
    )

    new = migrate_to(AFTER)

    organizations = new.get_model("contacts", "Organization").objects.order_by("name_tr", "name")
    assert list(organizations.values_list("notes_tr", "notes_az", "notes_en")) == [
        ("", None, None),
        ("Dernek İzmir'de.", None, None),
    ]
    person = new.get_model("contacts", "Person").objects.values_list(
        "notes_tr", "notes_az", "notes_en"
    )
    assert list(person) == [("Dernek başkanı.", None, None)]

    # Undone, the single column holds the Turkish note again.
    new.get_model("contacts", "Person").objects.update(notes="", notes_tr="Dernek başkanı.")
    undone = migrate_to(BEFORE)
    assert list(undone.get_model("contacts", "Person").objects.values_list("notes")) == [
        ("Dernek başkanı.",)
    ]


# --- the board's forms --------------------------------------------------------------------------


@pytest.mark.django_db
def test_board_member_writes_a_persons_notes_in_three_languages(board_client):
    data = {"full_name": "Perviz Altay", "preferred_language": "tr", **NOTES}
    data |= {
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
    }

    board_client.post(reverse("contacts:person_create"), data)

    assert _notes(Person.objects.get()) == tuple(NOTES.values())


@pytest.mark.django_db
def test_board_member_writes_an_organizations_notes_in_three_languages(board_client):
    form = board_client.get(reverse("contacts:organization_create")).content.decode()
    board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "İzmir Azerbaycan Derneği", "kind": "association", **NOTES},
    )

    assert all(f'name="{column}"' in form for column in NOTES)
    assert _notes(Organization.objects.get()) == tuple(NOTES.values())


@pytest.mark.django_db
def test_an_organization_without_any_note_is_saved(board_client):
    response = board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "Kerkük Kültür Derneği", "kind": "association"},
    )

    organization = Organization.objects.get()
    assert response["Location"] == reverse("contacts:organization", args=[organization.pk])
    assert _notes(organization) == ("", "", "")


@pytest.mark.django_db
def test_a_note_in_azerbaijani_without_its_turkish_is_refused_on_the_form(board_client):
    response = board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "Kerkük Kültür Derneği", "kind": "association", "notes_az": "Bakıda."},
    )

    assert response.status_code == 400  # the form again, with its message
    assert response.context["form"].errors == {
        "notes_tr": ["Give the Turkish text too: the other languages fall back to it."]
    }
    assert Organization.objects.count() == 0


# --- the pages ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_person_page_reads_the_azerbaijani_note_on_an_azerbaijani_page(board_client):
    person = PersonFactory(full_name="Perviz Altay", **NOTES)

    page = board_client.get(
        reverse("contacts:person", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="az"
    ).content.decode()

    assert f"<dd>{NOTES['notes_az']}</dd>" in page
    assert NOTES["notes_tr"] not in page


@pytest.mark.django_db
def test_organization_page_marks_the_turkish_note_where_there_is_no_azerbaijani(board_client):
    organization = OrganizationFactory(name="İZAZDER", notes_tr=NOTES["notes_tr"])

    az_page = board_client.get(
        reverse("contacts:organization", args=[organization.pk]), HTTP_ACCEPT_LANGUAGE="az"
    ).content.decode()
    tr_page = board_client.get(
        reverse("contacts:organization", args=[organization.pk]), HTTP_ACCEPT_LANGUAGE="tr"
    ).content.decode()

    assert f'<p lang="tr">{NOTES["notes_tr"]}</p>' in az_page
    assert f"<p>{NOTES['notes_tr']}</p>" in tr_page


# --- the spreadsheets ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_organization_notes_go_out_and_come_back_in_their_columns(board_client):
    OrganizationFactory(name="İZAZDER", **NOTES)

    rows = _rows(board_client.get(reverse("contacts:export", args=["organizations", "csv"])))
    header, values = rows[0], rows[1]
    Organization.objects.update(notes_tr="", notes_az="", notes_en="")
    content = _csv(",".join(header), ",".join(f'"{value}"' for value in values))
    _upload(board_client, content, "organizations.csv", kind="organizations")
    _confirm(board_client)

    assert [values[header.index(c)] for c in ("notes", "notes_az", "notes_en")] == list(
        NOTES.values()
    )
    assert _notes(Organization.objects.get()) == tuple(NOTES.values())


@pytest.mark.django_db
def test_people_import_writes_each_note_to_its_column_on_an_english_page(board_client):
    content = _csv(
        "full_name,notes,notes_az,notes_en",
        f"Perviz Altay,{NOTES['notes_tr']},{NOTES['notes_az']},{NOTES['notes_en']}",
    )

    _upload(board_client, content, "people.csv")
    _confirm(board_client)

    person = Person.objects.get()
    assert _notes(person) == tuple(NOTES.values())
    rows = _rows(board_client.get(reverse("contacts:export", args=["people", "csv"])))
    assert [rows[1][rows[0].index(c)] for c in ("notes", "notes_az", "notes_en")] == list(
        NOTES.values()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "content"),
    [
        ("people", _csv("full_name,notes,notes_az", "Perviz Altay,,Bakıda görüşüb.")),
        ("organizations", _csv("name,notes,notes_en", "İZAZDER,,Based in Izmir.")),
    ],
)
def test_import_refuses_a_note_in_another_language_without_its_turkish(board_client, kind, content):
    preview = _upload(board_client, content, f"{kind}.csv", kind=kind)

    assert "Give the note&#x27;s Turkish text too." in preview.content.decode()
    assert (Person.objects.count(), Organization.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_import_refuses_a_short_name_in_another_language_without_its_turkish(board_client):
    content = _csv("name,short_name,short_name_az", "İZAZDER,,İZAZDER-AZ")

    preview = _upload(board_client, content, "organizations.csv", kind="organizations")

    assert "Give the short name&#x27;s Turkish text too." in preview.content.decode()
    assert Organization.objects.count() == 0


# --- the admin ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["temaslarını", "görüşləri", "contacts in Baku"])
@pytest.mark.parametrize("model", [Organization, Person])
def test_admin_search_finds_a_note_in_every_language(model, typed):
    factory = OrganizationFactory if model is Organization else PersonFactory
    found = factory(**NOTES)
    factory()
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory()

    results, _distinct = model_admin.get_search_results(
        request, model_admin.get_queryset(request), typed
    )

    assert list(results) == [found]


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Organization, Person])
def test_admin_change_page_groups_the_notes_by_language(client, model):
    row = (OrganizationFactory if model is Organization else PersonFactory)(**NOTES)
    client.force_login(StaffFactory())

    page = client.get(
        reverse(f"admin:contacts_{model._meta.model_name}_change", args=[row.pk])
    ).content.decode()

    assert all(f'name="{column}"' in page for column in NOTES)
    assert page.index('name="notes_tr"') < page.index('name="notes_az"')


@pytest.mark.django_db
def test_a_name_given_only_in_azerbaijani_is_one_problem_on_the_file_s_name_column():
    """The model reports it on name_tr twice (blank, and by the rule) and the import once on
    name: the report names the file's own column, once."""
    dataset = tablib.Dataset(headers=["name", "name_az"])
    dataset.append(["", "Yeni Qurum MMC"])

    report = import_contacts(kind="organizations", dataset=dataset, dry_run=True)

    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (2, "name", "Give the Turkish text too: the other languages fall back to it.")
    ]
    assert Organization.objects.count() == 0
