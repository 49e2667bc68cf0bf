"""A board member looks someone up in the directory, then checks a delegate in at the door."""

from datetime import date

import pytest
from playwright.sync_api import expect

from events.models import Registration
from tests.factories import (
    AffiliationFactory,
    BoardMemberFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
    RegistrationFactory,
    SourceFactory,
    TodayEventFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)
def test_board_member_finds_a_person_and_checks_a_delegate_in(browse):
    member = BoardMemberFactory(username="ayse")
    person = PersonFactory(full_name="Rəşad İsmayilov", country="AZ", city="Bakı")
    AffiliationFactory(
        person=person,
        organization=OrganizationFactory(name="Azərbaycan Ticarət Palatası"),
        role="Sədr müavini",
        start=date(2022, 1, 1),
    )
    meeting = MeetingFactory(
        title="İzmir Ticaret Odası ile görüşme",
        date=date(2026, 5, 12),
        outcomes="Ortak yol haritası üzerinde anlaşıldı.",
    )
    meeting.participants.add(person)
    meeting.sources.add(SourceFactory(headline="Bakü heyeti İzmir'de"))
    event = TodayEventFactory(title="Nevruz Bayramı Şenliği")
    delegate = RegistrationFactory(
        event=event, full_name="Aysel İsmayilova", organization="Bakı Dövlət Universiteti"
    )
    RegistrationFactory(event=event, full_name="Tural Həsənov")
    page = browse.page

    browse.login(member)
    browse.goto("contacts:directory", step="directory")
    page.get_by_placeholder("Name, e.g. İsmayilov").fill("ismayilov")
    browse.submit(page.get_by_role("button", name="Search"), step="directory-search")
    browse.click(page.get_by_role("link", name="Rəşad İsmayilov"), step="person-timeline")

    expect(page.get_by_role("heading", name="Rəşad İsmayilov")).to_be_visible()
    expect(page.get_by_text("İzmir Ticaret Odası ile görüşme")).to_be_visible()
    expect(page.get_by_text("Ortak yol haritası üzerinde anlaşıldı.")).to_be_visible()
    browse.click(page.get_by_role("link", name="İzmir Ticaret Odası ile görüşme"), step="visit")
    expect(page.get_by_role("heading", name=meeting.visit.title)).to_be_visible()

    browse.goto("registrants:index", step="registrants")
    browse.click(page.get_by_role("link", name="Check-in at the door"), step="door")
    page.get_by_placeholder("Name or email").fill("aysel")
    browse.submit(page.get_by_role("button", name="Search"), step="door-search")
    expect(page.get_by_text("Tural Həsənov")).to_have_count(0)
    browse.submit(page.get_by_role("button", name="Check in"), step="checked-in")

    expect(page.get_by_role("alert")).to_contain_text("Aysel İsmayilova is checked in (")
    expect(page.get_by_text("Checked in at")).to_be_visible()
    browse.goto("registrants:list", event.slug, step="registrants-list")
    expect(page.get_by_role("row", name="Aysel İsmayilova")).to_contain_text("Attended")
    delegate.refresh_from_db()
    assert delegate.checked_in_by == member
    assert Registration.objects.filter(attended_at__isnull=False).count() == 1
