"""The seeded public texts in Azerbaijani and English, beside the Turkish of `facts` and `demo`.

Keyed by each record's seed key (the same key the loader stores in `seed_key`), then by field:
{"event:protocol-1986": {"title": {"az": ..., "en": ...}}}. Turkish stays where it is, in the
records themselves. Written in our own words like the Turkish (the seeded-facts test checks that no
8-word run is shared with an article, in all three languages); names of people are as the
articles spell them, organizations under their own Azerbaijani and English names, and cities as
`contacts.cities` spells them per language (İzmir/İzmir/Izmir, Bakü/Bakı/Baku, Şuşa/Şuşa/Shusha).

`TRANSLATED_FIELDS` says which fields of which model are public text: every one of them that has
Turkish text in a record must have az and en here (tests/events/seed/test_translations.py).
"""

from contacts.models import Affiliation, DelegationVisit, Meeting, Organization, Person, Source
from events.models import Event, PodcastEpisode, PodcastSeries, Venue

LANGUAGES = ("az", "en")

TRANSLATED_FIELDS = {
    Source: ("summary",),
    Organization: ("name", "short_name", "notes"),
    Person: ("notes",),
    Affiliation: ("role",),
    DelegationVisit: ("title", "purpose", "dates_note"),
    Meeting: ("title", "place", "topics", "outcomes"),
    Venue: ("name", "address"),
    Event: ("title", "description"),
    PodcastSeries: ("title", "description"),
    PodcastEpisode: ("title",),
}

# The words a record carries when its only date is a report's publication date; the same as
# the catalogs' "dated by the report" (locale/*/LC_MESSAGES/django.po).
DATED_BY_THE_REPORT = {
    "tr": "Tarih haberden alındı",
    "az": "Tarix hesabatdan götürülüb",
    "en": "Dated by the report",
}


def t(az: str, en: str) -> dict[str, str]:
    return {"az": az, "en": en}


SOURCES = {
    "source:000": {
        "summary": t(
            "Perviz Altayın Bakıda Fuad Muradovla görüşündən xəbər verən yazı; mətndə Muradov "
            "Azərbaycanın diaspora naziri, qurumu isə Türkiyədəki YTB-nin Azərbaycandakı "
            "tay qurumu kimi təqdim olunur. Altay dərnəyin İzmirdə yaşayan azərbaycanlılar "
            "üçün gördüyü işlərdən danışıb, protokolun 40 illiyi ilə bağlı 2026-cı ilin "
            "aprelində İzmirdə, Azərbaycandan rəsmi nümayəndə heyətlərinin də qatılacağı bir "
            "anım proqramı keçiriləcəyini bildirib. Muradov İZAZDER-in fəaliyyətini "
            "bəyəndiyini deyib və əməkdaşlığa hazır olduqlarını vurğulayıb.",
            "A report of Perviz Altay's meeting with Fuad Muradov in Baku; it presents Muradov "
            "as Azerbaijan's minister for the diaspora and his body as the counterpart of "
            "Türkiye's YTB. Altay described what the association does for people of "
            "Azerbaijani origin in Izmir and announced a commemoration in Izmir in April 2026 "
            "for the protocol's 40th year, with official delegations from Azerbaijan expected. "
            "Muradov praised İZAZDER's work and offered to cooperate.",
        ),
    },
    "source:001": {
        "summary": t(
            "Perviz Altayın rəhbərlik etdiyi İZAZDER idarə heyətinin Böyükşəhər Bələdiyyəsinin "
            "sədri Cemil Tugayı iş otağında ziyarət etməsindən bəhs edən xəbər; dərnək "
            "mədəniyyət, təhsil və ticarət üzrə layihə təkliflərini təqdim edib, Tugay isə "
            "azərbaycanlı iş adamlarını şəhərə dəvət edib. Altay qardaş şəhər protokolunun "
            "1986-cı ildə imzalandığını xatırladıb və İZAZDER-in 2026-cı ili protokolun 40-cı ili elan "
            "edəcəyini deyib. İl üçün festivallar, biznes forumları, gənclik və könüllülük "
            "proqramları, ticarət heyətləri, B2B görüşləri, işgüzar səfərlər və podkast "
            "silsiləsi nəzərdə tutulur.",
            "A report of the İZAZDER board, led by Perviz Altay, calling on Metropolitan Mayor "
            "Cemil Tugay at his office; the association presented project proposals in "
            "culture, education and trade, and Tugay invited Azerbaijani business people to the "
            "city. Altay recalled that the sister-city protocol dates from 1986 and said "
            "İZAZDER would declare 2026 the protocol's 40th year. The plans for the year "
            "include festivals, business forums, youth and volunteering programs, trade "
            "delegations, B2B meetings, business trips and a podcast series.",
        ),
    },
    "source:002": {
        "summary": t(
            "Perviz Altayın Bakıda Milli Məclisin deputatı və TDT QHT Platformasının baş katibi "
            "Azer Allahveranovla görüşündən bəhs edən xəbər; görüşə Azərbaycan Milli QHT "
            "Forumu ev sahibliyi edib, Nadir İsmayilov da iştirak edib. Türk ölkələri arasında "
            "vətəndaş cəmiyyəti əməkdaşlığı, bir il əvvəl yaradılmış platformanın işi və 40 "
            "illik münasibətilə İzmirdə və Bakıda birgə mədəniyyət və vətəndaş cəmiyyəti "
            "tədbirləri müzakirə olunub. Tərəflər ortaq yol xəritəsi üzərində razılaşıb.",
            "A report of Perviz Altay's meeting in Baku with Azer Allahveranov, a member of the "
            "Milli Majlis and secretary general of the OTS NGO Platform; the National NGO Forum "
            "of Azerbaijan hosted it and Nadir İsmayilov attended. They discussed civil-society "
            "cooperation among Turkic countries, the work of the platform founded a year "
            "earlier, and joint cultural and civil-society events in Izmir and Baku for the "
            "40th year. The two sides agreed on a shared road map.",
        ),
    },
    "source:003": {
        "summary": t(
            "Tarixi göstərilməyən bu xəbər bir İraq türkman heyətinin Bakı səfərindən danışır; "
            "heyət Azərbaycanın rəsmi qurumları, universitetləri və media nümayəndələri ilə "
            "təhsil, mədəniyyət və media sahələrində birgə layihələr üçün protokollar "
            "imzalayıb. Xəbər həmçinin yeddi ay öncə Bakıda Bakı Beynəlxalq Multikulturalizm "
            "Mərkəzi, Beynəlxalq Münasibətlərin Təhlili Mərkəzi və Kərkük Mədəniyyət "
            "Dərnəyinin dəstəyi ilə keçirilən, İraq türkmanlarına həsr olunmuş beynəlxalq "
            "konfransı xatırladır. Həmin konfransda 40 nəfərlik İraq türkman heyəti iştirak "
            "edib.",
            "This undated report describes an Iraqi Turkmen delegation's visit to Baku; the "
            "delegation signed protocols for joint projects in education, culture and the media "
            "with Azerbaijani state bodies, universities and media representatives. It also "
            "recalls an international conference on the Iraqi Turkmens held in Baku seven months "
            "earlier with the support of the Baku International Multiculturalism Centre, the "
            "Center of Analysis of International Relations and the Kirkuk Culture Association. "
            "A 40-strong Iraqi Turkmen delegation attended that conference.",
        ),
    },
    "source:004": {
        "summary": t(
            "Azərbaycan və Türk diaspor təşkilatlarının əməkdaşlığına dair, tarixi "
            "göstərilməyən, Azərbaycan dilində yazılmış məqalə. Mətn iki ölkənin diaspor "
            "rəhbərlərinin 2007-ci il 9 martda Bakıdakı ilk forumunu, 2014-cü il 17 noyabrda "
            "İstanbuldakı beynəlxalq konfransı və 2021-ci il 15 iyunda imzalanmış Şuşa "
            "Bəyannaməsini sadalayır. Yeni Azərbaycan Partiyasının 2022, 2023 və 2024-cü "
            "illərdə hər 15 iyunda Şuşada keçirdiyi beynəlxalq konfranslar da anılır.",
            "An undated article in Azerbaijani on the cooperation of Azerbaijani and Turkish "
            "diaspora organizations. It lists the first forum of the two countries' diaspora "
            "leaders in Baku on 9 March 2007, the international conference in Istanbul on 17 "
            "November 2014 and the Shusha Declaration signed on 15 June 2021. It also mentions "
            "the international conferences that New Azerbaijan Party held in Shusha on 15 June "
            "in 2022, 2023 and 2024.",
        ),
    },
}

_ORGANIZATION_NAMES = {
    "org:izazder": {
        "name": t("İzmir Azərbaycan Dərnəyi", "Izmir Azerbaijan Association"),
        "short_name": t("İZAZDER", "İZAZDER"),
    },
    "org:izazder-business-committee": {
        "name": t("İZAZDER-in Biznesin İnkişafı Komitəsi", "İZAZDER Business Development Committee")
    },
    "org:izmir-metropolitan-municipality": {
        "name": t("İzmir Böyükşəhər Bələdiyyəsi", "Izmir Metropolitan Municipality")
    },
    # As the source names it (see the record's notes); the board may put the official name.
    "org:azerbaijan-diaspora-ministry": {
        "name": t("Azərbaycan Diaspora Nazirliyi", "Azerbaijan's Ministry for the Diaspora")
    },
    "org:ytb": {
        "name": t(
            "Xaricdəki Türklər və Qohum İcmalar İdarəsi",
            "Presidency for Turks Abroad and Related Communities",
        ),
        "short_name": t("YTB", "YTB"),
    },
    "org:milli-meclis": {
        "name": t("Azərbaycan Respublikasının Milli Məclisi", "Milli Majlis of Azerbaijan"),
        "short_name": t("Milli Məclis", "Milli Majlis"),
    },
    "org:tdt": {
        "name": t("Türk Dövlətləri Təşkilatı", "Organization of Turkic States"),
        "short_name": t("TDT", "OTS"),
    },
    "org:tdt-ngo-platform": {
        "name": t(
            "Türk Dövlətləri Təşkilatına üzv ölkələrin QHT Platforması",
            "NGO Platform of the Member States of the Organization of Turkic States",
        ),
        "short_name": t("TDT QHT Platforması", "OTS NGO Platform"),
    },
    "org:azerbaijan-national-ngo-forum": {
        "name": t("Azərbaycan Milli QHT Forumu", "National NGO Forum of Azerbaijan")
    },
    "org:press-council": {"name": t("Azərbaycan Mətbuat Şurası", "Press Council of Azerbaijan")},
    "org:cascfen": {
        "name": t(
            "Mərkəzi Asiya və Cənubi Qafqaz İfadə Azadlığı Şəbəkəsi",
            "Central Asia and South Caucasus Freedom of Expression Network",
        ),
        "short_name": t("CASCFEN", "CASCFEN"),
    },
    "org:baku-multiculturalism-centre": {
        "name": t(
            "Bakı Beynəlxalq Multikulturalizm Mərkəzi", "Baku International Multiculturalism Centre"
        )
    },
    "org:analysis-of-international-relations-centre": {
        "name": t(
            "Beynəlxalq Münasibətlərin Təhlili Mərkəzi",
            "Center of Analysis of International Relations",
        )
    },
    "org:kirkuk-culture-association": {
        "name": t("Kərkük Mədəniyyət Dərnəyi", "Kirkuk Culture Association")
    },
    "org:yeni-azerbaycan-partiyasi": {
        "name": t("Yeni Azərbaycan Partiyası", "New Azerbaijan Party"),
        "short_name": t("YAP", "YAP"),
    },
}

# What the board knows of each seeded organization, in Azerbaijani and English.
_ORGANIZATION_NOTES = {
    "org:izazder": {
        "notes": t(
            "İzmirdə yaşayan azərbaycanlı icmanın sosial, mədəni və elmi həyatına dəstək olur; "
            "layihələrində iş adamlarına, gənclərə, tələbələrə və akademik mühitə üstünlük "
            "verir. İzmir–Bakı qardaş şəhər protokolunun 40 illik proqramını aparır.",
            "Supports the social, cultural and academic life of people of Azerbaijani origin in "
            "Izmir, with projects aimed above all at business, young people, students and "
            "academia. It runs the program for the 40th year of the Izmir–Baku sister-city "
            "protocol.",
        )
    },
    "org:izazder-business-committee": {
        "notes": t(
            "İZAZDER-in Biznesin İnkişafı Komitəsi. Türkiyədə yaşayan azərbaycanlı sahibkarları "
            "və iş adamlarını bir araya gətirir, işgüzar səfərlər və B2B görüşləri təşkil edir.",
            "İZAZDER's Business Development Committee. It connects Azerbaijani entrepreneurs and "
            "businesspeople living in Türkiye and organizes business trips and B2B events.",
        )
    },
    "org:izmir-metropolitan-municipality": {
        "notes": t(
            "İzmir şəhərinin böyükşəhər bələdiyyəsi.",
            "The metropolitan municipality of Izmir.",
        )
    },
    "org:azerbaijan-diaspora-ministry": {
        "notes": t(
            "Ad mənbədə yazıldığı kimi saxlanılıb: xəbər quruma rəhbərlik edən şəxsi "
            "Azərbaycanın diaspora naziri adlandırır, qurumu isə Türkiyədəki YTB-nin "
            "Azərbaycandakı qarşılığı kimi təqdim edir. Rəsmi adı xəbərdə çəkilmir.",
            "Named as the source names it: the report calls the head of this body Azerbaijan's "
            "minister for the diaspora and presents the body as the Azerbaijani counterpart of "
            "Türkiye's YTB. Its official name is not given.",
        )
    },
    "org:ytb": {
        "notes": t(
            "Türkiyənin xaricdə yaşayan türklər və qohum icmalarla işləyən dövlət qurumu; "
            "xəbərdə Azərbaycandakı diaspora qurumunun Türkiyədəki qarşılığı kimi xatırlanır.",
            "The Turkish state body that works with Turks abroad and related communities; the "
            "report mentions it as the Turkish counterpart of Azerbaijan's diaspora body.",
        )
    },
    "org:milli-meclis": {
        "notes": t(
            "Azərbaycan Respublikasının parlamenti.",
            "Azerbaijan's parliament (Milli Majlis).",
        )
    },
    "org:tdt": {
        "notes": t(
            "Türk dövlətlərini birləşdirən hökumətlərarası təşkilat.",
            "The intergovernmental organization of the Turkic states.",
        )
    },
    "org:tdt-ngo-platform": {
        "notes": t(
            "Türk Dövlətləri Təşkilatına üzv ölkələrin vətəndaş cəmiyyəti təşkilatlarını "
            "birləşdirən platforma. 2025-ci ildə yaradılıb (2026-cı ilin yanvarına aid bir xəbər "
            "bunu “keçən il” kimi verir); katibliyi tərəfdaşlıqlar və QHT-lərin institusional "
            "imkanları üzərində işləyir.",
            "A platform bringing together civil-society organizations of the member states of "
            "the Organization of Turkic States. Founded in 2025 (a report from January 2026 says "
            "“last year”); its secretariat works on partnerships and on the institutional "
            "capacity of NGOs.",
        )
    },
    "org:azerbaijan-national-ngo-forum": {
        "notes": t(
            "Azərbaycan qeyri-hökumət təşkilatlarının milli forumu; Perviz Altayla Azer "
            "Allahveranovun Bakıdakı görüşü burada keçirilib.",
            "The national forum of Azerbaijan's NGOs; it hosted the meeting of Perviz Altay and "
            "Azer Allahveranov in Baku.",
        )
    },
    "org:press-council": {
        "notes": t(
            "Azərbaycanın mətbuat şurası (mənbədə türkcə “Basın Konseyi” kimi keçir).",
            "Azerbaijan's press council (the source calls it “Basın Konseyi”).",
        )
    },
    "org:cascfen": {
        "notes": t(
            "Mərkəzi Asiya və Cənubi Qafqazda söz azadlığı sahəsində fəaliyyət göstərən şəbəkə.",
            "A network working for freedom of expression in Central Asia and the South Caucasus.",
        )
    },
    "org:baku-multiculturalism-centre": {
        "notes": t(
            "Bakıda İraq türkmanlarına həsr olunmuş beynəlxalq konfransın təşkilatçılarından biri.",
            "One of the co-organizers of the international conference in Baku on the Iraqi "
            "Turkmens.",
        )
    },
    "org:analysis-of-international-relations-centre": {
        "notes": t(
            "İraq türkmanları mövzusunda Bakıda keçirilən beynəlxalq konfransı təşkil edənlərdən "
            "biri.",
            "Among the organizers of the international conference held in Baku about the Iraqi "
            "Turkmens.",
        )
    },
    "org:kirkuk-culture-association": {
        "notes": t(
            "Bakıda İraq türkmanlarına dair beynəlxalq konfransın təşkilatçılarından biri. "
            "Dərnəyin harada yerləşdiyi mənbədə göstərilmir.",
            "One of the bodies behind the international conference in Baku on the Iraqi "
            "Turkmens. The source does not say where the association is based.",
        )
    },
    "org:yeni-azerbaycan-partiyasi": {
        "notes": t(
            "Azərbaycanda siyasi partiya; 2022, 2023 və 2024-cü illərdə 15 iyunda Şuşada "
            "keçirilən beynəlxalq konfransların təşkilatçısı.",
            "A political party in Azerbaijan; it organized the international conferences held in "
            "Shusha on 15 June 2022, 2023 and 2024.",
        )
    },
}
ORGANIZATIONS = {
    key: {**names, **_ORGANIZATION_NOTES.get(key, {})} for key, names in _ORGANIZATION_NAMES.items()
}

# The notes on the seeded people (their names are as the articles spell them).
PEOPLE = {
    "person:perviz-altay": {
        "notes": t(
            "İZAZDER-in sədri; dərnəyin 2026-cı ilin yanvar–fevral aylarında Bakıdakı "
            "görüşlərini o aparıb.",
            "Chair of İZAZDER; he led the association's contacts in Baku in January–February 2026.",
        )
    },
    "person:cemil-tugay": {
        "notes": t(
            "İzmir Böyükşəhər Bələdiyyəsinin sədri.",
            "Mayor of Izmir Metropolitan Municipality.",
        )
    },
    "person:fuad-muradov": {
        "notes": t(
            "Mənbə onu Azərbaycanın diaspora naziri kimi təqdim edir.",
            "The source refers to him as Azerbaijan's minister for the diaspora.",
        )
    },
    "person:azer-allahveranov": {
        "notes": t(
            "Azərbaycan Milli Məclisinin deputatı; TDT QHT Platformasının baş katibi.",
            "Member of the Milli Majlis of Azerbaijan; Secretary General of the OTS NGO Platform.",
        )
    },
    "person:nadir-ismayilov": {
        "notes": t(
            "Mətbuat Şurasının Nəzarət və Təftiş Komissiyasının katibi; CASCFEN-in sədri.",
            "Secretary of the Press Council's control and audit commission; chair of CASCFEN.",
        )
    },
}

AFFILIATIONS = {
    "affiliation:altay-izazder": {"role": t("Sədr", "Chair")},
    "affiliation:tugay-izmir": {
        "role": t(
            "İzmir Böyükşəhər Bələdiyyəsinin sədri", "Mayor of Izmir Metropolitan Municipality"
        )
    },
    "affiliation:muradov-diaspora": {
        "role": t(
            "Diaspora naziri (mənbədəki ifadə ilə)",
            "Minister for the Diaspora (as the source puts it)",
        )
    },
    "affiliation:allahveranov-meclis": {"role": t("Deputat", "Member of Parliament")},
    "affiliation:allahveranov-platform": {"role": t("Baş katib", "Secretary General")},
    "affiliation:ismayilov-press-council": {
        "role": t(
            "Nəzarət və Təftiş Komissiyasının katibi",
            "Secretary of the Control and Audit Commission",
        )
    },
    "affiliation:ismayilov-cascfen": {"role": t("Sədr", "Chair")},
}

_DATED_NOTE = "{phrase}: {rest} (2026-01-28, 2026-02-03)."
VISITS = {
    "visit:altay-baku-2026": {
        "title": t("Perviz Altayın Bakı təmasları", "Perviz Altay's meetings in Baku"),
        "purpose": t(
            "Türkiyə ilə Azərbaycan arasında vətəndaş cəmiyyəti və diaspor əməkdaşlığı; "
            "İzmir–Bakı qardaş şəhər protokolunun 40-cı ili.",
            "Civil-society and diaspora cooperation between Türkiye and Azerbaijan; the 40th "
            "year of the Izmir–Baku sister-city protocol.",
        ),
        "dates_note": t(
            _DATED_NOTE.format(
                phrase=DATED_BY_THE_REPORT["az"],
                rest="səfərin öz tarixləri mənbələrdə yoxdur; başlanğıc və son iki xəbərin "
                "dərc tarixləridir",
            ),
            _DATED_NOTE.format(
                phrase=DATED_BY_THE_REPORT["en"],
                rest="the sources do not give the trip's own dates; the start and the end are "
                "the publication dates of two reports",
            ),
        ),
    },
    "visit:iraqi-turkmen-baku": {
        "title": t(
            "İraq türkman heyətinin Bakı səfəri", "Iraqi Turkmen delegation's visit to Baku"
        ),
        "purpose": t(
            "İraq türkmanları ilə Azərbaycan arasında təhsil, mədəniyyət və media sahəsində "
            "əməkdaşlıq.",
            "Cooperation in education, culture and the media between the Iraqi Turkmens and "
            "Azerbaijan.",
        ),
        "dates_note": t(
            "Mənbədə tarix göstərilməyib (xəbərin özü də tarixsizdir).",
            "The source gives no date (the report itself is undated).",
        ),
    },
    "visit:iraqi-turkmen-conference-baku": {
        "title": t(
            "Bakıdakı beynəlxalq konfransda İraq türkman heyəti",
            "Iraqi Turkmen delegation at the international conference in Baku",
        ),
        "purpose": t(
            "Konfransa İraqdan, Türkiyədən və başqa ölkələrdən gələn 40 nəfərlik İraq türkman "
            "heyəti qatıldı.",
            "A 40-strong Iraqi Turkmen delegation from Iraq, Türkiye and other countries took "
            "part in the conference.",
        ),
        "dates_note": t(
            "Mənbədə tarix göstərilməyib: tarixsiz xəbər konfransın, təsvir etdiyi səfərdən "
            "yeddi ay əvvəl olduğunu deyir.",
            "The source gives no date: the undated report places the conference seven months "
            "before the visit it describes.",
        ),
    },
}

MEETINGS = {
    "meeting:altay-allahveranov": {
        "title": t(
            "Azərbaycan Milli QHT Forumunda Azer Allahveranovla görüş",
            "Meeting with Azer Allahveranov at the National NGO Forum of Azerbaijan",
        ),
        "topics": t(
            "Türk dünyasında, xüsusən Türkiyə ilə Azərbaycan arasında vətəndaş cəmiyyəti "
            "diplomatiyası; birgə layihələr və qurumlar arasında əlaqələndirmə; TDT QHT "
            "Platformasının işi və planları; İzmir–Bakı protokolunun 40-cı ili və İzmirdə, "
            "Bakıda birlikdə keçiriləcək mədəniyyət və vətəndaş cəmiyyəti tədbirləri.",
            "Civil-society diplomacy in the Turkic world, above all between Türkiye and "
            "Azerbaijan; joint projects and coordination between institutions; the work and "
            "plans of the OTS NGO Platform; the 40th year of the Izmir–Baku protocol and joint "
            "cultural and civil-society events in Izmir and Baku.",
        ),
        "outcomes": t(
            "Ortaq yol xəritəsi razılaşdırıldı: qardaş şəhər bağını yeni nəsillərə ötürmək, "
            "birgə layihələri artırmaq və Türk dünyasında vətəndaş cəmiyyəti diplomatiyasını "
            "daha təsirli etmək.",
            "A shared road map was agreed: to hand the sister-city bond on to new generations, "
            "to multiply joint projects and to make civil-society diplomacy in the Turkic world "
            "more effective.",
        ),
    },
    "meeting:altay-muradov": {
        "title": t("Fuad Muradovla görüş", "Meeting with Fuad Muradov"),
        "topics": t(
            "Türkiyə–Azərbaycan münasibətlərində diaspor işi; iki ölkənin birgə layihələri; "
            "İZAZDER-in İzmirdəki azərbaycanlılar üçün gördüyü işlər (iş dünyası, gənclər, "
            "tələbələr, akademik mühit); qardaş şəhər protokolunun 40-cı ili.",
            "Diaspora work in Türkiye–Azerbaijan relations; the two countries' joint projects; "
            "what İZAZDER does for people of Azerbaijani origin in Izmir (business, young "
            "people, students, academia); the 40th year of the sister-city protocol.",
        ),
        "outcomes": t(
            "Dəstək: Muradov İZAZDER-in işini yüksək qiymətləndirdi və əməkdaşlığa hazır "
            "olduqlarını bildirdi. Elan: 40 illik münasibətilə 2026-cı ilin aprelində İzmirdə "
            "anım proqramı keçiriləcək; Azərbaycandan rəsmi heyətlər gözlənilir.",
            "Support: Muradov praised İZAZDER's work and said they were ready to cooperate. "
            "Announcement: a commemoration will be held in Izmir in April 2026 for the 40th "
            "year; official delegations from Azerbaijan are expected.",
        ),
    },
    "meeting:izazder-board-tugay": {
        "title": t(
            "İZAZDER idarə heyətinin Dr. Cemil Tugayı ziyarəti",
            "The İZAZDER board's call on Dr. Cemil Tugay",
        ),
        "place": t(
            "Sədrin iş otağı, İzmir Böyükşəhər Bələdiyyəsi",
            "Mayor's office, Izmir Metropolitan Municipality",
        ),
        "topics": t(
            "Şəhərlər arasındakı dostluğu davamlı, institusional əməkdaşlığa çevirmək; təhsil, "
            "ticarət və iqtisadiyyatda konkret layihələr; İzmirdə oxuyan azərbaycanlı "
            "tələbələrə dəstək; daha çox qarşılıqlı səfər, mədəniyyət tədbiri və gənclik "
            "layihəsi.",
            "Turning the friendship between the cities into lasting, institutional "
            "cooperation; concrete projects in education, trade and the economy; support for "
            "Azerbaijani students in Izmir; more visits both ways, cultural events and youth "
            "projects.",
        ),
        "outcomes": t(
            "İZAZDER layihə təkliflərini təqdim etdi. Tugay azərbaycanlı iş adamlarını İzmirə "
            "dəvət etdi. Altay İZAZDER-in 2026-cı ili İzmir–Bakı qardaşlığının 40-cı ili elan "
            "edəcəyini və il boyu davam edən proqram hazırladığını açıqladı. Altay Tugaya "
            "Azərbaycan bayraqlı yaxa nişanı hədiyyə etdi.",
            "İZAZDER presented its project proposals. Tugay invited Azerbaijani business "
            "people to Izmir. Altay announced that İZAZDER would declare 2026 the 40th year of "
            "the Izmir–Baku twinning and was preparing a program for the whole year. Altay "
            "gave Tugay a lapel pin with the Azerbaijani flag.",
        ),
    },
    "meeting:iraqi-turkmen-protocols": {
        "title": t(
            "Bakıda rəsmi qurumlar, universitetlər və media ilə görüşlər",
            "Meetings in Baku with state bodies, universities and the media",
        ),
        "topics": t(
            "Təhsil, mədəniyyət və mediada birgə layihələr və əməkdaşlıq.",
            "Joint projects and cooperation in education, culture and the media.",
        ),
        "outcomes": t(
            "Heyət rəsmi qurumlar, universitetlər və mətbuat nümayəndələri ilə birgə layihə və "
            "əməkdaşlıq protokolları imzaladı.",
            "The delegation signed protocols on joint projects and cooperation with state "
            "bodies, universities and press representatives.",
        ),
    },
    "meeting:iraqi-turkmen-conference": {
        "title": t(
            "İraq türkmanları və Türk dünyası mövzusunda beynəlxalq konfrans",
            "International conference on the Iraqi Turkmens and the Turkic world",
        ),
        "topics": t(
            "İraq türkmanları ilə Azərbaycan arasındakı münasibətlər və onların gələcəyi üçün "
            "planlar.",
            "Relations between the Iraqi Turkmens and Azerbaijan, and plans for their future.",
        ),
    },
}

VENUES = {
    "venue:izmir": {
        "name": t("İzmir — mənbədə yer göstərilməyib", "Izmir — the source names no venue")
    },
    "venue:izmir-program": {
        "name": t(
            "İzmir — yerlər sonra elan olunacaq (40 illik proqramı)",
            "Izmir — venues to be announced (40th-year program)",
        )
    },
    "venue:baku-program": {
        "name": t(
            "Bakı — yerlər sonra elan olunacaq (40 illik proqramı)",
            "Baku — venues to be announced (40th-year program)",
        )
    },
    "venue:baku-unnamed": {
        "name": t("Bakı — mənbədə yer göstərilməyib", "Baku — the source names no venue")
    },
    "venue:istanbul": {
        "name": t("İstanbul — mənbədə yer göstərilməyib", "Istanbul — the source names no venue")
    },
    "venue:susa": {
        "name": t("Şuşa — mənbədə yer göstərilməyib", "Shusha — the source names no venue")
    },
}

_FORTIETH_YEAR = t(
    "İZAZDER-in İzmir–Bakı qardaş şəhər protokolunun 40-cı ili üçün elan etdiyi, il boyu "
    "davam edən proqramın bir hissəsi.",
    "Part of the year-long program İZAZDER announced for the 40th year of the Izmir–Baku "
    "sister-city protocol.",
)
_BY_THE_COMMITTEE = t(
    "İZAZDER-in Biznesin İnkişafı Komitəsi tərəfindən aparılacaq.",
    "To be run by İZAZDER's Business Development Committee.",
)


def _year_plan(title_az: str, title_en: str, extra: dict[str, str] | None = None) -> dict:
    extra = extra or {"az": "", "en": ""}
    return {
        "title": t(title_az, title_en),
        "description": {
            lang: f"{_FORTIETH_YEAR[lang]} {extra[lang]}".strip() for lang in LANGUAGES
        },
    }


EVENTS = {
    "event:protocol-1986": {
        "title": t(
            "İzmir–Bakı qardaş şəhər protokolu imzalandı",
            "Izmir–Baku sister-city protocol signed",
        ),
        "description": t(
            "İzmir və Bakı sovet dövründə, 1986-cı ildə imzalanan protokolla qardaş şəhər oldu. "
            "2026 protokolun 40-cı ilidir.",
            "Izmir and Baku became sister cities through a protocol signed in 1986, in the "
            "Soviet era. 2026 is the protocol's 40th year.",
        ),
    },
    "event:diaspora-forum-2007": {
        "title": t(
            "Azərbaycan və Türk diaspor təşkilatları rəhbərlərinin ilk forumu",
            "First forum of Azerbaijani and Turkish diaspora organization leaders",
        ),
        "description": t(
            "İki ölkənin diaspor təşkilatlarının rəhbərlərini ilk dəfə bir araya gətirən "
            "forum; Bakıda keçirildi.",
            "The forum that first brought together the leaders of the two countries' diaspora "
            "organizations; it was held in Baku.",
        ),
    },
    "event:istanbul-conference-2014": {
        "title": t(
            "İstanbulda diaspor əməkdaşlığı mövzusunda beynəlxalq konfrans",
            "International conference in Istanbul on diaspora cooperation",
        ),
        "description": t(
            "İstanbulda bir sərgi ilə birlikdə təşkil olunan beynəlxalq konfrans; Azərbaycan "
            "və Türk diaspor təşkilatlarının daha sıx əməkdaşlığı müzakirə olundu.",
            "An international conference held in Istanbul alongside an exhibition; it "
            "discussed closer cooperation between Azerbaijani and Turkish diaspora "
            "organizations.",
        ),
    },
    "event:susa-declaration-2021": {
        "title": t("Şuşa Bəyannaməsi imzalandı", "Shusha Declaration signed"),
        "description": t(
            "Azərbaycan və Türkiyə prezidentləri İlham Əliyev və Rəcəb Tayyib Ərdoğan Şuşa "
            "Bəyannaməsini Şuşada imzaladılar. Sənəd başqa məsələlərlə yanaşı iki ölkənin "
            "diasporları arasında əməkdaşlığı və ortaq media platformasını nəzərdə tutur. "
            "Şuşada hər il 15 iyunda keçirilən konfranslar bəyannamənin ildönümünü qeyd edir.",
            "The presidents of Azerbaijan and Türkiye, Ilham Aliyev and Recep Tayyip Erdoğan, "
            "signed the Shusha Declaration in Shusha. Among other things it provides for "
            "cooperation between the two countries' diasporas and a shared media platform. "
            "The conferences held in Shusha every 15 June mark its anniversary.",
        ),
    },
    "event:susa-conference-2022": {
        "title": t(
            "Şuşa Bəyannaməsinin ilk ildönümündə Şuşada beynəlxalq konfrans",
            "International conference in Shusha on the first anniversary of the Shusha Declaration",
        ),
        "description": t(
            "Bəyannamənin imzalanmasının birinci ilində Şuşada toplanan beynəlxalq konfrans; "
            "mövzusu Azərbaycanla Türkiyənin strateji müttəfiqliyinin Qafqaza və ətrafına "
            "sülh və sabitlik gətirməsi idi. Hər il 15 iyunda keçirilən konfransların "
            "birincisi.",
            "An international conference in Shusha in the first year after the declaration was "
            "signed; its theme was the strategic alliance of Azerbaijan and Türkiye as a "
            "source of peace and stability for the Caucasus and its neighbourhood. The first of "
            "the conferences held every 15 June.",
        ),
    },
    "event:susa-conference-2023": {
        "title": t(
            "Şuşada “Qurtuluşdan Zəfərə” mövzusunda beynəlxalq konfrans",
            "International conference in Shusha on “From Salvation to Victory”",
        ),
        "description": t(
            "Şuşa Bəyannaməsinin ikinci ildönümünü və Milli Qurtuluş Gününü birlikdə qeyd edən "
            "beynəlxalq konfrans; Azərbaycanda “Heydər Əliyev İli” elan olunmuş 2023-cü ilin "
            "proqramı çərçivəsində keçirildi.",
            "An international conference marking both the second anniversary of the Shusha "
            "Declaration and National Salvation Day; it was part of the program of 2023, "
            "declared the “Year of Heydar Aliyev” in Azerbaijan.",
        ),
    },
    "event:susa-conference-2024": {
        "title": t(
            "Şuşada Türk Dövlətləri Təşkilatına dair beynəlxalq konfrans",
            "International conference in Shusha on the Organization of Turkic States",
        ),
        "description": t(
            "Türk Dövlətləri Təşkilatının dəyişən geosiyasi şərait və dünyadakı böyük "
            "sarsıntılar qarşısında qarşıya qoyduğu yeni strateji məqsədlərə həsr olunmuş "
            "beynəlxalq konfrans; Şuşa Bəyannaməsinin üçüncü ildönümündə toplandı.",
            "An international conference on the new strategic goals the Organization of Turkic "
            "States has set itself amid shifting geopolitics and upheavals around the world; "
            "it met on the third anniversary of the Shusha Declaration.",
        ),
    },
    "event:susa-conference": {
        "title": t(
            "Şuşada beynəlxalq konfrans (hər il 15 iyunda)",
            "International conference in Shusha (every year on 15 June)",
        ),
        "description": t(
            "Şuşa Bəyannaməsinin ildönümündə, hər il 15 iyunda Şuşada toplanan beynəlxalq "
            "konfranslar silsiləsi. 2022, 2023 və 2024-cü il konfranslarının hər biri öz "
            "mövzusu ilə ayrıca qeyddir.",
            "A series of international conferences meeting in Shusha every year on 15 June, "
            "the anniversary of the Shusha Declaration. The 2022, 2023 and 2024 conferences are "
            "each a record of their own, with their themes.",
        ),
    },
    "event:commemoration-2026-04": {
        "title": t("İzmirdə 40 illik anım proqramı", "40th-year commemoration in Izmir"),
        "description": t(
            "2026-cı ilin aprelinə İzmirdə planlaşdırılan geniş anım proqramı: protokolun "
            "40-cı ilinə həsr olunmuşdu. Perviz Altay planı Fuad Muradovla görüşündə açıqladı; "
            "Azərbaycandan rəsmi heyətlərin də gəlməsi nəzərdə tutulurdu.",
            "A wide-ranging commemoration planned in Izmir for April 2026, marking the "
            "protocol's 40th year. Perviz Altay made the plan public when he met Fuad Muradov; "
            "official delegations from Azerbaijan were also meant to come.",
        ),
    },
    "event:2026-cultural-festivals": _year_plan(
        "Mədəniyyət festivalları (40 illik)", "Cultural festivals (40th year)"
    ),
    "event:2026-youth-volunteering": _year_plan(
        "Gənclik və könüllülük proqramları (40 illik)",
        "Youth and volunteering programs (40th year)",
    ),
    "event:2026-business-forums": _year_plan(
        "Biznes forumları (40 illik)", "Business forums (40th year)"
    ),
    "event:2026-b2b-meetings": _year_plan(
        "B2B görüşləri (40 illik)", "B2B meetings (40th year)", _BY_THE_COMMITTEE
    ),
    "event:2026-trade-delegations": _year_plan(
        "Ticarət heyətləri (40 illik)", "Trade delegations (40th year)"
    ),
    "event:2026-business-tours": _year_plan(
        "İşgüzar səfərlər (40 illik)", "Business trips (40th year)", _BY_THE_COMMITTEE
    ),
    "event:2026-podcast-series": _year_plan(
        "Rəqəmsal platformalarda podkast silsiləsi (40 illik)",
        "Podcast series on digital platforms (40th year)",
        t(
            "Eyni adlı podkast silsiləsinə baxın; hələ heç bir buraxılışın adı məlum deyil.",
            "See the podcast series of the same name; no episode has a title yet.",
        ),
    ),
    "event:2026-joint-events-izmir": {
        "title": t(
            "İzmirdə birgə mədəniyyət və vətəndaş cəmiyyəti tədbirləri (40 illik)",
            "Joint cultural and civil-society events in Izmir (40th year)",
        ),
        "description": t(
            "40 illik münasibətilə İzmirdə keçirilməsi təklif olunan birgə mədəniyyət və vətəndaş "
            "cəmiyyəti tədbirləri; Perviz Altay bu çağırışı Bakıda Azer Allahveranovla "
            "görüşərkən etdi.",
            "Joint cultural and civil-society events proposed for Izmir in the 40th year; "
            "Perviz Altay made the call when he met Azer Allahveranov in Baku.",
        ),
    },
    "event:2026-joint-events-baku": {
        "title": t(
            "Bakıda birgə mədəniyyət və vətəndaş cəmiyyəti tədbirləri (40 illik)",
            "Joint cultural and civil-society events in Baku (40th year)",
        ),
        "description": t(
            "40 illik münasibətilə Bakıda keçirilməsi təklif olunan birgə mədəniyyət və vətəndaş "
            "cəmiyyəti tədbirləri; Perviz Altay bu çağırışı Azer Allahveranovla görüşündə etdi.",
            "Joint cultural and civil-society events proposed for Baku in the 40th year; "
            "Perviz Altay made the call at his meeting with Azer Allahveranov.",
        ),
    },
}

PODCASTS = {
    "podcast:izmir-baku-40": {
        "title": t("İzmir–Bakı 40 illik podkast silsiləsi", "Izmir–Baku 40th-year podcast series"),
        "description": t(
            "40 illik münasibətilə rəqəmsal platformalarda yayımlanacaq podkast silsiləsi; İZAZDER "
            "bunu 2026-cı ilin yanvarında elan etdi. Mənbə heç bir buraxılışın adını vermir.",
            "A podcast series to be published on digital platforms for the 40th year; İZAZDER "
            "announced it in January 2026. The source names no episode.",
        ),
    },
}

_DEMO_DESCRIPTION = t(
    "Kardeş 40-ı sınamaq üçün nümunə tədbir: qeydiyyatdan keçin, doluluq faizinə və gözləmə "
    "siyahısına baxın, idarə panelində onu dəyişin. Həqiqi proqramın bir hissəsi deyil.",
    "A sample event for trying out Kardeş 40: register, look at how full it is and at the "
    "waiting list, and change it in the board's workspace. It is not part of the real "
    "program.",
)


def _demo(az: str, en: str) -> dict:
    return {"title": t(f"Nümunə: {az}", f"Example: {en}"), "description": _DEMO_DESCRIPTION}


DEMO = {
    "demo:venue:izmir": {
        "name": t("Nümunə zal, Alsancak (demo)", "Sample hall, Alsancak (demo)"),
        "address": t("Nümunə ünvan, Alsancak", "Sample address, Alsancak"),
    },
    "demo:venue:baku": {
        "name": t("Nümunə zal, İçərişəhər (demo)", "Sample hall, Icherisheher (demo)"),
        "address": t("Nümunə ünvan, İçərişəhər", "Sample address, Old City (Icherisheher)"),
    },
    "demo:event:izmir-reception-today": _demo(
        "Bu gün İzmirdə qarşılama ziyafəti", "Welcome reception in Izmir today"
    ),
    "demo:event:baku-roundtable-today": _demo(
        "Bu gün Bakıda dəyirmi masa", "Round table in Baku today"
    ),
    "demo:event:tea-and-poetry-evening": _demo(
        "Azərbaycan çayı və şeir axşamı", "Azerbaijani tea and poetry evening"
    ),
    "demo:event:business-breakfast": _demo(
        "İzmir–Bakı işgüzar səhər yeməyi", "Izmir–Baku business breakfast"
    ),
    "demo:event:youth-volunteering-workshop": _demo(
        "Gənclərin könüllülüyü üzrə emalatxana", "Youth volunteering workshop"
    ),
    "demo:event:podcast-live-recording": _demo(
        "Canlı tamaşaçı qarşısında podkast yazısı", "Podcast recording with a live audience"
    ),
    "demo:event:film-evening": _demo("Film nümayişi və söhbət", "Film screening and talk"),
    "demo:event:ports-business-forum": _demo(
        "Limanlar və logistika üzrə biznes forumu", "Business forum on ports and logistics"
    ),
}

TRANSLATIONS: dict[str, dict[str, dict[str, str]]] = {
    **SOURCES,
    **ORGANIZATIONS,
    **PEOPLE,
    **AFFILIATIONS,
    **VISITS,
    **MEETINGS,
    **VENUES,
    **EVENTS,
    **PODCASTS,
    **DEMO,
}
