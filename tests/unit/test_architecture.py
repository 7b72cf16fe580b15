"""The layers hold: a pure domain, Streamlit only in the UI, SQL only in storage, no import cycles.

Imports are read with `ast`, so every import counts: module level, inside functions, and under
`if TYPE_CHECKING:`. `from package import name` points at the package (its `__init__` re-exports
count) unless `name` is itself a module of the project.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = ("facilitation", "export", "ui")
DOMAIN = "facilitation.domain"
HEAVY = ("sqlalchemy", "alembic", "streamlit", "docx", "PIL", "matplotlib", "pyvis", "psycopg", "argon2")
SQL = ("sqlalchemy", "alembic")
FILE_MODULES = ("pathlib", "shutil", "tempfile", "glob")  # whose only use is the filesystem
OS_FILE_FUNCTIONS = frozenset({
    "open", "fdopen", "remove", "unlink", "rename", "renames", "replace", "mkdir", "makedirs", "rmdir",
    "removedirs", "listdir", "scandir", "walk", "stat", "lstat", "chmod", "chown", "link", "symlink",
    "truncate", "utime", "path", "getcwd", "chdir",
})


@cache
def project_modules() -> dict[str, Path]:
    """Every module of the project packages by dotted name (a package by its `__init__`)."""
    modules: dict[str, Path] = {}
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def domain_modules() -> list[str]:
    """The domain package and its modules."""
    return [name for name in project_modules() if name == DOMAIN or name.startswith(DOMAIN + ".")]


def modules_under(prefix: str) -> list[str]:
    """The modules of a package (itself included)."""
    return [name for name in project_modules() if name == prefix or name.startswith(prefix + ".")]


@cache
def tree(module: str) -> ast.Module:
    """The parsed source of a project module."""
    path = project_modules()[module]
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@cache
def imported_names(module: str) -> tuple[str, ...]:
    """Every dotted name a module imports (absolute; for `from a import b`, both `a` and `a.b`)."""
    names: list[str] = []
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.extend(from_import_names(module, node))
    return tuple(names)


def top_level_imports(module: str) -> set[str]:
    """The top-level packages a module imports (`sqlalchemy` for `from sqlalchemy.orm import Session`)."""
    return {name.split(".")[0] for name in imported_names(module)}


def project_imports(module: str) -> set[str]:
    """The project modules a module imports: a package's `__init__` unless a submodule is named."""
    known = project_modules()
    targets: set[str] = set()
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base, *members = from_import_names(module, node)
            for member in members:
                if member in known:
                    targets.add(member)
                elif base in known:
                    targets.add(base)
    return targets


def from_import_names(module: str, node: ast.ImportFrom) -> list[str]:
    """[the module a `from … import …` reads from, then each `module.name`], made absolute."""
    path = project_modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        anchor = parts[: len(parts) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def import_graph() -> nx.DiGraph[str]:
    """The project's modules, an edge from each to each project module it imports."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for module in project_modules():
        graph.add_node(module)
        graph.add_edges_from((module, target) for target in project_imports(module) if target != module)
    return graph


def file_io_uses(module: str) -> list[str]:
    """Where a module reads or writes files: open(), io.open, os file functions, pathlib/shutil/…"""
    found: list[str] = []
    for node in ast.walk(tree(module)):
        where = f"{module}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
            found.append(f"{where} open()")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) == ("io", "open") or (
                node.value.id == "os" and node.attr in OS_FILE_FUNCTIONS
            ):
                found.append(f"{where} {node.value.id}.{node.attr}")
        elif isinstance(node, ast.Import):
            found.extend(f"{where} import {a.name}" for a in node.names if a.name.split(".")[0] in FILE_MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")[0]
            if top in FILE_MODULES:
                found.append(f"{where} from {node.module}")
            elif top in ("os", "io"):
                found.extend(
                    f"{where} from {node.module} import {a.name}" for a in node.names
                    if a.name == "open" or (top == "os" and a.name in OS_FILE_FUNCTIONS)
                )
    return found


def test_the_project_modules_are_found() -> None:
    assert {"facilitation.domain.model", "facilitation.services", "export.minute", "ui.session"} <= set(
        project_modules()
    )
    assert len(domain_modules()) > 5


@pytest.mark.parametrize("module", domain_modules())
def test_the_domain_imports_no_database_web_document_or_picture_library(module: str) -> None:
    assert top_level_imports(module) & set(HEAVY) == set()


@pytest.mark.parametrize("module", domain_modules())
def test_the_domain_does_no_file_io(module: str) -> None:
    assert file_io_uses(module) == []


@pytest.mark.parametrize("module", domain_modules())
def test_importing_a_domain_module_loads_no_heavy_library(module: str) -> None:
    probe = (
        f"import json, sys; import {module}; "
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


@pytest.mark.parametrize("module", modules_under("facilitation") + modules_under("export"))
def test_facilitation_and_export_never_import_streamlit(module: str) -> None:
    assert "streamlit" not in top_level_imports(module)


@pytest.mark.parametrize("module", [
    name for name in project_modules()
    if not name.startswith(("facilitation.storage", "facilitation.services"))
])
def test_only_storage_imports_sqlalchemy_or_alembic(module: str) -> None:
    assert top_level_imports(module) & set(SQL) == set()


def test_the_services_import_no_sqlalchemy_or_alembic() -> None:
    offenders = sorted(m for m in modules_under("facilitation.services") if not top_level_imports(m).isdisjoint(SQL))
    assert offenders == []


def test_the_import_graph_sees_package_reexports_and_type_checking_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("ui.forms", "ui.session")
    assert graph.has_edge("facilitation.services", "facilitation.services.agenda")  # an __init__ re-export
    assert graph.has_edge("ui.board_view", "facilitation.services")  # `from facilitation import services`
    guarded = [
        (module, target) for module in project_modules() for block in ast.walk(tree(module))
        if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING")
        for node in ast.walk(block) if isinstance(node, ast.ImportFrom)
        for target in from_import_names(module, node) if target in project_modules()
    ]
    # None is left today (the export's TYPE_CHECKING cycles were untied); any new one must be an edge.
    assert all(graph.has_edge(module, target) for module, target in guarded), guarded
    snippet = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui import session\n")
    found = [from_import_names("ui.forms", node) for node in ast.walk(snippet) if isinstance(node, ast.ImportFrom)]
    assert ["ui", "ui.session"] in found, "ast.walk reaches imports nested under `if TYPE_CHECKING:`"


def test_the_project_has_no_import_cycles() -> None:
    cycles = sorted(sorted(cycle) for cycle in nx.simple_cycles(import_graph()))
    assert cycles == []
