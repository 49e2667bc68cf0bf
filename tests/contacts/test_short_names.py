"""An organization's short name in Turkish, Azerbaijani and English: the board's form, the
spreadsheets, and the name each page shows ("TDT STK Platformu" is Turkish only)."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import F
from django.urls import reverse
from django.utils import translation

from contacts.models import Organization
from events.seed import load_facts
from tests.contacts.test_import_export import _confirm, _csv, _rows, _upload
from tests.factories import OrganizationFactory

MIGRATION = importlib.import_module("contacts.migrations.0011_organization_short_name_per_language")

pytestmark = pytest.mark.django_db

SHORT = {
    "short_name_tr": "TDT STK Platformu",
    "short_name_az": "TDT QHT Platforması",
    "short_name_en": "OTS NGO Platform",
}


def test_board_member_writes_the_short_name_in_three_languages(board_client):
    board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "Türk Devletleri Teşkilatı STK Platformu", **SHORT, "kind": "platform"},
    )

    organization = Organization.objects.get()
    assert (
        organization.short_name_tr,
        organization.short_name_az,
        organization.short_name_en,
    ) == tuple(SHORT.values())
    with translation.override("en"):
        assert str(organization) == "Türk Devletleri Teşkilatı STK Platformu (OTS NGO Platform)"
    with translation.override("tr"):
        assert str(organization).endswith("(TDT STK Platformu)")


def test_short_names_of_every_language_are_found_by_search():
    OrganizationFactory(name="Türk Devletleri Teşkilatı STK Platformu", **SHORT)

    assert Organization.objects.search("OTS NGO").count() == 1
    assert Organization.objects.search("QHT").count() == 1


def test_organization_export_and_import_carry_the_short_names(board_client):
    OrganizationFactory(name="Türk Devletleri Teşkilatı STK Platformu", **SHORT)

    rows = _rows(board_client.get(reverse("contacts:export", args=["organizations", "csv"])))

    header = rows[0]
    assert [rows[1][header.index(c)] for c in ("short_name", "short_name_az", "short_name_en")] == (
        list(SHORT.values())
    )
    content = _csv(
        "name,short_name,short_name_az,short_name_en,kind",
        "Milli Meclis,Milli Meclis,Milli Məclis,Milli Majlis,parliament",
    )
    _upload(board_client, content, "organizations.csv", kind="organizations")
    _confirm(board_client)
    imported = Organization.objects.get(name_tr="Milli Meclis")
    assert (imported.short_name_tr, imported.short_name_az, imported.short_name_en) == (
        "Milli Meclis",
        "Milli Məclis",
        "Milli Majlis",
    )


def test_migration_gives_seeded_organizations_their_short_names_and_names():
    load_facts()
    state = MigrationLoader(connection).project_state(
        ("contacts", MIGRATION.__name__.split(".")[-1])
    )
    # As before the migration: one short name (the Turkish) in the one column there was.
    state.apps.get_model("contacts", "Organization").objects.update(
        short_name=F("short_name_tr"), short_name_tr=None, short_name_az=None, short_name_en=None
    )
    Organization.objects.filter(seed_key="org:yeni-azerbaycan-partiyasi").update(
        name_tr="Yeni Azərbaycan Partiyası"
    )
    Organization.objects.filter(seed_key="org:ytb").update(
        name_az="Xaricdəki Türklər və Qohum Topluluqlar İdarəsi"
    )

    MIGRATION.to_languages(state.apps, None)

    platform = Organization.objects.get(seed_key="org:tdt-ngo-platform")
    assert (platform.short_name_tr, platform.short_name_az, platform.short_name_en) == (
        "TDT STK Platformu",
        "TDT QHT Platforması",
        "OTS NGO Platform",
    )
    party = Organization.objects.get(seed_key="org:yeni-azerbaycan-partiyasi")
    assert party.name_tr == "Yeni Azerbaycan Partisi"
    assert Organization.objects.search("yeni azerbaycan partisi").get() == party
    assert Organization.objects.get(seed_key="org:ytb").name_az == (
        "Xaricdəki Türklər və Qohum İcmalar İdarəsi"
    )
