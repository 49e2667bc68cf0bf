"""An Azerbaijani-speaking delegate on a phone, from a shared /az/ link to a confirmed seat:
the form lists the countries in Azerbaijani, and both emails are in Azerbaijani, with the
event's Azerbaijani title and links under /az/."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from events.enums import RegistrationStatus
from events.models import Registration
from tests.browser.conftest import mail_link
from tests.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE_TR = "Nevruz Konseri"
TITLE_AZ = "Novruz Konserti"


def _links(message) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", message.body)


def _own_links(message, base_url: str) -> list[str]:
    # Links to this site (not the calendar apps' or a map's): the pages a delegate opens.
    return [link for link in _links(message) if link.startswith(base_url)]


def _in_azerbaijani(message, base_url: str, subject: str) -> None:
    assert message.subject == subject
    assert TITLE_AZ in message.body
    assert TITLE_TR not in message.body + message.subject
    [(html, _type)] = message.alternatives
    assert TITLE_AZ in html
    assert TITLE_TR not in html
    own = _own_links(message, base_url)
    assert own, message.body
    assert [link for link in own if not link.startswith(f"{base_url}/az/")] == []


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_delegate_registers_in_azerbaijani_and_gets_both_emails_in_azerbaijani(browse, mailoutbox):
    event = EventFactory(title_tr=TITLE_TR, title_az=TITLE_AZ, slug="nevruz-konseri", capacity=20)
    page = browse.page
    with translation.override("az"):
        subjects = {
            "request": f"Zəhmət olmasa, qeydiyyatınızı təsdiqləyin: {TITLE_AZ}",
            "confirmed": f"Qeydiyyatınız təsdiqləndi: {TITLE_AZ}",
        }

    # A fresh browser (no cookie, an English-speaking phone) following a link shared in Bakü.
    browse.goto(f"/az/events/{event.slug}/", step="event-page-az")
    expect(page.locator("h1")).to_have_text(TITLE_AZ)
    browse.click(page.get_by_role("link", name="Qeydiyyatdan keç", exact=True), step="form-az")
    assert page.url == f"{browse.base_url}/az/events/{event.slug}/register/"
    countries = page.locator("#id_country option").all_inner_texts()
    # Türkiye and Azerbaijan first, then the Azerbaijani alphabet (ABŞ before Əfqanıstan).
    assert countries[1:3] == ["Türkiyə", "Azərbaycan"]
    assert countries.index("ABŞ-a bağlı kiçik adacıqlar") < countries.index("Əfqanıstan")
    assert "Almaniya" in countries
    assert {"Azerbaycan", "Almanya", "Germany"} & set(countries) == set()
    expect(page.locator("#id_language")).to_have_value("az")
    page.locator("#id_full_name").fill("Leyla Məmmədova")
    page.locator("#id_email").fill("leyla@example.az")
    page.locator("#id_organization").fill("Bakı Dövlət Universiteti")
    page.locator("#id_country").select_option(label="Azərbaycan")
    page.locator("#id_consent").check()
    browse.submit(page.locator("form [type=submit]").last, step="registered")

    registration = Registration.objects.get(event=event, email="leyla@example.az")
    assert (registration.status, registration.language, registration.country) == (
        RegistrationStatus.PENDING,
        "az",
        "AZ",
    )
    assert len(mailoutbox) == 1
    request = mailoutbox[0]
    _in_azerbaijani(request, browse.base_url, subjects["request"])
    assert request.body.startswith("Salam, Leyla Məmmədova!")
    assert "üçün qeydiyyatdan keçdiyiniz üçün təşəkkür edirik" in request.body
    assert "Status: Təsdiq gözləyir" in request.body

    browse.goto(mail_link(request, "/confirm/"), step="confirm-page")
    expect(page.locator("html")).to_have_attribute("lang", "az")
    expect(page.locator("main")).to_contain_text(TITLE_AZ)
    browse.submit(page.locator("main form [type=submit]").first, step="confirmed")

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mailoutbox) == 2
    confirmed = mailoutbox[1]
    _in_azerbaijani(confirmed, browse.base_url, subjects["confirmed"])
    assert "Status: Təsdiqlənib" in confirmed.body
    assert "Tədbir təqvim faylı (.ics) kimi əlavə olunub." in confirmed.body
    [(_name, content, mimetype)] = [a for a in confirmed.attachments if a[0].endswith(".ics")]
    assert mimetype.startswith("text/calendar")
    ics = content.decode() if isinstance(content, bytes) else content
    assert f"SUMMARY;LANGUAGE=az:{TITLE_AZ}" in ics  # its language said (RFC 5545 §3.2.10)
