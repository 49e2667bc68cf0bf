"""Checklist templates in Turkish, Azerbaijani and English, and planning items per language.

The starting checklists (0003) were written in English and landed in the Turkish column (0025),
so applying a template made English items on every page. This writes each seeded template and
item in its three languages, matched by the English text it was seeded with: a title a board
member has changed since is kept, and az or en are only filled where still empty. It never
inserts a row, so running it on a database that has it already changes nothing. Planning items
get per-language titles too; the ones made from a template line and not edited since take that
line's three texts.
"""

from django.db import migrations, models
from django.db.models import F, Q

# kind: ((seeded English title, tr, az, en), [(seeded English item, tr, az, en), ...]).
# Frozen here: the templates are the board's to edit in the admin from now on.
TEMPLATES = {
    "b2b_meeting": (
        ("B2B meeting", "B2B görüşmesi", "B2B görüşü", "B2B meeting"),
        [
            (
                "Invite companies from both cities",
                "İki şehirden şirketleri davet et",
                "Hər iki şəhərdən şirkətləri dəvət et",
                "Invite companies from both cities",
            ),
            (
                "Collect company profiles and what each is looking for",
                "Şirket profillerini ve her şirketin ne aradığını topla",
                "Şirkət profillərini və hər şirkətin nə axtardığını topla",
                "Collect company profiles and what each is looking for",
            ),
            (
                "Match companies and book meeting tables",
                "Şirketleri eşleştir, görüşme masalarını ayır",
                "Şirkətləri cütləşdir, görüş masalarını rezerv et",
                "Match companies and book meeting tables",
            ),
            (
                "Arrange interpreters for the tables",
                "Masalar için tercüman bul",
                "Masalar üçün tərcüməçi tap",
                "Arrange interpreters for the tables",
            ),
            (
                "Send each company its agenda of meetings",
                "Her şirkete görüşme çizelgesini gönder",
                "Hər şirkətə görüş cədvəlini göndər",
                "Send each company its agenda of meetings",
            ),
            (
                "Collect outcomes and follow-up contacts",
                "Sonuçları ve takip edilecek kişileri topla",
                "Nəticələri və sonra əlaqə saxlanılacaq şəxsləri topla",
                "Collect outcomes and follow-up contacts",
            ),
        ],
    ),
    "official_visit": (
        (
            "Delegation or official visit",
            "Heyet ya da resmî ziyaret",
            "Nümayəndə heyəti və ya rəsmi səfər",
            "Delegation or official visit",
        ),
        [
            (
                "Send official invitations",
                "Resmî davetiyeleri gönder",
                "Rəsmi dəvətnamələri göndər",
                "Send official invitations",
            ),
            (
                "Visa letters and applications",
                "Vize yazıları ve başvuruları",
                "Viza məktubları və müraciətləri",
                "Visa letters and applications",
            ),
            (
                "Book hotel rooms",
                "Otel odalarını ayırt",
                "Otel otaqlarını bron et",
                "Book hotel rooms",
            ),
            (
                "Book an interpreter",
                "Tercüman ayarla",
                "Tərcüməçi sifariş et",
                "Book an interpreter",
            ),
            (
                "Agree the protocol order and seating",
                "Protokol sırasını ve oturma düzenini kararlaştır",
                "Protokol sırasını və oturma planını razılaşdır",
                "Agree the protocol order and seating",
            ),
            (
                "Prepare protocol gifts",
                "Protokol hediyelerini hazırla",
                "Protokol hədiyyələrini hazırla",
                "Prepare protocol gifts",
            ),
            (
                "Airport pick-up and local transport",
                "Havalimanında karşılama ve şehir içi ulaşım",
                "Hava limanında qarşılama və şəhərdaxili nəqliyyat",
                "Airport pick-up and local transport",
            ),
        ],
    ),
    "trade_delegation": (
        ("Trade delegation", "Ticaret heyeti", "Ticarət heyəti", "Trade delegation"),
        [
            (
                "Send invitations to chambers and companies",
                "Odalara ve şirketlere davetiye gönder",
                "Palatalara və şirkətlərə dəvətnamə göndər",
                "Send invitations to chambers and companies",
            ),
            (
                "Visa letters and applications",
                "Vize yazıları ve başvuruları",
                "Viza məktubları və müraciətləri",
                "Visa letters and applications",
            ),
            (
                "Book flights and hotel rooms",
                "Uçuşları ve otel odalarını ayırt",
                "Uçuşları və otel otaqlarını bron et",
                "Book flights and hotel rooms",
            ),
            (
                "Book an interpreter",
                "Tercüman ayarla",
                "Tərcüməçi sifariş et",
                "Book an interpreter",
            ),
            (
                "Set the programme of company visits",
                "Şirket ziyaretlerinin programını belirle",
                "Şirkət səfərlərinin proqramını müəyyən et",
                "Set the program of company visits",
            ),
            (
                "Prepare protocol gifts",
                "Protokol hediyelerini hazırla",
                "Protokol hədiyyələrini hazırla",
                "Prepare protocol gifts",
            ),
        ],
    ),
    "business_forum": (
        ("Business forum", "İş forumu", "Biznes forumu", "Business forum"),
        [
            ("Book the venue", "Mekânı ayırt", "Məkanı bron et", "Book the venue"),
            (
                "Confirm speakers and moderators",
                "Konuşmacıları ve moderatörleri kesinleştir",
                "Məruzəçiləri və moderatorları təsdiqlə",
                "Confirm speakers and moderators",
            ),
            (
                "Open registration and announce",
                "Kaydı aç ve duyur",
                "Qeydiyyatı aç və elan et",
                "Open registration and announce",
            ),
            (
                "Book interpreters and simultaneous-translation equipment",
                "Tercümanları ve simültane çeviri donanımını ayarla",
                "Tərcüməçiləri və sinxron tərcümə avadanlığını sifariş et",
                "Book interpreters and simultaneous-translation equipment",
            ),
            (
                "Print programme and name badges",
                "Programı ve yaka kartlarını bastır",
                "Proqramı və ad kartlarını çap etdir",
                "Print the program and name badges",
            ),
        ],
    ),
    "business_tour": (
        ("Business tour", "İş gezisi", "İşgüzar səfər", "Business tour"),
        [
            (
                "Agree the route and the companies to visit",
                "Güzergâhı ve ziyaret edilecek şirketleri kararlaştır",
                "Marşrutu və ziyarət ediləcək şirkətləri razılaşdır",
                "Agree the route and the companies to visit",
            ),
            ("Book transport", "Ulaşımı ayarla", "Nəqliyyatı sifariş et", "Book transport"),
            (
                "Confirm each host company",
                "Ev sahibi şirketlerin her birini teyit et",
                "Qəbul edən şirkətlərin hər birini təsdiqlə",
                "Confirm each host company",
            ),
            (
                "Send participants the schedule",
                "Katılımcılara programı gönder",
                "İştirakçılara cədvəli göndər",
                "Send participants the schedule",
            ),
        ],
    ),
    "cultural_festival": (
        ("Cultural festival", "Kültür festivali", "Mədəniyyət festivalı", "Cultural festival"),
        [
            (
                "Book the venue and permits",
                "Mekânı ayırt, izinleri al",
                "Məkanı bron et, icazələri al",
                "Book the venue and get the permits",
            ),
            (
                "Confirm performers and artists",
                "Sahne alacakları ve sanatçıları kesinleştir",
                "İfaçıları və sənətçiləri təsdiqlə",
                "Confirm performers and artists",
            ),
            (
                "Sound, stage and lighting",
                "Ses, sahne ve ışık",
                "Səs, səhnə və işıq",
                "Sound, stage and lighting",
            ),
            (
                "Posters, press release and social media",
                "Afişler, basın bülteni ve sosyal medya",
                "Afişalar, mətbuat bülleteni və sosial media",
                "Posters, press release and social media",
            ),
            (
                "Volunteers and stewards rota",
                "Gönüllülerin ve görevlilerin nöbet çizelgesi",
                "Könüllülərin və növbətçilərin növbə cədvəli",
                "Volunteers and stewards rota",
            ),
        ],
    ),
    "commemoration": (
        ("Commemoration program", "Anma programı", "Anım proqramı", "Commemoration program"),
        [
            (
                "Agree the programme with the municipality",
                "Programı belediyeyle kararlaştır",
                "Proqramı bələdiyyə ilə razılaşdır",
                "Agree the program with the municipality",
            ),
            (
                "Invite officials and families",
                "Yetkilileri ve aileleri davet et",
                "Rəsmi şəxsləri və ailələri dəvət et",
                "Invite officials and families",
            ),
            (
                "Wreaths and flowers",
                "Çelenkler ve çiçekler",
                "Əklillər və gül dəstələri",
                "Wreaths and flowers",
            ),
            ("Press release", "Basın bülteni", "Mətbuat bülleteni", "Press release"),
        ],
    ),
    "podcast_episode": (
        ("Podcast episode", "Podcast bölümü", "Podkast buraxılışı", "Podcast episode"),
        [
            ("Confirm the guest", "Konuğu kesinleştir", "Qonağı təsdiqlə", "Confirm the guest"),
            (
                "Prepare questions and research",
                "Soruları hazırla, araştırmayı yap",
                "Sualları hazırla, araşdırmanı apar",
                "Prepare questions and research",
            ),
            (
                "Book the studio and equipment",
                "Stüdyoyu ve donanımı ayırt",
                "Studiyanı və avadanlığı bron et",
                "Book the studio and equipment",
            ),
            (
                "Edit and send for approval",
                "Kurgula ve onaya gönder",
                "Montaj et və təsdiqə göndər",
                "Edit and send for approval",
            ),
        ],
    ),
    "youth_program": (
        (
            "Youth and volunteering program",
            "Gençlik ve gönüllülük programı",
            "Gənclik və könüllülük proqramı",
            "Youth and volunteering program",
        ),
        [
            (
                "Call for participants",
                "Katılımcı çağrısı yap",
                "İştirakçılar üçün çağırış et",
                "Call for participants",
            ),
            (
                "Select participants and collect parental consent",
                "Katılımcıları seç, veli izinlerini topla",
                "İştirakçıları seç, valideyn razılıqlarını topla",
                "Select participants and collect parental consent",
            ),
            (
                "Travel and accommodation",
                "Yolculuk ve konaklama",
                "Yol və qalacaq yer",
                "Travel and accommodation",
            ),
            (
                "Mentors and daily programme",
                "Mentorlar ve günlük program",
                "Mentorlar və gündəlik proqram",
                "Mentors and daily program",
            ),
        ],
    ),
    "conference": (
        ("Conference", "Konferans", "Konfrans", "Conference"),
        [
            ("Book the venue", "Mekânı ayırt", "Məkanı bron et", "Book the venue"),
            (
                "Call for speakers and confirm the programme",
                "Konuşmacı çağrısı yap, programı kesinleştir",
                "Məruzəçilər üçün çağırış et, proqramı təsdiqlə",
                "Call for speakers and confirm the program",
            ),
            (
                "Open registration and announce",
                "Kaydı aç ve duyur",
                "Qeydiyyatı aç və elan et",
                "Open registration and announce",
            ),
            (
                "Interpreters and technical equipment",
                "Tercümanlar ve teknik donanım",
                "Tərcüməçilər və texniki avadanlıq",
                "Interpreters and technical equipment",
            ),
            (
                "Print programme and name badges",
                "Programı ve yaka kartlarını bastır",
                "Proqramı və ad kartlarını çap etdir",
                "Print the program and name badges",
            ),
        ],
    ),
    "exhibition": (
        ("Exhibition", "Sergi", "Sərgi", "Exhibition"),
        [
            (
                "Book the gallery or hall",
                "Galeriyi ya da salonu ayırt",
                "Qalereyanı və ya zalı bron et",
                "Book the gallery or hall",
            ),
            (
                "Select works and arrange loans",
                "Eserleri seç, ödünç alınmalarını ayarla",
                "Əsərləri seç, müvəqqəti verilmələrini razılaşdır",
                "Select works and arrange loans",
            ),
            (
                "Transport and insurance of the works",
                "Eserlerin taşınması ve sigortası",
                "Əsərlərin daşınması və sığortası",
                "Transport and insurance of the works",
            ),
            (
                "Catalogue, labels and press",
                "Katalog, etiketler ve basın",
                "Kataloq, etiketlər və mətbuat",
                "Catalog, labels and press",
            ),
            ("Opening reception", "Açılış resepsiyonu", "Açılış qəbulu", "Opening reception"),
        ],
    ),
    "other": (
        ("General event", "Genel etkinlik", "Ümumi tədbir", "General event"),
        [
            ("Book the venue", "Mekânı ayırt", "Məkanı bron et", "Book the venue"),
            ("Send invitations", "Davetiyeleri gönder", "Dəvətnamələri göndər", "Send invitations"),
            ("Announce the event", "Etkinliği duyur", "Tədbiri elan et", "Announce the event"),
            (
                "Final check with the venue",
                "Mekânla son kontrol",
                "Məkanla son yoxlama",
                "Final check with the venue",
            ),
        ],
    ),
}
LANGUAGES = ("tr", "az", "en")


def _seeded(text: str) -> list[str]:
    """The seeded English text as it may stand: first written with "programme", and "program"
    once the starting checklists took the spelling of the rest of the English interface."""
    return list(dict.fromkeys([text, text.replace("programme", "program")]))


def _write(rows, seeded: str, texts: tuple[str, str, str]) -> None:
    """Set the three titles of `rows` still reading the seeded English text; fill az and en
    where they are empty on the rest (already converted, or edited in Turkish by the board)."""
    rows.filter(title_tr__in=_seeded(seeded)).update(title_tr=texts[0], title=texts[0])
    for code, text in zip(LANGUAGES[1:], texts[1:], strict=True):
        rows.filter(Q(**{f"title_{code}__isnull": True}) | Q(**{f"title_{code}": ""})).update(
            **{f"title_{code}": text}
        )


def to_three_languages(apps, schema_editor):
    ChecklistTemplate = apps.get_model("events", "ChecklistTemplate")
    ChecklistTemplateItem = apps.get_model("events", "ChecklistTemplateItem")
    PlanningItem = apps.get_model("events", "PlanningItem")
    # What the board wrote so far is in one language: it stays the Turkish column's.
    PlanningItem.objects.filter(title_tr__isnull=True).update(title_tr=F("title"))
    for kind, ((seeded, *texts), items) in TEMPLATES.items():
        templates = ChecklistTemplate.objects.filter(kind=kind)
        # Only a template still carrying its seeded title or texts is the seed's to translate.
        ours = templates.filter(Q(title_tr__in=_seeded(seeded)) | Q(title_tr=texts[0]))
        if not ours.exists():
            continue
        _write(ours, seeded, tuple(texts))
        for item_seeded, *item_texts in items:
            lines = ChecklistTemplateItem.objects.filter(template__in=ours).filter(
                Q(title_tr__in=_seeded(item_seeded)) | Q(title_tr=item_texts[0])
            )
            _write(lines, item_seeded, tuple(item_texts))
            # Planning items made from these lines and not retitled since.
            made = PlanningItem.objects.filter(template_item__in=lines).filter(
                Q(title_tr__in=_seeded(item_seeded)) | Q(title_tr=item_texts[0])
            )
            _write(made, item_seeded, tuple(item_texts))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0027_checklist_items_write_program"),
    ]

    operations = [
        migrations.AddField(
            model_name="planningitem",
            name="title_az",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="planningitem",
            name="title_en",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="planningitem",
            name="title_tr",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.RunPython(to_three_languages, migrations.RunPython.noop),
    ]
