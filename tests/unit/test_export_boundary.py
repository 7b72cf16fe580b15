"""export/ reads domain types and returns bytes: only its command-line entry points may reach services or storage."""

from __future__ import annotations

from pathlib import Path

from tests.unit.source_scan import ROOT, imported_modules, relative, source_files

ENTRY_POINTS = {"export/__main__.py", "export/minute_cli.py"}
"""The command line: it parses arguments, reads through the services and hands domain types to the exporters."""
FORBIDDEN = ("facilitation.services", "facilitation.storage", "streamlit", "sqlalchemy")


def _reaches(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)


def _violations(files: dict[str, Path]) -> list[str]:
    """'name:line: imports module' for each forbidden import in files (by name) that are not entry points."""
    return [
        f"{name}:{line}: imports {module}"
        for name, path in files.items() if name not in ENTRY_POINTS
        for line, module in imported_modules(path) if _reaches(module)
    ]


def test_no_export_module_but_the_command_line_imports_services_or_storage() -> None:
    assert _violations({relative(path): path for path in source_files(("export",))}) == []


def test_the_entry_points_still_exist() -> None:
    assert all((ROOT / entry).is_file() for entry in ENTRY_POINTS)


def test_the_rule_catches_an_import_of_the_services_anywhere_in_a_module(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from facilitation.services import load_meeting\n"
        "def f():\n    import facilitation.storage.engine\n"
        "from facilitation.domain.model import MeetingRecord\n",
        encoding="utf-8",
    )
    assert _violations({"export/probe.py": probe, "export/minute_cli.py": probe}) == [
        "export/probe.py:1: imports facilitation.services",
        "export/probe.py:1: imports facilitation.services.load_meeting",
        "export/probe.py:3: imports facilitation.storage.engine",
    ]
