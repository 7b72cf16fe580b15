"""Domain model of a network meeting: plain, immutable values with no web or database code.

Services return these; pages and exporters read them. Vocabulary follows the practice
(see ../shared/DESIGN.md, glossary).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from types import MappingProxyType

from facilitation.domain.roles import Role
from facilitation.domain.support import Support


class CaseType(StrEnum):
    """Compensation/support measures only (SEL §41/42/44) or a child-welfare assessment (§50/§52)."""

    COMPENSATION = "compensation"
    ASSESSMENT = "assessment"


class MeetingKind(StrEnum):
    START = "start"
    FOLLOW_UP = "follow_up"
    NETWORK = "network"
    HANDOVER = "handover"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    ENDED = "ended"


class Sector(StrEnum):
    """The four quarters of the network map."""

    FAMILY = "family"
    FRIENDS_NEIGHBOURS = "friends_neighbours"
    SCHOOL_DAYCARE_WORK = "school_daycare_work"
    PROFESSIONAL = "professional"


class Group(StrEnum):
    FAMILY = "family"
    NETWORK = "network"
    PROFESSIONAL = "professional"


class Attendance(StrEnum):
    """Present, invited but absent, or on the map only (a network member not invited)."""

    PRESENT = "present"
    ABSENT = "absent"
    NOT_INVITED = "not_invited"


class BoardKind(StrEnum):
    WORRY = "worry"
    WORKING_WELL = "working_well"
    NEXT_STEP = "next_step"
    DANGER_STATEMENT = "danger_statement"
    SAFETY_GOAL = "safety_goal"
    GREY_AREA = "grey_area"
    HOUSE_WORRY = "house_worry"  # the Three Houses: the child's own words
    HOUSE_GOOD = "house_good"
    HOUSE_DREAM = "house_dream"


MAPPING_KINDS = (
    BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP,
    BoardKind.DANGER_STATEMENT, BoardKind.SAFETY_GOAL, BoardKind.GREY_AREA,
)
HOUSE_KINDS = (BoardKind.HOUSE_WORRY, BoardKind.HOUSE_GOOD, BoardKind.HOUSE_DREAM)


class Category(StrEnum):
    """How a worry (harm, danger, complicating factor) or a strength (strength, existing safety) is marked."""

    PAST_HARM = "past_harm"
    FUTURE_DANGER = "future_danger"
    COMPLICATING = "complicating"
    STRENGTH = "strength"
    EXISTING_SAFETY = "existing_safety"


CATEGORIES: dict[BoardKind, tuple[Category, ...]] = {
    BoardKind.WORRY: (Category.PAST_HARM, Category.FUTURE_DANGER, Category.COMPLICATING),
    BoardKind.WORKING_WELL: (Category.STRENGTH, Category.EXISTING_SAFETY),
}
"""The categories a note of each kind may carry; notes of other kinds carry none."""


class GoalTerm(StrEnum):
    SHORT = "short"
    LONG = "long"


class Coordinator(StrEnum):
    FAMILY = "family"
    CASEWORKER = "caseworker"


class GoalStatus(StrEnum):
    """How a goal stands at a meeting: still worked on, reached, or let go (then it is not carried forward)."""

    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


PROGRESS_MIN, PROGRESS_MAX = 0, 10  # "how far are we?" per goal, asked at each follow-up


class PlanFor(StrEnum):
    """Whom a goal or an action is for: the child, a named person (a parent, another adult), or the family."""

    CHILD = "child"
    PERSON = "person"
    FAMILY = "family"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class DrawingBackground(StrEnum):
    """What a drawing is drawn on: white paper, the board's three columns, or the network map."""

    BLANK = "blank"
    BOARD = "board"
    MAP = "map"


def _empty_mapping() -> Mapping[Role, str]:
    return MappingProxyType({})


RING_CHILD = 0  # the child listed as a participant: the centre of the map
RING_CLOSEST = 1
RING_FURTHEST = 3
SCORE_MIN = 0
SCORE_MAX = 10


@dataclass(frozen=True)
class Case:
    """A family's case: display name, the child's first name(s), case type."""

    id: int
    family_name: str
    child_names: str
    case_type: CaseType


@dataclass(frozen=True)
class Meeting:
    """One meeting of a case; `version` grows with every edit and is what other devices poll."""

    id: int
    case_id: int
    kind: MeetingKind
    date: date
    place: str
    purpose: str
    status: MeetingStatus
    version: int
    scale_question: str = ""  # "" means the default question in the reader's language
    show_three_houses: bool = False
    screen: str = "agenda"  # what the projector shows now (see facilitation.domain.roles.Screen)
    curtain: bool = False  # the privacy curtain: the projector shows nothing
    warn_minutes: int = 2  # the timer turns amber this many minutes before an item's end
    follow_up_date: dt.date | None = None  # the next follow-up as agreed (None: the cadence's date, see cadence.py)
    start_time: time | None = None  # local time of day (Europe/Copenhagen), None: not set
    end_time: time | None = None
    follow_up_start: time | None = None  # the next follow-up's time and place, when agreed
    follow_up_end: time | None = None
    follow_up_place: str = ""


@dataclass(frozen=True)
class Participant:
    """A person around the child: at the meeting, absent, or on the map only."""

    id: int
    meeting_id: int
    name: str
    relation: str
    sector: Sector
    ring: int
    group: Group
    attendance: Attendance
    can_help_with: str
    position: int
    standard_relation: str = ""  # a word of STANDARD_RELATIONS (facilitation.domain.people), "" for none chosen
    supports: tuple[Support, ...] = ()  # what they give or receive (facilitation.domain.support)
    could_be_asked: bool = False  # known to the family, not active now: someone who might help

    @property
    def is_child(self) -> bool:
        """Whether this is the child (ring 0: the centre of the map)."""
        return self.ring == RING_CHILD

    @property
    def tied_to_child(self) -> bool:
        """Whether their tie to the child is stated (a relation written or chosen)."""
        return bool(self.relation.strip() or self.standard_relation)


@dataclass(frozen=True)
class Relation:
    """A tie between two people on the map (e.g. grandparent of the mother); may be strained."""

    id: int
    meeting_id: int
    from_id: int
    to_id: int
    kind: str
    strained: bool


@dataclass(frozen=True)
class AgendaItem:
    """A timeboxed agenda item; started/ended are set by the timekeeper."""

    id: int
    meeting_id: int
    title: str
    planned_minutes: int
    position: int
    started_at: datetime | None
    ended_at: datetime | None
    notes: str
    paused_at: datetime | None = None
    paused_seconds: int = 0
    extra_minutes: int = 0


@dataclass(frozen=True)
class BoardItem:
    """One note on the Signs of Safety board, in the family's own words where possible."""

    id: int
    meeting_id: int
    kind: BoardKind
    text: str
    position: int
    said_by: str = ""
    category: str = ""
    answers_id: int | None = None


@dataclass(frozen=True)
class Decision:
    """A decision recorded by the minute-taker, optionally under an agenda item."""

    id: int
    meeting_id: int
    agenda_item_id: int | None
    text: str
    position: int


@dataclass(frozen=True)
class Score:
    """A participant's answer on the 0–10 safety scale, with a short reason."""

    id: int
    meeting_id: int
    participant_id: int
    score: int
    reason: str


@dataclass(frozen=True)
class Goal:
    """A short- or long-term goal with its owner; may answer one safety goal of the board."""

    id: int
    meeting_id: int
    term: GoalTerm
    text: str
    owner: str
    position: int
    safety_goal_id: int | None = None
    plan_for: PlanFor = PlanFor.CHILD
    plan_for_name: str = ""  # the person's name when plan_for is PERSON
    progress: int | None = None  # 0–10 "how far are we?" at this meeting; None: not asked yet
    status: GoalStatus = GoalStatus.IN_PROGRESS
    carried_from_id: int | None = None  # the same goal at an earlier meeting of the case


@dataclass(frozen=True)
class Action:
    """An agreed action: what, who, by when, and who coordinates it."""

    id: int
    meeting_id: int
    what: str
    who: str
    due: date | None
    coordinator: Coordinator
    status: ActionStatus
    goal_id: int | None
    position: int
    carried_from_id: int | None = None  # the open action of an earlier meeting this one continues
    plan_for: PlanFor = PlanFor.CHILD
    plan_for_name: str = ""  # the person's name when plan_for is PERSON


@dataclass(frozen=True)
class Evaluation:
    """An answer to the end-of-meeting questions; scales 1–5."""

    id: int
    meeting_id: int
    respondent: str
    heard: int
    useful: int
    comment: str


@dataclass(frozen=True)
class Drawing:
    """A named drawing of the meeting (graphic recording); `revision` grows with every change of it.

    Its canvas JSON and pictures are read on demand (facilitation.services.drawings), never with the record.
    """

    id: int
    meeting_id: int
    name: str
    position: int
    background: DrawingBackground
    revision: int


class LegalBasis(StrEnum):
    """The paragraphs the background documents name, and their Barnets lov counterparts.

    The background texts name only the SEL paragraphs. Since 1 January 2024 child-welfare measures are in
    Barnets lov; the counterparts used here are Barnets lov § 20 (ex SEL §50), § 32 (ex §52) and § 35
    (ex §52a), as the brief gives them: they are not in the background texts. §11, §41, §42 and §44 have
    no counterpart listed here.
    """

    SEL_11 = "sel_11"
    SEL_41 = "sel_41"
    SEL_42 = "sel_42"
    SEL_44 = "sel_44"
    SEL_50 = "sel_50"  # the child-welfare assessment (børnefaglig undersøgelse)
    SEL_52 = "sel_52"
    SEL_52A_1_1 = "sel_52a_1_1"
    BL_20 = "bl_20"  # Barnets lov § 20: the child-welfare assessment (ex SEL §50)
    BL_32 = "bl_32"  # Barnets lov § 32: support measures (ex SEL §52)
    BL_35 = "bl_35"  # Barnets lov § 35: (ex SEL §52a)


@dataclass(frozen=True)
class Measure:
    """One measure on a case: what, on which legal basis, by whom, from when to when, for which goal, on which step."""

    id: int
    case_id: int
    what: str
    legal_basis: LegalBasis
    provider: str
    start: date
    end: date | None
    goal_id: int | None
    step: str
    position: int = 0

    def active_on(self, day: date) -> bool:
        """Whether the measure runs on `day` (started, and not ended before it)."""
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Reach:
    """How the family reaches a caseworker: the phone and e-mail of their account ("" when not entered)."""

    phone: str = ""
    email: str = ""


def _no_reach() -> Mapping[str, Reach]:
    return MappingProxyType({})


def _no_goals() -> Mapping[int, Goal]:
    return MappingProxyType({})


@dataclass(frozen=True)
class MeetingRecord:
    """Everything recorded for one meeting, as read in one transaction.

    Deeply immutable (tuples and read-only mappings): records are cached and shared by every
    browser session, so nothing may change one in place.
    """

    case: Case
    meeting: Meeting
    roles: Mapping[Role, str] = field(default_factory=_empty_mapping)
    participants: tuple[Participant, ...] = ()
    relations: tuple[Relation, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    board: tuple[BoardItem, ...] = ()
    scores: tuple[Score, ...] = ()
    goals: tuple[Goal, ...] = ()
    actions: tuple[Action, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    decisions: tuple[Decision, ...] = ()
    contacts: Mapping[Role, str] = field(default_factory=_empty_mapping)  # how to reach the caseworker holding a role
    reach: Mapping[str, Reach] = field(default_factory=_no_reach)  # a role holder's name -> their account's contact
    measures: tuple[Measure, ...] = ()  # the case's measures (they belong to the case, not to this meeting)
    # Each measure's goal as it stands at this meeting (the goal's copy here, else its latest before): a measure
    # keeps the id of the goal it was linked to, and goals are copied into every follow-up (goal_progress.goal_as_of).
    measure_goals: Mapping[int, Goal] = field(default_factory=_no_goals)

    def __post_init__(self) -> None:
        """Freeze whatever sequences and mappings a caller passed in (lists, dicts)."""
        for name in ("participants", "relations", "agenda", "board", "scores", "goals", "actions",
                     "evaluations", "decisions", "measures"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        for name in ("roles", "contacts", "reach", "measure_goals"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(value)))

    def board_column(self, kind: BoardKind) -> list[BoardItem]:
        """The board items of one kind, in their order."""
        return sorted((b for b in self.board if b.kind == kind), key=lambda b: b.position)

    def participant(self, participant_id: int) -> Participant | None:
        """The participant with this id, if any."""
        return next((p for p in self.participants if p.id == participant_id), None)
