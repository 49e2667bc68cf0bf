import csv
import io
from datetime import date

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contacts import resources
from contacts.enums import OrganizationKind
from contacts.models import Affiliation, Organization, Person
from contacts.services.imports import import_contacts
from contacts.views import PENDING_IMPORT
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

PEOPLE_HEADER = "full_name,email,phone,country,preferred_language,organization,role,role_from"


def _csv(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def _xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(client, content: bytes, name: str, kind: str = "people"):
    return client.post(
        reverse("contacts:import"),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


def _confirm(client):
    token = client.session[PENDING_IMPORT]["token"]
    return client.post(reverse("contacts:import_confirm"), {"token": token}, follow=True)


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# --- export --------------------------------------------------------------------------------


def test_people_export_csv_has_one_row_per_role_and_keeps_turkish_letters(board_client):
    person = PersonFactory(full_name="Şəhla Ğasımova", email="sehla@example.az", country="AZ")
    AffiliationFactory(
        person=person,
        organization=OrganizationFactory(name="İZAZDER"),
        role="Başkan Yardımcısı",
        start=date(2020, 1, 1),
    )
    AffiliationFactory(
        person=person,
        organization=OrganizationFactory(name="Bakı Universiteti"),
        role="Müəllim",
        start=date(2010, 9, 1),
        end=date(2019, 6, 30),
    )
    PersonFactory(full_name="Ömer Işık", email="")

    response = board_client.get(reverse("contacts:export", args=["people", "csv"]))

    assert response["Content-Disposition"].startswith('attachment; filename="kardes40-people-')
    rows = _rows(response)
    assert rows[0][:4] == ["id", "full_name", "honorific", "email"]
    # organization, role (the Turkish title), role_from, role_until
    by_name = [(row[1], row[8], row[9], row[12], row[13]) for row in rows[1:]]
    assert by_name == [
        ("Ömer Işık", "", "", "", ""),
        ("Şəhla Ğasımova", "İZAZDER", "Başkan Yardımcısı", "2020-01-01", ""),
        ("Şəhla Ğasımova", "Bakı Universiteti", "Müəllim", "2010-09-01", "2019-06-30"),
    ]


def test_people_export_follows_the_search(board_client):
    PersonFactory(full_name="Rəşad İsmayilov")
    PersonFactory(full_name="Someone Else")

    response = board_client.get(
        reverse("contacts:export", args=["people", "xlsx"]), {"q": "ismayilov"}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[1] for row in sheet.iter_rows(values_only=True)] == [
        "full_name",
        "Rəşad İsmayilov",
    ]


def test_export_escapes_formulas_in_csv_and_keeps_them_text_in_xlsx(board_client):
    PersonFactory(full_name="Formula Person", notes='=HYPERLINK("http://evil")', phone="+90 232")

    csv_response = board_client.get(reverse("contacts:export", args=["people", "csv"]))
    xlsx_response = board_client.get(reverse("contacts:export", args=["people", "xlsx"]))

    row = _rows(csv_response)[1]
    assert (row[4], row[14]) == ("'+90 232", '\'=HYPERLINK("http://evil")')
    cell = openpyxl.load_workbook(io.BytesIO(xlsx_response.content)).active["O2"]
    assert (cell.data_type, cell.value) == ("s", '=HYPERLINK("http://evil")')


def test_people_export_query_count_is_constant(board_client, assert_constant_queries):
    AffiliationFactory()
    url = reverse("contacts:export", args=["people", "csv"])

    def grow():
        for _ in range(20):
            AffiliationFactory.create_batch(2, person=PersonFactory())

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=6)

    assert len(_rows(response)) == 1 + 1 + 40


def test_export_of_unknown_kind_is_not_found(board_client):
    response = board_client.get(reverse("contacts:export", args=["venues", "csv"]))

    assert response.status_code == 404


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_people_round_trip_keeps_turkish_names_and_roles(board_client, fmt):
    names = ["Rəşad İsmayilov", "Işıl Çağlayan", "Ğülşən Əliyeva", "Ümit Öztürk"]
    for index, name in enumerate(names):
        AffiliationFactory(
            person=PersonFactory(full_name=name, phone="+994 12 000 00 0" + str(index)),
            organization=OrganizationFactory(name=f"Şirkət {index}"),
            role="Müdür",
            start=date(2021, 3, index + 1),
        )
    exported = board_client.get(reverse("contacts:export", args=["people", fmt])).content
    before = sorted(
        Affiliation.objects.values_list(
            "person__full_name", "person__phone", "organization__name", "role", "start"
        )
    )
    Person.objects.all().delete()
    Organization.objects.all().delete()
    # The ids in the file point at deleted rows now; a fresh directory imports without them.
    if fmt == "csv":
        text = exported.decode("utf-8-sig").splitlines()
        exported = "\n".join([text[0]] + ["," + line.split(",", 1)[1] for line in text[1:]])
        exported = exported.encode("utf-8-sig")
    else:
        book = openpyxl.load_workbook(io.BytesIO(exported))
        for row in book.active.iter_rows(min_row=2):
            row[0].value = None
        buffer = io.BytesIO()
        book.save(buffer)
        exported = buffer.getvalue()

    preview = _upload(board_client, exported, f"people.{fmt}")
    response = _confirm(board_client)

    after = sorted(
        Affiliation.objects.values_list(
            "person__full_name", "person__phone", "organization__name", "role", "start"
        )
    )
    assert preview.context["report"].new == 4
    assert after == before
    assert "4 added, 0 updated, 0 unchanged" in response.content.decode()


def test_reimporting_an_export_changes_nothing(board_client):
    AffiliationFactory(person=PersonFactory(full_name="Nərgiz Paşayeva"), role="Sədr")
    exported = board_client.get(reverse("contacts:export", args=["people", "csv"])).content

    preview = _upload(board_client, exported, "people.csv")

    report = preview.context["report"]
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    assert Person.objects.count() == 1


# --- import: preview and all-or-nothing ----------------------------------------------------


def test_import_preview_writes_nothing_until_confirmed(board_client):
    content = _csv(
        PEOPLE_HEADER,
        "Elçin Məmmədov,elcin@example.az,,AZ,az,Azərbaycan Ticarət Palatası,Üzv,2022-01-01",
    )

    preview = _upload(board_client, content, "people.csv")

    assert Person.objects.count() == 0
    page = preview.content.decode()
    assert "1 to add, 0 to update, 0 unchanged" in page
    assert "adds the organization “Azərbaycan Ticarət Palatası”" in page

    _confirm(board_client)

    person = Person.objects.get()
    assert (person.full_name, person.country.code, person.preferred_language) == (
        "Elçin Məmmədov",
        "AZ",
        "az",
    )
    assert list(person.affiliations.values_list("organization__name", "role", "start")) == [
        ("Azərbaycan Ticarət Palatası", "Üzv", date(2022, 1, 1))
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_with_one_bad_row_imports_nothing_and_names_row_column_and_problem(
    board_client, fmt
):
    rows = [
        PEOPLE_HEADER.split(","),
        ["Good One", "good1@example.org", "", "TR", "tr", "", "", ""],
        ["Bad Email", "not-an-email", "", "TR", "tr", "", "", ""],
        ["Good Two", "good2@example.org", "", "Atlantis", "tr", "Some Org", "", "2020-02-30"],
    ]
    content = _csv(*[",".join(row) for row in rows]) if fmt == "csv" else _xlsx(rows)

    response = _upload(board_client, content, f"people.{fmt}")

    problems = [(p.row, p.column, p.message) for p in response.context["report"].problems]
    assert problems == [
        (3, "email", "Please enter a valid email address, such as name@example.com."),
        (4, "country", "“Atlantis” is not a country; use a two-letter code such as TR or AZ."),
        (4, "role", "Give the role held in “Some Org”."),
        (4, "role_from", "“2020-02-30” is not a date; write it as 2026-11-22."),
    ]
    page = response.content.decode()
    assert "Nothing was imported" in page
    assert PENDING_IMPORT not in board_client.session
    assert (Person.objects.count(), Organization.objects.count()) == (0, 0)


def test_import_confirm_writes_nothing_if_the_directory_changed_since_the_preview(board_client):
    existing = PersonFactory(full_name="Will Be Deleted")
    content = _csv("id,full_name", f"{existing.pk},Will Be Deleted", ",Brand New")
    _upload(board_client, content, "people.csv")
    existing.delete()

    response = _confirm(board_client)

    assert list(Person.objects.values_list("full_name", flat=True)) == []
    assert [(p.row, p.column) for p in response.context["report"].problems] == [(2, "id")]


def test_import_confirm_twice_imports_once(board_client):
    _upload(board_client, _csv("full_name", "Only Once"), "people.csv")
    token = board_client.session[PENDING_IMPORT]["token"]
    board_client.post(reverse("contacts:import_confirm"), {"token": token})

    again = board_client.post(reverse("contacts:import_confirm"), {"token": token}, follow=True)

    assert Person.objects.filter(full_name="Only Once").count() == 1
    assert "That import was already done or has expired" in again.content.decode()


def test_import_matches_existing_people_by_email_then_turkish_aware_name(board_client):
    by_email = PersonFactory(full_name="Old Name", email="aysel@example.az")
    by_name = PersonFactory(full_name="İsmayil İsmayilov", email="")
    content = _csv(
        "full_name,email,city",
        "Aysel Quliyeva,AYSEL@example.az,Bakı",
        "ISMAYIL ISMAYILOV,,Gəncə",
    )

    _upload(board_client, content, "people.csv")
    _confirm(board_client)

    by_email.refresh_from_db()
    by_name.refresh_from_db()
    assert (by_email.full_name, by_email.city) == ("Aysel Quliyeva", "Bakı")
    assert (by_name.full_name, by_name.city) == ("ISMAYIL ISMAYILOV", "Gəncə")
    assert Person.objects.count() == 2


def test_import_reads_turkish_excel_csv_with_semicolons(board_client):
    content = _csv("full_name;city;country", "Şükrü Çağlar;İzmir;Türkiye", encoding="cp1254")

    _upload(board_client, content, "kişiler.csv")
    _confirm(board_client)

    person = Person.objects.get()
    assert (person.full_name, person.city, person.country.code) == ("Şükrü Çağlar", "İzmir", "TR")


def test_import_strips_the_formula_guard_of_our_own_exports(board_client):
    content = _csv("full_name,phone,notes", "Guarded,'+90 232 000,'=1+1")

    _upload(board_client, content, "people.csv")
    _confirm(board_client)

    assert Person.objects.values_list("phone", "notes").get() == ("+90 232 000", "=1+1")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.pdf", b"%PDF", "Upload a .csv or .xlsx file."),
        ("people.csv", b"", "The submitted file is empty."),
        (
            "people.csv",
            _csv("email", "x@example.org"),
            "The first row has no column named “full_name”.",
        ),
        ("people.csv", _csv("full_name,full_name", "a,b"), "The column “full_name” appears twice."),
        ("people.xlsx", b"not a zip", "This is not an Excel (.xlsx) workbook."),
        ("people.csv", _csv("full_name", "a,extra"), "Row 2 has more cells than the first row"),
    ],
)
def test_import_unreadable_file_is_reported_next_to_the_field(board_client, name, content, message):
    response = _upload(board_client, content, name)

    assert message in " ".join(response.context["form"].errors["file"])
    assert PENDING_IMPORT not in board_client.session
    assert Person.objects.count() == 0


def test_organization_import_updates_by_name_and_reads_kind_labels(board_client):
    existing = OrganizationFactory(name="İzmir Büyükşehir Belediyesi", city="")
    content = _csv(
        "name,short_name,kind,country,city",
        "İZMİR BÜYÜKŞEHİR BELEDİYESİ,İBB,Municipality,TR,İzmir",
        "Bakı Şəhər İcra Hakimiyyəti,,state_body,AZ,Bakı",
    )

    _upload(board_client, content, "organizations.csv", kind="organizations")
    _confirm(board_client)

    existing.refresh_from_db()
    assert (existing.short_name, existing.kind, existing.city) == (
        "İBB",
        OrganizationKind.MUNICIPALITY,
        "İzmir",
    )
    assert Organization.objects.count() == 2


def test_organization_import_unknown_kind_is_reported(board_client):
    content = _csv("name,kind", "Some Org,spaceship")

    response = _upload(board_client, content, "organizations.csv", kind="organizations")

    [problem] = response.context["report"].problems
    assert (problem.row, problem.column) == (2, "kind")
    assert problem.message.startswith("“spaceship” is not one of: association, ")
    assert Organization.objects.count() == 0


@pytest.mark.parametrize("resource", ["PersonResource", "OrganizationResource"])
def test_both_resources_import_all_or_nothing_with_per_row_validation(resource):
    # The options live once, on ContactResource.Meta; each resource must still carry them.

    options = getattr(resources, resource)._meta

    assert options.model is not None
    assert (options.use_transactions, options.clean_model_instances) == (True, True)
    assert (options.skip_unchanged, options.report_skipped, options.store_row_values) == (
        True,
        True,
        True,
    )


# --- role titles in each language ---------------------------------------------------------


def test_people_export_carries_the_role_title_in_each_language(board_client):
    AffiliationFactory(
        person=PersonFactory(full_name="Perviz Altay"),
        organization=OrganizationFactory(name="İZAZDER"),
        role_tr="Başkan",
        role_az="Sədr",
        role_en="Chair",
    )

    # Whatever the page's language, `role` is the Turkish title.
    response = board_client.get(
        reverse("contacts:export", args=["people", "csv"]), HTTP_ACCEPT_LANGUAGE="en"
    )

    header, row = _rows(response)
    values = dict(zip(header, row, strict=True))
    assert (values["role"], values["role_az"], values["role_en"]) == ("Başkan", "Sədr", "Chair")


def test_people_import_writes_the_role_title_in_each_language(board_client):
    content = _csv(
        "full_name,organization,role,role_az,role_en",
        "Perviz Altay,İZAZDER,Başkan,Sədr,Chair",
    )

    _upload(board_client, content, "people.csv")
    _confirm(board_client)

    assert Affiliation.objects.values_list("role_tr", "role_az", "role_en").get() == (
        "Başkan",
        "Sədr",
        "Chair",
    )


def test_people_import_adds_a_translation_to_an_existing_role_and_keeps_the_rest(board_client):
    AffiliationFactory(
        person=PersonFactory(full_name="Perviz Altay", email=""),
        organization=OrganizationFactory(name="İZAZDER"),
        role_tr="Başkan",
        role_az="Sədr",
    )
    content = _csv(
        "full_name,organization,role,role_az,role_en", "Perviz Altay,İZAZDER,Başkan,,Chair"
    )

    preview = _upload(board_client, content, "people.csv")
    _confirm(board_client)

    assert preview.context["report"].updated == 1
    assert Affiliation.objects.values_list("role_tr", "role_az", "role_en").get() == (
        "Başkan",
        "Sədr",
        "Chair",
    )


def test_people_import_refuses_a_translated_role_without_its_turkish(board_client):
    content = _csv("full_name,organization,role,role_az,role_en", "Perviz Altay,İZAZDER,,Sədr,")

    preview = _upload(board_client, content, "people.csv")

    assert "Give the role&#x27;s Turkish title too." in preview.content.decode()
    assert Affiliation.objects.count() == 0


def test_reimporting_an_export_with_translated_roles_changes_nothing(board_client):
    AffiliationFactory(
        person=PersonFactory(full_name="Nərgiz Paşayeva"), role_tr="Başkan", role_en="Chair"
    )
    exported = board_client.get(reverse("contacts:export", args=["people", "csv"])).content

    preview = _upload(board_client, exported, "people.csv")

    report = preview.context["report"]
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "stored"),
    [("az-AZ", "az"), ("EN", "en"), ("en_GB", "en"), ("Azerbaijani", "az"), ("", "tr")],
)
def test_a_person_s_language_is_read_as_people_write_it(typed, stored):
    """As a typed ?lang= and a delegation's members file are: a region tag is its language."""
    dataset = tablib.Dataset(headers=["full_name", "preferred_language"])
    dataset.append(["Elçin Məmmədov", typed])

    report = import_contacts(kind="people", dataset=dataset, dry_run=False)

    assert report.problems == []
    assert Person.objects.get().preferred_language == stored
