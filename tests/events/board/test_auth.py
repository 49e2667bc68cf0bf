import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_login_with_the_right_password_opens_the_dashboard(english, board_member):
    response = english.post(
        reverse("login"), {"username": board_member.username, "password": PASSWORD}
    )

    assert response["Location"] == reverse("board:dashboard")
    assert english.session["_auth_user_id"] == str(board_member.pk)


def test_login_with_a_wrong_password_says_so(english, board_member):
    response = english.post(
        reverse("login"), {"username": board_member.username, "password": "wrong"}
    )

    assert "Please enter a correct username and password." in response.content.decode()
    assert "_auth_user_id" not in english.session


def test_logout_shows_the_logged_out_page(english, board_member):
    english.force_login(board_member)

    response = english.post(reverse("logout"))

    assert "You are logged out" in response.content.decode()
    assert "_auth_user_id" not in english.session


def test_password_reset_by_email_sets_a_new_password(english, board_member):
    english.post(reverse("password_reset"), {"email": board_member.email})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [board_member.email]
    assert message.subject == "Kardeş 40: choose a new password"
    assert f"Your username is {board_member.username}." in message.body
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)
    form_page = english.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = english.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Ankara-Bakü-1986!", "new_password2": "Ankara-Bakü-1986!"},
        follow=True,
    )
    board_member.refresh_from_db()
    assert "Your password is changed" in done.content.decode()
    assert board_member.check_password("Ankara-Bakü-1986!") is True


def test_password_reset_with_a_used_link_explains(english, board_member):
    response = english.get(
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"})
    )

    assert "This link no longer works" in response.content.decode()


def test_password_reset_for_unknown_email_sends_nothing_and_reveals_nothing(english):
    response = english.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)

    assert mail.outbox == []
    assert "Check your email" in response.content.decode()


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_login_locks_out_after_the_failure_limit_even_with_the_right_password(english, login_url):
    staff = StaffFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        english.post(login_url, {"username": staff.username, "password": "wrong"})

    response = english.post(login_url, {"username": staff.username, "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "Try again after" in response.content.decode()
    assert "_auth_user_id" not in english.session


def test_login_is_not_locked_below_the_failure_limit(english, board_member):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        english.post(reverse("login"), {"username": board_member.username, "password": "wrong"})

    response = english.post(
        reverse("login"), {"username": board_member.username, "password": PASSWORD}
    )

    assert response["Location"] == reverse("board:dashboard")
    assert english.session["_auth_user_id"] == str(board_member.pk)
