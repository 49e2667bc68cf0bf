"""Turkish first, Azerbaijani and English follow: catalogs complete, compiled, and served."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = ["tr", "az"]  # English is the source language of every msgid


def po_entries(language: str) -> list[tuple[str, str, bool]]:
    """(msgid, all msgstr text, fuzzy) for every entry but the header."""
    text = (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
    entries = []
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        msgid, msgstr, current = [], [], None
        for line in lines:
            if line.startswith(("msgid ", "msgid_plural ")):
                current = msgid  # the plural's placeholders count as the message's own
            elif line.startswith("#"):
                current = None
                continue
            elif line.startswith("msgstr"):
                current = msgstr
            if current is not None and '"' in line:
                current.append(line[line.index('"') + 1 : line.rindex('"')])
        entries.append(("".join(msgid), "".join(msgstr), fuzzy))
    return [entry for entry in entries if entry[0]]


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_translates_every_message(language):
    entries = po_entries(language)

    untranslated = [msgid for msgid, msgstr, _fuzzy in entries if not msgstr]
    fuzzy = [msgid for msgid, _msgstr, is_fuzzy in entries if is_fuzzy]

    assert len(entries) > 500
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_keeps_every_placeholder(language):
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    broken = [
        msgid
        for msgid, msgstr, _fuzzy in po_entries(language)
        if sorted(set(placeholder.findall(msgid))) != sorted(set(placeholder.findall(msgstr)))
    ]

    assert broken == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_matches_its_source(language, tmp_path):
    msgfmt = shutil.which("msgfmt")
    require_service(msgfmt is not None, "needs msgfmt (Debian package gettext)")
    folder = ROOT / "locale" / language / "LC_MESSAGES"

    subprocess.run(
        [msgfmt, "--check", "-o", tmp_path / "django.mo", folder / "django.po"], check=True
    )

    assert (tmp_path / "django.mo").read_bytes() == (folder / "django.mo").read_bytes()


@pytest.mark.django_db
def test_visitor_without_a_language_gets_turkish(client, settings):
    settings.LANGUAGE_CODE = "tr"
    with translation.override("tr"):
        expected = translation.gettext("Board login")

    page = client.get("/", follow=True).content.decode()

    assert expected != "Board login"
    assert '<html lang="tr">' in page and expected in page


@pytest.mark.django_db
def test_visitor_asking_for_azerbaijani_gets_it(client):
    with translation.override("az"):
        expected = translation.gettext("Board login")

    page = client.get("/", HTTP_ACCEPT_LANGUAGE="az", follow=True).content.decode()

    assert expected != "Board login"
    assert '<html lang="az">' in page and expected in page
