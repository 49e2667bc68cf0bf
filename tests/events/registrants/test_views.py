import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.enums import DatePrecision, RegistrationStatus
from events.tokens import CHECK_IN, SELF_SERVICE, make_token
from tests.factories import (
    BoardMemberFactory,
    CheckedInRegistrationFactory,
    EventFactory,
    RegistrationFactory,
    TodayEventFactory,
    UserFactory,
    user_with_permissions,
)

pytestmark = pytest.mark.django_db


def _urls(event, registration):
    token = make_token(registration, purpose=CHECK_IN)
    return {
        "index": reverse("registrants:index"),
        "list": reverse("registrants:list", args=[event.slug]),
        "export": reverse("registrants:export", args=[event.slug, "csv"]),
        "door": reverse("registrants:door", args=[event.slug]),
        "sheet": reverse("registrants:sheet", args=[event.slug]),
        "qr": reverse("registrants:qr", args=[event.slug, registration.pk]),
        "checkin": reverse("registrants:checkin", args=[token]),
    }


def test_registrant_pages_send_anonymous_visitors_to_login(client):
    registration = RegistrationFactory(event=TodayEventFactory())

    for name, url in _urls(registration.event, registration).items():
        response = client.get(url)
        assert (name, response.status_code) == (name, 302)
        assert response["Location"].startswith(reverse("login")), name


def test_registrant_pages_refuse_users_without_permission(client):
    registration = RegistrationFactory(event=TodayEventFactory())
    client.force_login(UserFactory())

    statuses = {
        name: client.get(url).status_code
        for name, url in _urls(registration.event, registration).items()
    }

    assert statuses == dict.fromkeys(statuses, 403)


def test_door_and_scan_need_change_permission(client):
    registration = RegistrationFactory(event=TodayEventFactory())
    client.force_login(user_with_permissions("events.view_registration", "events.view_event"))
    urls = _urls(registration.event, registration)

    statuses = {name: client.get(urls[name]).status_code for name in ("list", "door", "checkin")}
    post = client.post(
        reverse("registrants:door_check_in", args=[registration.event.slug, registration.pk])
    )

    registration.refresh_from_db()
    assert statuses == {"list": 200, "door": 403, "checkin": 403}
    assert post.status_code == 403
    assert registration.attended_at is None


def test_registrant_list_shows_every_status(board_client):
    event = TodayEventFactory()
    RegistrationFactory(event=event, full_name="Ayşe Pending", status=RegistrationStatus.PENDING)
    RegistrationFactory(event=event, full_name="Elvin Confirmed")
    CheckedInRegistrationFactory(event=event, full_name="Leyla Attended")
    RegistrationFactory(
        event=event, full_name="Murad Waiting", status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(event=event, full_name="Nigar Gone", status=RegistrationStatus.CANCELLED)

    content = board_client.get(reverse("registrants:list", args=[event.slug])).content.decode()

    for name in (
        "Ayşe Pending",
        "Elvin Confirmed",
        "Leyla Attended",
        "Murad Waiting",
        "Nigar Gone",
    ):
        assert name in content
    assert content.count('badge text-bg-success">Attended<') == 1


def test_registrant_search_is_turkish_aware(board_client):
    event = EventFactory()
    RegistrationFactory(event=event, full_name="Rəşad İsmayilov")
    RegistrationFactory(event=event, full_name="Zeynep Çelik", email="zeynep@izmir.example")

    response = board_client.get(reverse("registrants:list", args=[event.slug]), {"q": "ismayilov"})
    by_email = board_client.get(reverse("registrants:list", args=[event.slug]), {"q": "ZEYNEP@"})

    names = [r.full_name for r in response.context["page"].object_list]
    assert names == ["Rəşad İsmayilov"]
    assert [r.full_name for r in by_email.context["page"].object_list] == ["Zeynep Çelik"]


def test_registrant_filter_attended_lists_only_checked_in(board_client):
    event = TodayEventFactory()
    RegistrationFactory(event=event, full_name="Not Yet")
    CheckedInRegistrationFactory(event=event, full_name="Already In")

    attended = board_client.get(
        reverse("registrants:list", args=[event.slug]), {"status": "attended"}
    )
    confirmed = board_client.get(
        reverse("registrants:list", args=[event.slug]), {"status": "confirmed"}
    )

    assert [r.full_name for r in attended.context["page"].object_list] == ["Already In"]
    assert [r.full_name for r in confirmed.context["page"].object_list] == ["Not Yet"]


def test_registrant_filter_unknown_status_is_reported_and_ignored(board_client):
    event = EventFactory()
    RegistrationFactory(event=event, full_name="Still Listed")

    response = board_client.get(reverse("registrants:list", args=[event.slug]), {"status": "vip"})

    assert "Select a valid choice" in response.content.decode()
    assert [r.full_name for r in response.context["page"].object_list] == ["Still Listed"]


def test_registrant_list_query_count_is_constant(board_client, assert_constant_queries):
    event = EventFactory()
    RegistrationFactory(event=event)
    url = reverse("registrants:list", args=[event.slug])

    def grow():
        RegistrationFactory.create_batch(30, event=event)

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=8)

    assert len(response.context["page"].object_list) == 31


def test_registrant_index_query_count_is_constant(board_client, assert_constant_queries):
    RegistrationFactory(event=EventFactory())
    url = reverse("registrants:index")

    def grow():
        for _ in range(5):
            RegistrationFactory.create_batch(3, event=EventFactory())

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=6)

    assert len(response.context["page"].object_list) == 6


def test_registrant_export_csv_keeps_turkish_letters(board_client):
    event = EventFactory()
    RegistrationFactory(event=event, full_name="Şəhla Ğasımova İsmayilova", organization="İZAZDER")
    CheckedInRegistrationFactory(event=event, full_name="Ömer Işık")

    response = board_client.get(reverse("registrants:export", args=[event.slug, "csv"]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Email", "Organization"]
    assert [row[0] for row in rows[1:]] == ["Şəhla Ğasımova İsmayilova", "Ömer Işık"]
    assert [row[6] for row in rows[1:]] == ["Confirmed", "Attended"]


def test_registrant_export_xlsx_follows_the_filters(board_client):
    event = EventFactory()
    RegistrationFactory(event=event, full_name="Günay Əliyeva")
    RegistrationFactory(event=event, full_name="Other Person", status=RegistrationStatus.PENDING)

    response = board_client.get(
        reverse("registrants:export", args=[event.slug, "xlsx"]), {"status": "confirmed"}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Name", "Günay Əliyeva"]


def test_registrant_export_unknown_format_is_not_found(board_client):
    event = EventFactory()

    response = board_client.get(reverse("registrants:export", args=[event.slug, "pdf"]))

    assert response.status_code == 404


def test_door_lists_confirmed_registrants_in_turkish_order(board_client):
    event = TodayEventFactory()
    for name in ("Zeynep", "Çelik", "Cemil", "Ömer"):
        RegistrationFactory(event=event, full_name=name)
    RegistrationFactory(event=event, full_name="Pending Person", status=RegistrationStatus.PENDING)

    response = board_client.get(
        reverse("registrants:door", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="tr"
    )

    names = [r.full_name for r in response.context["page"].object_list]
    assert names == ["Cemil", "Çelik", "Ömer", "Zeynep"]


def test_door_search_explains_registrations_without_a_seat(board_client):
    event = TodayEventFactory()
    RegistrationFactory(event=event, full_name="Fuad Waiting", status=RegistrationStatus.WAITLISTED)

    response = board_client.get(reverse("registrants:door", args=[event.slug]), {"q": "fuad"})

    content = response.content.decode()
    assert "No confirmed registration matches “fuad”." in content
    assert "Fuad Waiting is on the waitlist and has no seat" in content


def test_door_check_in_marks_attended_and_returns_to_search(board_client):
    registration = RegistrationFactory(event=TodayEventFactory(), full_name="Aysel İsmayilova")
    url = reverse("registrants:door_check_in", args=[registration.event.slug, registration.pk])

    response = board_client.post(url, {"q": "ismayilova"}, follow=True)

    registration.refresh_from_db()
    assert registration.attended_at is not None
    assert response.redirect_chain[-1][0].endswith("/door/?q=ismayilova")
    content = response.content.decode()
    assert "Aysel İsmayilova is checked in" in content
    assert "Checked in at" in content


def test_door_check_in_twice_reports_the_first_time(board_client):
    registration = CheckedInRegistrationFactory()
    first = registration.attended_at
    url = reverse("registrants:door_check_in", args=[registration.event.slug, registration.pk])

    response = board_client.post(url, follow=True)

    registration.refresh_from_db()
    assert registration.attended_at == first
    assert "was already checked in at" in response.content.decode()


def test_door_check_in_of_pending_registration_is_refused(board_client):
    registration = RegistrationFactory(
        event=TodayEventFactory(), status=RegistrationStatus.PENDING, full_name="Kamal Pending"
    )
    url = reverse("registrants:door_check_in", args=[registration.event.slug, registration.pk])

    response = board_client.post(url, follow=True)

    registration.refresh_from_db()
    assert registration.attended_at is None
    assert "Kamal Pending has not confirmed the registration" in response.content.decode()


def test_door_check_in_of_another_events_registration_is_not_found(board_client):
    registration = RegistrationFactory(event=TodayEventFactory())
    other = TodayEventFactory()

    response = board_client.post(
        reverse("registrants:door_check_in", args=[other.slug, registration.pk])
    )

    registration.refresh_from_db()
    assert response.status_code == 404
    assert registration.attended_at is None


def test_door_check_in_needs_csrf_token():
    registration = RegistrationFactory(event=TodayEventFactory())
    client = Client(enforce_csrf_checks=True)
    client.force_login(BoardMemberFactory())

    response = client.post(
        reverse("registrants:door_check_in", args=[registration.event.slug, registration.pk])
    )

    registration.refresh_from_db()
    assert response.status_code == 403
    assert registration.attended_at is None


def test_door_check_in_by_get_is_not_allowed(board_client):
    registration = RegistrationFactory(event=TodayEventFactory())

    response = board_client.get(
        reverse("registrants:door_check_in", args=[registration.event.slug, registration.pk])
    )

    registration.refresh_from_db()
    assert response.status_code == 405
    assert registration.attended_at is None


def test_scan_shows_registrant_and_one_tap_button(board_client):
    registration = RegistrationFactory(event=TodayEventFactory(), full_name="Tural Həsənov")
    url = reverse("registrants:checkin", args=[make_token(registration, purpose=CHECK_IN)])

    content = board_client.get(url).content.decode()

    registration.refresh_from_db()
    assert "Tural Həsənov" in content
    assert (
        '<button type="submit" class="btn btn-success btn-lg w-100 py-3 fs-4">Check in' in content
    )
    assert registration.attended_at is None


def test_scan_post_checks_in_and_shows_time(board_client):
    member = BoardMemberFactory(username="ayse")
    board_client.force_login(member)
    registration = RegistrationFactory(event=TodayEventFactory(), full_name="Tural Həsənov")
    url = reverse("registrants:checkin", args=[make_token(registration, purpose=CHECK_IN)])

    response = board_client.post(url, follow=True)

    registration.refresh_from_db()
    assert registration.attended_at is not None
    assert registration.checked_in_by == member
    content = response.content.decode()
    assert "Tural Həsənov is checked in" in content
    assert "by ayse" in content


def test_scan_with_tampered_token_changes_nothing(board_client):
    registration = RegistrationFactory(event=TodayEventFactory())
    token = make_token(registration, purpose=CHECK_IN)
    tampered = token[:-3] + ("x" if token[-3] != "x" else "y") + token[-2:]

    response = board_client.post(reverse("registrants:checkin", args=[tampered]))

    registration.refresh_from_db()
    assert response.status_code == 400
    assert "This check-in code is not valid" in response.content.decode()
    assert registration.attended_at is None


def test_scan_with_self_service_token_changes_nothing(board_client):
    registration = RegistrationFactory(event=TodayEventFactory())
    token = make_token(registration, purpose=SELF_SERVICE)

    response = board_client.post(reverse("registrants:checkin", args=[token]))

    registration.refresh_from_db()
    assert response.status_code == 400
    assert registration.attended_at is None


def test_scan_of_cancelled_registration_shows_reason_and_changes_nothing(board_client):
    registration = RegistrationFactory(
        event=TodayEventFactory(), status=RegistrationStatus.CANCELLED, full_name="Orxan Gone"
    )
    url = reverse("registrants:checkin", args=[make_token(registration, purpose=CHECK_IN)])

    response = board_client.post(url, follow=True)

    registration.refresh_from_db()
    assert registration.attended_at is None
    content = response.content.decode()
    assert "Orxan Gone&#x27;s registration was cancelled." in content
    assert "btn-lg w-100 py-3 fs-4" not in content


def test_scan_for_tomorrows_event_is_refused(board_client):
    start = timezone.now() + timedelta(days=2)
    registration = RegistrationFactory(
        event=EventFactory(start=start, end=start + timedelta(hours=2))
    )
    url = reverse("registrants:checkin", args=[make_token(registration, purpose=CHECK_IN)])

    response = board_client.post(url, follow=True)

    registration.refresh_from_db()
    assert registration.attended_at is None
    assert "check-in opens on the day" in response.content.decode()


def test_sheet_lists_confirmed_delegates_with_signature_column(board_client):
    event = TodayEventFactory()
    RegistrationFactory(event=event, full_name="Şahin", organization="İzmir Ticaret Odası")
    RegistrationFactory(event=event, full_name="Sevgi")
    RegistrationFactory(event=event, full_name="Pending One", status=RegistrationStatus.PENDING)

    response = board_client.get(reverse("registrants:sheet", args=[event.slug]))
    turkish = board_client.get(
        reverse("registrants:sheet", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="tr"
    )

    content = response.content.decode()
    # In the page's language: ş is s in English, a letter after s in Turkish.
    assert [row["registration"].full_name for row in response.context["rows"]] == [
        "Şahin",
        "Sevgi",
    ]
    assert [row["registration"].full_name for row in turkish.context["rows"]] == [
        "Sevgi",
        "Şahin",
    ]
    assert "Signature" in content
    assert "İzmir Ticaret Odası" in content
    assert "Pending One" not in content
    assert "data:image/png;base64," not in content
    assert "css/checkin-sheet.css" in content  # the print layout (@media print)


def test_sheet_with_qr_codes_embeds_one_image_per_delegate(board_client):
    event = TodayEventFactory()
    RegistrationFactory.create_batch(3, event=event)

    response = board_client.get(reverse("registrants:sheet", args=[event.slug]), {"qr": "1"})

    assert response.content.decode().count('src="data:image/png;base64,') == 3


def test_qr_image_is_a_png_kept_out_of_caches(board_client):
    registration = RegistrationFactory()

    response = board_client.get(
        reverse("registrants:qr", args=[registration.event.slug, registration.pk])
    )

    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert response["Cache-Control"] == "private, no-store"


def test_registrant_export_query_count_is_constant(board_client, assert_constant_queries):
    event = TodayEventFactory()
    CheckedInRegistrationFactory(event=event, checked_in_by=BoardMemberFactory())
    url = reverse("registrants:export", args=[event.slug, "csv"])
    member = BoardMemberFactory()

    def grow():
        CheckedInRegistrationFactory.create_batch(20, event=event, checked_in_by=member)

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=6)

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[10] for row in rows[1:]] == [rows[1][10]] + [member.username] * 20


def test_registrant_index_leaves_out_plans_without_a_day(board_client):
    EventFactory(title="Concert")
    EventFactory(
        title="Festivals during the year",
        date_precision=DatePrecision.YEAR,
        start=timezone.now().replace(month=1, day=1, hour=0, minute=0),
        end=timezone.now().replace(year=timezone.now().year + 1, month=1, day=1, hour=0, minute=0),
    )

    response = board_client.get(reverse("registrants:index"))

    assert [e.title for e in response.context["page"].object_list] == ["Concert"]


def test_door_list_and_sheet_put_participant_2_before_participant_10(board_client):
    event = TodayEventFactory()
    for name in ("Katılımcı 10", "Katılımcı 2", "Katılımcı 1", "Çetin", "Cem"):
        RegistrationFactory(event=event, full_name=name)
    expected = ["Cem", "Çetin", "Katılımcı 1", "Katılımcı 2", "Katılımcı 10"]

    door = board_client.get(reverse("registrants:door", args=[event.slug]))
    sheet = board_client.get(reverse("registrants:sheet", args=[event.slug]))

    assert [r.full_name for r in door.context["page"].object_list] == expected
    assert [row["registration"].full_name for row in sheet.context["rows"]] == expected


def test_registrant_list_shows_the_checked_in_column_only_once_someone_has(board_client):
    event = TodayEventFactory()
    registration = RegistrationFactory(event=event)
    url = reverse("registrants:list", args=[event.slug])

    before = board_client.get(url).content.decode()
    registration.attended_at = timezone.now()
    registration.save()
    after = board_client.get(url).content.decode()

    assert ("Checked in</th>" in before, "Checked in</th>" in after) == (False, True)
    assert '<th scope="col">QR code</th>' in before
