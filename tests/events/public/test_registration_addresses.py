"""One address per person, whichever path writes it, and names that are what they show."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from contacts.models import Person
from events.enums import DeliveryKind, RegistrationStatus
from events.models import Registration, ReminderDelivery
from events.services.registration import register_delegate
from tests.events.public.test_registration import form_data
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

# Each pair: what a delegate types, another spelling of the same mailbox, the stored form.
SAME_MAILBOX = [
    ("İlknur.Demir@example.com", "ilknur.demir@example.com", "ilknur.demir@example.com"),
    ("ILKNUR.DEMİR@EXAMPLE.COM", "ılknur.demır@example.com", "ilknur.demir@example.com"),
    ('"a.person"@example.org', "a.person@example.org", "a.person@example.org"),
    ("user@bücher.de", "user@xn--bcher-kva.de", "user@xn--bcher-kva.de"),
    ("x@ŞEHİR.com.tr", "x@şehir.com.tr", "x@xn--ehir-45a.com.tr"),
    ("ALPHA@X.ORG", "alpha@x.org", "alpha@x.org"),
]


def post(client, event, **fields):
    return client.post(reverse("events:register", args=[event.slug]), form_data(**fields))


@pytest.mark.parametrize(("first", "second", "stored"), SAME_MAILBOX)
def test_register_twice_with_two_spellings_of_one_mailbox_is_one_registration(
    client, django_capture_on_commit_callbacks, first, second, stored
):
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event, email=first)
    with django_capture_on_commit_callbacks(execute=True):
        again = post(client, event, email=second)

    assert list(Registration.objects.values_list("email", flat=True)) == [stored]
    # The second answer is the same "check your email" page, and the link goes out again.
    assert (response.status_code, again.status_code) == (302, 302)
    assert again["Location"] == response["Location"]
    assert [m.to for m in mail.outbox] == [[stored], [stored]]
    # The To: header is the plain ASCII address, never an RFC 2047 encoded word.
    assert [m.message()["To"] for m in mail.outbox] == [stored, stored]


def test_register_shows_the_address_as_stored(client):
    event = EventFactory()

    response = client.post(
        reverse("events:register", args=[event.slug]),
        form_data(email="İlknur.Demir@Example.com"),
        follow=True,
    )

    assert "We sent the email to ilknur.demir@example.com." in response.content.decode()


@pytest.mark.parametrize(
    "typed", ["şule@example.com", "gök@example.com", "əli@example.az", "данил@example.ru"]
)
def test_register_refuses_a_non_ascii_local_part_on_the_field(client, typed):
    event = EventFactory()

    response = post(client, event, email=typed)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["email"]
    assert "before the @" in response.context["form"].errors["email"][0]
    assert Registration.objects.count() == 0


def test_register_again_resends_at_most_the_configured_rate(
    client, settings, django_capture_on_commit_callbacks
):
    settings.REGISTRATION_RESEND_RATE = "2/h"
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        post(client, event, email="leyla@example.az")

    for _ in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            post(client, event, email="LEYLA@example.az")

    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 3  # the first email and two resends


def test_register_again_while_waitlisted_answers_the_waitlist_page(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=0)
    first = post(client, event, email="leyla@example.az")

    with django_capture_on_commit_callbacks(execute=True):
        again = post(client, event, email="Leyla@Example.az")

    assert again["Location"] == first["Location"]
    assert "outcome=waitlist" in again["Location"]
    assert ReminderDelivery.objects.filter(kind=DeliveryKind.REGISTRATION_WAITLISTED).count() == 2


@pytest.mark.parametrize(
    ("capacity", "holder_status", "outcome"),
    [
        # Full: the seat holder's address and a stranger's both read "waitlist".
        (1, RegistrationStatus.PENDING, "waitlist"),
        (1, RegistrationStatus.CONFIRMED, "waitlist"),
        # Seats left: a waitlisted address (left behind a group, say) and a stranger's both
        # read "pending" — the page never tells which state the address is in.
        (5, RegistrationStatus.WAITLISTED, "pending"),
        (5, RegistrationStatus.CONFIRMED, "pending"),
    ],
)
def test_register_with_a_registered_address_answers_as_a_new_address_would(
    client, capacity, holder_status, outcome
):
    event = EventFactory(capacity=capacity)
    RegistrationFactory(event=event, email="victim@example.org", status=holder_status)

    known = post(client, event, email="VICTIM@example.org")
    stranger = post(client, event, email="stranger@example.org")

    assert known["Location"] == stranger["Location"]
    assert f"outcome={outcome}" in known["Location"]


# --- other paths that write an address -------------------------------------------------------


def test_service_stores_the_normalised_address():
    registration = register_delegate(
        event=EventFactory(),
        full_name="İlknur Demir",
        email="İlknur.Demir@Bücher.de",
        country="TR",
        consent=True,
    )

    assert registration.email == "ilknur.demir@xn--bcher-kva.de"


def test_admin_edit_normalises_and_refuses_a_second_spelling(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, email="alpha@x.org")
    other = RegistrationFactory(event=event, email="beta@x.org")
    url = reverse("admin:events_registration_change", args=[other.pk])
    page = staff_client.get(url)
    data = {**page.context["adminform"].form.initial, "email": "ALPHA@X.ORG"}
    data = {k: ("" if v is None else v) for k, v in data.items()}

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "already" in str(response.context["adminform"].form.errors)
    other.refresh_from_db()
    assert other.email == "beta@x.org"


def test_admin_edit_stores_the_normalised_address(staff_client):
    registration = RegistrationFactory(email="typo@gmial.com")
    url = reverse("admin:events_registration_change", args=[registration.pk])
    page = staff_client.get(url)
    data = {**page.context["adminform"].form.initial, "email": "İlknur@GMAIL.com"}
    data = {k: ("" if v is None else v) for k, v in data.items()}

    staff_client.post(url, data)

    registration.refresh_from_db()
    assert registration.email == "ilknur@gmail.com"


def test_database_keeps_one_active_registration_per_mailbox_whatever_writes_it():
    event = EventFactory()
    RegistrationFactory(event=event, email="alpha@x.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event,
            full_name="Alpha",
            email="ALPHA@X.ORG",
            country="TR",
            consent_at=event.created_at,
        )
    # update() skips save(); the stored form is the same.
    cancelled = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    Registration.objects.filter(pk=cancelled.pk).update(email="Gamma@İzmir.com.tr")
    cancelled.refresh_from_db()
    assert cancelled.email == "gamma@izmir.com.tr"


def test_person_addresses_are_stored_normalised_from_forms_and_imports():
    person = PersonFactory(email="İlknur.Demir@Example.com")

    assert Person.objects.get(pk=person.pk).email == "ilknur.demir@example.com"


# --- names and other text fields -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Mu\u0308ller Ayşe", "Müller Ayşe"),
        ("\u202eLeyla\u202c Məmmədova", "Leyla Məmmədova"),
        ("\u2066Elçin\u2069 Məmmədov", "Elçin Məmmədov"),
    ],
)
def test_register_stores_names_in_nfc_without_bidi_controls(client, typed, stored):
    post(client, EventFactory(), full_name=typed)

    assert Registration.objects.get().full_name == stored


@pytest.mark.parametrize(
    "typed",
    [
        "\u200b",
        "\u200b\u200d\u200c",
        "\ufeff\u2060",
        "\u202e",
        # Letters and symbols by category that render as nothing.
        "\u3164",
        "\u2800",
        "\u115f\u1160",
        "\uffa0",
        "\u3164 \u2800 \u200b",
    ],
)
def test_register_refuses_a_name_of_invisible_characters(client, typed):
    response = post(client, EventFactory(), full_name=typed)

    assert response.context["form"].errors["full_name"] == [
        "Please enter your full name in visible letters."
    ]
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("field", ["full_name", "organization", "phone", "needs"])
@pytest.mark.parametrize("control", ["\x01", "\x07", "\x1b", "\x7f"])
def test_register_refuses_control_characters_in_every_text_field(client, field, control):
    value = {"phone": "+90 232{} 000", "needs": "Wheelchair{}"}.get(field, "Ali{}Veli")

    response = post(client, EventFactory(), **{field: value.format(control)})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert Registration.objects.count() == 0


def test_register_keeps_line_breaks_in_needs(client):
    post(client, EventFactory(), needs="Vegetarian\r\nWheelchair")

    assert Registration.objects.get().needs == "Vegetarian\r\nWheelchair"


@pytest.mark.parametrize("title", ["Forum\r\nBcc: x@example.org", "Forum\nDay two", "Forum\x0bX"])
def test_board_event_form_refuses_line_breaks_in_the_title(board_client, title):
    event = EventFactory(title="Forum")
    data = {"title_tr": title, "kind": event.kind, "venue": event.venue_id}

    response = board_client.post(reverse("board:event_edit", kwargs={"slug": event.slug}), data)

    event.refresh_from_db()
    assert event.title == "Forum"
    assert "title_tr" in response.context["form"].errors
