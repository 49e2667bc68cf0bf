"""Project-level contracts: the README's commands, CI, migrations."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(), re.DOTALL)
    return [block.strip() for block in blocks]


def test_readme_test_command_is_what_ci_runs():
    ci_script = (ROOT / ".ci" / "run").read_text()

    assert readme_commands()[1] in ci_script.splitlines()


def test_readme_run_command_sets_up_and_serves_with_seeded_data():
    run = readme_commands()[0]

    assert "pip install" in run
    assert "quickstart --serve" in run


@pytest.mark.django_db
def test_migrations_match_the_models():
    out = StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()
