"""The seeded facts, checked one by one against the five source articles."""

import hashlib
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from contacts.models import Affiliation, DelegationVisit, Meeting, Organization, Person, Source
from contacts.text import search_key
from events.conflicts import conflicts_between
from events.models import Event, PodcastEpisode, PodcastSeries, Registration, Venue
from events.seed import load_facts

from .articles import ARTICLES_DIR, article_text, free_text

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")
SEEDED_MODELS = [
    Source,
    Organization,
    Person,
    Affiliation,
    DelegationVisit,
    Meeting,
    Venue,
    Event,
    PodcastSeries,
]


def _checksum() -> str:
    """Every field of every row of the seeded models, and their many-to-many links."""
    digest = hashlib.sha256()
    for model in SEEDED_MODELS:
        for row in model.objects.order_by("pk").values():
            digest.update(repr(sorted(row.items())).encode())
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            digest.update(repr(list(through.objects.order_by("pk").values_list())).encode())
    return digest.hexdigest()


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in SEEDED_MODELS}


# --- sources ----------------------------------------------------------------------------------


def test_seed_loads_one_source_per_article(seeded, articles):
    sources = {
        s.file_name: (s.published_on, s.language)
        for s in Source.objects.exclude(seed_key__isnull=True)
    }

    assert sources == {
        "000_a233830f1a401a29.txt": (date(2026, 2, 3), "tr"),
        "001_32c2d20e85974c6c.txt": (date(2026, 1, 12), "tr"),
        "002_9e539c16cabbf99f.txt": (date(2026, 1, 28), "tr"),
        "003_65728ef84df36301.txt": (None, "tr"),
        "004_2adad96e80fa6a07.txt": (None, "az"),
    }
    assert sorted(path.name for path in ARTICLES_DIR.glob("*.txt")) == sorted(sources)


def test_seed_source_dates_match_the_article_headers(seeded, articles):
    for source in Source.objects.all():
        header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})", article_text(source.file_name))
        expected = date.fromisoformat(header.group(1)) if header else None

        assert source.published_on == expected, source.file_name


def test_seed_summaries_are_two_or_three_sentences(seeded):
    for source in Source.objects.all():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", source.summary.strip()) if s]

        assert len(sentences) in (2, 3), source.file_name


def test_seed_text_leaves_out_the_articles_claims_about_third_parties(seeded):
    # Article 004's claims about other diasporas, the 2014 exhibition's title and the slogans.
    banned = ["armenian", "ermeni", "soyqirim", "genocide", "lies", "yalan", "one nation"]
    banned += ["bir millet", "jewish", "yehudi"]  # the same claims, as az and en would put them

    found = {
        label: word for label, text in free_text() for word in banned if word in search_key(text)
    }

    assert found == {}


def test_seed_links_every_row_to_a_source(seeded):
    unsourced = [
        str(row)
        for model in (Organization, Person, Affiliation, DelegationVisit, Meeting, Event)
        for row in model.objects.filter(sources__isnull=True)
    ] + [str(s) for s in PodcastSeries.objects.filter(sources__isnull=True)]

    assert unsourced == []


# --- organizations and people -----------------------------------------------------------------


@pytest.mark.usefixtures("turkish")
def test_seed_organizations_have_kind_country_and_city(seeded):
    organizations = {
        o.name: (o.short_name, o.kind, str(o.country), o.city) for o in Organization.objects.all()
    }

    assert organizations == {
        "İzmir Azerbaycan Derneği": ("İZAZDER", "association", "TR", "İzmir"),
        "İZAZDER İş Geliştirme Komitesi": ("", "association", "TR", "İzmir"),
        "İzmir Büyükşehir Belediyesi": ("", "municipality", "TR", "İzmir"),
        "Azerbaycan Diaspora Bakanlığı": ("", "state_body", "AZ", "Bakü"),
        "Yurtdışı Türkler ve Akraba Topluluklar Başkanlığı": ("YTB", "state_body", "TR", "Ankara"),
        "Azerbaycan Milli Meclisi": ("Milli Meclis", "parliament", "AZ", "Bakü"),
        "Türk Devletleri Teşkilatı": ("TDT", "platform", "", ""),
        "Türk Devletleri Teşkilatı Üye Ülkeleri STK Platformu": (
            "TDT STK Platformu",
            "platform",
            "",
            "",
        ),
        "Azerbaycan Milli STK Forumu": ("", "forum", "AZ", "Bakü"),
        "Azerbaycan Basın Konseyi": ("", "press_body", "AZ", "Bakü"),
        "Orta Asya ve Güney Kafkasya İfade Özgürlüğü Ağı": ("CASCFEN", "platform", "", ""),
        "Bakü Uluslararası Çokkültürlülük Merkezi": ("", "think_tank", "AZ", "Bakü"),
        "Uluslararası İlişkiler Analiz Merkezi": ("", "think_tank", "AZ", "Bakü"),
        "Kerkük Kültür Derneği": ("", "association", "", ""),
        "Yeni Azerbaycan Partisi": ("YAP", "party", "AZ", "Bakü"),
    }


@pytest.mark.usefixtures("turkish")
def test_seed_people_hold_their_roles_in_their_organizations(seeded):
    roles = {
        str(person): sorted(
            (a.role, a.organization.short_name or a.organization.name)
            for a in person.affiliations.select_related("organization")
        )
        for person in Person.objects.all()
    }

    assert roles == {
        "Perviz Altay": [("Başkan", "İZAZDER")],
        "Dr. Cemil Tugay": [("İzmir Büyükşehir Belediye Başkanı", "İzmir Büyükşehir Belediyesi")],
        "Fuad Muradov": [
            ("Diaspora Bakanı (kaynaktaki ifadeyle)", "Azerbaycan Diaspora Bakanlığı")
        ],
        "Azer Allahveranov": [
            ("Genel Sekreter", "TDT STK Platformu"),
            ("Milletvekili", "Milli Meclis"),
        ],
        "Nadir İsmayilov": [
            ("Başkan", "CASCFEN"),
            ("Kontrol ve Denetim Komisyonu Sekreteri", "Azerbaycan Basın Konseyi"),
        ],
    }


def test_seed_people_are_found_and_sorted_the_turkish_way(seeded):
    assert [p.full_name for p in Person.objects.search("ismayilov")] == ["Nadir İsmayilov"]
    with translation.override("tr"):
        names = list(Person.objects.alphabetical().values_list("full_name", flat=True))
    assert names == [
        "Azer Allahveranov",
        "Cemil Tugay",
        "Fuad Muradov",
        "Nadir İsmayilov",
        "Perviz Altay",
    ]


def test_seed_people_carry_their_countries_and_honorifics(seeded):
    people = {p.full_name: (p.honorific, str(p.country)) for p in Person.objects.all()}

    assert people == {
        "Perviz Altay": ("", "TR"),
        "Cemil Tugay": ("Dr.", "TR"),
        "Fuad Muradov": ("", "AZ"),
        "Azer Allahveranov": ("", "AZ"),
        "Nadir İsmayilov": ("", "AZ"),
    }


# --- visits and meetings ----------------------------------------------------------------------


@pytest.mark.usefixtures("turkish")
def test_seed_meetings_are_dated_by_their_reports(seeded):
    meetings = {
        m.title: (m.date, m.dated_by_publication, m.city, m.visit.title if m.visit else None)
        for m in Meeting.objects.select_related("visit")
    }

    assert meetings == {
        "Azerbaycan Milli STK Forumu'nda Azer Allahveranov ile görüşme": (
            date(2026, 1, 28),
            True,
            "Bakü",
            "Perviz Altay'ın Bakü temasları",
        ),
        "Fuad Muradov ile görüşme": (
            date(2026, 2, 3),
            True,
            "Bakü",
            "Perviz Altay'ın Bakü temasları",
        ),
        "İZAZDER yönetiminin Dr. Cemil Tugay'ı ziyareti": (date(2026, 1, 12), True, "İzmir", None),
        "Bakü'de resmi kurumlar, üniversiteler ve medyayla görüşmeler": (
            None,
            False,
            "Bakü",
            "Irak Türkmen heyetinin Bakü ziyareti",
        ),
        "Irak Türkmenleri ve Türk dünyası üzerine uluslararası konferans": (
            None,
            False,
            "Bakü",
            "Bakü'deki uluslararası konferansta Irak Türkmen heyeti",
        ),
    }


@pytest.mark.usefixtures("turkish")
def test_seed_meeting_with_allahveranov_was_hosted_by_the_ngo_forum(seeded):
    meeting = Meeting.objects.get(seed_key="meeting:altay-allahveranov")

    assert meeting.host_organization.name == "Azerbaycan Milli STK Forumu"
    assert sorted(p.full_name for p in meeting.participants.all()) == [
        "Azer Allahveranov",
        "Nadir İsmayilov",
        "Perviz Altay",
    ]
    assert meeting.outcomes.startswith("Ortak bir yol haritasında uzlaşıldı")


@pytest.mark.usefixtures("turkish")
def test_seed_meeting_with_muradov_announced_the_april_commemoration(seeded):
    meeting = Meeting.objects.get(seed_key="meeting:altay-muradov")

    assert sorted(p.full_name for p in meeting.participants.all()) == [
        "Fuad Muradov",
        "Perviz Altay",
    ]
    assert meeting.outcomes.startswith("Destek:")
    assert "Nisan 2026'da İzmir'de bir anma programı" in meeting.outcomes


@pytest.mark.usefixtures("turkish")
def test_seed_meeting_with_tugay_took_place_at_his_office(seeded):
    meeting = Meeting.objects.get(seed_key="meeting:izazder-board-tugay")

    assert meeting.place == "Başkanlık makamı, İzmir Büyükşehir Belediyesi"
    assert meeting.host_organization.name == "İzmir Büyükşehir Belediyesi"
    assert "proje önerilerini" in meeting.outcomes
    assert "40. yılı" in meeting.outcomes


@pytest.mark.usefixtures("turkish")
def test_seed_iraqi_turkmen_protocols_were_signed_with_bodies_universities_and_media(seeded):
    meeting = Meeting.objects.get(seed_key="meeting:iraqi-turkmen-protocols")

    assert meeting.outcomes == (
        "Heyet; resmi kurumlar, üniversiteler ve basın-yayın temsilcileriyle ortak proje ve iş "
        "birliği protokollerine imza attı."
    )


@pytest.mark.usefixtures("turkish")
def test_seed_conference_organizers_are_the_three_named_bodies(seeded):
    meeting = Meeting.objects.get(seed_key="meeting:iraqi-turkmen-conference")

    assert sorted(o.name for o in meeting.organizations.all()) == [
        "Bakü Uluslararası Çokkültürlülük Merkezi",
        "Kerkük Kültür Derneği",
        "Uluslararası İlişkiler Analiz Merkezi",
    ]


@pytest.mark.usefixtures("turkish")
def test_seed_visits_keep_their_dates_or_say_they_have_none(seeded):
    visits = {
        v.title: (v.origin_city, v.destination_city, v.start_date, v.end_date)
        for v in DelegationVisit.objects.all()
    }

    assert visits == {
        "Perviz Altay'ın Bakü temasları": ("İzmir", "Bakü", date(2026, 1, 28), date(2026, 2, 3)),
        "Irak Türkmen heyetinin Bakü ziyareti": (
            "",  # the article does not say: pages say "not given" in their language
            "Bakü",
            None,
            None,
        ),
        "Bakü'deki uluslararası konferansta Irak Türkmen heyeti": (
            "",  # several countries, named in the purpose
            "Bakü",
            None,
            None,
        ),
    }
    notes = dict(DelegationVisit.objects.values_list("seed_key", "dates_note"))
    assert "yayın tarihleri" in notes["visit:altay-baku-2026"]
    assert notes["visit:iraqi-turkmen-baku"].startswith("Kaynakta tarih verilmemiş")
    assert notes["visit:iraqi-turkmen-conference-baku"].startswith("Kaynakta tarih verilmemiş")


def test_seed_undated_visit_reads_well(seeded):
    visit = DelegationVisit.objects.get(seed_key="visit:iraqi-turkmen-baku")

    # The title in the page's language (English here, as the test client's), else Turkish.
    assert str(visit) == (
        "Iraqi Turkmen delegation's visit to Baku (not given → Baku, date not given)"
    )
    with translation.override("tr"):
        assert str(visit).startswith("Irak Türkmen heyetinin Bakü ziyareti (")


# --- venues and events ------------------------------------------------------------------------


def test_seed_cities_have_their_time_zones(seeded):
    zones = {(v.city, v.time_zone) for v in Venue.objects.all()}

    assert zones == {
        ("İzmir", "Europe/Istanbul"),
        ("Bakü", "Asia/Baku"),
        ("İstanbul", "Europe/Istanbul"),
        ("Şuşa", "Asia/Baku"),
    }


def test_seed_milestones_keep_their_dates_and_precision(seeded):
    milestones = {
        e.slug: (e.date_precision, e.status, e.local_start.isoformat())
        for e in Event.objects.filter(is_milestone=True).select_related("venue")
    }

    assert milestones == {
        "izmir-baku-sister-city-protocol-1986": ("year", "done", "1986-01-01T00:00:00+02:00"),
        "first-azerbaijani-turkish-diaspora-leaders-forum-2007": (
            "day",
            "done",
            "2007-03-09T00:00:00+04:00",
        ),
        "istanbul-diaspora-cooperation-conference-2014": (
            "day",
            "done",
            "2014-11-17T00:00:00+02:00",
        ),
        "susa-declaration-2021": ("day", "done", "2021-06-15T00:00:00+04:00"),
        "susa-international-conference-15-june-2022": ("day", "done", "2022-06-15T00:00:00+04:00"),
        "susa-international-conference-15-june-2023": ("day", "done", "2023-06-15T00:00:00+04:00"),
        "susa-international-conference-15-june-2024": ("day", "done", "2024-06-15T00:00:00+04:00"),
    }


def test_seed_milestones_span_their_whole_local_day_or_year(seeded):
    protocol = Event.objects.get(slug="izmir-baku-sister-city-protocol-1986")
    forum = Event.objects.get(slug="first-azerbaijani-turkish-diaspora-leaders-forum-2007")

    assert (protocol.local_start.date(), protocol.local_end.date()) == (
        date(1986, 1, 1),
        date(1987, 1, 1),
    )
    assert (forum.local_start.isoformat(), forum.local_end.isoformat()) == (
        "2007-03-09T00:00:00+04:00",
        "2007-03-10T00:00:00+04:00",
    )
    assert (forum.city, forum.zone_label) == ("Bakü", "Baku")


def test_seed_planned_2026_events_keep_their_kinds_and_precision(seeded):
    planned = {
        e.slug: (e.kind, e.status, e.date_precision, e.local_start.date(), e.local_end.date())
        for e in Event.objects.filter(is_milestone=False).select_related("venue")
    }

    year = (date(2026, 1, 1), date(2027, 1, 1))
    assert planned == {
        "susa-international-conference-15-june": (
            "conference",
            "planned",
            "day",
            date(2025, 6, 15),
            date(2025, 6, 16),
        ),
        "izmir-baku-40-commemoration-april-2026": (
            "commemoration",
            "planned",
            "month",
            date(2026, 4, 1),
            date(2026, 5, 1),
        ),
        "izmir-baku-40-cultural-festivals": ("cultural_festival", "planned", "year", *year),
        "izmir-baku-40-youth-volunteering": ("youth_program", "planned", "year", *year),
        "izmir-baku-40-business-forums": ("business_forum", "planned", "year", *year),
        "izmir-baku-40-b2b-meetings": ("b2b_meeting", "planned", "year", *year),
        "izmir-baku-40-trade-delegations": ("trade_delegation", "planned", "year", *year),
        "izmir-baku-40-business-tours": ("business_tour", "planned", "year", *year),
        "izmir-baku-40-podcast-series": ("podcast_episode", "planned", "year", *year),
        "izmir-baku-40-joint-events-izmir": ("other", "idea", "year", *year),
        "izmir-baku-40-joint-events-baku": ("other", "idea", "year", *year),
    }


@pytest.mark.usefixtures("turkish")
def test_seed_april_commemoration_is_in_izmir_and_expects_azerbaijani_delegations(seeded):
    event = Event.objects.get(slug="izmir-baku-40-commemoration-april-2026")

    assert (event.city, event.time_zone) == ("İzmir", "Europe/Istanbul")
    assert "Azerbaycan'dan resmi heyetlerin de gelmesi öngörülüyordu" in event.description
    assert [o.short_name for o in event.organizers.all()] == ["İZAZDER"]


@pytest.mark.usefixtures("turkish")
def test_seed_business_tours_run_through_the_business_committee(seeded):
    for slug in ("izmir-baku-40-business-tours", "izmir-baku-40-b2b-meetings"):
        organizers = Event.objects.get(slug=slug).organizers.values_list("name", flat=True)

        assert sorted(organizers) == ["İZAZDER İş Geliştirme Komitesi", "İzmir Azerbaycan Derneği"]


def test_seed_joint_events_take_place_in_both_cities(seeded):
    cities = dict(
        Event.objects.filter(slug__startswith="izmir-baku-40-joint-events").values_list(
            "slug", "venue__city"
        )
    )

    assert cities == {
        "izmir-baku-40-joint-events-izmir": "İzmir",
        "izmir-baku-40-joint-events-baku": "Bakü",
    }


def test_seed_facts_have_no_clashes(seeded):

    clashes = conflicts_between(
        datetime(1900, 1, 1, tzinfo=IZMIR), datetime(2100, 1, 1, tzinfo=IZMIR)
    )

    assert [c.message for c in clashes] == []


def test_seed_podcast_series_has_no_invented_episodes(seeded):
    series = PodcastSeries.objects.get()

    assert (series.slug, series.organizers.get().short_name) == ("izmir-baku-40-podcast", "İZAZDER")
    assert PodcastEpisode.objects.count() == 0


def test_seed_loads_no_demo_rows(seeded):
    demo = [
        Venue.objects.filter(is_demo=True).count(),
        Event.objects.filter(is_demo=True).count(),
        Registration.objects.count(),
    ]

    assert demo == [0, 0, 0]


# --- idempotency ------------------------------------------------------------------------------


def test_seed_counts_per_kind(seeded):
    assert _counts() == {
        "Source": 5,
        "Organization": 15,
        "Person": 5,
        "Affiliation": 7,
        "DelegationVisit": 3,
        "Meeting": 5,
        "Venue": 6,
        "Event": 18,
        "PodcastSeries": 1,
    }


def test_seed_twice_changes_nothing(seeded):
    counts, checksum = _counts(), _checksum()

    report = load_facts()

    assert (_counts(), _checksum()) == (counts, checksum)
    assert sum(report.created.values()) == 0


def test_seed_rerun_keeps_a_board_members_edits(seeded):
    izazder = Organization.objects.get(short_name="İZAZDER")
    izazder.website = "https://izazder.example.org"
    izazder.save()
    izazder.sources.clear()
    event = Event.objects.get(slug="izmir-baku-40-commemoration-april-2026")
    event.title = "Kardeşlik 40: İzmir anma programı"
    event.save()
    checksum = _checksum()

    load_facts()

    izazder.refresh_from_db()
    event.refresh_from_db()
    assert (izazder.website, izazder.sources.count()) == ("https://izazder.example.org", 0)
    assert event.title == "Kardeşlik 40: İzmir anma programı"
    assert _checksum() == checksum


def test_seed_adopts_a_row_typed_in_before_it_ran():
    typed = Organization.objects.create(
        name="İzmir Büyükşehir Belediyesi", short_name="İBB", kind="municipality"
    )

    load_facts()

    typed.refresh_from_db()
    assert Organization.objects.filter(name="İzmir Büyükşehir Belediyesi").count() == 1
    assert (typed.seed_key, typed.short_name) == ("org:izmir-metropolitan-municipality", "İBB")


def test_seed_keeps_what_the_sources_leave_open_in_the_internal_notes(seeded):
    plans = Event.objects.filter(slug__startswith="izmir-baku-40-")

    assert [e.slug for e in plans if "Kaynak" in e.description or "Henüz" in e.description] == []
    assert all(e.internal_notes for e in plans)
    protocol = Event.objects.get(slug="izmir-baku-sister-city-protocol-1986")
    assert protocol.internal_notes == "Kaynaklar yalnızca yılı veriyor."
