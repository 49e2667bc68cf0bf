"""The admin's sections of third-party apps read in the board's languages."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        (
            "tr",
            ["Oturum açma koruması", "erişim hataları", "Zamanlanmış görevler", "güneş olayları"],
            "Access failures",
        ),
        (
            "az",
            ["Giriş qorunması", "giriş xətaları", "Dövri tapşırıqlar", "günəş hadisələri"],
            "Solar events",
        ),
    ],
)
def test_admin_index_names_axes_and_beat_sections_in_the_language(
    staff_client, language, expected, english
):
    response = staff_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language)

    content = response.content.decode().lower()
    assert [text for text in expected if text.lower() not in content] == []
    assert english.lower() not in content
