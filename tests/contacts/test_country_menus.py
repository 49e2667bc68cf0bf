"""Every country choice of the site is the one sorted menu (contacts.countries.country_menu):
public, board and B2B forms, the admin's forms and inlines, and its country list filters, in
Turkish, Azerbaijani and English; Türkiye and Azerbaijan first, then the language's alphabet."""

import importlib
import re
from html import unescape

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from contacts.countries import CountryChoiceField
from contacts.text import collation_key
from events.b2b.links import PARTICIPANT
from events.tokens import make_token
from tests.factories import (
    MatchmakingFactory,
    PersonFactory,
    RegistrationFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["tr", "az", "en"]
FORM_MODULES = [
    "events.public.forms",
    "events.delegations.forms",
    "events.b2b.forms",
    "events.board.forms",
    "contacts.record_forms",
]
# Pairs that were wrong before: (earlier, later) in each language.
ORDER = {
    "tr": [
        ("Cabo Verde", "Cayman Adaları"),
        ("Cayman Adaları", "Çad"),
        ("Hırvatistan", "Hong Kong"),
    ],
    "az": [("Fələstin", "Finlandiya"), ("Cənubi Afrika", "Çad")],
    "en": [("Chad", "Chile")],
}


def assert_sorted(choices, language):
    pairs = [(str(code), str(name)) for code, name in choices if code]
    assert [code for code, _name in pairs[:2]] == ["TR", "AZ"], pairs[:3]
    names = [name for _code, name in pairs[2:]]
    assert names == sorted(names, key=lambda name: collation_key(name, language))
    for earlier, later in ORDER[language]:
        if earlier in names and later in names:
            assert names.index(earlier) < names.index(later), (earlier, later)


def _country_fields(form_class):
    return {
        name: field
        for name, field in form_class.base_fields.items()
        if "country" in name and isinstance(field, forms.ChoiceField)
    }


def _forms_with_countries():
    found = []
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module_name
                and _country_fields(value)
            ):
                found.append(value)
    return found


def test_the_forms_with_a_country_are_found():
    names = {form.__name__ for form in _forms_with_countries()}
    assert {"RegistrationForm", "ProfileForm", "DirectoryFilterForm", "VenueForm"} <= names
    assert {"PersonForm", "OrganizationForm"} <= names


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form_class", _forms_with_countries(), ids=lambda f: f.__name__)
def test_every_forms_country_menu_is_sorted(form_class, language):
    for field in _country_fields(form_class).values():
        assert isinstance(field, CountryChoiceField), form_class
        with translation.override(language):
            assert_sorted(list(field.choices), language)


def _admin_request():
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory()
    return request


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_form_and_inline_has_the_sorted_menu(language):
    request = _admin_request()
    checked = 0
    for model, model_admin in admin.site._registry.items():
        form_classes = [model_admin.get_form(request)]
        form_classes += [
            inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)
        ]
        for form_class in form_classes:
            for name, field in _country_fields(form_class).items():
                assert isinstance(field, CountryChoiceField), (model, name)
                with translation.override(language):
                    assert_sorted(list(field.choices), language)
                checked += 1
    assert checked >= 6  # person, organization, venue, registration, participant, member


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_country_filters_list_the_countries_in_the_menus_order(language):
    for code in ("DE", "TR", "CL", "TD", "AZ", "FI", "PS"):
        PersonFactory(country=code)
    request = _admin_request()
    model_admin = admin.site._registry[PersonFactory._meta.model]
    for list_filter in model_admin.list_filter:
        if getattr(list_filter, "parameter_name", "") == "country":
            with translation.override(language):
                lookups = list_filter(request, {}, model_admin.model, model_admin).lookup_choices
                codes = [code for code, _name in lookups]
                assert codes[:2] == ["TR", "AZ"]
                assert_sorted([("", ""), *lookups], language)
            break
    else:
        pytest.fail("no country filter")


@pytest.mark.parametrize("language", LANGUAGES)
def test_b2b_profile_page_lists_countries_in_the_pages_alphabet(client, language):
    registration = RegistrationFactory(event=MatchmakingFactory().event, language=language)
    token = make_token(registration, purpose=PARTICIPANT)
    with translation.override(language):
        url = reverse("b2b:profile", kwargs={"pk": registration.pk, "token": token})

    html = client.get(url).content.decode()

    select = re.search(r'<select name="country".*?</select>', html, re.S).group(0)
    options = re.findall(r'<option value="(\w*)"[^>]*>([^<]*)</option>', select)
    assert_sorted([(code, unescape(name)) for code, name in options], language)
