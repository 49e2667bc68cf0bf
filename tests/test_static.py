"""Pages must render fully on a machine without internet: assets come from packages."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REMOTE_ASSET = re.compile(r"""(src|href)=["'](https?:)?//""", re.IGNORECASE)


@pytest.mark.django_db
def test_bootstrap_is_served_from_the_package(client):
    page = client.get("/en/")
    css = client.get("/static/bootstrap/css/bootstrap.min.css")
    js = client.get("/static/bootstrap/js/bootstrap.bundle.min.js")

    assert "/static/bootstrap/css/bootstrap.min.css" in page.content.decode()
    assert b"Bootstrap" in b"".join(css.streaming_content)[:200]
    assert b"Bootstrap" in b"".join(js.streaming_content)[:200]


def test_templates_load_no_remote_assets():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if "emails" not in path.parts and REMOTE_ASSET.search(path.read_text())
    ]

    assert offenders == []
