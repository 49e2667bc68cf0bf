"""The production web process as the Procfile runs it: gunicorn, DEBUG off, a real secret,
PostgreSQL and Redis, static files collected and served by whitenoise."""

import json
import os
import re
import secrets
import subprocess
import sys
import urllib.request
from urllib.error import HTTPError

import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.conftest import require_service
from tests.events.test_ratelimit import _redis_available
from tests.production.conftest import ROOT, VENV_BIN, free_port, stop, wait_for_port


def procfile_command(name: str) -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name} process in the Procfile")


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except HTTPError as error:
        return error.code, dict(error.headers), error.read()


def production_env(tmp_path, *, redis_url: str, port: int) -> dict:
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        PATH=f"{VENV_BIN}:{env.get('PATH', '')}",
        DJANGO_SETTINGS_MODULE="anniversary.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="true",  # the Procfile must switch it off whatever the shell says
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL=redis_url,
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
    )
    return env


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_procfile_web_serves_pages_static_files_and_health_with_debug_off(tmp_path, postgres):
    redis_url = django_settings.TEST_REDIS_URL
    require_service(_redis_available(redis_url), f"needs Redis at {redis_url}")
    port = free_port()
    env = production_env(tmp_path, redis_url=redis_url, port=port)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**env, "DJANGO_DEBUG": "false"},
        check=True,
        timeout=300,
    )
    # One sweep, as the release step runs it: it records itself for /healthz/ (in its own
    # process, on the real clock, whatever clock this test runs on).
    subprocess.run(
        [sys.executable, "manage.py", "send_due_reminders"],
        cwd=ROOT,
        env={**env, "DJANGO_DEBUG": "false"},
        check=True,
        timeout=120,
        capture_output=True,
    )
    log = tmp_path / "web.log"
    with log.open("wb") as log_file:
        web = subprocess.Popen(
            ["sh", "-c", procfile_command("web")],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_port(port, process=web)
        base = f"http://127.0.0.1:{port}"

        home_status, home_headers, home = fetch(base + "/")
        stylesheet = re.search(rb'href="(/static/css/kardes40\.[0-9a-f]+\.css)"', home)
        static_status, static_headers, css = fetch(base + stylesheet.group(1).decode())
        health_status, health_headers, health = fetch(base + "/healthz/")
        missing_status, _, missing = fetch(base + "/no-such-page/")
    finally:
        stop(web)
        output = log.read_text(errors="replace")

    assert (home_status, "Kardeş 40".encode() in home) == (200, True), output
    assert "default-src 'self'" in home_headers["Content-Security-Policy"]
    assert (static_status, static_headers["Content-Type"].split(";")[0]) == (200, "text/css")
    assert b".table-fixed" in css
    assert health_status == 200, health
    assert health_headers["X-Robots-Tag"] == "noindex, nofollow"
    assert json.loads(health)["failing"] == []
    # DEBUG off: a missing page is the plain 404, never the debug page listing the URLs.
    assert (missing_status, b"URLconf" in missing) == (404, False)
    assert "Booting worker" in output
