from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from contacts.selectors import person_timeline
from tests.factories import (
    AffiliationFactory,
    DelegationVisitFactory,
    EventFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
    PodcastEpisodeFactory,
    SourceFactory,
    UserFactory,
    user_with_permissions,
)

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


def _urls():
    person = PersonFactory()
    organization = OrganizationFactory()
    visit = DelegationVisitFactory()
    return {
        "directory": reverse("contacts:directory"),
        "person": reverse("contacts:person", args=[person.pk]),
        "organizations": reverse("contacts:organizations"),
        "organization": reverse("contacts:organization", args=[organization.pk]),
        "visits": reverse("contacts:visits"),
        "visit": reverse("contacts:visit", args=[visit.pk]),
        "export": reverse("contacts:export", args=["people", "csv"]),
        "import": reverse("contacts:import"),
    }


def test_directory_pages_send_anonymous_visitors_to_login(client):
    for name, url in _urls().items():
        response = client.get(url)
        assert (name, response.status_code) == (name, 302)
        assert response["Location"].startswith(reverse("login")), name


def test_directory_pages_refuse_users_without_permission(client):
    urls = _urls()
    client.force_login(UserFactory())

    statuses = {name: client.get(url).status_code for name, url in urls.items()}

    assert statuses == dict.fromkeys(urls, 403)


def test_directory_readers_cannot_import(client):
    urls = _urls()
    client.force_login(user_with_permissions("contacts.view_person"))

    statuses = {name: client.get(urls[name]).status_code for name in ("directory", "import")}
    confirm = client.post(reverse("contacts:import_confirm"), {"token": "x"})

    assert statuses == {"directory": 200, "import": 403}
    assert confirm.status_code == 403


def test_directory_search_folds_turkish_and_azerbaijani_letters(board_client):
    PersonFactory(full_name="Rəşad İsmayilov")
    PersonFactory(full_name="Zeynep Çelik")
    OrganizationFactory(name="İzmir Ticaret Odası", short_name="İZTO")
    OrganizationFactory(name="Bakı Dövlət Universiteti")

    people = board_client.get(reverse("contacts:directory"), {"q": "ismayilov"})
    organizations = board_client.get(reverse("contacts:organizations"), {"q": "izmir"})

    assert [p.full_name for p in people.context["page"].object_list] == ["Rəşad İsmayilov"]
    assert [o.name for o in organizations.context["page"].object_list] == ["İzmir Ticaret Odası"]
    assert "Rəşad İsmayilov" in people.content.decode()


def test_directory_lists_people_in_turkish_alphabetical_order(board_client):
    for name in ("Zeynep Ak", "Çağla Er", "Cem Ay", "Ömer Su", "Orhan Öz"):
        PersonFactory(full_name=name)

    response = board_client.get(reverse("contacts:directory"), HTTP_ACCEPT_LANGUAGE="tr")

    assert [p.full_name for p in response.context["page"].object_list] == [
        "Cem Ay",
        "Çağla Er",
        "Orhan Öz",
        "Ömer Su",
        "Zeynep Ak",
    ]


def test_directory_tabs_count_matches_in_the_other_list(board_client):
    PersonFactory(full_name="İlham Bakı")
    OrganizationFactory(name="Bakı Biznes Mərkəzi")
    OrganizationFactory(name="Other")

    response = board_client.get(reverse("contacts:directory"), {"q": "baki"})

    tabs = {tab["key"]: tab["count"] for tab in response.context["tabs"]}
    assert tabs == {"people": None, "organizations": 1, "visits": None}


def test_directory_is_paginated(board_client):
    PersonFactory.create_batch(30)

    first = board_client.get(reverse("contacts:directory"))
    second = board_client.get(reverse("contacts:directory"), {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5


def test_directory_query_count_is_constant(board_client, assert_constant_queries):
    AffiliationFactory()
    url = reverse("contacts:directory")

    def grow():
        for _ in range(12):
            AffiliationFactory.create_batch(2, person=PersonFactory())

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=8)

    assert len(response.context["page"].object_list) == 13


def test_organization_list_query_count_is_constant(board_client, assert_constant_queries):
    AffiliationFactory()
    url = reverse("contacts:organizations")

    def grow():
        for _ in range(10):
            AffiliationFactory.create_batch(3, organization=OrganizationFactory())

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=7)

    assert len(response.context["page"].object_list) == 11


def test_person_page_shows_roles_over_time_with_sources(board_client):
    person = PersonFactory(full_name="Aydın Quliyev")
    source = SourceFactory(headline="Bakü heyeti İzmir'de", url="https://example.org/haber")
    old = AffiliationFactory(
        person=person,
        role="Deputy chair",
        start=date(2015, 1, 1),
        end=date(2020, 1, 1),
        organization=OrganizationFactory(name="Old Org"),
    )
    old.sources.add(source)
    AffiliationFactory(
        person=person,
        role="Chair",
        start=date(2020, 1, 2),
        organization=OrganizationFactory(name="New Org"),
    )

    response = board_client.get(reverse("contacts:person", args=[person.pk]))

    content = response.content.decode()
    roles = [a.role for a in response.context["person"].affiliations.all()]
    assert roles == ["Chair", "Deputy chair"]
    assert "(2015–2020)" in content
    assert (
        '<a href="https://example.org/haber" rel="noopener noreferrer" target="_blank">' in content
    )
    assert "Bakü heyeti İzmir&#x27;de" in content


def test_person_timeline_lists_everything_they_took_part_in_newest_first():
    person = PersonFactory()
    visit = DelegationVisitFactory(title="Visit to Bakü", start_date=date(2025, 5, 1))
    visit.travellers.add(person)
    meeting = MeetingFactory(title="Roadmap meeting", date=date(2025, 5, 2), visit=visit)
    meeting.participants.add(person)
    responsible = EventFactory(
        title="Forum", responsible=person, start=datetime(2026, 3, 1, 10, tzinfo=IZMIR)
    )
    speaking = EventFactory(title="Concert", start=datetime(2026, 6, 1, 19, tzinfo=IZMIR))
    speaking.speakers.add(person)
    both = EventFactory(
        title="Anniversary", responsible=person, start=datetime(2026, 12, 1, 18, tzinfo=IZMIR)
    )
    both.speakers.add(person)
    episode = PodcastEpisodeFactory(title="Twin cities", published_on=date(2026, 1, 15))
    episode.guests.add(person)
    EventFactory(title="Not theirs")

    timeline = person_timeline(person)

    assert [(entry.kind, str(entry.obj.title)) for entry in timeline] == [
        ("event", "Anniversary"),
        ("event", "Concert"),
        ("event", "Forum"),
        ("episode", "Twin cities"),
        ("meeting", "Roadmap meeting"),
        ("visit", "Visit to Bakü"),
    ]
    assert [str(role) for role in timeline[0].roles] == ["responsible", "speaker or guest"]
    assert responsible in [entry.obj for entry in timeline]


def test_person_page_timeline_shows_meeting_outcome_and_source(board_client):
    person = PersonFactory()
    meeting = MeetingFactory(outcomes="A joint roadmap was agreed.")
    meeting.participants.add(person)
    meeting.sources.add(SourceFactory(headline="Yol haritası imzalandı"))

    content = board_client.get(reverse("contacts:person", args=[person.pk])).content.decode()

    assert "A joint roadmap was agreed." in content
    assert "Yol haritası imzalandı" in content
    assert f'href="/board/contacts/visits/{meeting.visit_id}/#meeting-{meeting.pk}"' in content


def _take_part(person):
    """One of everything a person can appear in, each with a source."""
    AffiliationFactory(person=person).sources.add(SourceFactory())
    visit = DelegationVisitFactory()
    visit.travellers.add(person)
    visit.sources.add(SourceFactory())
    meeting = MeetingFactory(visit=visit)
    meeting.participants.add(person)
    meeting.sources.add(SourceFactory())
    event = EventFactory(responsible=person)
    event.speakers.add(person)
    event.sources.add(SourceFactory())
    PodcastEpisodeFactory().guests.add(person)


def test_person_page_query_count_is_constant(board_client, assert_constant_queries):
    person = PersonFactory()
    _take_part(person)
    url = reverse("contacts:person", args=[person.pk])

    def grow():
        for _ in range(5):
            _take_part(person)

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=15)

    assert len(response.context["timeline"]) == 24


def test_organization_page_timeline_shows_hosted_and_organized(board_client):
    organization = OrganizationFactory(name="İZAZDER")
    hosted = DelegationVisitFactory(title="Hosted visit", host_organization=organization)
    travelled = DelegationVisitFactory(title="Travelled visit")
    travelled.organizations.add(organization)
    meeting = MeetingFactory(title="Joined meeting")
    meeting.organizations.add(organization)
    event = EventFactory(title="Organized event")
    event.organizers.add(organization)
    AffiliationFactory(organization=organization, person=PersonFactory(full_name="Member One"))

    response = board_client.get(reverse("contacts:organization", args=[organization.pk]))

    entries = {
        str(entry.obj.title): [str(r) for r in entry.roles]
        for entry in response.context["timeline"]
    }
    assert entries == {
        "Hosted visit": ["host"],
        "Travelled visit": ["travelling organization"],
        "Joined meeting": ["taking part"],
        "Organized event": ["organizer"],
    }
    assert "Member One" in response.content.decode()
    assert hosted.pk and travelled.pk


def _involve(organization):
    AffiliationFactory(organization=organization).sources.add(SourceFactory())
    DelegationVisitFactory(host_organization=organization).sources.add(SourceFactory())
    DelegationVisitFactory().organizations.add(organization)
    meeting = MeetingFactory(host_organization=organization)
    meeting.organizations.add(organization)
    meeting.sources.add(SourceFactory())
    event = EventFactory()
    event.organizers.add(organization)
    event.sources.add(SourceFactory())


def test_organization_page_query_count_is_constant(board_client, assert_constant_queries):
    organization = OrganizationFactory()
    _involve(organization)
    url = reverse("contacts:organization", args=[organization.pk])

    def grow():
        for _ in range(5):
            _involve(organization)

    response = assert_constant_queries(
        lambda: board_client.get(url), grow, expected=15
    )  # + its B2B meetings

    assert len(response.context["timeline"]) == 24


def test_visit_page_shows_meetings_in_order_with_participants_outcomes_and_events(board_client):
    visit = DelegationVisitFactory(title="İzmir delegation in Bakü", start_date=date(2026, 5, 10))
    traveller = PersonFactory(full_name="Cemil Tugay")
    AffiliationFactory(
        person=traveller,
        role="Mayor",
        start=date(2024, 4, 1),
        organization=OrganizationFactory(name="İzmir Büyükşehir Belediyesi"),
    )
    visit.travellers.add(traveller)
    second = MeetingFactory(visit=visit, title="Second", date=date(2026, 5, 12), outcomes="")
    first = MeetingFactory(
        visit=visit, title="First", date=date(2026, 5, 11), outcomes="Protocol signed"
    )
    first.participants.add(PersonFactory(full_name="Eldar Əzizov"))
    EventFactory(title="Follow-up forum", delegation_visit=visit)

    response = board_client.get(reverse("contacts:visit", args=[visit.pk]))

    content = response.content.decode()
    assert [m.title for m in response.context["visit"].meetings.all()] == ["First", "Second"]
    assert "Eldar Əzizov" in content
    assert "Protocol signed" in content
    assert "No outcome recorded." in content
    assert "Follow-up forum" in content
    assert "Mayor, İzmir Büyükşehir Belediyesi" in content
    assert second.pk


def _extend(visit):
    person = PersonFactory()
    AffiliationFactory(person=person)
    visit.travellers.add(person)
    visit.organizations.add(OrganizationFactory())
    visit.sources.add(SourceFactory())
    meeting = MeetingFactory(visit=visit)
    meeting.participants.add(PersonFactory())
    meeting.organizations.add(OrganizationFactory())
    meeting.sources.add(SourceFactory())
    EventFactory(delegation_visit=visit).sources.add(SourceFactory())


def test_visit_page_query_count_is_constant(board_client, assert_constant_queries):
    visit = DelegationVisitFactory()
    _extend(visit)
    url = reverse("contacts:visit", args=[visit.pk])

    def grow():
        for _ in range(5):
            _extend(visit)

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=18)

    assert len(response.context["visit"].meetings.all()) == 6


def test_visit_list_counts_meetings_and_events_and_searches_cities(board_client):
    visit = DelegationVisitFactory(title="Trade mission", destination_city="Bakı")
    MeetingFactory.create_batch(3, visit=visit)
    EventFactory.create_batch(2, delegation_visit=visit)
    DelegationVisitFactory(title="Elsewhere", origin_city="Ankara", destination_city="Ankara")

    response = board_client.get(reverse("contacts:visits"), {"q": "baki"})

    visits = list(response.context["page"].object_list)
    assert [(v.title, v.meeting_count, v.event_count) for v in visits] == [("Trade mission", 3, 2)]


def test_visit_list_query_count_is_constant(board_client, assert_constant_queries):
    DelegationVisitFactory().travellers.add(PersonFactory())
    url = reverse("contacts:visits")

    def grow():
        for _ in range(10):
            visit = DelegationVisitFactory(start_date=date.today() - timedelta(days=3))
            visit.travellers.add(PersonFactory(), PersonFactory())
            MeetingFactory(visit=visit)

    response = assert_constant_queries(lambda: board_client.get(url), grow, expected=10)

    assert len(response.context["page"].object_list) == 11


def test_visit_list_finds_a_visit_by_its_title_in_any_language(board_client):
    DelegationVisitFactory(title_tr="Ticaret heyeti", title_az="Ticarət heyəti", title_en="Trade")
    DelegationVisitFactory(title_tr="Başka", origin_city="Ankara", destination_city="Ankara")

    found = {
        query: [
            v.title_tr
            for v in board_client.get(reverse("contacts:visits"), {"q": query})
            .context["page"]
            .object_list
        ]
        for query in ("ticaret", "heyəti", "trade")
    }

    assert found == {query: ["Ticaret heyeti"] for query in ("ticaret", "heyəti", "trade")}
