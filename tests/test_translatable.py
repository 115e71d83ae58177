"""Translatable text is written where `makemessages` finds it: xgettext does not read inside
f-strings, so a `_("…")` there never reaches the catalogues and the page shows English (it
happened to «baseline period» on the indicator page)."""

import ast
from pathlib import Path

SLIK = Path(__file__).resolve().parent.parent / "slik"
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "npgettext"}


def _calls_in_fstrings(tree) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in GETTEXT
                ):
                    lines.append(inner.lineno)
    return lines


def test_no_gettext_inside_an_fstring():
    found = [
        f"{path.relative_to(SLIK.parent)}:{line}"
        for path in sorted(SLIK.rglob("*.py"))
        for line in _calls_in_fstrings(ast.parse(path.read_text(), str(path)))
    ]
    assert found == []


def test_the_check_finds_one():
    assert _calls_in_fstrings(ast.parse("x = f\"<b>{_('Draft')}</b>\"")) == [1]
