"""Role titles, sources' summaries, visits, meetings and outcomes stored per language: the
migration keeps what was written (as Turkish), az and en read the Turkish until written."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from contacts.enums import OutcomeKind
from contacts.models import (
    Affiliation,
    DelegationVisit,
    Meeting,
    Organization,
    Outcome,
    Person,
    Source,
)
from contacts.translation import TRANSLATED_FIELDS, per_language
from tests.factories import (
    AffiliationFactory,
    DelegationVisitFactory,
    MeetingFactory,
    OrganizationFactory,
    OutcomeFactory,
    PersonFactory,
    SourceFactory,
)

BEFORE = [("contacts", "0007_sort_names_per_language")]
AFTER = [("contacts", "0008_records_text_per_language")]


def test_migration_keeps_each_written_text_as_its_turkish(migrate_to):
    old = migrate_to(BEFORE)
    person = old.get_model("contacts", "Person").objects.create(full_name="Perviz Altay")
    organization = old.get_model("contacts", "Organization").objects.create(name="İZAZDER")
    old.get_model("contacts", "Affiliation").objects.create(
        person=person, organization=organization, role="Başkan"
    )
    old.get_model("contacts", "Source").objects.create(
        headline="Haber", language="tr", file_name="000.txt", summary="Kısa özet."
    )
    visit = old.get_model("contacts", "DelegationVisit").objects.create(
        title="Bakü ziyareti",
        origin_city="İzmir",
        destination_city="Bakü",
        purpose="İşbirliği.",
        dates_note="Tarih haberden alındı.",
    )
    meeting = old.get_model("contacts", "Meeting").objects.create(
        visit=visit, title="Görüşme", place="Ofis", topics="Konular.", outcomes="Sonuçlar."
    )
    old.get_model("contacts", "Outcome").objects.create(meeting=meeting, text="Yol haritası.")

    new = migrate_to(AFTER)

    def columns(model_name, *fields):
        return new.get_model("contacts", model_name).objects.values_list(*fields).get()

    assert columns("Affiliation", *per_language("role")) == ("Başkan", None, None)
    assert columns("Source", *per_language("summary")) == ("Kısa özet.", None, None)
    assert columns(
        "DelegationVisit", "title_tr", "purpose_tr", "dates_note_tr", "title_az", "purpose_en"
    ) == ("Bakü ziyareti", "İşbirliği.", "Tarih haberden alındı.", None, None)
    assert columns("Meeting", "title_tr", "place_tr", "topics_tr", "outcomes_tr", "topics_az") == (
        "Görüşme",
        "Ofis",
        "Konular.",
        "Sonuçlar.",
        None,
    )
    assert columns("Outcome", *per_language("text")) == ("Yol haritası.", None, None)


def test_every_public_record_text_is_stored_per_language():
    assert {
        Organization: ("name", "short_name", "notes"),
        Person: ("notes",),
        Affiliation: ("role",),
        Source: ("summary",),
        DelegationVisit: ("title", "purpose", "dates_note"),
        Meeting: ("title", "place", "topics", "outcomes"),
        Outcome: ("text",),
    } == TRANSLATED_FIELDS
    for model, fields in TRANSLATED_FIELDS.items():
        for field in fields:
            assert [f.name for f in model._meta.fields if f.name in per_language(field)] == list(
                per_language(field)
            ), (model, field)


@pytest.mark.django_db
def test_a_role_without_azerbaijani_or_english_reads_the_turkish():
    affiliation = AffiliationFactory(role_tr="Başkan", role_en="Chair")
    fresh = Affiliation.objects.get(pk=affiliation.pk)

    read = {}
    for language in ("tr", "az", "en"):
        with translation.override(language):
            read[language] = fresh.role

    assert read == {"tr": "Başkan", "az": "Başkan", "en": "Chair"}
    assert (fresh.role_tr, fresh.role_az, fresh.role_en) == ("Başkan", None, "Chair")


@pytest.mark.django_db
def test_the_same_role_is_told_apart_by_its_turkish_whatever_language_saved_it():
    person, organization = PersonFactory(), OrganizationFactory()
    with translation.override("en"):
        Affiliation.objects.create(
            person=person, organization=organization, role_tr="Başkan", role_en="Chair"
        )

    with pytest.raises(IntegrityError), transaction.atomic(), translation.override("tr"):
        Affiliation.objects.create(person=person, organization=organization, role_tr="Başkan")


# --- the board's forms: the three languages side by side ---------------------------------------


def _formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def _in_three_columns(page: str, *names: str) -> bool:
    """Each column of a field in a col-md-4 column, Turkish, Azerbaijani, English in turn."""
    positions = [page.find(f'name="{name}"') for name in names]
    return -1 not in positions and positions == sorted(positions)


def test_visit_form_shows_title_note_purpose_and_meeting_texts_side_by_side(board_client):
    page = board_client.get(reverse("contacts:visit_create")).content.decode()

    for field in ("title", "dates_note", "purpose"):
        assert _in_three_columns(page, *per_language(field)), field
    for field in ("title", "place", "topics", "outcomes"):
        names = [f"meetings-0-{name}" for name in per_language(field)]
        assert _in_three_columns(page, *names), field
    assert page.count('class="col-md-4') >= 3 * 7


def test_board_member_writes_a_visit_and_its_meeting_in_three_languages(board_client):
    data = {
        "title_tr": "Bakü ziyareti",
        "title_az": "Bakı səfəri",
        "title_en": "Visit to Baku",
        "origin_city": "İzmir",
        "destination_city": "Bakü",
        "purpose_tr": "İş birliği.",
        "purpose_en": "Cooperation.",
        **_formset(
            "meetings",
            # Each text in Turkish too: the other languages fall back to it (SeededModel.clean).
            [
                {
                    "title_tr": "Bakanlık",
                    "title_az": "Nazirlik",
                    "topics_tr": "Ticaret.",
                    "topics_en": "Trade.",
                }
            ],
        ),
    }

    response = board_client.post(reverse("contacts:visit_create"), data)

    visit = DelegationVisit.objects.get()
    assert response.status_code == 302
    assert (visit.title_tr, visit.title_az, visit.title_en) == (
        "Bakü ziyareti",
        "Bakı səfəri",
        "Visit to Baku",
    )
    assert (visit.purpose_tr, visit.purpose_az, visit.purpose_en) == (
        "İş birliği.",
        "",
        "Cooperation.",
    )
    meeting = visit.meetings.get()
    assert (meeting.title_tr, meeting.title_az, meeting.topics_en) == (
        "Bakanlık",
        "Nazirlik",
        "Trade.",
    )
    with translation.override("az"):
        assert (visit.purpose, meeting.title) == ("İş birliği.", "Nazirlik")


def test_a_visit_without_its_turkish_title_is_refused(board_client):
    data = {"title_en": "Visit", "origin_city": "İzmir", "destination_city": "Bakü"}

    response = board_client.post(
        reverse("contacts:visit_create"), {**data, **_formset("meetings", [])}
    )

    assert response.status_code == 400
    assert DelegationVisit.objects.count() == 0


def test_role_and_outcome_and_summary_are_written_in_three_languages(board_client, board_member):
    organization = OrganizationFactory()
    person_data = {
        "full_name": "Perviz Altay",
        "preferred_language": "tr",
        **_formset(
            "roles",
            [
                {
                    "organization": organization.pk,
                    "role_tr": "Başkan",
                    "role_az": "Sədr",
                    "role_en": "Chair",
                }
            ],
        ),
    }
    meeting = MeetingFactory()
    meeting_data = {
        "title_tr": meeting.title_tr,
        "date": meeting.date.isoformat(),
        **_formset(
            "outcomes",
            [
                {
                    "kind": OutcomeKind.ROADMAP_AGREED,
                    "text_tr": "Yol haritası",
                    "text_az": "Yol xəritəsi",
                    "text_en": "Road map",
                }
            ],
        ),
    }
    source_data = {
        "headline": "Haber",
        "language": "tr",
        "file_name": "009.txt",
        "summary_tr": "Özet.",
        "summary_az": "Xülasə.",
        "summary_en": "Summary.",
    }

    person_page = board_client.get(reverse("contacts:person_create")).content.decode()
    board_client.post(reverse("contacts:person_create"), person_data)
    board_client.post(reverse("contacts:meeting_edit", args=[meeting.pk]), meeting_data)
    board_client.post(reverse("contacts:source_create"), source_data)

    assert _in_three_columns(person_page, *(f"roles-0-{n}" for n in per_language("role")))
    assert Affiliation.objects.values_list(*per_language("role")).get() == (
        "Başkan",
        "Sədr",
        "Chair",
    )
    assert meeting.outcome_set.values_list(*per_language("text")).get() == (
        "Yol haritası",
        "Yol xəritəsi",
        "Road map",
    )
    assert Source.objects.values_list(*per_language("summary")).get() == (
        "Özet.",
        "Xülasə.",
        "Summary.",
    )


# --- the admin: one group per language --------------------------------------------------------


@pytest.mark.parametrize(
    ("admin_name", "factory", "columns"),
    [
        ("delegationvisit", DelegationVisitFactory, ("title", "dates_note", "purpose")),
        ("meeting", MeetingFactory, ("title", "place", "topics", "outcomes")),
        ("source", SourceFactory, ("summary",)),
    ],
)
def test_admin_change_page_groups_the_texts_by_language(staff_client, admin_name, factory, columns):
    row = factory()

    page = staff_client.get(
        reverse(f"admin:contacts_{admin_name}_change", args=[row.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    headings = [page.find(f">{name}</h2>") for name in ("Turkish", "Azerbaijani", "English")]
    assert -1 not in headings and headings == sorted(headings)
    for code, start, end in zip(
        ("tr", "az", "en"), headings, [*headings[1:], len(page)], strict=True
    ):
        group = page[start:end]
        assert all(f'name="{column}_{code}"' in group for column in columns), code


def test_admin_inlines_carry_each_language_of_role_meeting_and_outcome(staff_client):
    meeting = MeetingFactory()
    OutcomeFactory(meeting=meeting, text_tr="Yol haritası", text_en="Road map")

    visit_page = staff_client.get(
        reverse("admin:contacts_delegationvisit_change", args=[meeting.visit.pk])
    ).content.decode()
    meeting_page = staff_client.get(
        reverse("admin:contacts_meeting_change", args=[meeting.pk])
    ).content.decode()

    assert all(f'name="meetings-0-{c}"' in visit_page for c in per_language("topics"))
    assert all(f'name="outcome_set-0-{c}"' in meeting_page for c in per_language("text"))
    assert "Road map</textarea>" in meeting_page


def test_admin_search_finds_a_visit_by_its_english_title(staff_client):
    DelegationVisitFactory(title_tr="Bakü ziyareti", title_en="Visit to Baku")
    DelegationVisitFactory(title_tr="Şuşa ziyareti")

    response = staff_client.get(
        reverse("admin:contacts_delegationvisit_changelist"), {"q": "baku visit"}
    )

    assert [v.title_tr for v in response.context["cl"].result_list] == ["Bakü ziyareti"]
