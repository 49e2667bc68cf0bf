"""The business program on a phone: profile, directory, request, accept from the email link,
the board runs the scheduler and publishes, the agenda shows the meeting."""

import pytest
from playwright.sync_api import expect

from events.b2b.links import PARTICIPANT
from events.b2b.models import Meeting, MeetingRequest
from events.tokens import make_token
from tests.browser.conftest import mail_link
from tests.factories import (
    BoardMemberFactory,
    MatchmakingFactory,
    MeetingSessionFactory,
    ParticipantFactory,
    RegistrationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_business_program_on_a_phone(browse, mailoutbox):
    event = MatchmakingFactory().event
    MeetingSessionFactory(event=event, tables=3)
    me = RegistrationFactory(event=event, full_name="Leyla Əliyeva", language="en")
    partner = ParticipantFactory(
        event=event, organization_name="Ege Zeytin Çiftliği", registration__language="en"
    )
    page = browse.page

    browse.goto(
        "b2b:home", pk=me.pk, token=make_token(me, purpose=PARTICIPANT), step="profile-form"
    )
    page.locator("#id_organization_name").fill("Xəzər Logistika")
    page.locator("#id_sector").select_option("trade")
    page.locator("#id_city").fill("Bakı")
    page.get_by_label("Azerbaijani").check()
    page.locator("#id_offer").fill("Freight between Bakü and İzmir")
    page.locator("#id_need").fill("Olive oil suppliers")
    browse.submit(page.locator("main form [type=submit]"), step="profile-saved")
    browse.click(page.get_by_role("link", name="Directory"), step="directory")
    page.locator("#id_q").fill("zeytin ciftligi")
    browse.submit(page.locator("main form [type=submit]").first, step="search")
    browse.click(page.get_by_role("link", name="Ask for a meeting"), step="ask-form")
    page.locator("#id_reason").fill("Olive oil for the Caspian market")
    browse.submit(page.locator("main form [type=submit]"), step="asked")

    browse.goto(mail_link(mailoutbox[-1], "/requests/"), step="answer-page")
    browse.submit(page.get_by_role("button", name="Accept"), step="accepted")
    assert MeetingRequest.objects.get().status == "accepted"

    browse.login(BoardMemberFactory())
    browse.goto("board:b2b_event", slug=event.slug, step="board")
    browse.submit(page.get_by_role("button", name="Run the scheduler"), step="scheduled")
    browse.submit(page.get_by_role("button", name="Publish"), step="published")
    meeting = Meeting.objects.get()

    # Leyla's own link, from the email that told her the request was accepted.
    home = mail_link(next(m for m in mailoutbox if m.to == [me.email]), "/b2b/")
    browse.goto(home + "agenda/", step="agenda")
    expect(page.locator("main")).to_contain_text("Ege Zeytin Çiftliği")
    assert meeting.request.recipient == partner
