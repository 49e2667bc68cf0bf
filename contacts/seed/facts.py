"""Every fact the five source articles give, as seed records.

Rules this data keeps (the seeded-facts test checks them):
- Names of people, organizations and places are spelled as the articles spell them; roles,
  titles and summaries are in our own words (English, the language of the code and msgids).
- A meeting known only from a news report is dated by the report's publication date and says so
  (`dated_by_publication`). Article 003 carries no date at all, so its visits have none.
- Historical milestones carry the precision the articles give (1986: the year only).
- Plans for 2026 stay as the articles left them (status planned or idea); the board decides what
  happened. The articles' political claims about third parties, slogans and loaded titles are
  left out; those events are described by what they were.
"""

from datetime import date

from contacts.enums import Language, OrganizationKind
from contacts.models import Affiliation, DelegationVisit, Meeting, Organization, Person, Source
from events.enums import DatePrecision, EventKind, EventStatus, Recurrence
from events.models import Event, PodcastSeries, Venue
from events.timezones import BAKU, IZMIR

from .records import Record, Ref, day_span, month_span, year_span

IZMIR_CITY = "İzmir"
BAKU_CITY = "Bakü"

# --- Sources: one per article ---------------------------------------------------------------

A000 = "000_a233830f1a401a29.txt"
A001 = "001_32c2d20e85974c6c.txt"
A002 = "002_9e539c16cabbf99f.txt"
A003 = "003_65728ef84df36301.txt"
A004 = "004_2adad96e80fa6a07.txt"

S000, S001, S002, S003, S004 = (Ref(f"source:{n}") for n in ("000", "001", "002", "003", "004"))

SOURCES = [
    Record(
        "source:000",
        Source,
        {
            # The article has no separate headline; its opening sentence stands in for one.
            "headline": "İZAZDER Başkanı Perviz Altay, Bakü temasları kapsamında Azerbaycan "
            "Diaspora Bakanı Fuad Muradov'la bir araya geldi",
            "publication": "",
            "published_on": date(2026, 2, 3),
            "language": Language.TURKISH,
            "file_name": A000,
            "summary": (
                "Report on a meeting in Bakü between İZAZDER's president Perviz Altay and Fuad "
                "Muradov, presented as Azerbaijan's diaspora minister and as the Azerbaijani "
                "counterpart of Türkiye's YTB. Altay outlined the association's work with people "
                "of Azerbaijani origin in İzmir and announced an April 2026 commemoration "
                "program in İzmir for the protocol's 40th year, to which official delegations "
                "from Azerbaijan are expected. Muradov welcomed İZAZDER's work and offered "
                "cooperation."
            ),
        },
        natural_key=("file_name",),
    ),
    Record(
        "source:001",
        Source,
        {
            "headline": "İzmir-Bakü Kardeşliği 40. Yılında Yeni İş Birlikleri İçin Masada",
            "publication": "",
            "published_on": date(2026, 1, 12),
            "language": Language.TURKISH,
            "file_name": A001,
            "summary": (
                "Report on the İZAZDER board, led by Perviz Altay, calling on İzmir's "
                "metropolitan mayor Dr. Cemil Tugay at his office; the association handed over "
                "project proposals on culture, education and trade, and Tugay invited "
                "Azerbaijani business people to the city. Altay recalled that the sister-city "
                "protocol dates from 1986 and said İZAZDER would declare 2026 the protocol's "
                "40th year, with festivals, youth and volunteering programs, business forums, "
                "B2B meetings, trade delegations, business tours and a podcast series planned "
                "over the year."
            ),
        },
        natural_key=("file_name",),
    ),
    Record(
        "source:002",
        Source,
        {
            # No separate headline either; the opening sentence again.
            "headline": "İZAZDER Başkanı Perviz Altay, Azerbaycan'ın başkenti Bakü'de "
            "gerçekleştirdiği temaslarda Türk dünyasında sivil toplum diplomasisini "
            "güçlendirmeye yönelik önemli görüşmeler yaptı",
            "publication": "",
            "published_on": date(2026, 1, 28),
            "language": Language.TURKISH,
            "file_name": A002,
            "summary": (
                "Report on Perviz Altay's talks in Bakü with Azer Allahveranov, a deputy in "
                "Azerbaijan's Milli Meclis and Secretary General of the NGO Platform of the "
                "Organization of Turkic States' member countries, at a meeting hosted by the "
                "Azerbaijan National NGO Forum with Nadir İsmayilov also present. The talks "
                "covered civil-society cooperation among Turkic countries, the platform's work "
                "since it was set up the year before, and shared cultural and civil-society "
                "events in İzmir and Bakü for the 40th year. Both sides agreed on a joint "
                "roadmap."
            ),
        },
        natural_key=("file_name",),
    ),
    Record(
        "source:003",
        Source,
        {
            "headline": "Irak Türkleri – Azerbaycan İlişkilerinde Yeni Ufuklar",
            "publication": "",
            "published_on": None,
            "language": Language.TURKISH,
            "file_name": A003,
            "summary": (
                "Undated report on a visit of an Iraqi Turkmen delegation to Bakü, where "
                "protocols for shared projects in education, culture and media were signed with "
                "Azerbaijani official bodies, universities and media representatives. It also "
                "recalls an international conference on Iraqi Turkmens held in Bakü seven months "
                "earlier with the Baku International Multiculturalism Centre, the Centre of "
                "Analysis of International Relations and the Kirkuk Culture Association, "
                "attended by a 40-member Iraqi Turkmen delegation."
            ),
        },
        natural_key=("file_name",),
    ),
    Record(
        "source:004",
        Source,
        {
            "headline": "“Bir millət, iki dövlət” prinsipi Azərbaycan və Türk diaspor "
            "təşkilatlarının fəaliyyətinin əsasıdır",
            "publication": "",
            "published_on": None,
            "language": Language.AZERBAIJANI,
            "file_name": A004,
            "summary": (
                "Undated Azerbaijani-language article on cooperation between Azerbaijani and "
                "Turkish diaspora organizations. It lists the first forum of the two countries' "
                "diaspora leaders in Bakü on 9 March 2007, an international conference in "
                "İstanbul on 17 November 2014, the Şuşa Declaration signed on 15 June 2021, and "
                "the international conferences held in Şuşa every 15 June in 2022, 2023 and "
                "2024, organised by the Yeni Azərbaycan Partiyası."
            ),
        },
        natural_key=("file_name",),
    ),
]

# --- Organizations ---------------------------------------------------------------------------


def _org(key, name, short_name, kind, country, city, notes, sources):
    return Record(
        f"org:{key}",
        Organization,
        {
            "name": name,
            "short_name": short_name,
            "kind": kind,
            "country": country,
            "city": city,
            "notes": notes,
        },
        links={"sources": sources},
        natural_key=("name",),
    )


IZAZDER = Ref("org:izazder")
BUSINESS_COMMITTEE = Ref("org:izazder-business-committee")
IZMIR_MUNICIPALITY = Ref("org:izmir-metropolitan-municipality")
DIASPORA_MINISTRY = Ref("org:azerbaijan-diaspora-ministry")
MILLI_MECLIS = Ref("org:milli-meclis")
TDT = Ref("org:tdt")
TDT_NGO_PLATFORM = Ref("org:tdt-ngo-platform")
NGO_FORUM = Ref("org:azerbaijan-national-ngo-forum")
PRESS_COUNCIL = Ref("org:press-council")
CASCFEN = Ref("org:cascfen")
BIMC = Ref("org:baku-multiculturalism-centre")
AIR_CENTER = Ref("org:analysis-of-international-relations-centre")
KIRKUK_ASSOCIATION = Ref("org:kirkuk-culture-association")
YAP = Ref("org:yeni-azerbaycan-partiyasi")

K = OrganizationKind
ORGANIZATIONS = [
    _org(
        "izazder",
        "İzmir Azerbaycan Derneği",
        "İZAZDER",
        K.ASSOCIATION,
        "TR",
        IZMIR_CITY,
        "Supports the social, cultural and academic life of people of Azerbaijani origin in "
        "İzmir; its projects put business, young people, students and academia first. Runs the "
        "40th-year program of the İzmir–Bakü sister-city protocol.",
        [S000, S001, S002],
    ),
    _org(
        "izazder-business-committee",
        "İZAZDER İş Geliştirme Komitesi",
        "",
        K.ASSOCIATION,
        "TR",
        IZMIR_CITY,
        "İZAZDER's Business Development Committee. Brings together Azerbaijani business people "
        "who live in Türkiye; organises business tours and B2B events.",
        [S001],
    ),
    _org(
        "izmir-metropolitan-municipality",
        "İzmir Büyükşehir Belediyesi",
        "",
        K.MUNICIPALITY,
        "TR",
        IZMIR_CITY,
        "İzmir Metropolitan Municipality.",
        [S001],
    ),
    _org(
        "azerbaijan-diaspora-ministry",
        "Azerbaycan Diaspora Bakanlığı",
        "",
        K.STATE_BODY,
        "AZ",
        BAKU_CITY,
        "Named as the source names it: the article calls its head Azerbaijan's diaspora "
        "minister and describes the body as Azerbaijan's counterpart of Türkiye's YTB. The "
        "article gives no official name.",
        [S000],
    ),
    _org(
        "ytb",
        "Yurtdışı Türkler ve Akraba Topluluklar Başkanlığı",
        "YTB",
        K.STATE_BODY,
        "TR",
        "Ankara",
        "Türkiye's Presidency for Turks Abroad and Related Communities; mentioned as the "
        "Turkish counterpart of Azerbaijan's diaspora body.",
        [S000],
    ),
    _org(
        "milli-meclis",
        "Azerbaycan Milli Meclisi",
        "Milli Meclis",
        K.PARLIAMENT,
        "AZ",
        BAKU_CITY,
        "The parliament of Azerbaijan (Milli Məclis).",
        [S002],
    ),
    _org(
        "tdt",
        "Türk Devletleri Teşkilatı",
        "TDT",
        K.PLATFORM,
        "",
        "",
        "Organization of Turkic States, an intergovernmental organization.",
        [S002, S004],
    ),
    _org(
        "tdt-ngo-platform",
        "Türk Devletleri Teşkilatı Üye Ülkeleri STK Platformu",
        "TDT STK Platformu",
        K.PLATFORM,
        "",
        "",
        "NGO Platform of the member states of the Organization of Turkic States. Set up in "
        "2025 (\u201clast year\u201d in a report of January 2026); its secretariat works on "
        "partnerships and on the institutional capacity of NGOs.",
        [S002],
    ),
    _org(
        "azerbaijan-national-ngo-forum",
        "Azerbaycan Milli STK Forumu",
        "",
        K.FORUM,
        "AZ",
        BAKU_CITY,
        "Azerbaijan National NGO Forum; hosted Perviz Altay's meeting with Azer Allahveranov "
        "in Bakü.",
        [S002],
    ),
    _org(
        "press-council",
        "Azerbaycan Basın Konseyi",
        "",
        K.PRESS_BODY,
        "AZ",
        BAKU_CITY,
        "Azerbaijan's Press Council (\u201cBasın Konseyi\u201d in the source).",
        [S002],
    ),
    _org(
        "cascfen",
        "Orta Asya ve Güney Kafkasya İfade Özgürlüğü Ağı",
        "CASCFEN",
        K.PLATFORM,
        "",
        "",
        "Central Asia and South Caucasus Freedom of Expression Network.",
        [S002],
    ),
    _org(
        "baku-multiculturalism-centre",
        "Bakü Uluslararası Çokkültürlülük Merkezi",
        "",
        K.THINK_TANK,
        "AZ",
        BAKU_CITY,
        "Baku International Multiculturalism Centre; co-organised the international conference "
        "on Iraqi Turkmens in Bakü.",
        [S003],
    ),
    _org(
        "analysis-of-international-relations-centre",
        "Uluslararası İlişkiler Analiz Merkezi",
        "",
        K.THINK_TANK,
        "AZ",
        BAKU_CITY,
        "Centre of Analysis of International Relations; co-organised the international "
        "conference on Iraqi Turkmens in Bakü.",
        [S003],
    ),
    _org(
        "kirkuk-culture-association",
        "Kerkük Kültür Derneği",
        "",
        K.ASSOCIATION,
        "",
        "",
        "Kirkuk Culture Association; co-organised the international conference on Iraqi "
        "Turkmens in Bakü. The source does not say where it is based.",
        [S003],
    ),
    _org(
        "yeni-azerbaycan-partiyasi",
        "Yeni Azərbaycan Partiyası",
        "YAP",
        K.PARTY,
        "AZ",
        BAKU_CITY,
        "New Azerbaijan Party; organised the international conferences held in Şuşa on "
        "15 June 2022, 2023 and 2024.",
        [S004],
    ),
]

# --- People and their roles ------------------------------------------------------------------

ALTAY = Ref("person:perviz-altay")
TUGAY = Ref("person:cemil-tugay")
MURADOV = Ref("person:fuad-muradov")
ALLAHVERANOV = Ref("person:azer-allahveranov")
ISMAYILOV = Ref("person:nadir-ismayilov")


def _person(key, full_name, honorific, country, city, language, notes, sources):
    return Record(
        f"person:{key}",
        Person,
        {
            "full_name": full_name,
            "honorific": honorific,
            "country": country,
            "city": city,
            "preferred_language": language,
            "notes": notes,
        },
        links={"sources": sources},
        natural_key=("full_name",),
    )


PEOPLE = [
    _person(
        "perviz-altay",
        "Perviz Altay",
        "",
        "TR",
        IZMIR_CITY,
        Language.TURKISH,
        "President of İZAZDER; led the association's contacts in Bakü in January–February 2026.",
        [S000, S001, S002],
    ),
    _person(
        "cemil-tugay",
        "Cemil Tugay",
        "Dr.",
        "TR",
        IZMIR_CITY,
        Language.TURKISH,
        "Mayor of İzmir Metropolitan Municipality.",
        [S001],
    ),
    _person(
        "fuad-muradov",
        "Fuad Muradov",
        "",
        "AZ",
        "",
        Language.AZERBAIJANI,
        "The source calls him Azerbaijan's diaspora minister.",
        [S000],
    ),
    _person(
        "azer-allahveranov",
        "Azer Allahveranov",
        "",
        "AZ",
        "",
        Language.AZERBAIJANI,
        "Member of Azerbaijan's Milli Meclis and Secretary General of the TDT NGO Platform.",
        [S002],
    ),
    _person(
        "nadir-ismayilov",
        "Nadir İsmayilov",
        "",
        "AZ",
        "",
        Language.AZERBAIJANI,
        "Secretary of the Press Council's control and audit commission and chair of CASCFEN.",
        [S002],
    ),
]


def _role(key, person, organization, role, sources):
    return Record(
        f"affiliation:{key}",
        Affiliation,
        {"person": person, "organization": organization, "role": role, "start": None},
        links={"sources": sources},
        natural_key=("person", "organization", "role"),
    )


AFFILIATIONS = [
    _role("altay-izazder", ALTAY, IZAZDER, "President", [S000, S001, S002]),
    _role("tugay-izmir", TUGAY, IZMIR_MUNICIPALITY, "Mayor", [S001]),
    _role(
        "muradov-diaspora",
        MURADOV,
        DIASPORA_MINISTRY,
        "Diaspora minister (as the source calls him)",
        [S000],
    ),
    _role("allahveranov-meclis", ALLAHVERANOV, MILLI_MECLIS, "Member of parliament", [S002]),
    _role("allahveranov-platform", ALLAHVERANOV, TDT_NGO_PLATFORM, "Secretary General", [S002]),
    _role(
        "ismayilov-press-council",
        ISMAYILOV,
        PRESS_COUNCIL,
        "Secretary of the control and audit commission",
        [S002],
    ),
    _role("ismayilov-cascfen", ISMAYILOV, CASCFEN, "Chair", [S002]),
]

# --- Delegation visits and meetings ----------------------------------------------------------

ALTAY_IN_BAKU = Ref("visit:altay-baku-2026")
IRAQI_TURKMEN_VISIT = Ref("visit:iraqi-turkmen-baku")
IRAQI_TURKMEN_CONFERENCE = Ref("visit:iraqi-turkmen-conference-baku")

NOT_GIVEN = "Date not given in the source"

VISITS = [
    Record(
        "visit:altay-baku-2026",
        DelegationVisit,
        {
            "title": "Perviz Altay's contacts in Bakü",
            "origin_city": IZMIR_CITY,
            "destination_city": BAKU_CITY,
            "start_date": date(2026, 1, 28),
            "end_date": date(2026, 2, 3),
            "dates_note": "Travel dates not given in the sources: start and end are the "
            "publication dates of the two reports (2026-01-28 and 2026-02-03).",
            "purpose": "Civil-society and diaspora cooperation between Türkiye and Azerbaijan, "
            "and the 40th year of the İzmir–Bakü sister-city protocol.",
            "host_organization": None,
        },
        links={"travellers": [ALTAY], "organizations": [IZAZDER], "sources": [S000, S002]},
        natural_key=("title",),
    ),
    Record(
        "visit:iraqi-turkmen-baku",
        DelegationVisit,
        {
            "title": "Iraqi Turkmen delegation visit to Bakü",
            "origin_city": "Not given in the source",
            "destination_city": BAKU_CITY,
            "start_date": None,
            "end_date": None,
            "dates_note": f"{NOT_GIVEN} (the article is undated).",
            "purpose": "Cooperation between Iraqi Turkmens and Azerbaijan in education, "
            "culture and media.",
            "host_organization": None,
        },
        links={"sources": [S003]},
        natural_key=("title",),
    ),
    Record(
        "visit:iraqi-turkmen-conference-baku",
        DelegationVisit,
        {
            "title": "Iraqi Turkmen delegation at the international conference in Bakü",
            "origin_city": "Iraq, Türkiye and other countries",
            "destination_city": BAKU_CITY,
            "start_date": None,
            "end_date": None,
            "dates_note": f"{NOT_GIVEN}: the undated article places the conference seven "
            "months before the visit it reports.",
            "purpose": "A 40-member Iraqi Turkmen delegation from Iraq, Türkiye and abroad "
            "attended the conference.",
            "host_organization": None,
        },
        links={"sources": [S003]},
        natural_key=("title",),
    ),
]

MEETINGS = [
    Record(
        "meeting:altay-allahveranov",
        Meeting,
        {
            "visit": ALTAY_IN_BAKU,
            "title": "Meeting with Azer Allahveranov at the Azerbaijan National NGO Forum",
            "date": date(2026, 1, 28),
            "dated_by_publication": True,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": NGO_FORUM,
            "topics": "Civil-society diplomacy across the Turkic world, above all between "
            "Türkiye and Azerbaijan; shared projects and coordination between institutions; "
            "the TDT NGO Platform's work and plans; the 40th year of the İzmir–Bakü protocol "
            "and shared cultural and civil-society events in İzmir and Bakü.",
            "outcomes": "A joint roadmap agreed: hand the sister-city ties on to the next "
            "generations, increase shared projects and make civil-society diplomacy in the "
            "Turkic world more effective.",
        },
        links={
            "participants": [ALTAY, ALLAHVERANOV, ISMAYILOV],
            "organizations": [
                IZAZDER,
                TDT_NGO_PLATFORM,
                MILLI_MECLIS,
                NGO_FORUM,
                PRESS_COUNCIL,
                CASCFEN,
            ],
            "sources": [S002],
        },
    ),
    Record(
        "meeting:altay-muradov",
        Meeting,
        {
            "visit": ALTAY_IN_BAKU,
            "title": "Meeting with Fuad Muradov",
            "date": date(2026, 2, 3),
            "dated_by_publication": True,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": None,
            "topics": "Diaspora work in Türkiye–Azerbaijan relations; shared projects of the "
            "two countries; İZAZDER's activities for people of Azerbaijani origin in İzmir "
            "(business, youth, students, academia); the 40th year of the sister-city protocol.",
            "outcomes": "Support: Muradov welcomed İZAZDER's work and said his side was open to "
            "cooperation. Announced: a commemoration program in İzmir in April 2026 for the "
            "40th year, with official delegations from Azerbaijan expected.",
        },
        links={
            "participants": [ALTAY, MURADOV],
            "organizations": [IZAZDER, DIASPORA_MINISTRY],
            "sources": [S000],
        },
    ),
    Record(
        "meeting:izazder-board-tugay",
        Meeting,
        {
            "visit": None,
            "title": "İZAZDER board meets Dr. Cemil Tugay",
            "date": date(2026, 1, 12),
            "dated_by_publication": True,
            "place": "Mayor's office, İzmir Büyükşehir Belediyesi",
            "city": IZMIR_CITY,
            "host_organization": IZMIR_MUNICIPALITY,
            "topics": "Turning the cities' friendship into lasting institutional cooperation; "
            "concrete projects in education, trade and the economy; support for Azerbaijani "
            "students in İzmir; more mutual visits, cultural events and youth projects.",
            "outcomes": "İZAZDER presented its project proposals. Tugay invited Azerbaijani "
            "business people to İzmir. Altay announced that İZAZDER would declare 2026 the "
            "40th year of the İzmir–Bakü sisterhood, with a year-long program. Altay gave "
            "Tugay a lapel pin with the flag of Azerbaijan.",
        },
        links={
            "participants": [ALTAY, TUGAY],
            "organizations": [IZAZDER, IZMIR_MUNICIPALITY],
            "sources": [S001],
        },
    ),
    Record(
        "meeting:iraqi-turkmen-protocols",
        Meeting,
        {
            "visit": IRAQI_TURKMEN_VISIT,
            "title": "Meetings with official bodies, universities and media in Bakü",
            "date": None,
            "dated_by_publication": False,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": None,
            "topics": "Shared projects and cooperation in education, culture and media.",
            "outcomes": "Protocols for shared projects and cooperation signed with official "
            "bodies and organizations, universities, and media and press representatives.",
        },
        links={"sources": [S003]},
    ),
    Record(
        "meeting:iraqi-turkmen-conference",
        Meeting,
        {
            "visit": IRAQI_TURKMEN_CONFERENCE,
            "title": "International conference on Iraqi Turkmens and the Turkic world",
            "date": None,
            "dated_by_publication": False,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": None,
            "topics": "Relations between Iraqi Turkmens and Azerbaijan and plans for their future.",
            "outcomes": "",
        },
        links={
            "organizations": [BIMC, AIR_CENTER, KIRKUK_ASSOCIATION],
            "sources": [S003],
        },
    ),
]

# --- Venues: one per city; the articles name no halls ----------------------------------------

VENUE_IZMIR = Ref("venue:izmir")
# The year-long plans get placeholders of their own: "somewhere in İzmir during 2026" must not
# clash with the April program at the İzmir venue still to be announced.
VENUE_IZMIR_PROGRAM = Ref("venue:izmir-program")
VENUE_BAKU_PROGRAM = Ref("venue:baku-program")
VENUE_BAKU_PAST = Ref("venue:baku-unnamed")
VENUE_ISTANBUL = Ref("venue:istanbul")
VENUE_SUSA = Ref("venue:susa")


def _venue(key, name, city, country, zone):
    return Record(
        f"venue:{key}",
        Venue,
        {"name": name, "city": city, "country": country, "time_zone": zone, "capacity": None},
        natural_key=("name", "city"),
    )


VENUES = [
    _venue("izmir", "İzmir — venue to be announced", IZMIR_CITY, "TR", IZMIR),
    _venue(
        "izmir-program",
        "İzmir — venues to be announced (40th-year program)",
        IZMIR_CITY,
        "TR",
        IZMIR,
    ),
    _venue(
        "baku-program",
        "Bakü — venues to be announced (40th-year program)",
        BAKU_CITY,
        "AZ",
        BAKU,
    ),
    _venue("baku-unnamed", "Bakü — venue not given in the source", BAKU_CITY, "AZ", BAKU),
    _venue("istanbul", "İstanbul — venue not given in the source", "İstanbul", "TR", IZMIR),
    _venue("susa", "Şuşa — venue not given in the source", "Şuşa", "AZ", BAKU),
]

# --- Events: milestones and the 2026 plans ---------------------------------------------------


def _event(key, slug, title, kind, status, span, precision, venue, description, **extra):
    links = {
        "sources": extra.pop("sources"),
        "organizers": extra.pop("organizers", []),
    }
    start, end = span
    fields = {
        "title": title,
        "slug": slug,
        "kind": kind,
        "status": status,
        "start": start,
        "end": end,
        "date_precision": precision,
        "venue": venue,
        "description": description,
        "capacity": None,
        "is_public": True,
        "is_milestone": False,
        "recurrence": Recurrence.NONE,
    } | extra
    return Record(f"event:{key}", Event, fields, links=links, natural_key=("slug",))


E, S, P = EventKind, EventStatus, DatePrecision

MILESTONES = [
    _event(
        "protocol-1986",
        "izmir-baku-sister-city-protocol-1986",
        "İzmir–Bakü sister-city protocol signed",
        E.OTHER,
        S.DONE,
        year_span(1986, IZMIR),
        P.YEAR,
        None,
        "İzmir and Bakü became sister cities by a protocol signed in 1986, in the Soviet era. "
        "The sources give the year only. 2026 is the protocol's 40th year.",
        is_milestone=True,
        sources=[S001, S002],
    ),
    _event(
        "diaspora-forum-2007",
        "first-azerbaijani-turkish-diaspora-leaders-forum-2007",
        "First forum of Azerbaijani and Turkish diaspora organization leaders",
        E.CONFERENCE,
        S.DONE,
        day_span(date(2007, 3, 9), BAKU),
        P.DAY,
        VENUE_BAKU_PAST,
        "The first forum bringing together the leaders of Azerbaijani and Turkish diaspora "
        "organizations, held in Bakü.",
        is_milestone=True,
        sources=[S004],
    ),
    _event(
        "istanbul-conference-2014",
        "istanbul-diaspora-cooperation-conference-2014",
        "International conference in İstanbul on diaspora cooperation",
        E.CONFERENCE,
        S.DONE,
        day_span(date(2014, 11, 17), IZMIR),
        P.DAY,
        VENUE_ISTANBUL,
        "An international conference held alongside an exhibition in İstanbul; it discussed "
        "closer cooperation between Azerbaijani and Turkish diaspora organizations.",
        is_milestone=True,
        sources=[S004],
    ),
    _event(
        "susa-declaration-2021",
        "susa-declaration-2021",
        "Şuşa Declaration signed",
        E.OTHER,
        S.DONE,
        day_span(date(2021, 6, 15), BAKU),
        P.DAY,
        VENUE_SUSA,
        "The presidents of Azerbaijan and Türkiye, İlham Əliyev and Recep Tayyip Erdoğan, "
        "signed the Şuşa Declaration in Şuşa. Among other things it provides for cooperation "
        "between the two countries' diasporas and for a joint media platform. The yearly "
        "15 June conferences in Şuşa mark its anniversary.",
        is_milestone=True,
        sources=[S004],
    ),
    _event(
        "susa-conference",
        "susa-international-conference-15-june",
        "International conference in Şuşa (every 15 June)",
        E.CONFERENCE,
        S.DONE,
        day_span(date(2022, 6, 15), BAKU),
        P.DAY,
        VENUE_SUSA,
        "An international conference held in Şuşa on 15 June each year since the Şuşa "
        "Declaration, organised by the Yeni Azərbaycan Partiyası. The source reports three: "
        "2022 (first anniversary of the declaration), 2023 (second anniversary, also marking "
        "National Salvation Day) and 2024 (on the Organization of Turkic States).",
        is_milestone=True,
        recurrence=Recurrence.YEARLY,
        organizers=[YAP],
        sources=[S004],
    ),
]

YEAR_2026_IZMIR = year_span(2026, IZMIR)
FORTIETH_YEAR_NOTE = (
    "Part of the year-long program İZAZDER announced for the 40th year of the İzmir–Bakü "
    "sister-city protocol. The source gives no date or place yet."
)


def _year_plan(key, title, kind, *, organizers=(IZAZDER,), extra_note=""):
    return _event(
        f"2026-{key}",
        f"izmir-baku-40-{key}",
        title,
        kind,
        S.PLANNED,
        YEAR_2026_IZMIR,
        P.YEAR,
        None,
        f"{FORTIETH_YEAR_NOTE} {extra_note}".strip(),
        organizers=list(organizers),
        sources=[S001],
    )


PLANNED_2026 = [
    _event(
        "commemoration-2026-04",
        "izmir-baku-40-commemoration-april-2026",
        "40th-year commemoration program in İzmir",
        E.COMMEMORATION,
        S.PLANNED,
        month_span(2026, 4, IZMIR),
        P.MONTH,
        VENUE_IZMIR,
        "A comprehensive commemoration program in İzmir in April 2026 for the 40th year of "
        "the İzmir–Bakü sister-city protocol, announced by Perviz Altay at his meeting with "
        "Fuad Muradov. Official delegations from Azerbaijan are expected. The source gives "
        "no day or venue.",
        organizers=[IZAZDER],
        sources=[S000],
    ),
    _year_plan("cultural-festivals", "Cultural festivals (40th year)", E.CULTURAL_FESTIVAL),
    _year_plan(
        "youth-volunteering", "Youth and volunteering programs (40th year)", E.YOUTH_PROGRAM
    ),
    _year_plan("business-forums", "Business forums (40th year)", E.BUSINESS_FORUM),
    _year_plan(
        "b2b-meetings",
        "B2B meetings (40th year)",
        E.B2B_MEETING,
        organizers=(IZAZDER, BUSINESS_COMMITTEE),
        extra_note="Run through İZAZDER's Business Development Committee.",
    ),
    _year_plan("trade-delegations", "Trade delegations (40th year)", E.TRADE_DELEGATION),
    _year_plan(
        "business-tours",
        "Business tours (40th year)",
        E.BUSINESS_TOUR,
        organizers=(IZAZDER, BUSINESS_COMMITTEE),
        extra_note="Run through İZAZDER's Business Development Committee.",
    ),
    _year_plan(
        "podcast-series",
        "Podcast series on digital platforms (40th year)",
        E.PODCAST_EPISODE,
        extra_note="See the podcast series of the same name; no episodes are named yet.",
    ),
    _event(
        "2026-joint-events-izmir",
        "izmir-baku-40-joint-events-izmir",
        "Joint cultural and civil-society events in İzmir (40th year)",
        E.OTHER,
        S.IDEA,
        YEAR_2026_IZMIR,
        P.YEAR,
        VENUE_IZMIR_PROGRAM,
        "Shared cultural and civil-society events in İzmir for the 40th year, which Perviz "
        "Altay called for at his meeting with Azer Allahveranov in Bakü. No date or program "
        "is given yet.",
        organizers=[IZAZDER],
        sources=[S002],
    ),
    _event(
        "2026-joint-events-baku",
        "izmir-baku-40-joint-events-baku",
        "Joint cultural and civil-society events in Bakü (40th year)",
        E.OTHER,
        S.IDEA,
        year_span(2026, BAKU),
        P.YEAR,
        VENUE_BAKU_PROGRAM,
        "Shared cultural and civil-society events in Bakü for the 40th year, which Perviz "
        "Altay called for at his meeting with Azer Allahveranov. No date or program is given "
        "yet.",
        organizers=[IZAZDER],
        sources=[S002],
    ),
]

PODCASTS = [
    Record(
        "podcast:izmir-baku-40",
        PodcastSeries,
        {
            "title": "İzmir–Bakü 40th year podcast series",
            "slug": "izmir-baku-40-podcast",
            "description": "A podcast series for the 40th year, to be published on digital "
            "platforms, as İZAZDER announced in January 2026. The source names no episodes.",
        },
        links={"organizers": [IZAZDER], "sources": [S001]},
        natural_key=("slug",),
    ),
]

# Order matters: a record may only refer to records above it.
RECORDS = [
    *SOURCES,
    *ORGANIZATIONS,
    *PEOPLE,
    *AFFILIATIONS,
    *VISITS,
    *MEETINGS,
    *VENUES,
    *MILESTONES,
    *PLANNED_2026,
    *PODCASTS,
]
