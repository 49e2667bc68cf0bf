"""The admin's event page: one group of fields per language, saved as typed."""

import pytest
from django.urls import reverse

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_admin_change_form_shows_three_languages_with_no_external_script(admin_client):
    event = EventFactory(title_tr="Konser")

    page = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))

    html = page.content.decode()
    for name in ("title_tr", "title_az", "title_en", "description_az", "description_en"):
        assert f'name="{name}"' in html
    assert "googleapis" not in html and "jquery-ui" not in html
