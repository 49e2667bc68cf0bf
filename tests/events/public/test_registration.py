"""Registration through the public pages, as a delegate does it, with every bad input."""

import re
import smtplib
import socket
import time
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail, signing
from django.test import Client
from django.utils import timezone, translation

from events.enums import DeliveryKind, DeliveryState, RegistrationStatus
from events.mail import is_temporary_smtp_error
from events.models import Registration, ReminderDelivery
from events.public.forms import RegistrationForm
from events.tokens import CHECK_IN, SELF_SERVICE, make_token
from tests.factories import EventFactory, PendingRegistrationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r"http://127\.0\.0\.1:8000(/(?:tr|az|en)/registrations/\d+/[^/\s]+/(?:confirm/)?)"
)


@pytest.fixture(autouse=True)
def _english(client):
    # Assertions read the English msgids; the site's default language is Turkish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def form_data(**overrides):
    data = {
        "full_name": "Leyla Məmmədova",
        "email": "leyla@example.az",
        "organization": "Azərbaycan Ticarət Palatası",
        "country": "AZ",
        "phone": "+994 12 000 00 00",
        "language": "en",
        "needs": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def links_in(message) -> list[str]:
    return LINK.findall(message.body)


def confirm_link(message) -> str:
    return next(link for link in links_in(message) if link.endswith("/confirm/"))


def test_whole_flow_register_confirm_cancel_and_promote(client, django_capture_on_commit_callbacks):
    event = EventFactory(title="Nevruz in İzmir", capacity=1)
    url = f"/en/events/{event.slug}/register/"

    # Leyla registers and gets a confirmation request.
    assert "Register for “Nevruz in İzmir”" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data())
    assert response.status_code == 302
    assert response["Location"] == f"/en/events/{event.slug}/register/thanks/?outcome=pending"
    assert "Check your email to confirm" in client.get(response["Location"]).content.decode()
    leyla = Registration.objects.get(email="leyla@example.az")
    assert leyla.status == RegistrationStatus.PENDING
    assert [m.subject for m in mail.outbox] == ["Please confirm your registration: Nevruz in İzmir"]

    # She follows the link, sees a button, and confirms.
    link = confirm_link(mail.outbox[0])
    assert "Confirm my registration" in client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, follow=True)
    leyla.refresh_from_db()
    assert leyla.status == RegistrationStatus.CONFIRMED
    assert "Your registration is confirmed. See you there!" in response.content.decode()
    assert 'alt="QR code for check-in at the entrance"' in response.content.decode()
    assert mail.outbox[1].subject == "Your registration is confirmed: Nevruz in İzmir"
    assert [a[0] for a in mail.outbox[1].attachments] == [f"{event.slug}.ics", "check-in-qr.png"]

    # The event is full: Rauf joins the waitlist.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(full_name="Rauf Əliyev", email="rauf@example.az"))
    assert response["Location"] == f"/en/events/{event.slug}/register/thanks/?outcome=waitlist"
    rauf = Registration.objects.get(email="rauf@example.az")
    assert rauf.status == RegistrationStatus.WAITLISTED
    assert mail.outbox[2].subject == "You are on the waitlist: Nevruz in İzmir"

    # Leyla cancels from her self-service page; Rauf is promoted and told.
    manage = next(link for link in links_in(mail.outbox[1]) if not link.endswith("/confirm/"))
    assert "Cancel my registration" in client.get(manage).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{manage}cancel/", follow=True)
    assert "Your registration is cancelled." in response.content.decode()
    leyla.refresh_from_db()
    rauf.refresh_from_db()
    assert (leyla.status, rauf.status) == (RegistrationStatus.CANCELLED, RegistrationStatus.PENDING)
    assert [m.subject for m in mail.outbox[3:]] == [
        "Registration cancelled: Nevruz in İzmir",
        "A seat is free for you: Nevruz in İzmir",
    ]
    assert mail.outbox[4].to == ["rauf@example.az"]

    # Rauf confirms the promoted seat from his email.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mail.outbox[4]))
    rauf.refresh_from_db()
    assert rauf.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[5].to == ["rauf@example.az"]
    assert list(event.registrations.holding_seat()) == [rauf]


# --- bad input: message next to the field, nothing changed ----------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"full_name": "   "}, "full_name", "Please enter your full name."),
        ({"email": ""}, "email", "Please enter your email address."),
        (
            {"email": "leyla-at-example"},
            "email",
            "Please enter a valid email address, such as name@example.com.",
        ),
        ({"organization": ""}, "organization", "Please enter your organization (or “Individual”)."),
        ({"country": ""}, "country", "Please choose your country."),
        ({"country": "XX"}, "country", "Please choose a country from the list."),
        (
            {"phone": "call me maybe"},
            "phone",
            "Please enter a phone number with digits only, e.g. +90 232 000 00 00.",
        ),
        ({"language": "de"}, "language", "Please choose Turkish, Azerbaijani or English."),
        ({"consent": ""}, "consent", "Please accept the privacy notice to register."),
    ],
)
def test_register_bad_input_shows_message_at_the_field_and_changes_nothing(
    client, django_capture_on_commit_callbacks, overrides, field, message
):
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/{event.slug}/register/", form_data(**overrides))

    assert response.status_code == 400
    assert response.context["form"].errors == {field: [message]}
    html = response.content.decode()
    assert f'id="error_1_id_{field}"' in html
    assert message.replace("“", "“") in html.replace("&quot;", '"')
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_register_same_email_twice_answers_the_same_page_and_resends_the_link(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/en/events/{event.slug}/register/", form_data())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/events/{event.slug}/register/", form_data(email="LEYLA@example.AZ")
        )

    # Nothing tells the visitor that this address was registered already.
    assert (response.status_code, response["Location"]) == (302, first["Location"])
    assert Registration.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["leyla@example.az"]]
    assert "/confirm/" in mail.outbox[0].body


def test_register_for_closed_event_says_so_and_changes_nothing(client):
    event = EventFactory(registration_closes=timezone.now() - timedelta(minutes=5))

    page = client.get(f"/en/events/{event.slug}/register/").content.decode()
    response = client.post(f"/en/events/{event.slug}/register/", form_data())

    assert "Registration for this event is closed." in page
    assert 'name="full_name"' not in page
    assert response.context["form"].non_field_errors() == ["Registration for this event is closed."]
    assert Registration.objects.count() == 0


def test_register_honeypot_looks_accepted_but_stores_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/events/{event.slug}/register/", form_data(website="http://spam.example")
        )

    assert response["Location"] == f"/en/events/{event.slug}/register/thanks/?outcome=pending"
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_register_rate_limit_per_address_refuses_with_message(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = "2/h"
    event = EventFactory()
    url = f"/en/events/{event.slug}/register/"
    client.post(url, form_data(email="a@example.org"))
    client.post(url, form_data(email="b@example.org"))

    response = client.post(url, form_data(email="c@example.org"))

    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [
        "Too many registration attempts from here. Please wait a while and try again."
    ]
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "a@example.org",
        "b@example.org",
    ]


def test_register_rate_limit_per_email_counts_across_events_and_addresses(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "1/h"
    first, second = EventFactory(), EventFactory()
    client.post(f"/en/events/{first.slug}/register/", form_data())

    response = Client(REMOTE_ADDR="10.0.0.9", HTTP_ACCEPT_LANGUAGE="en").post(
        f"/en/events/{second.slug}/register/", form_data(email="Leyla@Example.az")
    )

    assert response.status_code == 429
    assert list(Registration.objects.values_list("event", flat=True)) == [first.pk]


def test_register_page_escapes_html_in_names(client):
    registration = RegistrationFactory(full_name='<img src=x onerror="alert(1)">')
    token = make_token(registration, purpose=SELF_SERVICE)

    html = client.get(f"/en/registrations/{registration.pk}/{token}/").content.decode()

    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert '<img src=x onerror="alert(1)">' not in html


def test_register_form_without_javascript_hides_only_the_honeypot(client):
    event = EventFactory()

    html = client.get(f"/en/events/{event.slug}/register/").content.decode()

    honeypot = html[html.index('class="visually-hidden"') :].split("</div>")[0]
    assert 'aria-hidden="true"' in honeypot
    assert 'name="website"' in honeypot
    assert 'name="website"' in html
    assert 'tabindex="-1"' in html


# --- signed links ---------------------------------------------------------------------------


def _old_token(registration, *, days: int) -> str:
    class OldSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - days * 86400)

    return OldSigner(salt=SELF_SERVICE).sign_object(
        {"r": registration.pk, "s": registration.secret}
    )


def _bad_tokens(registration, other):
    good = make_token(registration, purpose=SELF_SERVICE)
    return {
        "tampered": good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB"),
        "expired": _old_token(registration, days=400),
        "other-registration": make_token(other, purpose=SELF_SERVICE),
        "other-secret": signing.dumps({"r": registration.pk, "s": other.secret}, salt=SELF_SERVICE),
        "wrong-purpose": make_token(registration, purpose=CHECK_IN),
    }


@pytest.mark.parametrize(
    "kind", ["tampered", "expired", "other-registration", "other-secret", "wrong-purpose"]
)
@pytest.mark.parametrize("action", ["", "confirm/", "cancel/"])
def test_bad_link_is_refused_with_message_and_changes_nothing(
    client, django_capture_on_commit_callbacks, kind, action
):
    registration = PendingRegistrationFactory()
    other = PendingRegistrationFactory(event=registration.event)
    token = _bad_tokens(registration, other)[kind]
    url = f"/en/registrations/{registration.pk}/{token}/{action}"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url) if action else client.get(url)

    assert response.status_code == 403
    assert "The link is incomplete, has expired, or belongs to another registration." in (
        response.content.decode()
    )
    assert list(Registration.objects.order_by("pk").values_list("status", flat=True)) == [
        RegistrationStatus.PENDING,
        RegistrationStatus.PENDING,
    ]
    assert mail.outbox == []


def test_link_younger_than_the_limit_still_works(client, settings):
    settings.REGISTRATION_LINK_MAX_AGE_DAYS = 365
    registration = PendingRegistrationFactory()

    response = client.get(
        f"/en/registrations/{registration.pk}/{_old_token(registration, days=300)}/"
    )

    assert response.status_code == 200
    assert registration.full_name in response.content.decode()


def test_cancel_needs_a_post(client):
    registration = RegistrationFactory()
    token = make_token(registration, purpose=SELF_SERVICE)

    # A GET (a link scanner, a stray tap) only asks; see test_self_service_cancel.py.
    response = client.get(f"/en/registrations/{registration.pk}/{token}/cancel/")

    registration.refresh_from_db()
    assert (response.status_code, registration.status) == (200, RegistrationStatus.CONFIRMED)


def test_cancel_without_csrf_token_is_refused(client):
    registration = RegistrationFactory()
    token = make_token(registration, purpose=SELF_SERVICE)
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(f"/en/registrations/{registration.pk}/{token}/cancel/")

    registration.refresh_from_db()
    assert (response.status_code, registration.status) == (403, RegistrationStatus.CONFIRMED)


def test_manage_page_form_posts_carry_csrf_tokens(client):
    registration = PendingRegistrationFactory()
    token = make_token(registration, purpose=SELF_SERVICE)

    html = client.get(f"/en/registrations/{registration.pk}/{token}/").content.decode()

    # Confirm only: the language switcher is links; cancelling is a link to its own page.
    assert html.count('name="csrfmiddlewaretoken"') == 1


def test_cancel_after_the_event_shows_why_and_changes_nothing(client):
    event = EventFactory(
        start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=1)
    )
    registration = RegistrationFactory(event=event)
    token = make_token(registration, purpose=SELF_SERVICE)

    response = client.post(f"/en/registrations/{registration.pk}/{token}/cancel/", follow=True)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert "This event has already taken place" in response.content.decode()


def test_confirm_link_for_expired_registration_says_register_again(client):
    registration = PendingRegistrationFactory(expires_at=timezone.now() - timedelta(minutes=1))
    token = make_token(registration, purpose=SELF_SERVICE)

    response = client.post(f"/en/registrations/{registration.pk}/{token}/confirm/", follow=True)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.EXPIRED
    assert "The time to confirm this registration ran out" in response.content.decode()


def test_register_when_the_mail_server_is_down_still_keeps_the_registration(
    client, settings, django_capture_on_commit_callbacks, caplog
):
    # A real, closed local port: the SMTP connection is refused.

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/{event.slug}/register/", form_data())

    assert response.status_code == 302
    assert list(Registration.objects.values_list("email", flat=True)) == ["leyla@example.az"]
    # The email is on record, claimed by the failed batch; after the lease a sweep takes it.
    delivery = ReminderDelivery.objects.get()
    assert (delivery.kind, delivery.state, delivery.sent_at) == (
        DeliveryKind.REGISTRATION_CONFIRM_REQUEST,
        DeliveryState.SENDING,
        None,
    )
    assert "Error calling" in caplog.text and "send_claimed_batch" in caplog.text


@pytest.mark.parametrize(
    ("error", "temporary"),
    [
        (smtplib.SMTPResponseException(451, b"try later"), True),
        (smtplib.SMTPServerDisconnected("bye"), True),
        (ConnectionRefusedError(), True),
        (smtplib.SMTPResponseException(550, b"no such user"), False),
        (smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no")}), False),
    ],
)
def test_registration_email_task_retries_only_temporary_failures(error, temporary):

    assert is_temporary_smtp_error(error) is temporary


def test_register_errors_are_translated_for_turkish_visitors(client):
    event = EventFactory()

    # The language is the address's: an English browser on the /tr/ page reads Turkish.
    response = client.post(
        f"/tr/events/{event.slug}/register/",
        form_data(full_name="", consent=""),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.context["form"].errors == {
        "full_name": ["Lütfen adınızı ve soyadınızı yazın."],
        "consent": ["Kayıt olmak için lütfen aydınlatma metnini onaylayın."],
    }
    assert (
        '<a href="/tr/privacy/" target="_blank">Aydınlatma metnini</a>' in response.content.decode()
    )
    assert Registration.objects.count() == 0


def test_country_menu_is_in_the_visitor_language_with_the_two_countries_first():

    def menu(language):
        with translation.override(language):
            choices = list(RegistrationForm(action="/").fields["country"].choices)
            return [(code, str(name)) for code, name in choices]

    english, turkish, english_again = menu("en"), menu("tr"), menu("en")

    assert [code for code, _name in english[:3]] == ["", "TR", "AZ"]
    assert [code for code, _name in turkish[:3]] == ["", "TR", "AZ"]
    assert dict(english)["DE"] == "Germany"
    assert dict(turkish)["DE"] == "Almanya"
    assert english_again == english
    # Each menu is sorted by the names in its own language.
    assert english.index(("EG", "Egypt")) < english.index(("DE", "Germany"))
    assert turkish.index(("DE", "Almanya")) < turkish.index(("EG", "Mısır"))
    assert len(english) == len(turkish) > 240


def test_successful_registration_post_reads_the_event_row_only_under_the_lock(
    client, django_assert_num_queries
):
    event = EventFactory(capacity=10)
    url = f"/en/events/{event.slug}/register/"
    client.get(url)  # the form, as a delegate opens it
    ContentType.objects.get_for_model(Registration)  # cached once per process in production

    # The event's key, whether the address is registered, then the service: savepoint, the
    # locked row, one count, the registration, its audit entry, its email, release.
    with django_assert_num_queries(9):
        response = client.post(url, form_data())

    assert response.status_code == 302
    assert Registration.objects.get(email="leyla@example.az").event == event


def test_refused_registration_post_shows_the_whole_event_page(client):
    event = EventFactory(title="Nevruz in İzmir", capacity=10)

    response = client.post(f"/en/events/{event.slug}/register/", form_data(email="not an address"))

    assert response.status_code == 400
    assert "Register for “Nevruz in İzmir”" in response.content.decode()
    assert response.context["event"].venue == event.venue
