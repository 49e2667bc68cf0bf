"""The settings' contract: safe by default, configured by the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "cache": settings.CACHES["default"]["BACKEND"],
    "hosts": settings.ALLOWED_HOSTS,
    "tz": settings.TIME_ZONE,
    "lang": settings.LANGUAGE_CODE,
    "languages": [code for code, _ in settings.LANGUAGES],
}))
"""


def load_settings(**env):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="anniversary.settings")
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PROBE}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = load_settings()

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("unset", [{}, {"DATABASE_URL": "", "REDIS_URL": ""}])
def test_settings_default_to_embedded_sqlite_without_redis(unset):
    result = load_settings(DJANGO_SECRET_KEY="x", **unset)
    values = json.loads(result.stdout)

    assert values["debug"] is False
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(ROOT / "db.sqlite3")
    assert (values["eager"], values["broker"]) == (True, "memory://")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["hosts"] == ["127.0.0.1", "localhost"]


def test_settings_use_postgres_and_redis_when_configured():
    result = load_settings(
        DJANGO_SECRET_KEY="x",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/kardes40",
        REDIS_URL="redis://127.0.0.1:6379/3",
        DJANGO_ALLOWED_HOSTS="kardes40.example.org",
    )
    values = json.loads(result.stdout)

    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["eager"], values["broker"]) == (False, "redis://127.0.0.1:6379/3")
    assert values["cache"] == "anniversary.cache.SharedClientRedisCache"
    assert values["hosts"] == ["kardes40.example.org"]


def test_settings_are_turkish_first_in_istanbul_time():
    values = json.loads(load_settings(DJANGO_SECRET_KEY="x").stdout)

    assert (values["tz"], values["lang"], values["languages"]) == (
        "Europe/Istanbul",
        "tr",
        ["tr", "az", "en"],
    )


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_settings_debug_only_when_asked(value):
    values = json.loads(load_settings(DJANGO_DEBUG=value).stdout)

    assert values["debug"] is True
