"""The one vocabulary: both catalogs hold the same keys, every key is used, and words are found without Streamlit."""

from __future__ import annotations

import string
from collections.abc import Iterable

import pytest

from export.minute_sections import BOARD_COLUMNS, SETTLED
from facilitation.domain import words
from facilitation.domain.access import AccessKind, MemberRole, Purpose
from facilitation.domain.agenda_templates import PLANS
from facilitation.domain.catalog_da import DA
from facilitation.domain.catalog_en import EN
from facilitation.domain.measures import DEFAULT_LADDER, LegalBasis
from facilitation.domain.model import (
    RING_CHILD,
    RING_FURTHEST,
    ActionStatus,
    Attendance,
    BoardKind,
    CaseType,
    Category,
    Coordinator,
    DrawingBackground,
    GoalStatus,
    GoalTerm,
    Group,
    MeetingKind,
    MeetingStatus,
    PlanFor,
    Sector,
)
from facilitation.domain.my_cases import SORTS
from facilitation.domain.network_measures import CSV_COLUMNS
from facilitation.domain.outcomes import ActionFlag
from facilitation.domain.people import STANDARD_RELATIONS
from facilitation.domain.roles import Role, Screen
from facilitation.domain.support import SupportKind
from tests.unit.source_scan import dynamic_prefixes, relative, source_files, string_literals
from ui.board_present import PARTS
from ui.minutes_parts import TABS as CONSOLE_TABS

CATALOG_FILES = ("facilitation/domain/catalog_da.py", "facilitation/domain/catalog_en.py")

# Key families whose keys the code builds at run time ("<prefix>.<value>"), with the values it builds them from.
# A new family (a `label("x", ...)`, `formatter("x")` or `t(f"x.{...}")` in the code) must be added here.
ENUM_FAMILIES: dict[str, Iterable[object]] = {
    "action_status": ActionStatus, "attendance": Attendance, "board": BoardKind, "case_type": CaseType,
    "category": Category, "coordinator": Coordinator, "drawing.background": DrawingBackground, "group": Group,
    "kind": MeetingKind, "role": Role, "screen": Screen, "sector": Sector, "status": MeetingStatus, "term": GoalTerm,
    "placeholder": BoardKind, "follow_up.rule": CaseType,
    "map.attendance": Attendance, "minute.cadence": CaseType, "minute.category": Category, "minute.group": Group,
    "minute.review_status": ActionStatus, "minute.board_column": BOARD_COLUMNS, "minute.status_suffix": SETTLED,
    "month": range(1, 13), "month_short": range(1, 13), "ring": range(RING_CHILD, RING_FURTHEST + 1),
    "agenda_template": {item for plan in PLANS.values() for item, _ in plan},
    "board.layout": ("edit", "present"),  # pages/board.py
    "board.part": PARTS,
    "drawing.tool": ("freedraw", "line", "rect", "circle", "text", "labeled_rect"),  # ui/drawing_canvas.TOOLS
    "access_kind": AccessKind, "purpose": Purpose,  # the access report (facilitation/__main__.py)
    "action_flag": ActionFlag, "minutes": CONSOLE_TABS,  # ui/actions_editor.py, ui/minutes_parts.py
    "standard_relation": ("", *STANDARD_RELATIONS),  # facilitation/domain/people.py ("": none chosen)
    "minute.child": (Attendance.PRESENT, Attendance.ABSENT, Attendance.NOT_INVITED),  # export/minute_sections.py
    "support_kind": SupportKind,  # facilitation/domain/support.py
    "measure": CSV_COLUMNS,  # ui/network_panel.py
    "plan_for": PlanFor,  # ui/board_goals.py
    "goal_status": GoalStatus,  # ui/board_goals.py, export/minute_sections.py
    "legal_basis": LegalBasis, "ladder": DEFAULT_LADDER, "follow_up.cadence": CaseType,  # ui/measures_editor.py
    "rule": ("assessment_measure", "compensation_only", "no_measures", "no_rule_measures"),  # domain/measures.py
    "my_cases.sort": SORTS, "my_cases.role": MemberRole,  # pages/my_cases.py
    "network_says.gives": SupportKind, "network_says.kind": SupportKind,  # facilitation/domain/network_story.py
}
# Families whose suffix is a code or field name the code writes as a string elsewhere
# (ValidationError("too_long", field="name") is shown as error.too_long with field.name).
OPEN_FAMILIES = ("error", "field", "backup.problem", "backup.where")


def _value(value: object) -> str:
    return str(getattr(value, "value", value))


def _app_literals() -> set[str]:
    return {lit.text for path in source_files() if relative(path) not in CATALOG_FILES for lit in string_literals(path)}


def test_both_catalogs_hold_the_same_keys() -> None:
    assert set(DA) - set(EN) == set(), "keys only in Danish"
    assert set(EN) - set(DA) == set(), "keys only in English"


def test_every_text_has_the_same_placeholders_in_both_languages() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    assert {key: fields(DA[key]) for key in DA} == {key: fields(EN[key]) for key in DA}


def test_no_text_is_empty() -> None:
    assert [key for key, text in {**DA, **EN}.items() if not text.strip()] == []


def test_the_ui_and_the_exports_read_their_words_from_the_domain_without_streamlit() -> None:
    assert words.text("sector.family", "en") == "Family"
    assert words.label("sector", Sector.FRIENDS_NEIGHBOURS, "da") == "Venner og naboer"
    assert words.text("about.meeting", "en", kind="Start meeting", child="Alma") == "Start meeting about Alma"
    assert words.LANGUAGES == ("da", "en")


def test_a_missing_language_falls_back_to_danish_and_a_missing_key_to_the_key() -> None:
    assert words.text("sector.family", "fr") == "Familie"
    assert words.text("no.such.key", "en") == "no.such.key"


@pytest.mark.parametrize("prefix", sorted(ENUM_FAMILIES))
def test_every_value_a_key_is_built_from_has_a_text(prefix: str) -> None:
    missing = [f"{prefix}.{_value(v)}" for v in ENUM_FAMILIES[prefix] if f"{prefix}.{_value(v)}" not in DA]
    assert missing == []


def test_every_key_the_code_builds_at_run_time_belongs_to_a_known_family() -> None:
    built = {(relative(path), line, prefix) for path in source_files() for line, prefix in dynamic_prefixes(path)}
    unknown = sorted(b for b in built if b[2] not in ENUM_FAMILIES and b[2] not in OPEN_FAMILIES)
    assert unknown == [], "add the family to ENUM_FAMILIES (with its values) or OPEN_FAMILIES"


def test_every_catalog_key_is_used_somewhere_in_the_app_or_the_exports() -> None:
    literals = _app_literals()
    built = {f"{prefix}.{_value(v)}" for prefix, values in ENUM_FAMILIES.items() for v in values}
    built |= {f"{prefix}.{text}" for prefix in OPEN_FAMILIES for text in literals}
    assert sorted(key for key in DA if key not in literals and key not in built) == []
