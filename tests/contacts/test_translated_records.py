"""Role titles, sources' summaries, visits, meetings and outcomes stored per language: the
migration keeps what was written (as Turkish), az and en read the Turkish until written."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from contacts.models import Affiliation, DelegationVisit, Meeting, Organization, Outcome, Source
from contacts.translation import TRANSLATED_FIELDS, per_language
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

BEFORE = [("contacts", "0007_sort_names_per_language")]
AFTER = [("contacts", "0008_records_text_per_language")]


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_each_written_text_as_its_turkish():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
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

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

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
        Organization: ("name",),
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
