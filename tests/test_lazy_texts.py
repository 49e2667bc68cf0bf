"""A lazy interface text (gettext_lazy) formatted where a module or a class is defined is fixed
in the language active at import, Turkish, whatever the page's: the import form's help read
Turkish on the Azerbaijani and English pages. No `_("…") % …` at module or class level."""

import ast
from pathlib import Path

from django.conf import settings

PACKAGES = ("anniversary", "contacts", "events")


def _formatted_at_import(tree: ast.Module) -> list[int]:
    """Lines of `_(…) % …` (or `.format(`) outside any function body."""
    found = []

    def visit(node, in_function: bool):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_function = True
        if not in_function and isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            call = node.left
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "_":
                found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(tree, False)
    return found


def test_no_lazy_text_is_formatted_at_import():
    found = {}
    for package in PACKAGES:
        for path in (Path(settings.BASE_DIR) / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            source = path.read_text()
            if "gettext_lazy as _" not in source:
                continue
            lines = _formatted_at_import(ast.parse(source))
            if lines:
                found[str(path.relative_to(settings.BASE_DIR))] = lines

    assert found == {}


def test_the_guard_finds_a_text_formatted_on_a_class():
    tree = ast.parse(
        'class F:\n    help = _("at most %(n)d") % {"n": 2}\ndef f():\n    return _("x %s") % 1\n'
    )

    assert _formatted_at_import(tree) == [2]
