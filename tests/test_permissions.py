"""The permission matrix: every URL of the project, as four actors, GET and (for views that
change state) POST, against an explicit table of expected answers.

Adding a URL? Add ONE line to EXPECTED below (and, if it takes arguments, a `kwargs=` builder
on that line). The test fails for any URL name the table does not cover, and for rows whose URL
no longer exists. Only the Django admin's per-model pages are skipped: Django checks those
itself; the admin's entry points are in the table.

Actors, in the order of every tuple below:
  anonymous  a visitor with no account
  delegate   a visitor with no account holding a valid signed link of their registration (URLs
             listed in TOKEN_URLS get that token; the other actors get a forged one)
  board      a user in the "Board" group
  staff      is_staff and superuser
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from events.b2b.links import PARTICIPANT
from events.b2b.models import Meeting
from events.delegations.links import HEAD, make_group_token
from events.delegations.services import MemberData, register_group
from events.enums import EventKind, EventStatus
from events.models import Event
from events.tokens import CHECK_IN, SELF_SERVICE, make_token
from tests.factories import (
    BoardMemberFactory,
    DelegationVisitFactory,
    EventFactory,
    MeetingFactory,
    MeetingRequestFactory,
    MeetingSessionFactory,
    OrganizationFactory,
    OutcomeFactory,
    ParticipantFactory,
    PersonFactory,
    PlanningItemFactory,
    PodcastEpisodeFactory,
    RegistrationFactory,
    SourceFactory,
    StaffFactory,
)

ACTORS = ("anonymous", "delegate", "board", "staff")

# Expected answers.
OK = "200"
GO = "302 elsewhere"  # allowed: redirected to its target (not to a login page)
LOGIN = "302 to login"  # denied: sent to a login page
DENY = "403"
GONE = "404"
NO_METHOD = "405"


def each(answer):
    return (answer,) * len(ACTORS)


ALL = each(OK)
BOARD_ONLY = (LOGIN, LOGIN, OK, OK)  # PermissionRequiredMixin: anonymous to login, others 403
BOARD_ACTION = (LOGIN, LOGIN, GO, GO)  # a POST that redirects back when done
POST_ONLY = (LOGIN, LOGIN, NO_METHOD, NO_METHOD)
# A form posted empty comes back with its errors (400); nothing is written.
BOARD_FORM = (LOGIN, LOGIN, "400", "400")


@dataclass(frozen=True)
class Row:
    get: tuple
    post: tuple | None = None  # None: the view changes nothing, so POST is not part of the matrix
    kwargs: Callable[["World"], dict] = field(default=lambda w: {})


# Signed-link URLs of the public area: URL name -> token purpose (events/tokens.py). The
# delegate actor gets a valid token for these, everyone else a forged one.
TOKEN_URLS: dict[str, str] = {
    "events:manage": SELF_SERVICE,
    "events:confirm": SELF_SERVICE,
    "events:cancel": SELF_SERVICE,
    "events:erase": SELF_SERVICE,
    "registrants:checkin": CHECK_IN,
    "b2b:home": PARTICIPANT,
    "b2b:profile": PARTICIPANT,
    "b2b:directory": PARTICIPANT,
    "b2b:ask": PARTICIPANT,
    "b2b:answer": PARTICIPANT,
    "b2b:availability": PARTICIPANT,
    "b2b:agenda": PARTICIPANT,
    "b2b:agenda_ics": PARTICIPANT,
    "b2b:agenda_pdf": PARTICIPANT,
    "b2b:follow_up": PARTICIPANT,
    "b2b:withdraw": PARTICIPANT,
    "delegations:manage": HEAD,
    "delegations:confirm": HEAD,
    "delegations:cancel": HEAD,
}

_slug = lambda w: {"slug": w.event.slug}  # noqa: E731
_series = lambda w: {"slug": w.episode.series.slug}  # noqa: E731
_registration = lambda w: {"pk": w.registration.pk}  # noqa: E731
_door = lambda w: {"slug": w.event.slug, "pk": w.registration.pk}  # noqa: E731
_participant = lambda w: {"pk": w.participant.registration_id}  # noqa: E731
_b2b_slug = lambda w: {"slug": w.participant.event.slug}  # noqa: E731
_meeting = lambda w: {"pk": w.b2b_meeting.pk}  # noqa: E731
LINK_ONLY = (DENY, OK, DENY, DENY)  # a signed link's page: only its holder gets in
INVALID = (LOGIN, LOGIN, "400", "400")  # a board form posted empty comes back with its errors

EXPECTED: dict[str, Row] = {
    # --- public ---------------------------------------------------------------------------
    "home": Row(get=ALL),
    "events:program": Row(get=ALL),
    "events:detail": Row(get=ALL, kwargs=_slug),
    "events:calendar_today": Row(get=each(GO)),
    "events:calendar": Row(get=ALL, kwargs=lambda w: {"year": 2027, "month": 3}),
    "feed": Row(get=ALL),
    "events:privacy": Row(get=ALL),
    "events:ics": Row(get=ALL, kwargs=_slug),
    # An empty registration form comes back with its errors (400) for everyone.
    "events:register": Row(get=ALL, post=each("400"), kwargs=_slug),
    "events:registered": Row(get=ALL, kwargs=_slug),
    # Signed links: only the holder of the registration's own token gets in.
    "events:manage": Row(get=(DENY, OK, DENY, DENY), kwargs=_registration),
    "events:confirm": Row(
        get=(DENY, GO, DENY, DENY), post=(DENY, GO, DENY, DENY), kwargs=_registration
    ),
    # GET asks "really cancel?"; only the POST from that page cancels.
    "events:cancel": Row(
        get=(DENY, OK, DENY, DENY), post=(DENY, GO, DENY, DENY), kwargs=_registration
    ),
    "events:erase": Row(get=each(NO_METHOD), post=(DENY, GO, DENY, DENY), kwargs=_registration),
    "set_language": Row(get=each(GO), post=each(GO)),
    # --- site-wide: the health check and the favicon, for anyone (no personal data) ---------
    "healthz": Row(get=ALL),
    "favicon": Row(get=each(GO)),
    # --- accounts (Django's auth views) ----------------------------------------------------
    "login": Row(get=ALL, post=ALL),
    "logout": Row(get=each(NO_METHOD), post=ALL),
    "password_change": Row(get=BOARD_ONLY, post=BOARD_ONLY),
    "password_change_done": Row(get=BOARD_ONLY),
    "password_reset": Row(get=ALL, post=ALL),  # an empty form comes back with its errors
    "password_reset_done": Row(get=ALL),
    "password_reset_confirm": Row(get=ALL, kwargs=lambda w: {"uidb64": "MQ", "token": "forged"}),
    "password_reset_complete": Row(get=ALL),
    # --- admin entry points ----------------------------------------------------------------
    "admin:index": Row(get=(LOGIN, LOGIN, LOGIN, OK)),
    "admin:login": Row(get=(OK, OK, OK, GO), post=ALL),
    # Non-staff are sent to the admin index, which sends them on to the admin login.
    "admin:logout": Row(get=(GO, GO, GO, NO_METHOD), post=(GO, GO, GO, OK)),
    # --- board (this area) -----------------------------------------------------------------
    "board:dashboard": Row(get=BOARD_ONLY),
    "board:calendar": Row(get=BOARD_ONLY),
    "board:calendar_month": Row(get=BOARD_ONLY, kwargs=lambda w: {"year": 2027, "month": 3}),
    "board:calendar_this_week": Row(get=BOARD_ONLY),
    "board:calendar_week": Row(get=BOARD_ONLY, kwargs=lambda w: {"year": 2027, "week": 10}),
    "board:event_create": Row(get=BOARD_ONLY, post=BOARD_ONLY),
    "board:event_detail": Row(get=BOARD_ONLY, kwargs=_slug),
    "board:event_edit": Row(get=BOARD_ONLY, post=BOARD_ONLY, kwargs=_slug),
    "board:event_reschedule": Row(get=BOARD_ONLY, post=BOARD_ONLY, kwargs=_slug),
    "board:event_confirm": Row(get=POST_ONLY, post=BOARD_ACTION, kwargs=_slug),
    "board:event_cancel": Row(get=BOARD_ONLY, post=BOARD_ACTION, kwargs=_slug),
    "board:checklist_apply": Row(get=POST_ONLY, post=BOARD_ACTION, kwargs=_slug),
    "board:planning_item_create": Row(get=BOARD_ONLY, post=BOARD_ONLY, kwargs=_slug),
    "board:planning_item_edit": Row(
        get=BOARD_ONLY, post=BOARD_ONLY, kwargs=lambda w: {"pk": w.item.pk}
    ),
    "board:planning_item_status": Row(
        get=POST_ONLY, post=BOARD_ACTION, kwargs=lambda w: {"pk": w.item.pk}
    ),
    "board:my_items": Row(get=BOARD_ONLY),
    "board:event_list": Row(get=BOARD_ONLY),
    "board:venue_list": Row(get=BOARD_ONLY),
    "board:venue_create": Row(get=BOARD_ONLY, post=BOARD_ONLY),
    "board:venue_edit": Row(
        get=BOARD_ONLY, post=BOARD_ONLY, kwargs=lambda w: {"pk": w.event.venue_id}
    ),
    "board:podcast_series_list": Row(get=BOARD_ONLY),
    "board:podcast_series_create": Row(get=BOARD_ONLY, post=BOARD_ONLY),
    "board:podcast_series_detail": Row(get=BOARD_ONLY, kwargs=_series),
    "board:podcast_series_edit": Row(get=BOARD_ONLY, post=BOARD_ONLY, kwargs=_series),
    "board:podcast_episode_create": Row(get=BOARD_ONLY, post=BOARD_ONLY, kwargs=_series),
    "board:podcast_episode_edit": Row(
        get=BOARD_ONLY, post=BOARD_ONLY, kwargs=lambda w: {"pk": w.episode.pk}
    ),
    "board:audit_log": Row(get=BOARD_ONLY),
    # The year in numbers (reads only; a plain user's 403 is in tests/events/board/report/).
    "board:report_index": Row(get=(LOGIN, LOGIN, GO, GO)),
    "board:report": Row(get=BOARD_ONLY, kwargs=lambda w: {"year": 2026}),
    "board:report_css": Row(get=BOARD_ONLY),
    "board:report_pdf": Row(get=BOARD_ONLY, kwargs=lambda w: {"year": 2026}),
    "board:report_export": Row(
        get=BOARD_ONLY, kwargs=lambda w: {"year": 2026, "table": "participation", "fmt": "csv"}
    ),
    "board:report_list": Row(get=BOARD_ONLY, kwargs=lambda w: {"year": 2026, "subject": "events"}),
    # An outcome that is not an announcement is refused with a message, back to its visit.
    "board:event_from_outcome": Row(
        get=POST_ONLY, post=BOARD_ACTION, kwargs=lambda w: {"pk": w.outcome.pk}
    ),
    # --- contacts and visits ----------------------------------------------------------------
    "contacts:directory": Row(get=BOARD_ONLY),
    "contacts:person": Row(get=BOARD_ONLY, kwargs=lambda w: {"pk": w.person.pk}),
    "contacts:organizations": Row(get=BOARD_ONLY),
    "contacts:organization": Row(get=BOARD_ONLY, kwargs=lambda w: {"pk": w.organization.pk}),
    "contacts:visits": Row(get=BOARD_ONLY),
    "contacts:visit": Row(get=BOARD_ONLY, kwargs=lambda w: {"pk": w.meeting.visit_id}),
    # Writing down people, organizations, sources, visits, meetings and outcomes: the board
    # adds and changes; deleting stays in the admin (staff).
    "contacts:person_create": Row(get=BOARD_ONLY, post=BOARD_FORM),
    "contacts:person_edit": Row(
        get=BOARD_ONLY, post=BOARD_FORM, kwargs=lambda w: {"pk": w.person.pk}
    ),
    "contacts:organization_create": Row(get=BOARD_ONLY, post=BOARD_FORM),
    "contacts:organization_edit": Row(
        get=BOARD_ONLY, post=BOARD_FORM, kwargs=lambda w: {"pk": w.organization.pk}
    ),
    "contacts:source_create": Row(get=BOARD_ONLY, post=BOARD_FORM),
    "contacts:source_edit": Row(
        get=BOARD_ONLY, post=BOARD_FORM, kwargs=lambda w: {"pk": w.source.pk}
    ),
    "contacts:visit_create": Row(get=BOARD_ONLY, post=BOARD_FORM),
    "contacts:visit_edit": Row(
        get=BOARD_ONLY, post=BOARD_FORM, kwargs=lambda w: {"pk": w.meeting.visit_id}
    ),
    "contacts:meeting_create": Row(
        get=BOARD_ONLY, post=BOARD_FORM, kwargs=lambda w: {"visit_pk": w.meeting.visit_id}
    ),
    "contacts:meeting_edit": Row(
        get=BOARD_ONLY, post=BOARD_FORM, kwargs=lambda w: {"pk": w.meeting.pk}
    ),
    "contacts:outcome_done": Row(
        get=each(NO_METHOD), post=BOARD_ACTION, kwargs=lambda w: {"pk": w.outcome.pk}
    ),
    "contacts:export": Row(get=BOARD_ONLY, kwargs=lambda w: {"kind": "people", "fmt": "csv"}),
    # An empty upload comes back with its errors; nothing is imported.
    "contacts:import": Row(get=BOARD_ONLY, post=BOARD_ONLY),
    "contacts:import_confirm": Row(get=each(NO_METHOD), post=BOARD_ACTION),
    # --- registrants and check-in -------------------------------------------------------------
    "registrants:index": Row(get=BOARD_ONLY),
    "registrants:list": Row(get=BOARD_ONLY, kwargs=_slug),
    "registrants:export": Row(get=BOARD_ONLY, kwargs=lambda w: {**_slug(w), "fmt": "csv"}),
    "registrants:door": Row(get=BOARD_ONLY, kwargs=_slug),
    "registrants:door_check_in": Row(get=each(NO_METHOD), post=BOARD_ACTION, kwargs=_door),
    "registrants:sheet": Row(get=BOARD_ONLY, kwargs=_slug),
    "registrants:resend": Row(get=each(NO_METHOD), post=BOARD_ACTION, kwargs=_door),
    "registrants:qr": Row(get=BOARD_ONLY, kwargs=_door),
    # The QR link from the confirmation email: a delegate holding it cannot check in alone; a
    # board member with a forged token gets a clear refusal (400) and nothing changes.
    "registrants:checkin": Row(get=(LOGIN, LOGIN, "400", "400"), post=(LOGIN, LOGIN, "400", "400")),
    # --- business program: participants by signed link ------------------------------------------
    "b2b:home": Row(get=LINK_ONLY, kwargs=_participant),
    "b2b:profile": Row(get=LINK_ONLY, post=(DENY, "400", DENY, DENY), kwargs=_participant),
    "b2b:directory": Row(get=LINK_ONLY, kwargs=_participant),
    "b2b:ask": Row(
        get=LINK_ONLY,
        post=(DENY, "400", DENY, DENY),
        kwargs=lambda w: {**_participant(w), "participant_id": w.b2b_request.requester_id},
    ),
    # An empty answer is refused with a message on the participant's page.
    "b2b:answer": Row(
        get=LINK_ONLY,
        post=(DENY, GO, DENY, DENY),
        kwargs=lambda w: {**_participant(w), "request_id": w.b2b_request.pk},
    ),
    "b2b:availability": Row(get=LINK_ONLY, post=(DENY, GO, DENY, DENY), kwargs=_participant),
    "b2b:agenda": Row(get=LINK_ONLY, kwargs=_participant),
    "b2b:agenda_ics": Row(get=LINK_ONLY, kwargs=_participant),
    "b2b:agenda_pdf": Row(get=LINK_ONLY, kwargs=_participant),
    # The request in the world was made by another participant: not found for this one.
    "b2b:withdraw": Row(
        get=each(NO_METHOD),
        post=(DENY, GONE, DENY, DENY),
        kwargs=lambda w: {**_participant(w), "request_id": w.b2b_request.pk},
    ),
    # Nothing chosen: nothing saved, back to the page.
    "b2b:follow_up": Row(get=LINK_ONLY, post=(DENY, GO, DENY, DENY), kwargs=_participant),
    # --- delegations: the head's form and signed link -----------------------------------------
    # An empty form comes back with its errors (400) for everyone.
    "delegations:register": Row(get=ALL, post=each("400"), kwargs=_slug),
    "delegations:manage": Row(get=LINK_ONLY, kwargs=lambda w: {"pk": w.group.pk}),
    "delegations:confirm": Row(
        get=each(NO_METHOD), post=(DENY, GO, DENY, DENY), kwargs=lambda w: {"pk": w.group.pk}
    ),
    "delegations:cancel": Row(
        get=each(NO_METHOD), post=(DENY, GO, DENY, DENY), kwargs=lambda w: {"pk": w.group.pk}
    ),
    # --- business program: board ---------------------------------------------------------------
    "board:b2b_event": Row(get=BOARD_ONLY, kwargs=_b2b_slug),
    "board:delegation_list": Row(get=BOARD_ONLY),
    "board:b2b_enable": Row(get=POST_ONLY, post=BOARD_ACTION, kwargs=_b2b_slug),
    "board:b2b_session_create": Row(get=BOARD_ONLY, post=INVALID, kwargs=_b2b_slug),
    "board:b2b_rules": Row(get=BOARD_ONLY, post=INVALID, kwargs=_b2b_slug),
    "board:b2b_schedule": Row(get=POST_ONLY, post=BOARD_ACTION, kwargs=_b2b_slug),
    "board:b2b_publish": Row(
        get=POST_ONLY, post=BOARD_ACTION, kwargs=lambda w: {"pk": w.b2b_meeting.session_id}
    ),
    "board:b2b_lock": Row(get=POST_ONLY, post=BOARD_ACTION, kwargs=_meeting),
    "board:b2b_move": Row(get=BOARD_ONLY, post=INVALID, kwargs=_meeting),
}

# The admin's own pages (per-model lists, forms, history) are Django's to guard.
ADMIN_ENTRY_POINTS = {"admin:index", "admin:login", "admin:logout"}


def _walk(patterns, namespace="", route=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, route + str(pattern.pattern)


def project_url_names() -> tuple[set[str], list[str]]:
    """(named URLs to check, routes of unnamed URLs outside the admin)."""
    names, unnamed = set(), []
    for name, route in _walk(get_resolver().url_patterns):
        if route.lstrip("^/").startswith(settings.STATIC_URL.strip("/")):
            continue
        if route.lstrip("^").startswith("admin/"):
            if name in ADMIN_ENTRY_POINTS:
                names.add(name)
            continue
        if name is None:
            unnamed.append(route)
        else:
            names.add(name)
    return names, unnamed


def test_every_url_has_a_row_in_the_matrix():
    names, unnamed = project_url_names()

    assert sorted(names - EXPECTED.keys()) == [], "add a row to EXPECTED for each of these"
    assert sorted(EXPECTED.keys() - names) == [], "these rows name URLs that no longer exist"
    assert unnamed == [], "give these URLs a name so that the matrix can cover them"


class World:
    """One of everything a URL can point at."""

    def __init__(self, actor: str):
        self.actor = actor
        self.event = EventFactory(slug="nevruz-2027", kind=EventKind.OFFICIAL_VISIT)
        self.internal = EventFactory(is_public=False, status=EventStatus.PLANNED)
        self.registration = RegistrationFactory(event=self.event)
        self.item = PlanningItemFactory(event=self.event)
        self.episode = PodcastEpisodeFactory()
        self.person = PersonFactory()
        self.organization = OrganizationFactory()
        self.meeting = MeetingFactory(visit=DelegationVisitFactory())
        # The business program: a participant asked by another, and one placed meeting.
        self.participant = ParticipantFactory()
        self.b2b_request = MeetingRequestFactory(
            requester=ParticipantFactory(event=self.participant.event),
            recipient=self.participant,
            status="pending",
        )
        session = MeetingSessionFactory(event=self.participant.event)
        placed = MeetingRequestFactory(requester=self.participant)
        self.b2b_meeting = placed.meeting = Meeting.objects.create(
            request=placed, session=session, starts_at=session.start, table=1
        )

        self.group = register_group(
            event=self.event,
            name="Caspian Trade",
            head_name="Head",
            head_email="head@example.az",
            head_language="az",
            country="AZ",
            members=[MemberData("Member", "member@example.az")],
            consent=True,
        )
        self.outcome = OutcomeFactory(meeting=self.meeting)
        self.source = SourceFactory()

    def token(self, purpose: str) -> str:
        if purpose == HEAD:
            token = make_group_token(self.group)
            return token if self.actor == "delegate" else token[:-4] + "AAAA"
        holder = self.participant.registration if purpose == PARTICIPANT else self.registration
        if self.actor == "delegate":
            return make_token(holder, purpose=purpose)
        return make_token(holder, purpose=purpose)[:-4] + "AAAA"


def _cases():
    names, _unnamed = project_url_names()
    for name in sorted(names & EXPECTED.keys()):
        row = EXPECTED[name]
        for method, answers in (("GET", row.get), ("POST", row.post)):
            if answers is None:
                continue
            for actor, answer in zip(ACTORS, answers, strict=True):
                yield pytest.param(name, method, actor, answer, id=f"{name}-{method}-{actor}")


def _answer(response) -> str:
    if response.status_code in (301, 302):
        target = response["Location"]
        login_pages = (reverse(settings.LOGIN_URL), reverse("admin:login"))
        return LOGIN if target.startswith(login_pages) else GO
    return str(response.status_code)


def _state():
    """What a refused POST must leave alone: the audit trail and every event's status."""
    return LogEntry.objects.count(), list(Event.objects.order_by("pk").values_list("status"))


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "actor", "expected"), list(_cases()))
def test_permission_matrix(client, name, method, actor, expected):
    world = World(actor)
    row = EXPECTED[name]
    kwargs = row.kwargs(world)
    if name in TOKEN_URLS:
        kwargs = {"token": world.token(TOKEN_URLS[name]), **kwargs}
    url = reverse(name, kwargs=kwargs)
    if actor == "board":
        client.force_login(BoardMemberFactory())
    elif actor == "staff":
        client.force_login(StaffFactory())
    before = _state()

    response = client.get(url) if method == "GET" else client.post(url, {})

    assert _answer(response) == expected, f"{method} {url} as {actor}"
    if method == "POST" and expected in (LOGIN, DENY, GONE, NO_METHOD):
        assert _state() == before, "a refused POST changed something"


def test_token_purposes_are_known():
    assert set(TOKEN_URLS.values()) <= {SELF_SERVICE, CHECK_IN, PARTICIPANT, HEAD}
