"""No Turkish interface text on a page in Azerbaijani or English.

Every public page a delegate reads is rendered in az and en, and each visible text (text
nodes and the attributes people read: placeholder, title, alt, aria-label, value of buttons) is
compared with the catalogs: a text that is the Turkish translation of a message whose az (or
en) translation differs means a string was left out of the catalog, marked wrong, or rendered
outside the page's language.
"""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from tests.test_i18n_urls import pages  # noqa: F401  (the fixture: every public page)

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
READ_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label")


def _catalog(language: str) -> dict[str, str]:
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as file:
        catalog = read_po(file, locale=language)
    out = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        text = message.string if isinstance(message.string, str) else message.string[0]
        out[key] = text
    return out


def _turkish_only(language: str) -> set[str]:
    """Turkish translations that are no text of this language's catalog."""
    turkish, other = _catalog("tr"), _catalog(language)
    # A language's own name is shown in that language on every page (the switcher).
    names = {get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}
    # Any text this language's catalog gives (or keeps as the message itself) is legitimate.
    own = {" ".join((other.get(key) or key).split()) for key in {*turkish, *other}}
    found = set()
    for text in turkish.values():
        text = " ".join(text.split())
        # Placeholders cannot be matched whole; very short texts are too often shared words.
        if len(text) < 6 or "%" in text or "{" in text or text in names:
            continue
        if text not in own:
            found.add(text)
    return found


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if value and name in READ_ATTRIBUTES:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data)


def _visible_texts(page: str) -> set[str]:
    parser = _Texts()
    parser.feed(page)
    return {" ".join(html.unescape(text).split()) for text in parser.texts}


@pytest.mark.parametrize("language", ["az", "en"])
def test_no_public_page_in_az_or_en_shows_turkish_interface_text(client, pages, language):  # noqa: F811
    turkish = _turkish_only(language)
    found = {}
    for name, kwargs in pages:
        with translation.override(language):
            path = reverse(name, kwargs=kwargs)
        response = client.get(path)
        assert response.status_code == 200, path
        leaked = _visible_texts(response.content.decode()) & turkish
        if leaked:
            found[path] = sorted(leaked)

    assert found == {}


def test_the_check_finds_a_turkish_text_when_there_is_one():
    # The detector itself: a page with a Turkish message on an English page is caught.
    turkish = _turkish_only("en")
    sample = next(text for text in sorted(turkish) if re.fullmatch(r"[\w ,.'’–-]+", text))

    assert sample in _visible_texts(f"<html><body><p>{html.escape(sample)}</p></body></html>")
