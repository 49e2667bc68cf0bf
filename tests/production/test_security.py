"""Hardening: `check --deploy` clean with the documented environment, https links behind a
TLS proxy, the Content-Security-Policy header, the favicon."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import BoardMemberFactory
from tests.production.conftest import ROOT

DOCUMENTED_PRODUCTION_ENV = {
    "DJANGO_ALLOWED_HOSTS": "kardes40.example.org",
    "SITE_URL": "https://kardes40.example.org",
    "DJANGO_BEHIND_TLS_PROXY": "true",
    "TRUSTED_PROXY_COUNT": "1",
    "DATABASE_URL": "postgres://kardes40@127.0.0.1:5432/kardes40",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def _manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SITE_URL", "TRUSTED_"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="anniversary.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_the_documented_environment():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        **DOCUMENTED_PRODUCTION_ENV,
    )

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    ), result.stderr


def test_check_deploy_warns_about_hsts_when_served_over_plain_http():
    result = _manage(
        "check",
        "--deploy",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        SITE_URL="http://127.0.0.1:8000",
    )

    assert sorted(set(re.findall(r"security\.W\d+", result.stderr))) == [
        "security.W004",
        "security.W008",
        "security.W012",
        "security.W016",
    ]


@pytest.mark.django_db
def test_password_reset_link_is_https_behind_a_tls_proxy(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["kardes40.example.org"]
    member = BoardMemberFactory(email="ayse@example.org")

    client.post(
        reverse("password_reset"),
        {"email": member.email},
        HTTP_HOST="kardes40.example.org",
        HTTP_X_FORWARDED_PROTO="https",
    )

    links = re.findall(r"\w+://\S+/reset/\S+", mail.outbox[0].body)
    assert [link.split("/reset/")[0] for link in links] == ["https://kardes40.example.org/accounts"]


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    response = client.get(reverse("home"))

    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert (policy["script-src"], policy["style-src"], policy["frame-ancestors"]) == (
        "'self'",
        "'self'",
        "'none'",
    )
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    icon = client.get(response["Location"])

    assert (response.status_code, icon.status_code) == (301, 200)
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_behind_tls_proxy_trusts_x_forwarded_proto_only_when_set():
    probe = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    key = secrets.token_urlsafe(50)

    behind = _manage(
        "shell", "-v0", "-c", probe, DJANGO_SECRET_KEY=key, DJANGO_BEHIND_TLS_PROXY="true"
    )
    direct = _manage("shell", "-v0", "-c", probe, DJANGO_SECRET_KEY=key)

    assert (behind.stdout.strip(), direct.stdout.strip()) == (
        "('HTTP_X_FORWARDED_PROTO', 'https')",
        "None",
    )
