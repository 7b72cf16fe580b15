"""No English in the Danish UI from Streamlit's own defaults: a choice that may start empty says what to choose.

Streamlit writes "Choose an option" (selectbox) or "Choose options" (multiselect) into an empty choice unless
the call passes a placeholder; the app's words come from the catalogs instead.
"""

from __future__ import annotations

import ast

from tests.unit.source_scan import parse, relative, source_files

CHOICES = ("selectbox", "multiselect")


def _may_start_empty(call: ast.Call) -> bool:
    """A multiselect always may; a selectbox when its index is None or an expression that can be None."""
    if not isinstance(call.func, ast.Attribute):
        return False
    if call.func.attr == "multiselect":
        return True
    index = next((k.value for k in call.keywords if k.arg == "index"), None)
    return index is not None and "None" in ast.unparse(index)


def choices_without_placeholder() -> list[str]:
    """Every selectbox/multiselect in pages/ and ui/ that may start empty and passes no placeholder."""
    found = []
    for path in source_files(("pages", "ui")):
        for node in ast.walk(parse(path)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHOICES
                    and _may_start_empty(node) and not any(k.arg == "placeholder" for k in node.keywords)):
                found.append(f"{relative(path)}:{node.lineno}")
    return found


def test_every_choice_that_may_start_empty_has_a_placeholder_from_the_catalog() -> None:
    assert choices_without_placeholder() == []


def test_the_scan_finds_a_selectbox_without_a_placeholder() -> None:
    call = ast.parse('st.selectbox("x", [1], index=None)').body[0]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call)
    assert _may_start_empty(call.value)
    given = ast.parse('st.selectbox("x", [1], index=0)').body[0]
    assert isinstance(given, ast.Expr) and isinstance(given.value, ast.Call)
    assert not _may_start_empty(given.value)
