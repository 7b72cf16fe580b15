"""Measures (indsatser / foranstaltninger) on a case, the intervention ladder, and the cadence they give.

Pure values and rules: no clock, no database. The model "Sammen om familien" fixes the follow-up cadence
by the legal basis of the case's measures (../shared/background/001): with a §50 child-welfare assessment
or a §52 measure every 6 weeks; with only §41/§42/§44 (with or without §11 or §52a stk. 1 nr. 1) every
3 months. Aabenraa's model (004) moves every case down the intervention ladder toward ordinary life.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from facilitation.domain import words
from facilitation.domain.cadence import CADENCES, Cadence, next_follow_up
from facilitation.domain.model import CaseType, MeetingRecord
from facilitation.domain.model import LegalBasis as LegalBasis  # re-exported: measures are read from here
from facilitation.domain.model import Measure as Measure
from facilitation.domain.validation import SHORT_MAX, ValidationError, a_date, choice, single_line

MEASURES_MAX = 50  # measures on one case


SIX_WEEK_BASES = frozenset({LegalBasis.SEL_50, LegalBasis.SEL_52, LegalBasis.BL_20, LegalBasis.BL_32})
"""A measure on one of these, active, makes the case an assessment case: followed up every 6 weeks."""
COMPENSATION_BASES = frozenset({LegalBasis.SEL_41, LegalBasis.SEL_42, LegalBasis.SEL_44})
"""Compensation and support: only these (with or without ACCOMPANYING ones) mean every 3 months."""
ACCOMPANYING_BASES = frozenset({LegalBasis.SEL_11, LegalBasis.SEL_52A_1_1, LegalBasis.BL_35})
"""Measures that leave a compensation case at 3 months, and alone decide nothing."""


DEFAULT_LADDER: tuple[str, ...] = (
    "universal", "preventive", "intensive_home", "network_placement", "foster_family", "institution",
)
"""The default intervention ladder, lowest step first: from universal (almen) offers via preventive measures
to placement in the network, in a foster family and in an institution. A municipality may give its own."""


STEP_MAX = 40  # characters of one configured ladder step: it must fit the chart's labels and a choice list


def ladder_of(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """A configured ladder (steps lowest first, as a list or separated by ';'), or the default one.

    Spaces are tidied, empty steps and repeats (ignoring case) dropped; a step longer than STEP_MAX characters
    or holding a control character is refused (ValueError): a ladder is configured once, so a mistake should stop.
    """
    if text is None:
        return DEFAULT_LADDER
    steps = text.split(";") if isinstance(text, str) else list(text)
    cleaned: dict[str, str] = {}
    for step in (" ".join(str(s).split()) for s in steps):
        if len(step) > STEP_MAX:
            raise ValueError(f"a ladder step is longer than {STEP_MAX} characters: {step[:STEP_MAX]}…")
        if any(ord(c) < 32 or ord(c) == 127 for c in step):
            raise ValueError("a ladder step holds a control character")
        if step:
            cleaned.setdefault(step.casefold(), step)
    return tuple(cleaned.values()) or DEFAULT_LADDER


def ladder_with(ladder: Sequence[str], measures: Iterable[Measure]) -> tuple[str, ...]:
    """The ladder and, after its last step, every step of the measures not on it (one stored under an earlier
    ladder): default steps in the default ladder's order, then the others as first met. Nothing is left out."""
    others = [step for step in dict.fromkeys(m.step for m in measures) if step not in ladder]
    known = [step for step in DEFAULT_LADDER if step in others]
    return (*ladder, *known, *(step for step in others if step not in known))


class CaseRule(NamedTuple):
    """The case type the measures give, and why (a catalog key: 'rule.<reason>')."""

    case_type: CaseType
    reason: str

    @property
    def cadence(self) -> Cadence:
        """How often the case is followed up."""
        return CADENCES[self.case_type]


def case_rule(measures: Iterable[Measure], today: date, default: CaseType | str = CaseType.COMPENSATION) -> CaseRule:
    """The model's rule: the case type (so the cadence) the measures active today give, with the reason.

    A §50 assessment or a §52 measure (or Barnets lov § 20/§ 32) active: every 6 weeks. Otherwise any of
    §41/§42/§44 active (with or without §11 or §52a stk. 1 nr. 1): every 3 months. Otherwise (no measure
    active, or only §11/§52a ones, which the model gives no cadence for) the case's own type stands.
    """
    bases = {measure.legal_basis for measure in measures if measure.active_on(today)}
    if bases & SIX_WEEK_BASES:
        return CaseRule(CaseType.ASSESSMENT, "assessment_measure")
    if bases & COMPENSATION_BASES:
        return CaseRule(CaseType.COMPENSATION, "compensation_only")
    return CaseRule(CaseType(default), "no_measures" if not bases else "no_rule_measures")


def meeting_rule(record: MeetingRecord) -> CaseRule:
    """The rule for a meeting's follow-up: the case's measures active on the meeting's day, else its case type."""
    return case_rule(record.measures, record.meeting.date, record.case.case_type)


def follow_up_date(record: MeetingRecord) -> date:
    """The meeting's agreed follow-up date (the caseworker's override), else the date its rule's cadence gives."""
    return record.meeting.follow_up_date or next_follow_up(record.meeting.date, meeting_rule(record).case_type)


def step_words(step: str, language: str = words.DEFAULT) -> str:
    """A ladder step in words: the catalog's for a default step, a configured step as written."""
    return words.label("ladder", step, language) if step in DEFAULT_LADDER else step


def active_measures(measures: Iterable[Measure], day: date) -> list[Measure]:
    """The measures running on `day`, oldest start first."""
    return sorted((m for m in measures if m.active_on(day)), key=lambda m: (m.start, m.position))


def step_index(step: str, ladder: Sequence[str] = DEFAULT_LADDER) -> int:
    """The step's place on the ladder (0 the lowest); a step not on it comes after the last (see ladder_with)."""
    return ladder.index(step) if step in ladder else len(ladder)


def highest_step(measures: Iterable[Measure], today: date, ladder: Sequence[str] = DEFAULT_LADDER) -> str | None:
    """The highest ladder step among the measures active today, or None when none is."""
    running = [m for m in measures if m.active_on(today)]
    steps = ladder_with(ladder, running)
    return max((m.step for m in running), key=steps.index) if running else None


MEASURE_FIELDS = ("what", "legal_basis", "provider", "start", "end", "goal_id", "step")


def measure_values(fields: Mapping[str, Any], ladder: Sequence[str] | None = DEFAULT_LADDER) -> dict[str, Any]:
    """Checked fields of a measure (those given); the end may not be before the start.

    The step must be on `ladder`; with None any short single line is taken (a backup keeps what was stored).
    """
    values: dict[str, Any] = {}
    if "what" in fields:
        values["what"] = single_line(fields["what"], "what", SHORT_MAX)
    if "legal_basis" in fields:
        values["legal_basis"] = choice(fields["legal_basis"], LegalBasis, "legal_basis").value
    if "provider" in fields:
        values["provider"] = single_line(fields["provider"] or "", "provider", SHORT_MAX, required=False)
    if "start" in fields:
        values["start"] = a_date(fields["start"], "start")
    if "end" in fields:
        values["end"] = None if fields["end"] in (None, "") else a_date(fields["end"], "end")
    if values.get("start") and values.get("end") and values["end"] < values["start"]:
        raise ValidationError("end_before_start", field="end")
    if "goal_id" in fields:
        goal = fields["goal_id"]
        if goal not in (None, "") and (type(goal) is not int or goal < 1):
            raise ValidationError("invalid_choice", field="goal_id")
        values["goal_id"] = goal or None
    if "step" in fields:
        step = str(fields["step"] or "").strip()
        if ladder is None:
            step = single_line(step, "step", STEP_MAX)
        elif step not in ladder:
            raise ValidationError("invalid_choice", field="step")
        values["step"] = step
    return values


def due_state(due: date, today: date, soon_days: int = 14) -> str:
    """'overdue' (due before today), 'soon' (within `soon_days`) or 'later'."""
    if due < today:
        return "overdue"
    if (due - today).days <= soon_days:
        return "soon"
    return "later"
