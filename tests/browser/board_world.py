"""One of everything a board page can show, with long Turkish and Azerbaijani names, and the
address of every board page that renders for a GET.

`PAGES` lists the board's HTML pages (URL name, a kwargs builder, a screenshot name);
`NOT_PAGES` lists the board URLs that are no page of their own (a POST-only action, a file, a
redirect) and why. tests/browser/test_board_pages.py checks that the two cover every URL under
/board/ and screenshots every page of `PAGES` at a desktop's and a phone's width.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from contacts.enums import OutcomeKind
from events.b2b.models import Meeting as B2BMeeting
from events.delegations.links import make_group_token
from events.delegations.services import MemberData, register_group
from events.enums import DatePrecision, EventKind
from events.timezones import IZMIR
from events.tokens import CHECK_IN, make_token
from tests.events.board.report.fixture_year import build_year
from tests.factories import (
    AffiliationFactory,
    BakuVenueFactory,
    CheckedInRegistrationFactory,
    DelegationVisitFactory,
    EventFactory,
    MatchmakingFactory,
    MeetingFactory,
    MeetingRequestFactory,
    MeetingSessionFactory,
    OrganizationFactory,
    OutcomeFactory,
    ParticipantFactory,
    PersonFactory,
    PlanningItemFactory,
    PodcastEpisodeFactory,
    PodcastSeriesFactory,
    RegistrationFactory,
    SourceFactory,
    TodayEventFactory,
    VenueFactory,
)


@dataclass
class BoardWorld:
    today: object
    forum: object
    item: object
    series: object
    episode: object
    person: object
    organization: object
    source: object
    visit: object
    meeting: object
    outcome: object
    b2b_meeting: object
    registration: object
    checkin_token: str
    group: object
    group_token: str
    report_year: int


def build_board_world(member) -> BoardWorld:
    """Everything the board pages list, owned in part by `member` (their items, follow-ups)."""
    now = timezone.now()
    izmir = VenueFactory(name="Ahmet Adnan Saygun Sanat Merkezi", city="İzmir")
    baku = BakuVenueFactory(name="Heydər Əliyev Mərkəzi", city="Bakü")
    today = TodayEventFactory(
        title="İzmir–Bakü Dostluk Konseri ve Nevruz Şenliği", venue=izmir, slug="dostluk-konseri"
    )
    for number in range(1, 12):
        RegistrationFactory(
            event=today,
            full_name=f"Katılımcı {number}",
            organization="Azərbaycan Dillər Universiteti",
        )
    checked_in = CheckedInRegistrationFactory(
        event=today, full_name="Günel Əliyeva-Məmmədova", organization="Ege Üniversitesi"
    )
    forum = EventFactory(
        title="İzmir–Bakü İş Forumu: Ege ve Hazar arasında ticaret köprüsü",
        kind=EventKind.BUSINESS_FORUM,
        venue=baku,
        start=now + timedelta(days=3),
        end=now + timedelta(days=3, hours=6),
        slug="is-forumu",
    )
    year = timezone.localdate().year
    EventFactory(
        title="Festivals during the year",
        date_precision=DatePrecision.YEAR,
        start=datetime(year, 1, 1, tzinfo=ZoneInfo(IZMIR)),
        end=datetime(year + 1, 1, 1, tzinfo=ZoneInfo(IZMIR)),
        venue=None,
        slug="festivals-during-the-year",
    )
    item = PlanningItemFactory(event=today, owner=member, title="Yaka kartlarını bastır")

    series = PodcastSeriesFactory(title="Kardeş sesler: İzmir ve Bakü'den hikâyeler")
    organization = OrganizationFactory(
        name="Bakı Şəhər İcra Hakimiyyətinin Gənclər və İdman İdarəsi",
        short_name="BŞİH",
        city="Bakı",
        country="AZ",
    )
    person = PersonFactory(full_name="Rəşad Allahverənov-Məmmədzadə", country="AZ")
    AffiliationFactory(person=person, organization=organization, role="Baş məsləhətçi")
    episode = PodcastEpisodeFactory(series=series, title="Protokolün kırk yılı")
    episode.guests.set([person])
    source = SourceFactory(headline="İzmir ile Bakü kardeş şehir protokolünün 40. yılı")
    visit = DelegationVisitFactory(
        title="Gençlik heyeti Bakü'de: bakanlık ve platform görüşmeleri",
        start_date=timezone.localdate() - timedelta(days=2),
        end_date=timezone.localdate(),
    )
    visit.travellers.set([person])
    meeting = MeetingFactory(visit=visit, title="Gənclər və İdman Nazirliyi", city="Bakı")
    meeting.organizations.set([organization])
    meeting.participants.set([person])
    meeting.sources.set([source])
    outcome = OutcomeFactory(
        meeting=meeting, owner=member, text="Festival programının taslağını gönder"
    )
    OutcomeFactory(
        meeting=meeting,
        kind=OutcomeKind.EVENT_ANNOUNCED,
        owner=None,
        follow_up_on=None,
        text="Gençlik festivali İzmir'de",
    )
    MeetingFactory(visit=visit, title="Gənclər Platforması katibliyi", city="Bakı")

    b2b = MatchmakingFactory(event=forum).event
    session = MeetingSessionFactory(event=b2b, start=forum.start, tables=4)
    placed = MeetingRequestFactory(
        requester=ParticipantFactory(event=b2b, organization_name="Xəzər Logistika MMC"),
        recipient=ParticipantFactory(event=b2b, organization_name="Ege Zeytin Çiftliği A.Ş."),
    )
    b2b_meeting = B2BMeeting.objects.create(
        request=placed, session=session, starts_at=session.start, table=2
    )
    group = register_group(
        event=forum,
        name="Xəzər Ticarət Palatası",
        head_name="Leyla Quliyeva",
        head_email="leyla@example.az",
        head_language="az",
        country="AZ",
        members=[
            MemberData("Elnur Hüseynov", "elnur@example.az", "Ticarət müşaviri", "az"),
            MemberData("Aysel Rzayeva", "aysel@example.az", "", "az"),
        ],
        consent=True,
    )
    report_year = build_year(year - 1).year
    return BoardWorld(
        today=today,
        forum=forum,
        item=item,
        series=series,
        episode=episode,
        person=person,
        organization=organization,
        source=source,
        visit=visit,
        meeting=meeting,
        outcome=outcome,
        b2b_meeting=b2b_meeting,
        registration=checked_in,
        checkin_token=make_token(checked_in, purpose=CHECK_IN),
        group=group,
        group_token=make_group_token(group),
        report_year=report_year,
    )


def _slug(world):
    return {"slug": world.today.slug}


def _forum(world):
    return {"slug": world.forum.slug}


def _series(world):
    return {"slug": world.series.slug}


# The board's HTML pages: URL name, its arguments from the world, the screenshot's name, and
# optionally a query string that opens a second state of the same page.
PAGES = [
    ("board:dashboard", None, "dashboard"),
    ("board:calendar", None, "calendar-month"),
    ("board:calendar_month", lambda w: {"year": w.report_year, "month": 9}, "calendar-past-month"),
    ("board:calendar_this_week", None, "calendar-week"),
    ("board:calendar_week", lambda w: {"year": w.report_year, "week": 10}, "calendar-past-week"),
    ("board:event_detail", _slug, "event"),
    ("board:event_detail", _forum, "event-b2b"),
    ("board:event_create", None, "event-form-new"),
    ("board:event_edit", _slug, "event-form-edit"),
    ("board:event_reschedule", _forum, "event-reschedule"),
    ("board:event_cancel", _forum, "event-cancel"),
    ("board:planning_item_create", _slug, "planning-item-new"),
    ("board:planning_item_edit", lambda w: {"pk": w.item.pk}, "planning-item-edit"),
    ("board:my_items", None, "my-items"),
    ("board:event_list", None, "events"),
    ("board:event_list", None, "events-missing-translations", "?translations=missing"),
    ("board:podcast_series_list", None, "podcasts"),
    ("board:podcast_series_create", None, "podcast-series-new"),
    ("board:podcast_series_detail", _series, "podcast-series"),
    ("board:podcast_series_edit", _series, "podcast-series-edit"),
    ("board:podcast_episode_create", _series, "podcast-episode-new"),
    ("board:podcast_episode_edit", lambda w: {"pk": w.episode.pk}, "podcast-episode-edit"),
    ("board:venue_list", None, "venues"),
    ("board:venue_create", None, "venue-new"),
    ("board:venue_edit", lambda w: {"pk": w.today.venue_id}, "venue-edit"),
    ("board:audit_log", None, "audit-log"),
    ("board:report", lambda w: {"year": w.report_year}, "report"),
    (
        "board:report_list",
        lambda w: {"year": w.report_year, "subject": "registrations"},
        "report-list-registrations",
    ),
    (
        "board:report_list",
        lambda w: {"year": w.report_year, "subject": "meetings"},
        "report-list-meetings",
    ),
    ("board:delegation_list", None, "delegations"),
    ("board:b2b_event", _forum, "b2b-program"),
    ("board:b2b_rules", _forum, "b2b-rules"),
    ("board:b2b_session_create", _forum, "b2b-session-new"),
    ("board:b2b_move", lambda w: {"pk": w.b2b_meeting.pk}, "b2b-move"),
    ("contacts:directory", None, "contacts"),
    ("contacts:person", lambda w: {"pk": w.person.pk}, "person"),
    ("contacts:person_create", None, "person-form-new"),
    ("contacts:person_edit", lambda w: {"pk": w.person.pk}, "person-form-edit"),
    ("contacts:organizations", None, "organizations"),
    ("contacts:organization", lambda w: {"pk": w.organization.pk}, "organization"),
    ("contacts:organization_create", None, "organization-form-new"),
    ("contacts:organization_edit", lambda w: {"pk": w.organization.pk}, "organization-form-edit"),
    ("contacts:source_create", None, "source-form-new"),
    ("contacts:source_edit", lambda w: {"pk": w.source.pk}, "source-form-edit"),
    ("contacts:visits", None, "visits"),
    ("contacts:visit", lambda w: {"pk": w.visit.pk}, "visit"),
    ("contacts:visit_create", None, "visit-form-new"),
    ("contacts:visit_edit", lambda w: {"pk": w.visit.pk}, "visit-form-edit"),
    ("contacts:meeting_create", lambda w: {"visit_pk": w.visit.pk}, "meeting-form-new"),
    ("contacts:meeting_edit", lambda w: {"pk": w.meeting.pk}, "meeting-form-edit"),
    ("contacts:import", None, "contacts-import"),
    ("registrants:index", None, "registrants"),
    ("registrants:list", _slug, "registrants-list"),
    ("registrants:list", _forum, "registrants-list-delegation"),
    ("registrants:door", _slug, "door"),
    ("registrants:sheet", _slug, "sheet"),
    ("registrants:sheet", _slug, "sheet-with-qr", "?qr=1"),
    ("registrants:checkin", lambda w: {"token": w.checkin_token}, "checkin-scan"),
]

# The head of a delegation's pages are not the board's, but the board sends heads there.
DELEGATION_PAGES = [
    ("delegations:register", _forum, "delegation-register"),
    (
        "delegations:manage",
        lambda w: {"pk": w.group.pk, "token": w.group_token},
        "delegation-manage",
    ),
]

# Board URLs that are not a page of their own: what a GET gets instead (status, content type).
ACTION = (405, "text/html")  # a POST-only action: Django's empty "method not allowed"
FILE = (200, None)  # a file: any content type but HTML
NOT_PAGES = {
    "board:event_confirm": (ACTION, _forum),
    "board:event_from_outcome": (ACTION, lambda w: {"pk": w.outcome.pk}),
    "board:checklist_apply": (ACTION, _slug),
    "board:planning_item_status": (ACTION, lambda w: {"pk": w.item.pk}),
    "board:b2b_enable": (ACTION, _forum),
    "board:b2b_schedule": (ACTION, _forum),
    "board:b2b_publish": (ACTION, lambda w: {"pk": w.b2b_meeting.session_id}),
    "board:b2b_lock": (ACTION, lambda w: {"pk": w.b2b_meeting.pk}),
    "contacts:outcome_done": (ACTION, lambda w: {"pk": w.outcome.pk}),
    "contacts:import_confirm": (ACTION, None),
    "registrants:door_check_in": (
        ACTION,
        lambda w: {"slug": w.today.slug, "pk": w.registration.pk},
    ),
    "registrants:resend": (ACTION, lambda w: {"slug": w.today.slug, "pk": w.registration.pk}),
    # This year's report, screenshotted as board:report.
    "board:report_index": ((302, "text/html"), None),
    "board:report_css": (FILE, None),
    # Its pages are rendered and checked in tests/browser/test_board_report.py.
    "board:report_pdf": (FILE, lambda w: {"year": w.report_year}),
    "board:report_export": (
        FILE,
        lambda w: {"year": w.report_year, "table": "participation", "fmt": "csv"},
    ),
    "contacts:export": (FILE, lambda w: {"kind": "people", "fmt": "csv"}),
    "registrants:export": (FILE, lambda w: {"slug": w.today.slug, "fmt": "csv"}),
    "registrants:qr": (FILE, lambda w: {"slug": w.today.slug, "pk": w.registration.pk}),
}
