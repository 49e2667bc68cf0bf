"""Delegations as a unit: all seats or none, waitlisted and promoted whole, confirmed and
cancelled by the head for everyone, each member mailed in their own language."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from events.delegations.forms import members_from_csv
from events.delegations.links import make_group_token
from events.delegations.models import DelegationGroup, GroupStatus
from events.delegations.services import (
    DelegationError,
    MemberData,
    cancel_group,
    confirm_group,
    register_group,
    sweep_groups,
)
from events.enums import RegistrationStatus
from tests.factories import DelegationVisitFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _members(count, prefix="m", language="az"):
    return [
        MemberData(f"Member {prefix}{i}", f"{prefix}{i}@example.az", "Trade", language)
        for i in range(count)
    ]


def _register(event, count, prefix="m", **kwargs):
    return register_group(
        event=event,
        name=f"Delegation {prefix}",
        head_name="Rəşad Məmmədov",
        head_email=f"head-{prefix}@example.az",
        head_language="az",
        members=_members(count, prefix),
        consent=True,
        **{"country": "AZ", **kwargs},
    )


@pytest.mark.parametrize(
    ("country", "zone"), [("AZ", "Asia/Baku"), ("DE", "Europe/Berlin"), ("US", "Europe/Istanbul")]
)
def test_a_delegation_reads_times_in_its_country_zone_or_the_venue_zone(country, zone):
    """The members' zone is their country's when it keeps one clock, else the venue's (İzmir
    here): no "your time" line in a zone they may not be in."""
    event = EventFactory(capacity=10)

    _register(event, 2, country=country)

    assert set(event.registrations.values_list("time_zone", flat=True)) == {zone}


def _statuses(event):
    return sorted(event.registrations.values_list("status", flat=True))


def test_register_group_holds_a_seat_for_every_member(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)

    with django_capture_on_commit_callbacks(execute=True):
        group = _register(event, 4)

    assert group.status == GroupStatus.HELD
    assert _statuses(event) == [RegistrationStatus.PENDING] * 4
    assert [m.to for m in mail.outbox] == [["head-m@example.az"]]
    assert "4" in mail.outbox[0].body and f"/delegations/{group.pk}/" in mail.outbox[0].body


def test_register_group_that_does_not_fit_waits_whole():
    event = EventFactory(capacity=5)
    RegistrationFactory.create_batch(3, event=event)

    group = _register(event, 3)

    assert group.status == GroupStatus.WAITLISTED
    assert _statuses(event) == [RegistrationStatus.CONFIRMED] * 3


def test_register_group_refuses_a_member_already_registered_and_writes_nothing():
    event = EventFactory(capacity=10)
    RegistrationFactory(event=event, email="m1@example.az")

    with pytest.raises(DelegationError):
        _register(event, 3)

    assert DelegationGroup.objects.count() == 0
    assert event.registrations.count() == 1


def test_confirm_group_mails_each_member_in_their_own_language(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)
    group = register_group(
        event=event,
        name="İzmir Ticaret",
        head_name="Ayşe Yılmaz",
        head_email="ayse@example.tr",
        head_language="tr",
        country="TR",
        members=[
            MemberData("Ayşe Yılmaz", "ayse@example.tr", "Head", "tr"),
            MemberData("Elvin Quliyev", "elvin@example.az", "Interpreter", "az"),
        ],
        consent=True,
    )

    with django_capture_on_commit_callbacks(execute=True):
        confirm_group(group=group)

    to_members = {m.to[0]: m for m in mail.outbox if m.attachments}
    assert _statuses(event) == [RegistrationStatus.CONFIRMED] * 2
    assert set(to_members) == {"ayse@example.tr", "elvin@example.az"}
    assert "onaylandı" in to_members["ayse@example.tr"].subject.lower()
    assert "təsdiq" in to_members["elvin@example.az"].subject.lower()
    assert [len(m.attachments) for m in to_members.values()] == [2, 2]  # .ics and QR


def test_cancel_group_frees_every_seat_and_promotes_a_waiting_group_that_fits():
    event = EventFactory(capacity=6)
    first = _register(event, 4, "a")
    waiting = _register(event, 3, "b")

    cancel_group(group=first)

    waiting.refresh_from_db()
    first.refresh_from_db()
    assert (first.status, waiting.status) == (GroupStatus.CANCELLED, GroupStatus.HELD)
    assert event.registrations.holding_seat().count() == 3


def test_a_waiting_group_is_never_split_by_free_seats():
    event = EventFactory(capacity=6)
    _register(event, 4, "a")
    big = _register(event, 5, "b")  # 2 seats free: the group of 5 does not fit

    result = sweep_groups()

    big.refresh_from_db()
    assert (result["promoted_groups"], big.status) == (0, GroupStatus.WAITLISTED)
    assert big.members.filter(registration__isnull=False).count() == 0


def test_sweep_groups_releases_a_group_past_its_deadline():
    event = EventFactory(capacity=10)
    group = _register(event, 3)

    result = sweep_groups(now=group.expires_at + timedelta(minutes=1))

    group.refresh_from_db()
    assert (result["expired_groups"], group.status) == (1, GroupStatus.EXPIRED)
    assert event.registrations.holding_seat().count() == 0


def test_register_page_takes_members_from_a_csv_file(client):
    event = EventFactory(capacity=20)
    csv_file = SimpleUploadedFile(
        "members.csv",
        "full_name,email,role,language\nLeyla Əliyeva,leyla@example.az,CEO,az\n"
        "Murat Çelik,murat@example.tr,Buyer,tr\n".encode(),
        content_type="text/csv",
    )

    response = client.post(
        reverse("delegations:register", kwargs={"slug": event.slug}),
        {
            "name": "Caspian Trade",
            "head_name": "Leyla Əliyeva",
            "head_email": "leyla@example.az",
            "head_language": "az",
            "country": "AZ",
            "consent": "on",
            "members_csv": csv_file,
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
        },
    )

    group = DelegationGroup.objects.get()
    assert response["Location"] == reverse(
        "delegations:manage", kwargs={"pk": group.pk, "token": make_group_token(group)}
    )
    assert sorted(group.members.values_list("email", "language")) == [
        ("leyla@example.az", "az"),
        ("murat@example.tr", "tr"),
    ]


@pytest.mark.parametrize("language", ["az", "en", "tr"])
def test_the_delegation_form_starts_in_the_page_language(client, language):
    """The head's language and every member row's start as the page's: an /az/ page that
    sent Turkish unless each select was changed registered Azerbaijani heads in Turkish."""
    event = EventFactory(capacity=20)
    with translation.override(language):
        address = reverse("delegations:register", kwargs={"slug": event.slug})

    page = client.get(address).content.decode()

    selected = re.findall(
        r'<select name="([^"]*language)"[^>]*>.*?<option value="(\w+)"[^>]*selected', page, re.S
    )
    assert selected and {value for _name, value in selected} == {language}
    assert {name for name, _value in selected} >= {"head_language", "members-0-language"}


def test_members_without_a_language_take_the_heads(client):
    event = EventFactory(capacity=20)
    csv_file = SimpleUploadedFile(
        "members.csv", b"full_name,email\nElnur,elnur@example.az\n", content_type="text/csv"
    )
    fields = {
        "head_name": "Leyla",
        "head_email": "leyla@example.az",
        "head_language": "az",
        "country": "AZ",
        "consent": "on",
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-0-full_name": "Aysel",
        "members-0-email": "aysel@example.az",
    }
    address = reverse("delegations:register", kwargs={"slug": event.slug})

    client.post(address, fields)
    client.post(address, {**fields, "head_email": "head2@example.az", "members_csv": csv_file})

    assert sorted(DelegationGroup.objects.values_list("members__email", "members__language")) == [
        ("aysel@example.az", "az"),
        ("elnur@example.az", "az"),
    ]


def test_register_page_names_the_bad_csv_line_and_writes_nothing(client):
    event = EventFactory(capacity=20)
    csv_file = SimpleUploadedFile(
        "members.csv", b"full_name,email\nLeyla,not-an-email\n", content_type="text/csv"
    )

    response = client.post(
        reverse("delegations:register", kwargs={"slug": event.slug}),
        {
            "head_name": "Leyla",
            "head_email": "leyla@example.az",
            "head_language": "az",
            "country": "AZ",
            "consent": "on",
            "members_csv": csv_file,
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 400
    assert "Line 2" in response.content.decode()
    assert DelegationGroup.objects.count() == 0


def test_head_confirms_for_everyone_from_the_link(client):
    event = EventFactory(capacity=10, start=timezone.now() + timedelta(days=5))
    group = _register(event, 2)
    token = make_group_token(group)

    client.post(reverse("delegations:confirm", kwargs={"pk": group.pk, "token": token}))

    group.refresh_from_db()
    assert group.status == GroupStatus.CONFIRMED
    assert _statuses(event) == [RegistrationStatus.CONFIRMED] * 2


def test_visit_page_shows_who_of_the_delegation_came_to_what(board_client):

    visit = DelegationVisitFactory()
    event = EventFactory(capacity=10, title="Caspian Business Forum")
    group = _register(event, 2)
    group.delegation_visit = visit
    group.save()
    member = group.members.first()
    member.registration.attended_at = timezone.now()
    member.registration.save()

    response = board_client.get(reverse("contacts:visit", args=[visit.pk]))

    page = response.content.decode()
    assert "Caspian Business Forum" in page
    assert f"{member.full_name} (Trade) · checked in" in page


# --- addresses: the one normal form (contacts.emails.normalize_email) ------------------------


def test_two_spellings_of_one_mailbox_in_a_delegation_are_one_member_listed_twice():
    members = [
        MemberData("İlknur Demir", "İlknur.Demir@Example.com", "", "tr"),
        MemberData("Ilknur Demir", "ilknur.demir@example.com", "", "tr"),
    ]

    with pytest.raises(DelegationError) as error:
        register_group(
            event=EventFactory(capacity=10),
            name="Delegation",
            head_name="Head",
            head_email="head@example.az",
            head_language="az",
            country="AZ",
            members=members,
            consent=True,
        )

    assert error.value.code == "duplicate"
    assert DelegationGroup.objects.count() == 0


def test_delegation_addresses_are_stored_in_their_normal_form():
    group = register_group(
        event=EventFactory(capacity=10),
        name="Delegation",
        head_name="Head",
        head_email='"HEAD"@Bücher.de',
        head_language="az",
        country="AZ",
        members=[MemberData("Member", "MEMBER@ŞEHİR.com.tr", "", "az")],
        consent=True,
    )

    group.refresh_from_db()
    assert group.head_email == "head@xn--bcher-kva.de"
    assert [m.email for m in group.members.all()] == ["member@xn--ehir-45a.com.tr"]
    assert list(group.event.registrations.values_list("email", flat=True)) == [
        "member@xn--ehir-45a.com.tr"
    ]


@pytest.mark.parametrize("address", ["şule@example.az", '"a"."b"@x.de', "a@xn--zz.de"])
def test_delegation_member_address_that_is_not_deliverable_is_refused(address):
    with pytest.raises(DelegationError):
        register_group(
            event=EventFactory(capacity=10),
            name="Delegation",
            head_name="Head",
            head_email="head@example.az",
            head_language="az",
            country="AZ",
            members=[MemberData("Member", address, "", "az")],
            consent=True,
        )
    assert DelegationGroup.objects.count() == 0


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("members.csv", text.encode(), content_type="text/csv")


def test_a_members_file_reads_languages_as_people_write_them():
    """ "az-AZ", "EN", "en_GB" are languages we write in, as the feed reads ?lang=."""
    members = members_from_csv(
        _csv(
            "full_name,email,language\nLeyla,leyla@example.az,az-AZ\n"
            "Tom,tom@example.org,EN\nAnn,ann@example.org,en_GB\n"
        )
    )

    assert [member.language for member in members] == ["az", "en", "en"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (",leyla@example.az,az", "Line 2: the name is missing."),
        (
            "Leyla,leyla@example.az,de",
            "Line 2: “de” is not one of our languages: write tr, az or en.",
        ),
    ],
)
def test_a_members_file_says_which_of_its_problems_a_line_has(line, message):
    with pytest.raises(ValidationError) as refused:
        members_from_csv(_csv(f"full_name,email,language\n{line}\n"))

    assert refused.value.messages == [message]
