"""Every fact the five source articles give, as seed records.

Rules this data keeps (the seeded-facts test checks them):
- Names of people, organizations and places are spelled as the articles spell them; roles,
  titles and summaries are in our own words, in Turkish: the board reads Turkish (the code and
  its msgids stay English). Their Azerbaijani and English are in `translations.py`, keyed by
  the same seed keys; a public text added here without them fails the completeness test.
- A yearly series and its dated editions are separate records (`SERIES_EDITIONS`): the
  editions keep their own dates and themes, the series repeats from after the last of them.
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
                "İZAZDER Başkanı Perviz Altay'ın Bakü'de Fuad Muradov ile görüşmesini aktaran "
                "haber; Muradov Azerbaycan'ın diaspora bakanı, bakanlığı da Türkiye'deki YTB'nin "
                "Azerbaycan'daki karşılığı olarak tanıtılıyor. Altay, derneğin İzmir'de "
                "yaşayan Azerbaycan kökenli insanlarla yaptığı çalışmaları anlatmış; "
                "protokolün 40'ıncı yılı için Nisan 2026'da İzmir'de, Azerbaycan'dan resmi "
                "heyetlerin de gelmesi beklenen bir anma programı düzenleneceğini duyurmuş. "
                "Muradov ise İZAZDER'in çalışmalarından duyduğu memnuniyeti dile getirip iş "
                "birliği teklif etmiş."
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
                "Perviz Altay başkanlığındaki İZAZDER yönetiminin, Büyükşehir Belediye "
                "Başkanı Cemil Tugay'ı makamında ziyaretini anlatan haber; dernek kültür, "
                "eğitim ve ticaret alanlarında hazırladığı proje önerilerini sunmuş, Tugay da "
                "Azerbaycanlı iş insanlarını kente çağırmış. Altay, kardeş şehir protokolünün "
                "1986'ya uzandığını hatırlatıp İZAZDER'in 2026'yı protokolün 40'ıncı yılı ilan "
                "edeceğini söylemiş. Yıl içinde planlananlar arasında festivaller, iş "
                "forumları, gençlik ve gönüllülük programları, ticaret heyetleri, B2B "
                "görüşmeleri, iş gezileri ve bir podcast serisi var."
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
                "Perviz Altay'ın Bakü'de, Azerbaycan Milli Meclisi'nde milletvekili olan ve "
                "TDT STK Platformu'nun Genel Sekreterliğini yürüten Azer Allahveranov'la "
                "görüşmesini anlatan haber; toplantıya Azerbaycan Milli STK Forumu ev "
                "sahipliği yapmış, Nadir İsmayilov da orada bulunmuş. Türk ülkeleri arasında "
                "sivil toplum iş birliği, bir yıl önce kurulan platformun faaliyetleri ve 40'ıncı "
                "yıl vesilesiyle İzmir ile Bakü'de yapılacak ortak kültür ve sivil toplum "
                "etkinlikleri konuşulmuş. Taraflar ortak bir yol haritasında uzlaşmış."
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
                "Tarih taşımayan bu haber, bir Irak Türkmen heyetinin Bakü ziyaretini "
                "anlatıyor; heyet Azerbaycan'daki resmi kurumlar, üniversiteler ve medya "
                "temsilcileriyle eğitim, kültür ve medya alanlarında ortak projeler için "
                "protokoller imzalamış. Haber ayrıca yedi ay önce Bakü'de, Bakü Uluslararası "
                "Çokkültürlülük Merkezi, Uluslararası İlişkiler Analiz Merkezi ve Kerkük "
                "Kültür Derneği'nin katkısıyla yapılan, Irak Türkmenleri konulu uluslararası "
                "konferansı hatırlatıyor. O konferansa 40 kişilik bir Irak Türkmen heyeti "
                "katılmış."
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
                "Azerbaycan ve Türk diaspora kuruluşlarının iş birliğini ele alan, tarihsiz "
                "ve Azerbaycan Türkçesiyle yazılmış bir makale. İki ülkenin diaspora "
                "liderlerinin 9 Mart 2007'de Bakü'de yapılan ilk forumunu, 17 Kasım 2014'te "
                "İstanbul'daki uluslararası konferansı ve 15 Haziran 2021'de imzalanan Şuşa "
                "Beyannamesi'ni sıralıyor. Yeni Azerbaycan Partisi'nin 2022, 2023 ve "
                "2024'te her 15 Haziran'da Şuşa'da düzenlediği uluslararası konferanslardan "
                "da söz ediyor."
            ),
        },
        natural_key=("file_name",),
    ),
]

# --- Organizations ---------------------------------------------------------------------------


def _notes_as_first_seeded(notes: str) -> tuple[dict, ...]:
    """What the seed wrote for the notes before they were stored per language: the Turkish
    alone. A row still holding just that gets its Azerbaijani and English on a re-run."""
    return ({"notes": {"tr": notes, "az": None, "en": None}},) if notes else ()


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
        earlier=_notes_as_first_seeded(notes),
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
        (
            "İzmir'de yaşayan Azerbaycan kökenli insanların sosyal, kültürel ve akademik hayatına "
            "destek veriyor; projelerinde iş dünyasını, gençleri, öğrencileri ve akademiyi öne "
            "alıyor. İzmir–Bakü kardeş şehir protokolünün 40. yıl programını yürütüyor."
        ),
        [S000, S001, S002],
    ),
    _org(
        "izazder-business-committee",
        "İZAZDER İş Geliştirme Komitesi",
        "",
        K.ASSOCIATION,
        "TR",
        IZMIR_CITY,
        (
            "İZAZDER'in İş Geliştirme Komitesi. Türkiye'de yaşayan Azerbaycanlı girişimcileri ve "
            "iş insanlarını buluşturuyor; iş gezileri ve B2B etkinlikleri düzenliyor."
        ),
        [S001],
    ),
    _org(
        "izmir-metropolitan-municipality",
        "İzmir Büyükşehir Belediyesi",
        "",
        K.MUNICIPALITY,
        "TR",
        IZMIR_CITY,
        "İzmir'in büyükşehir belediyesi.",
        [S001],
    ),
    _org(
        "azerbaijan-diaspora-ministry",
        "Azerbaycan Diaspora Bakanlığı",
        "",
        K.STATE_BODY,
        "AZ",
        BAKU_CITY,
        (
            "Adı kaynaktaki gibi verildi: haber, kurumun başındaki kişiyi Azerbaycan'ın diaspora "
            "bakanı olarak anıyor ve kurumu Türkiye'deki YTB'nin Azerbaycan'daki karşılığı diye "
            "tanıtıyor. Resmî adı haberde geçmiyor."
        ),
        [S000],
    ),
    _org(
        "ytb",
        "Yurtdışı Türkler ve Akraba Topluluklar Başkanlığı",
        "YTB",
        K.STATE_BODY,
        "TR",
        "Ankara",
        (
            "Türkiye'nin yurt dışındaki Türkler ve akraba topluluklarla ilgilenen kamu kurumu; "
            "haberde Azerbaycan'daki diaspora kurumunun Türkiye'deki karşılığı olarak anılıyor."
        ),
        [S000],
    ),
    _org(
        "milli-meclis",
        "Azerbaycan Milli Meclisi",
        "Milli Meclis",
        K.PARLIAMENT,
        "AZ",
        BAKU_CITY,
        "Azerbaycan'ın parlamentosu (Milli Məclis).",
        [S002],
    ),
    _org(
        "tdt",
        "Türk Devletleri Teşkilatı",
        "TDT",
        K.PLATFORM,
        "",
        "",
        "Türk devletlerinin hükümetler arası kuruluşu.",
        [S002, S004],
    ),
    _org(
        "tdt-ngo-platform",
        "Türk Devletleri Teşkilatı Üye Ülkeleri STK Platformu",
        "TDT STK Platformu",
        K.PLATFORM,
        "",
        "",
        (
            "Türk Devletleri Teşkilatı üyesi ülkelerin sivil toplum kuruluşlarını bir araya "
            "getiren platform. 2025'te kuruldu (Ocak 2026 tarihli bir haberde “geçen yıl” "
            "deniyor); sekreterliği ortaklıklar ve STK'ların kurumsal kapasitesi üzerinde "
            "çalışıyor."
        ),
        [S002],
    ),
    _org(
        "azerbaijan-national-ngo-forum",
        "Azerbaycan Milli STK Forumu",
        "",
        K.FORUM,
        "AZ",
        BAKU_CITY,
        (
            "Azerbaycan'daki STK'ların ulusal forumu; Perviz Altay ile Azer Allahveranov'un "
            "Bakü'deki görüşmesine ev sahipliği yaptı."
        ),
        [S002],
    ),
    _org(
        "press-council",
        "Azerbaycan Basın Konseyi",
        "",
        K.PRESS_BODY,
        "AZ",
        BAKU_CITY,
        "Azerbaycan'ın basın konseyi (kaynakta “Basın Konseyi”).",
        [S002],
    ),
    _org(
        "cascfen",
        "Orta Asya ve Güney Kafkasya İfade Özgürlüğü Ağı",
        "CASCFEN",
        K.PLATFORM,
        "",
        "",
        "Orta Asya ve Güney Kafkasya'da ifade özgürlüğü alanında çalışan bir ağ.",
        [S002],
    ),
    _org(
        "baku-multiculturalism-centre",
        "Bakü Uluslararası Çokkültürlülük Merkezi",
        "",
        K.THINK_TANK,
        "AZ",
        BAKU_CITY,
        (
            "Bakü'deki Irak Türkmenleri konulu uluslararası konferansı birlikte düzenleyen "
            "kurumlardan biri."
        ),
        [S003],
    ),
    _org(
        "analysis-of-international-relations-centre",
        "Uluslararası İlişkiler Analiz Merkezi",
        "",
        K.THINK_TANK,
        "AZ",
        BAKU_CITY,
        "Bakü'deki Irak Türkmenleri konulu uluslararası konferansın düzenleyicilerinden biri.",
        [S003],
    ),
    _org(
        "kirkuk-culture-association",
        "Kerkük Kültür Derneği",
        "",
        K.ASSOCIATION,
        "",
        "",
        (
            "Bakü'deki Irak Türkmenleri konulu uluslararası konferansın düzenleyicilerinden biri. "
            "Kaynak derneğin nerede bulunduğunu söylemiyor."
        ),
        [S003],
    ),
    _org(
        "yeni-azerbaycan-partiyasi",
        "Yeni Azerbaycan Partisi",
        "YAP",
        K.PARTY,
        "AZ",
        BAKU_CITY,
        (
            "Azerbaycan'da bir siyasi parti; 15 Haziran 2022, 2023 ve 2024'te Şuşa'da yapılan "
            "uluslararası konferansları düzenledi."
        ),
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
        earlier=_notes_as_first_seeded(notes),
    )


PEOPLE = [
    _person(
        "perviz-altay",
        "Perviz Altay",
        "",
        "TR",
        IZMIR_CITY,
        Language.TURKISH,
        "İZAZDER Başkanı; derneğin Ocak–Şubat 2026'daki Bakü temaslarını yürüttü.",
        [S000, S001, S002],
    ),
    _person(
        "cemil-tugay",
        "Cemil Tugay",
        "Dr.",
        "TR",
        IZMIR_CITY,
        Language.TURKISH,
        "İzmir Büyükşehir Belediye Başkanı.",
        [S001],
    ),
    _person(
        "fuad-muradov",
        "Fuad Muradov",
        "",
        "AZ",
        "",
        Language.AZERBAIJANI,
        "Kaynak onu Azerbaycan'ın diaspora bakanı olarak anıyor.",
        [S000],
    ),
    _person(
        "azer-allahveranov",
        "Azer Allahveranov",
        "",
        "AZ",
        "",
        Language.AZERBAIJANI,
        "Azerbaycan Milli Meclisi'nde milletvekili; TDT STK Platformu'nun Genel Sekreteri.",
        [S002],
    ),
    _person(
        "nadir-ismayilov",
        "Nadir İsmayilov",
        "",
        "AZ",
        "",
        Language.AZERBAIJANI,
        "Basın Konseyi'nin kontrol ve denetim komisyonunda sekreter; CASCFEN'in başkanı.",
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
    _role("altay-izazder", ALTAY, IZAZDER, "Başkan", [S000, S001, S002]),
    _role("tugay-izmir", TUGAY, IZMIR_MUNICIPALITY, "İzmir Büyükşehir Belediye Başkanı", [S001]),
    _role(
        "muradov-diaspora",
        MURADOV,
        DIASPORA_MINISTRY,
        "Diaspora Bakanı (kaynaktaki ifadeyle)",
        [S000],
    ),
    _role("allahveranov-meclis", ALLAHVERANOV, MILLI_MECLIS, "Milletvekili", [S002]),
    _role("allahveranov-platform", ALLAHVERANOV, TDT_NGO_PLATFORM, "Genel Sekreter", [S002]),
    _role(
        "ismayilov-press-council",
        ISMAYILOV,
        PRESS_COUNCIL,
        "Kontrol ve Denetim Komisyonu Sekreteri",
        [S002],
    ),
    _role("ismayilov-cascfen", ISMAYILOV, CASCFEN, "Başkan", [S002]),
]

# --- Delegation visits and meetings ----------------------------------------------------------

ALTAY_IN_BAKU = Ref("visit:altay-baku-2026")
IRAQI_TURKMEN_VISIT = Ref("visit:iraqi-turkmen-baku")
IRAQI_TURKMEN_CONFERENCE = Ref("visit:iraqi-turkmen-conference-baku")

NOT_GIVEN = "Kaynakta tarih verilmemiş"

VISITS = [
    Record(
        "visit:altay-baku-2026",
        DelegationVisit,
        {
            "title": "Perviz Altay'ın Bakü temasları",
            "origin_city": IZMIR_CITY,
            "destination_city": BAKU_CITY,
            "start_date": date(2026, 1, 28),
            "end_date": date(2026, 2, 3),
            "dates_note": (
                "Tarih haberden alındı: yolculuğun kendi tarihleri kaynaklarda geçmiyor; "
                "başlangıç ve bitiş, iki haberin yayın tarihleri (2026-01-28 ve 2026-02-03)."
            ),
            "purpose": (
                "Türkiye ile Azerbaycan arasında sivil toplum ve diaspora iş birliği; İzmir–Bakü "
                "kardeş şehir protokolünün 40. yılı."
            ),
            "host_organization": None,
        },
        links={"travellers": [ALTAY], "organizations": [IZAZDER], "sources": [S000, S002]},
        natural_key=("title",),
        # Before it said "dated by the report" in so many words.
        earlier=(
            {
                "dates_note": (
                    "Yolculuk tarihleri kaynaklarda geçmiyor: başlangıç ve bitiş, iki haberin "
                    "yayın tarihleri (2026-01-28 ve 2026-02-03)."
                )
            },
        ),
    ),
    Record(
        "visit:iraqi-turkmen-baku",
        DelegationVisit,
        {
            "title": "Irak Türkmen heyetinin Bakü ziyareti",
            "origin_city": "",  # the article does not say
            "destination_city": BAKU_CITY,
            "start_date": None,
            "end_date": None,
            "dates_note": f"{NOT_GIVEN} (haberin kendisi de tarihsiz).",
            "purpose": (
                "Irak Türkmenleri ile Azerbaycan arasında eğitim, kültür ve medya alanında iş "
                "birliği."
            ),
            "host_organization": None,
        },
        links={"sources": [S003]},
        natural_key=("title",),
        earlier=({"origin_city": "Kaynakta belirtilmemiş"},),
    ),
    Record(
        "visit:iraqi-turkmen-conference-baku",
        DelegationVisit,
        {
            "title": "Bakü'deki uluslararası konferansta Irak Türkmen heyeti",
            "origin_city": "",  # several countries: the purpose names them
            "destination_city": BAKU_CITY,
            "start_date": None,
            "end_date": None,
            "dates_note": f"{NOT_GIVEN}: tarihsiz haber, konferansın anlattığı ziyaretten "
            "yedi ay önce yapıldığını söylüyor.",
            "purpose": (
                "Konferansa Irak'tan, Türkiye'den ve başka ülkelerden gelen 40 kişilik bir Irak "
                "Türkmen heyeti katıldı."
            ),
            "host_organization": None,
        },
        links={"sources": [S003]},
        natural_key=("title",),
        earlier=({"origin_city": "Irak, Türkiye ve başka ülkeler"},),
    ),
]

MEETINGS = [
    Record(
        "meeting:altay-allahveranov",
        Meeting,
        {
            "visit": ALTAY_IN_BAKU,
            "title": "Azerbaycan Milli STK Forumu'nda Azer Allahveranov ile görüşme",
            "date": date(2026, 1, 28),
            "dated_by_publication": True,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": NGO_FORUM,
            "topics": (
                "Türk dünyasında, özellikle Türkiye ile Azerbaycan arasında sivil toplum "
                "diplomasisi; ortak projeler ve kurumlar arasında eş güdüm; TDT STK Platformu'nun "
                "çalışmaları ve planları; İzmir–Bakü protokolünün 40. yılı ve İzmir ile Bakü'de "
                "birlikte yapılacak kültür ve sivil toplum etkinlikleri."
            ),
            "outcomes": (
                "Ortak bir yol haritasında uzlaşıldı: kardeş şehir bağını yeni kuşaklara taşımak, "
                "ortak projeleri çoğaltmak ve Türk dünyasında sivil toplum diplomasisini daha "
                "etkili kılmak."
            ),
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
            "title": "Fuad Muradov ile görüşme",
            "date": date(2026, 2, 3),
            "dated_by_publication": True,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": None,
            "topics": (
                "Türkiye–Azerbaycan ilişkilerinde diaspora çalışmaları; iki ülkenin ortak "
                "projeleri; İZAZDER'in İzmir'deki Azerbaycan kökenli insanlar için yaptıkları (iş "
                "dünyası, gençler, öğrenciler, akademi); kardeş şehir protokolünün 40. yılı."
            ),
            "outcomes": (
                "Destek: Muradov İZAZDER'in çalışmalarını takdirle karşıladı ve iş birliğine "
                "hazır olduklarını söyledi. Duyuru: 40. yıl için Nisan 2026'da İzmir'de bir anma "
                "programı yapılacak; Azerbaycan'dan resmi heyetler bekleniyor."
            ),
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
            "title": "İZAZDER yönetiminin Dr. Cemil Tugay'ı ziyareti",
            "date": date(2026, 1, 12),
            "dated_by_publication": True,
            "place": "Başkanlık makamı, İzmir Büyükşehir Belediyesi",
            "city": IZMIR_CITY,
            "host_organization": IZMIR_MUNICIPALITY,
            "topics": (
                "Şehirler arasındaki dostluğu kalıcı, kurumsal bir iş birliğine dönüştürmek; "
                "eğitim, ticaret ve ekonomide somut projeler; İzmir'de okuyan Azerbaycanlı "
                "öğrencilere destek; daha çok karşılıklı ziyaret, kültür etkinliği ve gençlik "
                "projesi."
            ),
            "outcomes": (
                "İZAZDER proje önerilerini sundu. Tugay Azerbaycanlı iş insanlarını İzmir'e davet "
                "etti. Altay, İZAZDER'in 2026'yı İzmir–Bakü kardeşliğinin 40. yılı ilan edeceğini "
                "ve yıla yayılan bir program hazırladığını açıkladı. Altay, Tugay'a Azerbaycan "
                "bayraklı bir yaka rozeti hediye etti."
            ),
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
            "title": "Bakü'de resmi kurumlar, üniversiteler ve medyayla görüşmeler",
            "date": None,
            "dated_by_publication": False,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": None,
            "topics": "Eğitim, kültür ve medyada ortak projeler ve iş birliği.",
            "outcomes": (
                "Heyet; resmi kurumlar, üniversiteler ve basın-yayın temsilcileriyle ortak proje "
                "ve iş birliği protokollerine imza attı."
            ),
        },
        links={"sources": [S003]},
    ),
    Record(
        "meeting:iraqi-turkmen-conference",
        Meeting,
        {
            "visit": IRAQI_TURKMEN_CONFERENCE,
            "title": "Irak Türkmenleri ve Türk dünyası üzerine uluslararası konferans",
            "date": None,
            "dated_by_publication": False,
            "place": "",
            "city": BAKU_CITY,
            "host_organization": None,
            "topics": (
                "Irak Türkmenleri ile Azerbaycan arasındaki ilişkiler ve bu ilişkilerin "
                "geleceğine dair planlar."
            ),
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


def _venue(key, name, city, country, zone, *, earlier=()):
    return Record(
        f"venue:{key}",
        Venue,
        {"name": name, "city": city, "country": country, "time_zone": zone, "capacity": None},
        natural_key=("name", "city"),
        earlier=earlier,
    )


VENUES = [
    # Only the April 2026 plan, whose venue was never named, is here: "to be announced" stopped
    # being true when April was over.
    _venue(
        "izmir",
        "İzmir — kaynakta yer belirtilmemiş",
        IZMIR_CITY,
        "TR",
        IZMIR,
        earlier=({"name": "İzmir — yer daha sonra duyurulacak"},),
    ),
    _venue(
        "izmir-program",
        "İzmir — yerler daha sonra duyurulacak (40. yıl programı)",
        IZMIR_CITY,
        "TR",
        IZMIR,
    ),
    _venue(
        "baku-program",
        "Bakü — yerler daha sonra duyurulacak (40. yıl programı)",
        BAKU_CITY,
        "AZ",
        BAKU,
    ),
    _venue("baku-unnamed", "Bakü — kaynakta yer belirtilmemiş", BAKU_CITY, "AZ", BAKU),
    _venue("istanbul", "İstanbul — kaynakta yer belirtilmemiş", "İstanbul", "TR", IZMIR),
    _venue("susa", "Şuşa — kaynakta yer belirtilmemiş", "Şuşa", "AZ", BAKU),
]

# --- Events: milestones and the 2026 plans ---------------------------------------------------


def _event(key, slug, title, kind, status, span, precision, venue, description, **extra):
    # Public text for delegates; what the sources leave open goes to the internal notes.
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
        "internal_notes": extra.pop("internal_notes", ""),
        "capacity": None,
        "is_public": True,
        "is_milestone": False,
        "recurrence": Recurrence.NONE,
    } | extra
    earlier = fields.pop("earlier", ())
    return Record(
        f"event:{key}", Event, fields, links=links, natural_key=("slug",), earlier=earlier
    )


E, S, P = EventKind, EventStatus, DatePrecision
SOURCE_GIVES_ONLY_THE_YEAR = "Kaynaklar yalnızca yılı veriyor."
NO_DATE_OR_PROGRAM = "Henüz tarih ya da program belli değil."

SUSA_SERIES_KEY = "event:susa-conference"
SUSA_SERIES_SLUG = "susa-international-conference-15-june"


def _susa_edition(year, title, description):
    """One dated 15 June conference in Şuşa: its own record, its slug the series' plus the year."""
    return _event(
        f"susa-conference-{year}",
        f"{SUSA_SERIES_SLUG}-{year}",
        title,
        E.CONFERENCE,
        S.DONE,
        day_span(date(year, 6, 15), BAKU),
        P.DAY,
        VENUE_SUSA,
        description,
        is_milestone=True,
        series=Ref(SUSA_SERIES_KEY),
        organizers=[YAP],
        sources=[S004],
        # Seeded before editions were linked to their series in the database.
        earlier=({"series": None},),
    )


# What the seed wrote before the editions were records of their own: the series itself dated
# 15 June 2022, done, with the three years in a sentence. A row still holding exactly this is
# brought up to the series below on a re-run (events.seed.loader), the editions created beside it.
SUSA_SERIES_AS_ONE_RECORD = {
    "status": EventStatus.DONE,
    "start": day_span(date(2022, 6, 15), BAKU)[0],
    "end": day_span(date(2022, 6, 15), BAKU)[1],
    "is_milestone": True,
    "internal_notes": "",
    "description": (
        "Şuşa Beyannamesi'nden bu yana her yıl 15 Haziran'da Şuşa'da, Yeni Azərbaycan "
        "Partiyası'nın düzenlediği uluslararası konferans. Kaynak üçünü anıyor: 2022 "
        "(beyannamenin birinci yıl dönümü), 2023 (ikinci yıl dönümü; Milli Kurtuluş Günü de "
        "anıldı) ve 2024 (Türk Devletleri Teşkilatı üzerine)."
    ),
}

# Article 004 dates three editions, each with its own theme; it names Yeni Azərbaycan Partiyası
# as the organizer of the conferences it lists. The yearly series is a record of its own: its
# first date is the first 15 June after the last dated edition, so that its repetitions never
# double a dated record (on the calendar, the feed or the clash check). The sources say nothing
# of 2025 or later; the board confirms each edition as it learns of it.
SUSA_CONFERENCES = [
    _event(
        "susa-conference",
        SUSA_SERIES_SLUG,
        "Şuşa'da uluslararası konferans (her yıl 15 Haziran)",
        E.CONFERENCE,
        S.PLANNED,
        day_span(date(2025, 6, 15), BAKU),
        P.DAY,
        VENUE_SUSA,
        (
            "Şuşa Beyannamesi'nin yıl dönümünde, her yıl 15 Haziran'da Şuşa'da toplanan "
            "uluslararası konferans dizisi. 2022, 2023 ve 2024 konferanslarının her biri kendi "
            "konusuyla ayrı bir kayıt."
        ),
        internal_notes=(
            "Dizinin ilk tarihi, tarihi bilinen son konferanstan (2024) sonraki 15 Haziran: "
            "tekrarları tarihli kayıtlarla çakışmasın diye. Kaynak 2025 ve sonrasından söz "
            "etmiyor; her yılın konferansını kurul öğrendikçe onaylar."
        ),
        recurrence=Recurrence.YEARLY,
        organizers=[YAP],
        sources=[S004],
        earlier=(SUSA_SERIES_AS_ONE_RECORD,),
    ),
    _susa_edition(
        2022,
        "Şuşa Beyannamesi'nin birinci yıl dönümünde Şuşa'da uluslararası konferans",
        (
            "Beyannamenin imzalanışının birinci yılında Şuşa'da toplanan uluslararası "
            "konferans; konusu, Azerbaycan ile Türkiye'nin stratejik müttefikliğinin Kafkasya'ya "
            "ve çevresine barış ve istikrar getirmesiydi. Her yıl 15 Haziran'da yapılan "
            "konferansların ilki."
        ),
    ),
    _susa_edition(
        2023,
        "Şuşa'da “Kurtuluştan Zafere” konulu uluslararası konferans",
        (
            "Şuşa Beyannamesi'nin ikinci yıl dönümünü ve Milli Kurtuluş Günü'nü birlikte anan "
            "uluslararası konferans; Azerbaycan'da “Haydar Aliyev Yılı” olarak anılan 2023'ün "
            "programı içinde yapıldı."
        ),
    ),
    _susa_edition(
        2024,
        "Şuşa'da Türk Devletleri Teşkilatı üzerine uluslararası konferans",
        (
            "Türk Devletleri Teşkilatı'nın, değişen jeopolitik koşullar ve dünyadaki büyük "
            "sarsıntılar karşısında önüne koyduğu yeni stratejik hedefleri ele alan uluslararası "
            "konferans; Şuşa Beyannamesi'nin üçüncü yıl dönümünde toplandı."
        ),
    ),
]
# The dated editions of each yearly series, by seed key (each edition's `series` points at its
# series; the series comes first so the editions can refer to it). Their slugs also begin with
# the series' slug.
SERIES_EDITIONS = {
    SUSA_SERIES_KEY: [f"event:susa-conference-{year}" for year in (2022, 2023, 2024)],
}

MILESTONES = [
    _event(
        "protocol-1986",
        "izmir-baku-sister-city-protocol-1986",
        "İzmir–Bakü kardeş şehir protokolü imzalandı",
        E.OTHER,
        S.DONE,
        year_span(1986, IZMIR),
        P.YEAR,
        None,
        (
            "İzmir ile Bakü, Sovyet döneminde, 1986'da imzalanan bir protokolle kardeş şehir "
            "oldu. 2026, protokolün 40. yılı."
        ),
        internal_notes=SOURCE_GIVES_ONLY_THE_YEAR,
        is_milestone=True,
        sources=[S001, S002],
    ),
    _event(
        "diaspora-forum-2007",
        "first-azerbaijani-turkish-diaspora-leaders-forum-2007",
        "Azerbaycan ve Türk diaspora kuruluşları liderlerinin ilk forumu",
        E.CONFERENCE,
        S.DONE,
        day_span(date(2007, 3, 9), BAKU),
        P.DAY,
        VENUE_BAKU_PAST,
        (
            "Azerbaycan ve Türk diaspora kuruluşlarının liderlerini ilk kez bir araya getiren "
            "forum; Bakü'de yapıldı."
        ),
        is_milestone=True,
        sources=[S004],
    ),
    _event(
        "istanbul-conference-2014",
        "istanbul-diaspora-cooperation-conference-2014",
        "İstanbul'da diaspora iş birliği üzerine uluslararası konferans",
        E.CONFERENCE,
        S.DONE,
        day_span(date(2014, 11, 17), IZMIR),
        P.DAY,
        VENUE_ISTANBUL,
        (
            "İstanbul'da bir sergiyle birlikte düzenlenen uluslararası konferans; Azerbaycan ve "
            "Türk diaspora kuruluşlarının daha sıkı iş birliği konuşuldu."
        ),
        is_milestone=True,
        sources=[S004],
    ),
    _event(
        "susa-declaration-2021",
        "susa-declaration-2021",
        "Şuşa Beyannamesi imzalandı",
        E.OTHER,
        S.DONE,
        day_span(date(2021, 6, 15), BAKU),
        P.DAY,
        VENUE_SUSA,
        (
            "Azerbaycan ve Türkiye'nin cumhurbaşkanları İlham Əliyev ve Recep Tayyip Erdoğan, "
            "Şuşa Beyannamesi'ni Şuşa'da imzaladı. Beyanname, başka konuların yanında iki ülkenin "
            "diasporaları arasında iş birliğini ve ortak bir medya platformunu öngörüyor. Şuşa'da "
            "her yıl 15 Haziran'da yapılan konferanslar beyannamenin yıl dönümünü anıyor."
        ),
        is_milestone=True,
        sources=[S004],
    ),
    *SUSA_CONFERENCES,
]

YEAR_2026_IZMIR = year_span(2026, IZMIR)
FORTIETH_YEAR_NOTE = (
    "İZAZDER'in İzmir–Bakü kardeş şehir protokolünün 40. yılı için duyurduğu, bütün yıla "
    "yayılan programın parçası."
)
NO_DATE_OR_PLACE = "Kaynakta henüz tarih ya da yer yok."


# Written so that it stays true once April 2026 is over: the plan as announced, in the past
# tense, without claiming it took place (no source says it did).
COMMEMORATION_2026_04 = (
    "Nisan 2026 için İzmir'de planlanan geniş kapsamlı bir anma programı: protokolün 40. yılına "
    "ayrılmıştı. Perviz Altay planı Fuad Muradov ile görüşmesinde açıkladı; Azerbaycan'dan "
    "resmi heyetlerin de gelmesi öngörülüyordu."
)
# What earlier versions of the seed wrote, in the future tense of the announcement.
COMMEMORATION_2026_04_AS_ANNOUNCED = (
    "İzmir–Bakü kardeş şehir protokolünün 40. yılı için Nisan 2026'da İzmir'de yapılacak "
    "geniş kapsamlı anma programı; Perviz Altay bunu Fuad Muradov ile görüşmesinde "
    "duyurdu. Azerbaycan'dan resmi heyetlerin katılması bekleniyor."
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
        internal_notes=NO_DATE_OR_PLACE,
        organizers=list(organizers),
        sources=[S001],
    )


PLANNED_2026 = [
    _event(
        "commemoration-2026-04",
        "izmir-baku-40-commemoration-april-2026",
        "İzmir'de 40. yıl anma programı",
        E.COMMEMORATION,
        S.PLANNED,
        month_span(2026, 4, IZMIR),
        P.MONTH,
        VENUE_IZMIR,
        COMMEMORATION_2026_04,
        internal_notes="Kaynak gün ya da yer vermiyor.",
        organizers=[IZAZDER],
        sources=[S000],
        earlier=({"description": COMMEMORATION_2026_04_AS_ANNOUNCED},),
    ),
    _year_plan("cultural-festivals", "Kültür festivalleri (40. yıl)", E.CULTURAL_FESTIVAL),
    _year_plan(
        "youth-volunteering", "Gençlik ve gönüllülük programları (40. yıl)", E.YOUTH_PROGRAM
    ),
    _year_plan("business-forums", "İş forumları (40. yıl)", E.BUSINESS_FORUM),
    _year_plan(
        "b2b-meetings",
        "B2B görüşmeleri (40. yıl)",
        E.B2B_MEETING,
        organizers=(IZAZDER, BUSINESS_COMMITTEE),
        extra_note="İZAZDER'in İş Geliştirme Komitesi eliyle yürütülecek.",
    ),
    _year_plan("trade-delegations", "Ticaret heyetleri (40. yıl)", E.TRADE_DELEGATION),
    _year_plan(
        "business-tours",
        "İş gezileri (40. yıl)",
        E.BUSINESS_TOUR,
        organizers=(IZAZDER, BUSINESS_COMMITTEE),
        extra_note="İZAZDER'in İş Geliştirme Komitesi eliyle yürütülecek.",
    ),
    _year_plan(
        "podcast-series",
        "Dijital platformlarda podcast serisi (40. yıl)",
        E.PODCAST_EPISODE,
        extra_note="Aynı adlı podcast serisine bakın; henüz hiçbir bölümün adı belli değil.",
    ),
    _event(
        "2026-joint-events-izmir",
        "izmir-baku-40-joint-events-izmir",
        "İzmir'de ortak kültür ve sivil toplum etkinlikleri (40. yıl)",
        E.OTHER,
        S.IDEA,
        YEAR_2026_IZMIR,
        P.YEAR,
        VENUE_IZMIR_PROGRAM,
        (
            "40. yıl için İzmir'de yapılması önerilen ortak kültür ve sivil toplum etkinlikleri; "
            "Perviz Altay bu çağrıyı Bakü'de Azer Allahveranov ile görüşürken yaptı."
        ),
        internal_notes=NO_DATE_OR_PROGRAM,
        organizers=[IZAZDER],
        sources=[S002],
    ),
    _event(
        "2026-joint-events-baku",
        "izmir-baku-40-joint-events-baku",
        "Bakü'de ortak kültür ve sivil toplum etkinlikleri (40. yıl)",
        E.OTHER,
        S.IDEA,
        year_span(2026, BAKU),
        P.YEAR,
        VENUE_BAKU_PROGRAM,
        (
            "40. yıl için Bakü'de yapılması önerilen ortak kültür ve sivil toplum etkinlikleri; "
            "Perviz Altay bu çağrıyı Azer Allahveranov ile görüşmesinde yaptı."
        ),
        internal_notes=NO_DATE_OR_PROGRAM,
        organizers=[IZAZDER],
        sources=[S002],
    ),
]

PODCASTS = [
    Record(
        "podcast:izmir-baku-40",
        PodcastSeries,
        {
            "title": "İzmir–Bakü 40. yıl podcast serisi",
            "slug": "izmir-baku-40-podcast",
            "description": (
                "40. yıl için dijital platformlarda yayımlanacak bir podcast serisi; İZAZDER bunu "
                "Ocak 2026'da duyurdu. Kaynak hiçbir bölümün adını vermiyor."
            ),
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
