"""Reading the app's own source with `ast`: its string literals, the modules it imports, its catalog look-ups."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_SOURCES = ("app.py", "pages", "ui", "export", "facilitation")
NOT_APP_TEXT = ("facilitation/storage/migrations/",)
"""Migrations are frozen history: they are never changed, so their strings are not the app's words."""


@dataclass(frozen=True)
class Literal:
    """A string literal of the source: file (relative to the project), line, and its text."""

    path: str
    line: int
    text: str


def source_files(roots: tuple[str, ...] = APP_SOURCES) -> list[Path]:
    """The project's Python files under `roots` (migrations left out), in a stable order."""
    files: list[Path] = []
    for root in roots:
        path = ROOT / root
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if not any(part in relative(f) for part in NOT_APP_TEXT)]


def relative(path: Path) -> str:
    """The path as the project names it, e.g. 'export/minute.py'."""
    return path.relative_to(ROOT).as_posix()


def parse(path: Path) -> ast.Module:
    """The module's syntax tree."""
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the string nodes that are docstrings (or other bare string statements)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            found.add(id(node.value))
    return found


def string_literals(path: Path) -> Iterator[Literal]:
    """Every string literal in the file except docstrings (f-string parts included; comments are not in the tree)."""
    tree = parse(path)
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield Literal(relative(path), node.lineno, node.value)


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in the file, also those inside functions or `if TYPE_CHECKING`."""
    for node in ast.walk(parse(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


LOOKUPS = {"t", "text", "label", "formatter", "words"}
"""Names of the functions that look a word up in the catalogs (ui.i18n, facilitation.domain.words, Words)."""


def dynamic_prefixes(path: Path) -> Iterator[tuple[int, str]]:
    """(line, prefix) for each catalog look-up whose key is built at run time.

    `label("sector", value)` and `formatter("sector")` give 'sector'; `t(f"board.{kind}")` gives 'board'.
    """
    for node in ast.walk(parse(path)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in LOOKUPS:
            continue
        first = node.args[0]
        if name in ("label", "formatter") and isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield node.lineno, first.value
        elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            yield node.lineno, str(first.values[0].value).rstrip(".")
