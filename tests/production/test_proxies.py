"""Clients behind proxies and networks: the client address, IPv6 networks, the per-email
limit, password-reset limits and the login lockout."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from anniversary.clientip import client_ip, rate_limit_key
from events.models import Registration
from tests.events.public.test_registration import form_data
from tests.factories import BoardMemberFactory, EventFactory, RegistrationFactory

PASSWORD = "correct horse battery staple"


def _request(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "proxies", "remote", "forwarded", "client"),
    [
        # No proxy configured: X-Forwarded-For is whatever the client wrote; ignored.
        (0, [], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # One proxy (nginx on the host): the right-most entry is what nginx saw.
        (1, [], "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        (1, [], "127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (1, [], "127.0.0.1", None, "127.0.0.1"),
        # Two proxies (a CDN, then nginx): the CDN's entry is skipped, the one before it counts.
        (2, [], "127.0.0.1", "6.6.6.6, 198.51.100.1, 192.0.2.10", "198.51.100.1"),
        # Proxies by address: right-most address that is not one of them.
        (
            0,
            ["127.0.0.1", "10.0.0.0/8"],
            "127.0.0.1",
            "6.6.6.6, 198.51.100.1, 10.1.2.3",
            "198.51.100.1",
        ),
        # A request that does not come from a trusted proxy: its header is not believed.
        (0, ["10.0.0.0/8"], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # Garbage and ports in the header are skipped or stripped.
        (1, [], "127.0.0.1", "junk, [2001:db8::5]:443", "2001:db8::5"),
        (1, [], "127.0.0.1", "198.51.100.1:5123", "198.51.100.1"),
        (1, [], "::ffff:127.0.0.1", "::ffff:198.51.100.1", "198.51.100.1"),
    ],
)
def test_client_ip_takes_the_right_most_untrusted_hop(
    settings, count, proxies, remote, forwarded, client
):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = count, proxies

    assert client_ip(_request(remote, forwarded)) == client


@pytest.mark.parametrize(
    ("prefix", "remote", "key"),
    [
        (64, "2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        (64, "2001:db8:1:2:ffff::9", "2001:db8:1:2::/64"),
        (56, "2001:db8:1:2ff::1", "2001:db8:1:200::/56"),
        (64, "198.51.100.7", "198.51.100.7"),
    ],
)
def test_rate_limit_key_groups_ipv6_by_network_and_ipv4_by_address(settings, prefix, remote, key):
    settings.RATE_LIMIT_IPV6_PREFIX = prefix

    assert rate_limit_key(_request(remote)) == key


def _register(client, event, *, email, remote="198.51.100.7", **extra):
    response = client.post(
        reverse("events:register", args=[event.slug]),
        form_data(email=email),
        REMOTE_ADDR=remote,
        HTTP_ACCEPT_LANGUAGE="en",
        **extra,
    )
    return response.status_code


@pytest.mark.django_db
def test_registration_limit_counts_one_ipv6_network_as_one_client(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = "3/h"
    event = EventFactory()

    answers = [
        _register(client, event, email=f"d{n}@example.org", remote=f"2001:db8:0:1::{n + 1:x}")
        for n in range(4)
    ]
    elsewhere = _register(client, event, email="e@example.org", remote="2001:db8:0:2::1")

    assert (answers, elsewhere) == ([302, 302, 302, 429], 302)


@pytest.mark.django_db
def test_registration_limit_behind_a_proxy_counts_each_client_not_the_proxy(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1
    event = EventFactory()

    first = [
        _register(
            client,
            event,
            email=f"a{n}@example.org",
            remote="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
        for n in range(3)
    ]
    second = _register(
        client,
        event,
        email="b@example.org",
        remote="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1, 198.51.100.2",
    )

    assert (first, second) == ([302, 302, 429], 302)


@pytest.mark.django_db
def test_registration_ignores_x_forwarded_for_without_a_trusted_proxy(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = "2/h"
    event = EventFactory()

    # A client rotating a forged header is still one client.
    answers = [
        _register(client, event, email=f"a{n}@example.org", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        for n in range(3)
    ]

    assert answers == [302, 302, 429]


@pytest.mark.django_db
def test_per_email_limit_counts_only_posts_that_create_a_registration(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "2/h"
    first, second = EventFactory(), EventFactory()
    RegistrationFactory(event=first, email="victim@example.org")

    # A stranger repeats the victim's address: a duplicate answers like a new registration and
    # re-sends the victim's own email (at most REGISTRATION_RESEND_RATE), an invalid form sends
    # nothing; neither counts against the victim's own next registration.
    duplicates = [_register(client, first, email="victim@example.org") for _ in range(5)]
    invalid = client.post(
        reverse("events:register", args=[first.slug]),
        form_data(email="victim@example.org", consent=""),
        REMOTE_ADDR="198.51.100.9",
    ).status_code
    own = _register(client, second, email="victim@example.org", remote="203.0.113.50")

    assert (duplicates, invalid, own) == ([302] * 5, 400, 302)
    assert Registration.objects.filter(email="victim@example.org").count() == 2


@pytest.mark.django_db
def test_per_email_limit_still_stops_a_flood_of_new_registrations(client, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "2/h"
    events = [EventFactory() for _ in range(3)]

    answers = [_register(client, event, email="flood@example.org") for event in events]

    assert answers == [302, 302, 429]


@pytest.mark.django_db
def test_password_reset_is_limited_per_account_with_the_same_answer(client, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT = "2/h"
    member = BoardMemberFactory(email="ayse@example.org")

    responses = [
        client.post(reverse("password_reset"), {"email": member.email}, REMOTE_ADDR=f"10.0.0.{n}")
        for n in range(4)
    ]

    assert [(r.status_code, r["Location"]) for r in responses] == [
        (302, reverse("password_reset_done"))
    ] * 4
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_password_reset_is_limited_per_address(client, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_IP = "2/h"
    members = [BoardMemberFactory(email=f"m{n}@example.org") for n in range(3)]

    responses = [
        client.post(reverse("password_reset"), {"email": m.email}, REMOTE_ADDR="198.51.100.7")
        for m in members
    ]

    assert [r["Location"] for r in responses] == [reverse("password_reset_done")] * 3
    assert sorted(message.to[0] for message in mail.outbox) == ["m0@example.org", "m1@example.org"]


def _login(client, username, password, remote, **extra):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_ACCEPT_LANGUAGE="en",
        **extra,
    )


@pytest.mark.django_db
def test_login_lockout_by_username_across_addresses_after_the_higher_threshold(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_USERNAME_FAILURE_LIMIT = 5
    member = BoardMemberFactory(username="ayse")

    # Two wrong passwords from each of two addresses: no pair reaches 3, the username is at 4.
    for remote in ("198.51.100.1", "198.51.100.1", "198.51.100.2", "198.51.100.2"):
        _login(client, "ayse", "wrong", remote)
    still_in = _login(client, "ayse", PASSWORD, "198.51.100.3")
    client.logout()
    _login(client, "ayse", "wrong", "198.51.100.4")  # the fifth, from yet another address
    locked = _login(client, "ayse", PASSWORD, "198.51.100.5")

    assert (still_in.status_code, still_in["Location"]) == (302, reverse("board:dashboard"))
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Reset the password" in page
    assert "Ask a staff member: they can lift the block at once" in page
    assert member.username == "ayse"


@pytest.mark.django_db
def test_login_lockout_behind_a_proxy_locks_the_client_not_the_proxy(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    BoardMemberFactory(username="ayse")

    for _ in range(3):
        _login(client, "ayse", "wrong", "127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66")
    attacker = _login(client, "ayse", PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66")
    member = _login(client, "ayse", PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")

    assert (attacker.status_code, member.status_code) == (429, 302)
    assert sorted(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.66"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["login", "admin:login"])
def test_a_login_with_a_10_kb_username_is_refused_and_counted_not_a_500(client, settings, url):
    """Axes writes the tried username into a varchar(255): a longer one is cut, the same
    attempts count it, and the form answers as for any wrong password (PostgreSQL: was a 500)."""
    settings.AXES_FAILURE_LIMIT = 2
    long_name = "A" * 10240

    answers = [
        client.post(
            reverse(url),
            {"username": long_name, "password": "wrong", "next": "B" * 10240},
            REMOTE_ADDR="198.51.100.9",
            HTTP_ACCEPT_LANGUAGE="en",
        ).status_code
        for _ in range(3)
    ]

    assert answers == [200, 429, 429]
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [
        ("A" * 255, 3)  # axes counts the refused third try as well
    ]
