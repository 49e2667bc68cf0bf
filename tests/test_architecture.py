"""The layout of docs/architecture.md, kept true mechanically.

Every module imports, and every import (at the top or inside a function) points the allowed
way: domain <- services <- audiences inside events (and inside each of its sub-areas), no
audience reaches into another, contacts never imports events, and the project package's
neutral modules import no app.
"""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["anniversary", "contacts", "events"]

DOMAIN, SERVICES, AUDIENCE = 0, 1, 2
# Folders (or modules) of events/ and of each sub-area, by layer; everything else is domain.
SERVICE_PARTS = {"services", "tasks", "seed"}
AUDIENCE_PARTS = {"public", "board", "registrants", "admin", "management", "templatetags"}
# Shared by every audience of its area (one way to flash a domain error).
SHARED_AUDIENCE_PARTS = {"web"}
# Sub-areas: folders of events/ with layers of their own (docs/architecture.md). Their modules
# are flat: the name says the layer, and an audience's modules share its name's prefix.
SUB_AREAS = {"b2b", "delegations"}
SUB_AREA_SERVICES = {"services", "schedule", "deliveries", "seats", "demo", "tasks"}
SUB_AREA_AUDIENCES = {
    "views": "public",
    "forms": "public",
    "urls": "public",
    "board_views": "board",
    "board_forms": "board",
    "board_urls": "board",
    "admin": "admin",
}
# The project's entry points may import anything; its other modules import no app.
# accounts.py holds the project's own account pages (the rate-limited password reset).
PROJECT_ENTRY_POINTS = {
    "anniversary.urls",
    "anniversary.wsgi",
    "anniversary.asgi",
    "anniversary.accounts",
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found.append((".".join(parts), path))
    return found


def imports_of(name: str, path: Path) -> list[tuple[str, int]]:
    """Every module `name` imports, resolved to absolute names, with the line."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # "from events import tasks": the names may be modules themselves.
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
    return found


def place(module: str) -> tuple[str, str, int] | None:
    """(app, area, layer) of one of our modules; None for anything else (Django, libraries)."""
    parts = module.split(".")
    app = parts[0]
    if app not in PACKAGES:
        return None
    if app != "events":
        return app, app, DOMAIN
    rest = parts[1:]
    area = "events"
    if rest and rest[0] in SUB_AREAS:
        area, rest = f"events.{rest[0]}", rest[1:]
        if rest and rest[0] in SUB_AREA_SERVICES:
            return app, area, SERVICES
        if rest and rest[0] in SUB_AREA_AUDIENCES:
            return app, f"{area}.{SUB_AREA_AUDIENCES[rest[0]]}", AUDIENCE
    if rest and rest[0] in SERVICE_PARTS:
        return app, area, SERVICES
    if rest and rest[0] in AUDIENCE_PARTS:
        return app, f"{area}.{rest[0]}", AUDIENCE
    if rest and rest[0] in SHARED_AUDIENCE_PARTS:
        return app, area, AUDIENCE
    return app, area, DOMAIN


def violation(source: str, target: str) -> str | None:
    here, there = place(source), place(target)
    if here is None or there is None or source == target:
        return None
    if source in PROJECT_ENTRY_POINTS:
        return None
    if here[0] == "anniversary" and there[0] != "anniversary":
        return "the project package's neutral modules import no app"
    if here[0] == "contacts" and there[0] == "events":
        return "contacts never imports events"
    if here[0] != "events" or there[0] != "events":
        return None
    (_, source_area, source_layer), (_, target_area, target_layer) = here, there
    if target_layer > source_layer:
        return "a lower layer imports a higher one (domain <- services <- audiences)"
    # An audience may use what its whole area shares (events.web), never another audience.
    reaches_across = not source_area.endswith(target_area.removeprefix("events"))
    if source_layer == target_layer == AUDIENCE and reaches_across:
        return "one audience reaches into another"
    return None


def test_every_module_imports():
    failures = []
    for name, _path in modules():
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - the report names every broken module
            failures.append(f"{name}: {error!r}")

    assert failures == []


def test_imports_point_the_allowed_way():
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {target}: {reason}"
        for name, path in modules()
        for target, line in imports_of(name, path)
        if (reason := violation(name, target))
    ]

    assert wrong == []


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        ("events.public.views", "events.services.registration", True),
        ("events.services.registration", "events.models", True),
        ("events.models", "events.services.registration", False),
        ("events.services.checkin", "events.registrants.views", False),
        ("events.public.views", "events.board.selectors", False),
        ("events.public.views", "events.web", True),
        ("events.web", "events.public.views", False),
        ("events.b2b.models", "events.models", True),
        ("events.b2b.services", "events.b2b.board_views", False),
        ("events.b2b.board_views", "events.board.views.base", True),
        ("events.b2b.views", "events.board.selectors", False),
        ("events.delegations.forms", "events.public.forms", True),
        ("events.b2b.models", "events.b2b.services", False),
        ("events.services.reminders.claiming", "events.b2b.deliveries", True),
        ("contacts.selectors", "events.models", False),
        ("events.timeline", "contacts.selectors", True),
        ("anniversary.permissions", "events.roles", False),
        ("anniversary.urls", "events.public.views", True),
    ],
)
def test_the_rule_itself_refuses_what_it_should(source, target, allowed):
    assert (violation(source, target) is None) is allowed


def test_no_python_file_is_over_600_lines():
    # The seed's facts and their translations are data written as code; a migration is generated.
    exempt = {"events/seed/facts.py", "events/seed/demo.py", "events/seed/facts_translations.py"}
    long_files = {
        str(path.relative_to(ROOT)): lines
        for path in ROOT.glob("[!.]*/**/*.py")
        if "migrations" not in path.parts
        and ".venv" not in path.parts
        and str(path.relative_to(ROOT)) not in exempt
        and (lines := len(path.read_text().splitlines())) > 600
    }

    assert long_files == {}


def test_every_package_is_walked():
    # pkgutil sees the same packages as the walk above: nothing is hidden from the rule.
    walked = {
        info.name
        for package in PACKAGES
        for info in pkgutil.walk_packages(
            [str(ROOT / package)], prefix=f"{package}.", onerror=lambda _name: None
        )
        if ".migrations" not in info.name
    }
    mine = {name for name, _path in modules()} - set(PACKAGES)

    assert walked <= mine
