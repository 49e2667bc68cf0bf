"""Error pages in the address's language, with DEBUG off, and safe to render.

404 and 403 use the site's layout; 500, 400 (Django's own handler) and the CSRF failure are
rendered without a request, so their layout needs no context processor and no database.
None of them sets a cookie or offers the language form.
"""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path
from django.utils import translation

from anniversary import urls as site_urls
from tests.factories import EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.test_error_pages")]

LANGUAGES = ["tr", "az", "en"]


def _boom(request):
    raise RuntimeError("a bug in a view")


def _denied(request):
    raise PermissionDenied


def _suspicious(request):
    raise SuspiciousOperation("forged header")


handler500 = site_urls.handler500
urlpatterns = [
    *site_urls.urlpatterns,
    *i18n_patterns(
        path("test-errors/boom/", _boom),
        path("test-errors/denied/", _denied),
        path("test-errors/suspicious/", _suspicious),
    ),
]


def _in(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


def _check(response, language: str, status: int, heading: str):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert _in(language, heading) in html
    assert "Not Found" not in html and "Server Error" not in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert not response.cookies, response.cookies
    if language != "en":  # the English msgid must have been translated
        assert _in(language, heading) != heading


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False
    settings.LANGUAGE_CODE = "tr"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("address", ["/{}/events/nope/", "/{}/no-such-page/"])
def test_not_found(client, language, address):
    response = client.get(address.format(language))
    _check(response, language, 404, "Page not found")
    assert 'name="robots" content="noindex"' in response.content.decode()


def test_not_found_of_a_bare_address_goes_to_the_visitors_language_first(client):
    response = client.get("/events/nope/", headers={"accept-language": "az"})
    assert response.status_code == 302 and response["Location"] == "/az/events/nope/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_permission_denied(client, language):
    _check(client.get(f"/{language}/test-errors/denied/"), language, 403, "Access denied")


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_request(client, language):
    response = client.get(f"/{language}/test-errors/suspicious/")
    _check(response, language, 400, "Request not understood")


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error(language):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/test-errors/boom/")
    _check(response, language, 500, "Something went wrong")


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure(language, settings):
    client = Client(enforce_csrf_checks=True)
    event = EventFactory()
    with translation.override(language):
        url = f"/{language}/events/{event.slug}/register/"
    response = client.post(url, {"full_name": "X"})
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert _in(language, "Form expired") in html
