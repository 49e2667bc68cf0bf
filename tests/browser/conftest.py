"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Writing one
-----------
::

    @pytest.mark.browser
    @pytest.mark.django_db(transaction=True)
    def test_board_member_sees_dashboard(browse):
        member = BoardMemberFactory(username="ayse")
        browse.login(member)                                  # the board login form
        browse.goto("board:dashboard", step="dashboard")     # a URL name or a path
        browse.page.get_by_label("Name or email").fill("ismayilov")
        browse.submit(browse.page.get_by_role("button", name="Search"), step="results")
        expect(browse.page.get_by_text("Rəşad İsmayilov")).to_be_visible()

- Every page the helper opens (`goto`, `submit`, `click`, `login`) is saved as a full-page
  screenshot in ``artifacts/screenshots/<test>/<NN>-<step>.png``; `browse.snap(step)` saves one
  more (after a change made by JavaScript, for example). A failing test also leaves
  ``NN-failure.png``. ``artifacts/`` is git-ignored; CI keeps it as the run's artifacts.
- Phone-sized: parametrize the fixture,
  ``@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)``.
- Emails: the live server runs in this process, so ``mailoutbox`` (pytest-django) holds what it
  sent, and SITE_URL points at the live server, so the links in a mail open as they are:
  ``browse.goto(mail_link(mailoutbox[-1], "/confirm/"), step="confirmed")``.
- Data: create it with the factories before opening pages; the test and the live server share
  the database because the tests are transactional (``django_db(transaction=True)``).

To be added once the other areas are merged (their views do not exist on this branch):
"a delegate registers and confirms from the email link" (`browse.goto` the event page, fill the
form, `submit`, then `browse.goto(mail_link(mailoutbox[-1], ...))`) and "a board member creates an
event and sees it on the calendar and the dashboard" (`browse.login`, the board's event form,
then `browse.goto` the calendar and the dashboard and ``expect`` the title on each).

Chromium: Debian's package at /usr/bin/chromium (Playwright's own download is not reachable).
Missing locally, the tests skip and say why; with CI set, they fail instead.
"""

import re
import shutil
from pathlib import Path

import pytest
from django.db import connections
from django.urls import reverse
from playwright.sync_api import sync_playwright

from tests.conftest import require_service

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery staple"  # the factories' password
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}


class Browse:
    """One browser tab on the live server that screenshots every page it opens."""

    def __init__(self, page, base_url: str, folder: Path):
        self.page = page
        self.base_url = base_url
        self.folder = folder
        self.steps = 0

    def url(self, target: str, *args, **kwargs) -> str:
        """An absolute URL from a URL name ("contacts:directory"), a path, or a URL."""
        if "://" in target:
            return target
        path = target if target.startswith("/") else reverse(target, args=args, kwargs=kwargs)
        return self.base_url + path

    def snap(self, step: str) -> Path:
        self.steps += 1
        path = self.folder / f"{self.steps:02d}-{_slug(step)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def goto(self, target: str, *args, step: str, **kwargs):
        response = self.page.goto(self.url(target, *args, **kwargs))
        self.snap(step)
        return response

    def submit(self, locator, *, step: str, key: str | None = None):
        """Click (or press `key` in) something that loads a new page, then screenshot."""
        with self.page.expect_navigation():
            locator.press(key) if key else locator.click()
        self.snap(step)

    click = submit

    def login(self, user, password: str = PASSWORD, *, step: str = "login", admin=False):
        """Log in through the real form (django-axes and all); `admin=True` for /admin/login/."""
        self.goto("admin:login" if admin else "login", step=f"{step}-form")
        self.page.locator("#id_username").fill(user.get_username())
        self.page.locator("#id_password").fill(password)
        self.submit(self.page.locator("#id_password"), key="Enter", step=step)


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_.-]+", "-", text).strip("-") or "page"


def mail_link(message, contains: str = "") -> str:
    """The first link in an email's text body that contains `contains`."""
    for link in re.findall(r"https?://[^\s<>\"]+", message.body):
        if contains in link:
            return link
    raise AssertionError(f"no link containing {contains!r} in: {message.body}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets the fixture know whether the test body failed, to keep a screenshot of the moment.
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture
def browse(request, live_server, settings, monkeypatch):
    require_service(
        Path(CHROMIUM).exists(),
        f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium)",
    )

    # Playwright's sync API keeps an event loop registered on this thread; Django then refuses
    # ORM calls from the test body (factories) as "async-unsafe". The advice of pytest-django and
    # Playwright is this variable; the live server itself runs in its own thread regardless.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Links in emails (confirmation, check-in QR codes) must point at this server.
    settings.SITE_URL = live_server.url
    device = getattr(request, "param", "desktop")
    folder = SCREENSHOTS / _slug(request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh temporary profile (--user-data-dir).
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            locale="en-US", timezone_id="Europe/Istanbul", **DEVICES[device]
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        # Chromium reports each Content-Security-Policy violation on the console ("Refused to
        # apply inline style ..."); a page that needs one fails its test.
        violations = []
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        session = Browse(page, live_server.url, folder)
        try:
            yield session
            assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)
        finally:
            if getattr(request.node, "browser_failed", False):
                session.snap("failure")
            context.close()
            browser.close()
            # Connections the test body opened while Playwright's loop was registered live in
            # their own context-local slot; pytest-django's teardown would never close them,
            # and PostgreSQL then refuses to drop the test database ("accessed by other users").
            connections.close_all()
