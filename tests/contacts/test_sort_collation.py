"""The alphabetical order of people and organizations does not depend on the database's
collation: the stored per-language keys are compared by code point ("C" on PostgreSQL, BINARY
on SQLite), so a server whose default collation is en-US (ICU or glibc) sorts as SQLite does.

Run this file on a PostgreSQL database whose default collation is not C, e.g. a template made
with `CREATE DATABASE kardes40_icu TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'
LOCALE 'C.UTF-8'` and `KARDES40_TEST_DB_TEMPLATE=kardes40_icu` (tests/settings.py).
"""

import os
import random

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import translation

from contacts.models import Organization, Person, SortKeyField
from contacts.text import language_sort_key
from tests.factories import (
    OrganizationFactory,
    PersonFactory,
    RegistrationFactory,
    TodayEventFactory,
)

pytestmark = pytest.mark.django_db

# Names whose order a language collation gets wrong when it reads the keys as text: under
# en-US the keys' private letters are ignored or reordered ("Ali Rza" before "Çelik" before
# "Cem", "Şahin" before "Ozan").
NAMES = ["Çelik", "Cem", "Zeynep", "Öcal", "Ozan", "İsmayilov", "Ismayılov", "Şahin", "Sema"]
NAMES += ["Ünal", "Uğur", "Ali Rza", "Ali", "Əliyev", "Emin", "Xəlilov", "Həsənov", "Quliyev"]
NAMES += ["Kərimov", "Salon 10", "Salon 2"]

IN_ORDER = {
    "tr": [
        "Ali", "Ali Rza", "Cem", "Çelik", "Əliyev", "Emin", "Həsənov", "Ismayılov", "İsmayilov",
        "Kərimov", "Ozan", "Öcal", "Quliyev", "Salon 2", "Salon 10", "Sema", "Şahin", "Uğur",
        "Ünal", "Xəlilov", "Zeynep",
    ],
    "az": [
        "Ali", "Ali Rza", "Cem", "Çelik", "Emin", "Əliyev", "Həsənov", "Xəlilov", "Ismayılov",
        "İsmayilov", "Kərimov", "Quliyev", "Ozan", "Öcal", "Salon 2", "Salon 10", "Sema",
        "Şahin", "Uğur", "Ünal", "Zeynep",
    ],
    "en": [
        "Ali", "Ali Rza", "Çelik", "Cem", "Əliyev", "Emin", "Həsənov", "İsmayilov", "Ismayılov",
        "Kərimov", "Öcal", "Ozan", "Quliyev", "Şahin", "Salon 2", "Salon 10", "Sema", "Uğur",
        "Ünal", "Xəlilov", "Zeynep",
    ],
}  # fmt: skip


def _shuffled():
    names = list(NAMES)
    random.Random(13).shuffle(names)
    return names


def test_expected_orders_are_the_keys_orders():
    for language, names in IN_ORDER.items():
        assert sorted(NAMES, key=lambda n, lang=language: language_sort_key(n, lang)) == names


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_people_sort_in_the_language_on_this_database(language):
    for name in _shuffled():
        PersonFactory(full_name=name)

    with translation.override(language):
        names = list(Person.objects.alphabetical().values_list("full_name", flat=True))
        by_meta = list(Person.objects.values_list("full_name", flat=True))

    assert names == IN_ORDER[language]
    assert by_meta == IN_ORDER["tr"]  # the model's default order: the Turkish key


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_organizations_sort_in_the_language_on_this_database(language):
    with translation.override("tr"):
        for name in _shuffled():
            OrganizationFactory(name=name)

    with translation.override(language):
        names = list(Organization.objects.alphabetical().values_list("name_tr", flat=True))

    assert names == IN_ORDER[language]


def test_sort_keys_compare_by_code_point_on_postgresql(postgres):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns"
            " WHERE table_name IN ('contacts_person', 'contacts_organization')"
            " AND column_name LIKE 'sort_name_%%' ORDER BY 1, 2"
        )
        columns = cursor.fetchall()

    assert [collation for _table, _column, collation in columns] == ["C"] * 6


def test_a_language_collation_would_misorder_the_keys(postgres):
    """Why the column is "C": read under en-US (ICU), the same keys give a wrong order."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_collation WHERE collname = 'en-US-x-icu'")
        if cursor.fetchone() is None:
            pytest.skip("this PostgreSQL has no ICU collation en-US-x-icu")
    for name in _shuffled():
        PersonFactory(full_name=name)

    with translation.override("tr"):
        as_text = list(
            Person.objects.raw(
                'SELECT id, full_name FROM contacts_person ORDER BY sort_name_tr COLLATE "en-US-x-icu"'
            )
        )

    assert [person.full_name for person in as_text] != IN_ORDER["tr"]


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_door_and_sheet_list_delegates_in_the_page_language(board_client, language):
    event = TodayEventFactory(capacity=None)
    for name in _shuffled():
        RegistrationFactory(event=event, full_name=name)

    door = board_client.get(
        reverse("registrants:door", args=[event.slug]), HTTP_ACCEPT_LANGUAGE=language
    )
    sheet = board_client.get(
        reverse("registrants:sheet", args=[event.slug]), HTTP_ACCEPT_LANGUAGE=language
    )

    assert [r.full_name for r in door.context["page"].object_list] == IN_ORDER[language]
    assert [row["registration"].full_name for row in sheet.context["rows"]] == IN_ORDER[language]


def test_sort_keys_compare_by_code_point_whatever_the_database_default(postgres):
    """Every stored sort key column has the C collation, so no default collation reorders it.

    With KARDES40_TEST_DB_TEMPLATE set, this run is also on a linguistic default collation (in
    C, "a" sorts after "B"): the tests above then show the order does not depend on it.
    """
    columns = [
        (model._meta.db_table, field.column)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, SortKeyField)
    ]
    with connection.cursor() as cursor:
        found = {}
        for table, column in columns:
            cursor.execute(
                "SELECT collation_name FROM information_schema.columns"
                " WHERE table_name = %s AND column_name = %s",
                [table, column],
            )
            found[(table, column)] = cursor.fetchone()[0]
        cursor.execute("SELECT 'a' < 'B'")
        (linguistic,) = cursor.fetchone()

    assert columns and set(found.values()) == {"C"}, found
    if os.environ.get("KARDES40_TEST_DB_TEMPLATE"):
        assert linguistic is True
