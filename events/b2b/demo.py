"""The business program in the demo: the demo business forum with matchmaking switched on,
30 participants from İzmir and Bakü, requests in every state and a published schedule.

Every registration it writes is `is_demo=True` on a demo event, so `manage.py demo --remove`
takes it all away (participants, requests and meetings go with their registrations and event).
Profiles are written in each participant's own language, as real participants would. No contact
organization is created: the demo never adds to the contacts.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from contacts.enums import Language

from ..enums import RegistrationStatus
from ..models import Event, Registration
from ..timezones import BAKU, IZMIR, zone
from .enums import PairingRule, RequestStatus, Sector
from .models import Matchmaking, MeetingRequest, MeetingSession, Participant
from .schedule import publish_session, run_scheduler

FORUM_KEY = "demo:event:ports-business-forum"

# (organization, sector, city, offer, need): Turkish firms in İzmir, Azerbaijani firms in Bakü.
IZMIR_FIRMS = [
    (
        "Ege Zeytin Örnek A.Ş.",
        Sector.AGRICULTURE,
        "Zeytinyağı ve sofralık zeytin",
        "Bakü'de distribütör",
    ),
    (
        "Alsancak Lojistik Örnek",
        Sector.TRADE,
        "Ege limanlarından konteyner taşımacılığı",
        "Hazar ötesi ortak",
    ),
    (
        "Kemeraltı Tekstil Örnek",
        Sector.MANUFACTURING,
        "Pamuklu ev tekstili üretimi",
        "Kafkasya'da satış ağı",
    ),
    ("Bornova Yazılım Örnek", Sector.TECHNOLOGY, "Lojistik ve liman yazılımı", "Pilot müşteri"),
    ("Karşıyaka Enerji Örnek", Sector.ENERGY, "Güneş paneli kurulumu", "Proje ortağı"),
    ("Çeşme Turizm Örnek", Sector.TOURISM, "Ege'de butik otel ve turlar", "Acente ortaklığı"),
    ("Buca İnşaat Örnek", Sector.CONSTRUCTION, "Konut ve liman altyapısı", "Taşeron ve tedarikçi"),
    ("Gaziemir Gıda Örnek", Sector.AGRICULTURE, "Kuru meyve ve incir", "İthalatçı"),
    (
        "Konak Finans Örnek",
        Sector.FINANCE,
        "Dış ticaret finansmanı danışmanlığı",
        "Kurumsal müşteri",
    ),
    ("Urla Şarap Örnek", Sector.AGRICULTURE, "Bağcılık danışmanlığı", "Üzüm tedarikçisi"),
    ("Menemen Seramik Örnek", Sector.MANUFACTURING, "Seramik karo üretimi", "Yapı marketleri"),
    ("Bayraklı Sağlık Örnek", Sector.HEALTH, "Sağlık turizmi", "Hasta yönlendiren ortak"),
    ("Torbalı Makine Örnek", Sector.MANUFACTURING, "Tarım makineleri", "Bayi"),
    ("Karabağlar Eğitim Örnek", Sector.EDUCATION, "Türkçe ve meslek kursları", "Okul ortaklığı"),
    ("Aliağa Liman Örnek", Sector.TRADE, "Liman hizmetleri", "Hat operatörü"),
]
BAKU_FIRMS = [
    (
        "Xəzər Logistika Nümunə",
        Sector.TRADE,
        "Bakı limanından yük daşımaları",
        "Aralıq dənizi tərəfdaşı",
    ),
    ("Abşeron Aqro Nümunə", Sector.AGRICULTURE, "Fındıq və nar", "Türkiyədə alıcı"),
    ("Gəncə Tekstil Nümunə", Sector.MANUFACTURING, "Pambıq iplik", "Toxuculuq fabriki"),
    ("Bakı Rəqəmsal Nümunə", Sector.TECHNOLOGY, "Mobil tətbiqlər", "Proqram tərəfdaşı"),
    (
        "Sumqayıt Enerji Nümunə",
        Sector.ENERGY,
        "Külək enerjisi layihələri",
        "Avadanlıq təchizatçısı",
    ),
    ("Qəbələ Turizm Nümunə", Sector.TOURISM, "Dağ turizmi və otellər", "Tur agentliyi"),
    ("Nəsimi Tikinti Nümunə", Sector.CONSTRUCTION, "Yaşayış kompleksləri", "Tikinti materialları"),
    ("Lənkəran Çay Nümunə", Sector.AGRICULTURE, "Lənkəran çayı", "Distribyutor"),
    ("Xətai Maliyyə Nümunə", Sector.FINANCE, "Ticarət kreditləri", "İxracatçı şirkətlər"),
    ("Şamaxı Şərab Nümunə", Sector.AGRICULTURE, "Üzüm və şərab", "Bağçılıq məsləhəti"),
    ("Quba Alma Nümunə", Sector.AGRICULTURE, "Alma və meyvə şirələri", "Qablaşdırma"),
    ("Bakı Səhiyyə Nümunə", Sector.HEALTH, "Tibbi avadanlıq satışı", "Klinika tərəfdaşı"),
    (
        "Mingəçevir Maşın Nümunə",
        Sector.MANUFACTURING,
        "Metal konstruksiyalar",
        "Texnologiya tərəfdaşı",
    ),
    ("Bakı Təhsil Nümunə", Sector.EDUCATION, "Azərbaycan dili kursları", "Universitet tərəfdaşı"),
    ("Ələt Azad Zona Nümunə", Sector.TRADE, "Azad ticarət zonasında anbar", "Logistika şirkəti"),
]
# Pairs (İzmir firm, Bakü firm, status): every state a request can be in.
REQUESTS = (
    [(i, i, RequestStatus.ACCEPTED) for i in range(15)]
    + [(i, (i + 1) % 15, RequestStatus.ACCEPTED) for i in range(0, 15, 2)]
    + [(i, (i + 3) % 15, RequestStatus.PENDING) for i in range(0, 6)]
    + [(i, (i + 5) % 15, RequestStatus.DECLINED) for i in range(6, 10)]
    + [(i, (i + 7) % 15, RequestStatus.EXPIRED) for i in range(10, 13)]
    + [(13, 2, RequestStatus.WITHDRAWN), (14, 4, RequestStatus.WITHDRAWN)]
)


def _participant(event: Event, number: int, firm: tuple, *, from_baku: bool, now: datetime):
    name, sector, offer, need = firm
    created = now - timedelta(days=6) + timedelta(minutes=41 * number)
    registration = Registration.objects.create(
        event=event,
        full_name=f"{'Nümunə iştirakçı' if from_baku else 'Örnek katılımcı'} B{number}",
        email=f"b2b.sample{number}+demo@example.org",
        organization=name,
        country="AZ" if from_baku else "TR",
        language=Language.AZERBAIJANI if from_baku else Language.TURKISH,
        time_zone=BAKU if from_baku else IZMIR,
        consent_at=created,
        created_at=created,
        confirmed_at=created,
        status=RegistrationStatus.CONFIRMED,
        is_demo=True,
    )
    return Participant.objects.create(
        event=event,
        registration=registration,
        organization_name=name,
        sector=sector,
        country=registration.country,
        city="Bakı" if from_baku else "İzmir",
        languages="az,ru,tr" if from_baku else "en,tr",
        offer=offer,
        need=need,
        created_at=created,
    )


@transaction.atomic
def load(*, now: datetime | None = None) -> int:
    """Add the business program to the demo forum once; returns participants created (0 if the
    forum is missing or already has its program). Side effects: the rows described above."""
    now = now or timezone.now()
    event = Event.objects.filter(seed_key=FORUM_KEY, is_demo=True).select_related("venue").first()
    if event is None or Matchmaking.objects.filter(event=event).exists():
        return 0
    Matchmaking.objects.create(event=event, pairing_rule=PairingRule.ACROSS_COUNTRIES)
    izmir = [
        _participant(event, n, firm, from_baku=False, now=now)
        for n, firm in enumerate(IZMIR_FIRMS, start=1)
    ]
    baku = [
        _participant(event, n, firm, from_baku=True, now=now)
        for n, firm in enumerate(BAKU_FIRMS, start=16)
    ]
    for number, (i, b, status) in enumerate(REQUESTS):
        asked = now - timedelta(days=5) + timedelta(minutes=53 * number)
        # Alternate who asks, so both cities appear as requester and recipient.
        requester, recipient = (izmir[i], baku[b]) if number % 2 == 0 else (baku[b], izmir[i])
        MeetingRequest.objects.create(
            event=event,
            requester=requester,
            recipient=recipient,
            reason=f"{requester.need} / {recipient.offer}"[:200],
            status=status,
            created_at=asked,
            expires_at=(now + timedelta(hours=40))
            if status == RequestStatus.PENDING
            else asked + timedelta(hours=48),
            answered_at=None if status == RequestStatus.PENDING else asked + timedelta(hours=5),
        )
    day = event.local_start.date()
    tz = zone(event.time_zone)
    sessions = [
        MeetingSession.objects.create(
            event=event,
            title=title,
            start=datetime.combine(day, begin, tzinfo=tz),
            end=datetime.combine(day, begin, tzinfo=tz) + timedelta(minutes=100),
            slot_minutes=20,
            tables=8,
        )
        for title, begin in (
            ("Sabah / Səhər", time(11, 0)),
            ("Öğleden sonra / Günorta", time(14, 0)),
        )
    ]
    run_scheduler(event=event, now=now)
    for session in sessions:
        publish_session(session=session, now=now)
    return len(izmir) + len(baku)
