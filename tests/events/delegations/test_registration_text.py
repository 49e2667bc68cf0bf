"""The delegation form takes names and members' files the way every other path does: text
cleaned by contacts.emails.clean_text(), and any unreadable file a message on its field,
never a 500; nothing is written when either says no."""

import csv

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.delegations.models import DelegationGroup, DelegationMember
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

REFUSED = ["\u200b", "A\x07", "A\x00", "A\x1b"]
MENDED = [("\u202eKan", "Kan"), ("Gu\u0308l", "Gül")]


def _post(client, event, *, csv_text=None, rows=(), **head):
    data = {
        "name": "Caspian Trade",
        "head_name": "Leyla Əliyeva",
        "head_email": "leyla@example.az",
        "head_language": "az",
        "country": "AZ",
        "consent": "on",
        "members-TOTAL_FORMS": str(len(rows)),
        "members-INITIAL_FORMS": "0",
        **head,
    }
    for index, (name, email, role) in enumerate(rows):
        data |= {
            f"members-{index}-full_name": name,
            f"members-{index}-email": email,
            f"members-{index}-role": role,
            f"members-{index}-language": "az",
        }
    if csv_text is not None:
        data["members_csv"] = SimpleUploadedFile(
            "members.csv", csv_text.encode(), content_type="text/csv"
        )
    return client.post(reverse("delegations:register", kwargs={"slug": event.slug}), data)


def _csv_errors(response):
    return response.context["form"].errors["members_csv"]


@pytest.mark.parametrize("text", REFUSED)
@pytest.mark.parametrize("field", ["full_name", "role"])
def test_register_page_refuses_unclean_member_text_in_a_row_and_names_the_row(client, text, field):
    event = EventFactory(capacity=20)
    row = {"full_name": "Murat Çelik", "role": "Buyer"} | {field: text}

    response = _post(
        client,
        event,
        rows=[
            ("Aysel Quliyeva", "aysel@example.az", ""),
            (row["full_name"], "m@x.tr", row["role"]),
        ],
    )

    assert response.status_code == 400
    errors = response.context["rows"].forms[1].errors[field]
    assert len(errors) == 1 and errors[0].startswith("Row 2: ")
    assert DelegationGroup.objects.count() == DelegationMember.objects.count() == 0


@pytest.mark.parametrize("text", REFUSED)
@pytest.mark.parametrize("field", ["head_name", "name"])
def test_register_page_refuses_unclean_head_and_delegation_names(client, text, field):
    event = EventFactory(capacity=20)

    response = _post(client, event, rows=[("Aysel", "aysel@example.az", "")], **{field: text})

    assert response.status_code == 400
    assert len(response.context["form"].errors[field]) == 1
    assert DelegationGroup.objects.count() == 0


@pytest.mark.parametrize("text", REFUSED)
@pytest.mark.parametrize("column", ["full_name", "role"])
def test_register_page_refuses_unclean_text_in_the_csv_and_names_the_line(client, text, column):
    event = EventFactory(capacity=20)
    cells = {"full_name": "Murat Çelik", "role": "Buyer"} | {column: text}
    csv_text = (
        "full_name,email,role,language\nAysel,aysel@example.az,,az\n"
        f'"{cells["full_name"]}",murat@example.tr,"{cells["role"]}",tr\n'
    )

    response = _post(client, event, csv_text=csv_text)

    assert response.status_code == 400
    errors = _csv_errors(response)
    assert len(errors) == 1 and errors[0].startswith("Line 3: ")
    assert DelegationGroup.objects.count() == DelegationMember.objects.count() == 0


@pytest.mark.parametrize(("typed", "stored"), MENDED)
def test_register_page_stores_names_from_rows_in_nfc_without_bidi_controls(client, typed, stored):
    event = EventFactory(capacity=20)

    _post(
        client,
        event,
        rows=[(typed, "m@example.tr", typed)],
        name=typed,
        head_name=typed,
    )

    group = DelegationGroup.objects.get()
    assert (group.name, group.head_name) == (stored, stored)
    assert list(group.members.values_list("full_name", "role")) == [(stored, stored)]


@pytest.mark.parametrize(("typed", "stored"), MENDED)
def test_register_page_stores_names_from_the_csv_in_nfc_without_bidi_controls(
    client, typed, stored
):
    event = EventFactory(capacity=20)

    _post(client, event, csv_text=f"full_name,email,role\n{typed},m@example.tr,{typed}\n")

    member = DelegationMember.objects.get()
    assert (member.full_name, member.role) == (stored, stored)


def test_a_member_saved_by_a_service_is_stored_in_nfc_without_bidi_controls():
    group = DelegationGroup.objects.create(
        event=EventFactory(),
        name="\u202eKan",
        head_name="Gu\u0308l",
        head_email="g@x.tr",
        country="TR",
        consent_at="2026-01-01T00:00Z",
    )
    member = DelegationMember.objects.create(
        group=group, full_name="Gu\u0308l", email="g@x.tr", role="\u202eKan"
    )

    group.refresh_from_db()
    member.refresh_from_db()
    assert (group.name, group.head_name, member.full_name, member.role) == (
        "Kan",
        "Gül",
        "Gül",
        "Kan",
    )


@pytest.mark.parametrize(
    ("csv_bytes", "message"),
    [
        (
            b"full_name,email\n" + b"A" * (csv.field_size_limit() + 1) + b",a@example.az\n",
            "Line 2: this line cannot be read as CSV",
        ),
        (b'full_name,email\n"Leyla\0,a@example.az\n', "Line 2: "),
        (b"full_name,email\n\xff\xfeLeyla,a@example.az\n", "The file is not UTF-8 text."),
        (
            b"full_name,email" + b",x" * 30 + b"\nLeyla,a@example.az\n",
            "Line 1: more than 20 columns.",
        ),
        (
            b"full_name,email\n" + b"".join(b"M%d,m%d@example.az\n" % (n, n) for n in range(101)),
            "A delegation can list at most 100 members.",
        ),
    ],
    ids=["field-over-csv-limit", "nul-in-quotes", "not-utf8", "too-many-columns", "too-many-rows"],
)
def test_register_page_reports_an_unreadable_members_file_on_its_field(client, csv_bytes, message):
    event = EventFactory(capacity=200)

    response = client.post(
        reverse("delegations:register", kwargs={"slug": event.slug}),
        {
            "head_name": "Leyla",
            "head_email": "leyla@example.az",
            "head_language": "az",
            "country": "AZ",
            "consent": "on",
            "members_csv": SimpleUploadedFile("members.csv", csv_bytes, content_type="text/csv"),
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 400
    errors = _csv_errors(response)
    assert len(errors) == 1 and errors[0].startswith(message)
    assert DelegationGroup.objects.count() == 0
