"""Backup and handover of one meeting as versioned JSON (format documented in the README).

Inside the file, people, agenda items, board items and goals are referred to by refs such as "p1",
never by database ids, so a dump loaded and dumped again is identical. Each table of a meeting has one
place here: an entry in `dump_meeting` for the file's section and a `_load_*` function that checks every
entry before it is stored. `SECTIONS`, `DELIBERATELY_OUTSIDE` and `NOT_CARRIED` say which tables and
columns the file carries, and a test walks the schema against them, so a new table or column cannot be
forgotten.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, time
from typing import Any

from sqlalchemy.exc import IntegrityError

from facilitation.domain import model as m
from facilitation.domain.access import AccessKind, Actor, Caseworker, MemberRole, actor_name
from facilitation.domain.board import check_answers, note_values
from facilitation.domain.clock import utcnow
from facilitation.domain.measures import MEASURES_MAX, measure_values
from facilitation.domain.meetings import agenda_item_values, case_values, meeting_values
from facilitation.domain.outcomes import action_values, evaluation_values, goal_values, score_values
from facilitation.domain.people import PERSON_FIELDS, person_values, relation_values
from facilitation.domain.roles import Role
from facilitation.domain.support import stored
from facilitation.domain.validation import (
    BOARD_ITEMS_MAX,
    MINUTES_MAX,
    NAME_MAX,
    PEOPLE_MAX,
    SHORT_MAX,
    TEXT_MAX,
    ValidationError,
    a_timestamp,
    choice,
    required_text,
    single_line,
    whole_number,
)
from facilitation.storage import Database, access_rows
from facilitation.storage import tables as t
from facilitation.storage.backup_errors import BackupError, given, of_json, of_value
from facilitation.storage.cases import record as load_record
from facilitation.storage.drawing_backup import dump_drawings, store_drawing
from facilitation.storage.measures import add_measure_row

__all__ = ["DELIBERATELY_OUTSIDE", "FORMAT", "NOT_CARRIED", "READABLE", "SECTIONS", "VERSION", "BackupError",
           "dump_meeting", "dumps_meeting", "loads_meeting"]

FORMAT = "moedetavlen-meeting"
VERSION = 4  # 2: decisions, agenda refs and timer state, roles as a list with their contact, warn_minutes
#             3: a participant's supports ("kind:direction") and could_be_asked; whom a goal or action is for
#             4: each goal's progress (0–10 or null) and status at the meeting
#                and the case's measures (what, legal basis, provider, start, end, goal, ladder step)
READABLE = (1, 2, 3, 4)

SECTIONS: Mapping[str, str] = {  # table -> the section of the file that holds its rows
    "cases": "case", "meetings": "meeting", "roles": "roles", "participants": "participants",
    "relations": "relations", "agenda_items": "agenda", "decisions": "decisions", "board_items": "board",
    "scores": "scores", "goals": "goals", "actions": "actions", "evaluations": "evaluations", "drawings": "drawings",
    "measures": "measures",
}
DELIBERATELY_OUTSIDE: Mapping[str, str] = {  # tables of a meeting or case the file does not carry, and why
    "case_members": "who may open the case: whoever loads the file becomes the new case's primary member",
    "device_roles": "which roles a caseworker's laptop plays in the meeting: device state, not case content",
    "auth_sessions": "sign-in sessions and paired projectors: they belong to devices and end with them",
    "pairing_links": "one-time links that pair a projector: short-lived device state",
    "access_log": "who saw or changed the case stays in the log of the database it happened in",
}
_BOOKKEEPING = frozenset({"id", "meeting_id", "position"})  # refs replace ids; the order in the list is the position
NOT_CARRIED: Mapping[str, frozenset[str]] = {  # columns of a carried table deliberately not in the file, and why
    "cases": frozenset({"id", "created_at"}),  # a load is a new case, created now
    # the row's own bookkeeping (a load starts at version 1), and what the projector shows at this moment
    "meetings": frozenset({"id", "case_id", "version", "updated_at", "updated_by", "screen", "curtain"}),
    "roles": frozenset({"id", "meeting_id"}),
    "participants": _BOOKKEEPING, "relations": frozenset({"id", "meeting_id"}), "agenda_items": _BOOKKEEPING,
    "decisions": _BOOKKEEPING, "board_items": _BOOKKEEPING, "scores": frozenset({"id", "meeting_id"}),
    "goals": _BOOKKEEPING | {"carried_from_id"},  # points into another meeting, which the file does not hold
    "actions": _BOOKKEEPING | {"carried_from_id"},  # points into another meeting, which the file does not hold
    "evaluations": frozenset({"id", "meeting_id"}),
    "drawings": _BOOKKEEPING | {"revision", "updated_at"},  # edit bookkeeping: a load starts at revision 1
    "measures": frozenset({"id", "case_id", "position"}),  # the case's measures; the order in the list
}
_MEETING_FIELDS = ("place", "purpose", "status", "scale_question", "show_three_houses", "follow_up_date",
                   "start_time", "end_time", "follow_up_start", "follow_up_end", "follow_up_place")
_CLOCK_FIELDS = ("start_time", "end_time", "follow_up_start", "follow_up_end")
_MEETING_DEFAULTS = {"place": "", "purpose": "", "status": "planned", "scale_question": "", "show_three_houses": False}
_REQUIRED: Mapping[str, tuple[str, ...]] = {  # keys an entry must have: the rest have defaults
    "case": ("family_name", "child_names", "case_type"), "meeting": ("kind", "date"), "roles": ("role", "caseworker"),
    "participants": ("ref", "name"), "relations": ("from", "to"), "agenda": ("title", "planned_minutes"),
    "decisions": ("text",), "board": ("ref", "kind", "text"), "scores": ("participant", "score"),
    "goals": ("ref", "term", "text"), "actions": ("what", "coordinator"), "evaluations": ("heard", "useful"),
    "drawings": ("name",), "measures": ("what", "legal_basis", "start", "step"),
}
_LIMITS: Mapping[str, int] = {"participants": PEOPLE_MAX, "board": BOARD_ITEMS_MAX, "measures": MEASURES_MAX}
_PAUSED_MAX = 10**8  # seconds an item can have been paused (three years)


def dump_meeting(db: Database, meeting_id: int, *, viewer: Actor) -> dict[str, Any]:
    """The whole meeting as a JSON-ready dict (NotFoundError for a meeting the viewer may not see)."""
    record = load_record(db, meeting_id, viewer)
    refs = _Refs(record)
    return {
        "format": FORMAT,
        "version": VERSION,
        "case": {
            "family_name": record.case.family_name, "child_names": record.case.child_names,
            "case_type": record.case.case_type.value,
        },
        "meeting": _dump_meeting_fields(record.meeting),
        "roles": [
            {"role": role.value, "caseworker": name, "contact": record.contacts.get(role, "")}
            for role, name in sorted(record.roles.items())
        ],
        "participants": [
            {
                "ref": refs.people[p.id], "name": p.name, "relation": p.relation, "sector": p.sector.value,
                "ring": p.ring, "group": p.group.value, "attendance": p.attendance.value,
                "can_help_with": p.can_help_with, "standard_relation": p.standard_relation,
                "supports": stored(p.supports).split(",") if p.supports else [], "could_be_asked": p.could_be_asked,
            }
            for p in record.participants
        ],
        "relations": [
            {"from": refs.people[r.from_id], "to": refs.people[r.to_id], "kind": r.kind, "strained": r.strained}
            for r in record.relations
        ],
        "agenda": [
            {
                "ref": refs.agenda[a.id], "title": a.title, "planned_minutes": a.planned_minutes,
                "extra_minutes": a.extra_minutes, "started_at": _iso(a.started_at), "ended_at": _iso(a.ended_at),
                "paused_at": _iso(a.paused_at), "paused_seconds": a.paused_seconds, "notes": a.notes,
            }
            for a in record.agenda
        ],
        "decisions": [
            {"agenda_item": refs.agenda.get(d.agenda_item_id) if d.agenda_item_id else None, "text": d.text}
            for d in record.decisions
        ],
        "board": [
            {
                "ref": refs.board[b.id], "kind": b.kind.value, "text": b.text, "said_by": b.said_by,
                "category": b.category, "answers": refs.board.get(b.answers_id) if b.answers_id else None,
            }
            for b in refs.board_items
        ],
        "scores": [
            {"participant": refs.people[sc.participant_id], "score": sc.score, "reason": sc.reason}
            for sc in sorted(record.scores, key=lambda sc: refs.people[sc.participant_id])
        ],
        "goals": [
            {
                "ref": refs.goals[g.id], "term": g.term.value, "text": g.text, "owner": g.owner,
                "safety_goal": refs.board.get(g.safety_goal_id) if g.safety_goal_id else None,
                "plan_for": g.plan_for.value, "plan_for_name": g.plan_for_name,
                "progress": g.progress, "status": g.status.value,
            }
            for g in refs.goal_items
        ],
        "actions": [
            {
                "what": a.what, "who": a.who, "due": a.due.isoformat() if a.due else None,
                "coordinator": a.coordinator.value, "status": a.status.value,
                "goal": refs.goals.get(a.goal_id) if a.goal_id else None,
                "plan_for": a.plan_for.value, "plan_for_name": a.plan_for_name,
            }
            for a in record.actions
        ],
        "evaluations": [
            {"respondent": e.respondent, "heard": e.heard, "useful": e.useful, "comment": e.comment}
            for e in record.evaluations
        ],
        "drawings": dump_drawings(db, meeting_id),
        "measures": [  # the case's measures (they belong to the case); a goal of another meeting is not carried
            {
                "what": x.what, "legal_basis": x.legal_basis.value, "provider": x.provider,
                "start": x.start.isoformat(), "end": x.end.isoformat() if x.end else None,
                "goal": refs.goals.get(x.goal_id) if x.goal_id else None, "step": x.step,
            }
            for x in record.measures
        ],
    }


class _Refs:
    """The file's refs for a meeting's people, agenda items, board items and goals."""

    def __init__(self, record: m.MeetingRecord) -> None:
        self.people = {p.id: f"p{i + 1}" for i, p in enumerate(record.participants)}
        self.agenda = {a.id: f"a{i + 1}" for i, a in enumerate(record.agenda)}
        self.board_items = sorted(record.board, key=lambda b: (list(m.BoardKind).index(b.kind), b.position))
        self.board = {b.id: f"b{i + 1}" for i, b in enumerate(self.board_items)}
        self.goal_items = sorted(record.goals, key=lambda g: (list(m.GoalTerm).index(g.term), g.position))
        self.goals = {g.id: f"g{i + 1}" for i, g in enumerate(self.goal_items)}


def _dump_meeting_fields(meeting: m.Meeting) -> dict[str, Any]:
    return {
        "kind": meeting.kind.value, "date": meeting.date.isoformat(), "place": meeting.place,
        "purpose": meeting.purpose, "status": meeting.status.value, "scale_question": meeting.scale_question,
        "show_three_houses": meeting.show_three_houses,
        "follow_up_date": meeting.follow_up_date.isoformat() if meeting.follow_up_date else None,
        **{name: _clock(getattr(meeting, name)) for name in _CLOCK_FIELDS},
        "follow_up_place": meeting.follow_up_place,
        "warn_minutes": meeting.warn_minutes,
    }


def dumps_meeting(db: Database, meeting_id: int, *, viewer: Actor) -> str:
    """The whole meeting as pretty-printed JSON text (UTF-8, æøå kept as they are)."""
    return json.dumps(dump_meeting(db, meeting_id, viewer=viewer), ensure_ascii=False, indent=2)


def loads_meeting(db: Database, actor: Actor, text: str) -> int:
    """Store a JSON backup as a new case and meeting in one transaction; returns the meeting id.

    Every entry is checked before it is stored; a file that cannot be loaded raises BackupError, whose
    message(language) says in plain words which entry, which field, what was given and what is allowed.
    """
    data = _parsed(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("format", expected=FORMAT)
    version = data.get("version")
    if type(version) is not int or version not in READABLE:
        raise BackupError("version", given=given(version), readable=f"{READABLE[0]}–{READABLE[-1]}")
    try:
        return _store(db, actor, _upgraded(data))
    except IntegrityError:  # every value is checked first, so this is a gap in the checks: never show its text
        raise BackupError("refused") from None


def _parsed(text: str) -> object:
    try:
        return json.loads(text.removeprefix("\ufeff"))  # a byte order mark, as some Windows editors write
    except json.JSONDecodeError as error:
        raise of_json(error) from None
    except (ValueError, RecursionError):
        # Python's own limits (4,300-digit numbers, deep nesting) fail before any JSON error is raised.
        raise BackupError("json.limits") from None


def _upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 file in version 2's shape: its roles were a mapping, with their contacts beside them."""
    if data["version"] != 1:
        return data
    roles, contacts = data.get("roles", {}), data.get("contacts", {})
    for section, value in (("roles", roles), ("contacts", contacts)):
        if not isinstance(value, dict):
            raise BackupError("shape.object", field_key=section)
    return {**data, "roles": [{"role": role, "caseworker": name, "contact": contacts.get(role, "")}
                              for role, name in roles.items()]}


@contextmanager
def _at(section: str, index: int | None, item: object) -> Iterator[None]:
    """Errors inside say which entry of the file they are about, in plain words."""
    try:
        yield
    except BackupError as error:
        raise error.at(section, index, item) from None
    except ValidationError as error:
        raise of_value(error, section, item).at(section, index, item) from None
    except (TypeError, AttributeError):
        raise BackupError("shape.entry").at(section, index, item) from None


def _object(data: Mapping[str, Any], section: str) -> dict[str, Any]:
    """A section holding one entry (the case, the meeting), with its required keys."""
    entry = data.get(section)
    if not isinstance(entry, dict):
        raise BackupError("missing" if entry is None else "shape.object", field_key=section)
    with _at(section, None, entry):
        _require(section, entry)
    return entry


def _entries(data: Mapping[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The entries of a list section (optional: an older file may lack it), each checked for its required keys."""
    entries = data.get(section, [])
    if not isinstance(entries, list):
        raise BackupError("shape.list", field_key=section)
    limit = _LIMITS.get(section)
    if limit is not None and len(entries) > limit:  # the app's own limits: a file cannot make a meeting hang
        raise BackupError("too_many", field_key=section, count=len(entries), limit=limit)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise BackupError("shape.entry").at(section, index, entry)
        with _at(section, index, entry):
            _require(section, entry)
        yield index, entry


def _require(section: str, entry: Mapping[str, Any]) -> None:
    for key in _REQUIRED[section]:
        if entry.get(key) is None:
            raise BackupError("missing", field_key=key)


def _ref(refs: Mapping[str, Any], entry: Mapping[str, Any], key: str) -> Any:
    """What an entry's ref points to; an unknown ref is refused."""
    value = entry.get(key)
    if not isinstance(value, str) or value not in refs:
        raise BackupError("unknown_ref", field_key=key, given=given(value))
    return refs[value]


def _new_ref(refs: Mapping[str, Any], entry: Mapping[str, Any]) -> str:
    value = entry["ref"]
    if not isinstance(value, str) or value in refs:
        raise BackupError("duplicate_ref", field_key="ref", given=given(value))
    return value


def _store(db: Database, actor: Actor, data: dict[str, Any]) -> int:
    case, meeting = _object(data, "case"), _object(data, "meeting")
    with db.write() as session:
        with _at("case", None, case):
            case_row = t.CaseRow(created_at=utcnow(), **case_values({k: case[k] for k in _REQUIRED["case"]}))
        session.add(case_row)
        session.flush()
        if isinstance(actor, Caseworker):  # who loads a file becomes the new case's primary member
            session.add(t.CaseMemberRow(case_id=case_row.id, caseworker_id=actor.id,
                                        role=MemberRole.PRIMARY.value, added_at=utcnow()))
        with _at("meeting", None, meeting):
            meeting_row = t.MeetingRow(
                case_id=case_row.id, version=1, updated_at=utcnow(), updated_by=actor_name(actor)[:NAME_MAX],
                **_meeting_columns(meeting),
            )
        session.add(meeting_row)
        session.flush()
        mid = meeting_row.id
        access_rows.add_caseworker_line(session, utcnow(), actor, AccessKind.EDIT, case_id=case_row.id,
                                        meeting_id=mid, detail="load_file")

        def add(row: Any) -> Any:
            row.meeting_id = mid
            session.add(row)
            return row

        _load_roles(data, add)
        people = _load_people(data, add)
        session.flush()
        _load_relations(data, add, people)
        agenda = _load_agenda(data, add)
        session.flush()
        _load_decisions(data, add, agenda)
        board = _load_board(data, add)
        session.flush()
        _link_board(data, board)
        _load_scores(data, add, people)
        goals = _load_goals(data, add, board)
        session.flush()
        _load_actions(data, add, goals)
        _load_evaluations(data, add)
        _load_measures(data, session, case_row.id, goals)
        drawings = data.get("drawings", [])
        if not isinstance(drawings, list):
            raise BackupError("shape.list", field_key="drawings")
        for index, item in enumerate(drawings):
            with _at("drawings", index, item):
                _require("drawings", item)
                store_drawing(add, item, index)
        return int(mid)


def _meeting_columns(meeting: Mapping[str, Any]) -> dict[str, Any]:
    fields = {**_MEETING_DEFAULTS, **{k: v for k, v in meeting.items() if k in _MEETING_FIELDS}}
    values = meeting_values({"kind": meeting["kind"], "date": meeting["date"], **fields})
    if meeting.get("warn_minutes") is not None:  # not in version 1
        values["warn_minutes"] = whole_number(meeting["warn_minutes"], "warn_minutes", 0, 30)
    return values


Add = Callable[[Any], Any]


def _load_roles(data: Mapping[str, Any], add: Add) -> None:
    held: set[str] = set()
    for index, r in _entries(data, "roles"):
        with _at("roles", index, r):
            role = choice(r["role"], Role, "role").value
            if role in held:
                raise BackupError("duplicate_role", field_key="role", given=given(role))
            held.add(role)
            add(t.RoleRow(role=role, caseworker=single_line(r["caseworker"], "caseworker"),
                          contact=single_line(r.get("contact", ""), "contact", SHORT_MAX, required=False)))


def _load_people(data: Mapping[str, Any], add: Add) -> dict[str, t.ParticipantRow]:
    people: dict[str, t.ParticipantRow] = {}
    for index, p in _entries(data, "participants"):
        with _at("participants", index, p):
            ref = _new_ref(people, p)
            values = person_values({k: p[k] for k in PERSON_FIELDS if p.get(k) is not None})
            people[ref] = add(t.ParticipantRow(position=index, **{**_PERSON_DEFAULTS, **values}))
    return people


_PERSON_DEFAULTS = person_values({"sector": "family", "ring": 2, "group": "family", "attendance": "present"})


def _load_relations(data: Mapping[str, Any], add: Add, people: Mapping[str, t.ParticipantRow]) -> None:
    for index, r in _entries(data, "relations"):
        with _at("relations", index, r):
            source, target = _ref(people, r, "from").id, _ref(people, r, "to").id
            add(t.RelationRow(**relation_values(source, target, r.get("kind", ""), r.get("strained", False))))


def _load_agenda(data: Mapping[str, Any], add: Add) -> dict[str, t.AgendaItemRow]:
    agenda: dict[str, t.AgendaItemRow] = {}
    for index, a in _entries(data, "agenda"):
        with _at("agenda", index, a):
            values = agenda_item_values({"title": a["title"], "planned_minutes": a["planned_minutes"],
                                         "notes": a.get("notes", "")})
            extra = whole_number(a.get("extra_minutes", 0), "extra_minutes", -MINUTES_MAX, MINUTES_MAX)
            if not 1 <= values["planned_minutes"] + extra <= MINUTES_MAX:
                raise ValidationError("out_of_range", field="extra_minutes", low=1 - values["planned_minutes"],
                                      high=MINUTES_MAX - values["planned_minutes"])
            row = add(t.AgendaItemRow(
                position=index, started_at=_parse_time(a, "started_at"), ended_at=_parse_time(a, "ended_at"),
                paused_at=_parse_time(a, "paused_at"), extra_minutes=extra,
                paused_seconds=whole_number(a.get("paused_seconds", 0), "paused_seconds", 0, _PAUSED_MAX), **values,
            ))
            if a.get("ref") is not None:  # version 1 had no agenda refs (and no decisions to point with them)
                agenda[_new_ref(agenda, a)] = row
    return agenda


def _load_decisions(data: Mapping[str, Any], add: Add, agenda: Mapping[str, t.AgendaItemRow]) -> None:
    for index, d in _entries(data, "decisions"):
        with _at("decisions", index, d):
            item = _ref(agenda, d, "agenda_item").id if d.get("agenda_item") is not None else None
            add(t.DecisionRow(position=index, agenda_item_id=item, text=required_text(d["text"], "text", TEXT_MAX)))


def _load_board(data: Mapping[str, Any], add: Add) -> dict[str, t.BoardItemRow]:
    rows: dict[str, t.BoardItemRow] = {}
    positions: dict[str, int] = {}
    for index, b in _entries(data, "board"):
        with _at("board", index, b):
            ref = _new_ref(rows, b)
            kind = choice(b["kind"], m.BoardKind, "kind").value
            fields = {"text": b["text"], "said_by": b.get("said_by", ""), "category": b.get("category", "")}
            values = note_values(fields, kind)
            positions[kind] = positions.get(kind, -1) + 1
            rows[ref] = add(t.BoardItemRow(kind=kind, position=positions[kind], **values))
    return rows


def _link_board(data: Mapping[str, Any], rows: Mapping[str, t.BoardItemRow]) -> None:
    """A safety goal's danger statement (after the flush, when every note has its id)."""
    for index, b in _entries(data, "board"):
        if b.get("answers") is not None:
            with _at("board", index, b):
                goal, danger = rows[b["ref"]], _ref(rows, b, "answers")
                check_answers(goal.kind, danger.kind)
                goal.answers_id = danger.id


def _load_scores(data: Mapping[str, Any], add: Add, people: Mapping[str, t.ParticipantRow]) -> None:
    scored: set[str] = set()
    for index, sc in _entries(data, "scores"):
        with _at("scores", index, sc):
            person = _ref(people, sc, "participant")
            if sc["participant"] in scored:
                raise BackupError("duplicate_score", field_key="participant", given=given(sc["participant"]))
            scored.add(sc["participant"])
            add(t.ScoreRow(participant_id=person.id, **score_values(sc["score"], sc.get("reason", ""))))


def _load_goals(data: Mapping[str, Any], add: Add, board: Mapping[str, t.BoardItemRow]) -> dict[str, t.GoalRow]:
    goals: dict[str, t.GoalRow] = {}
    positions: dict[str, int] = {}
    for index, g in _entries(data, "goals"):
        with _at("goals", index, g):
            ref = _new_ref(goals, g)
            values = goal_values({k: g[k] for k in ("term", "text", "owner", "plan_for", "plan_for_name", "progress",
                                                    "status") if g.get(k) is not None})
            answers = None
            if g.get("safety_goal") is not None:
                note = _ref(board, g, "safety_goal")
                if note.kind != m.BoardKind.SAFETY_GOAL:
                    raise BackupError("not_a_safety_goal", field_key="safety_goal", given=given(g["safety_goal"]))
                answers = int(note.id)
            positions[values["term"]] = positions.get(values["term"], -1) + 1
            goals[ref] = add(t.GoalRow(position=positions[values["term"]], safety_goal_id=answers, **values))
    return goals


def _load_actions(data: Mapping[str, Any], add: Add, goals: Mapping[str, t.GoalRow]) -> None:
    for index, a in _entries(data, "actions"):
        with _at("actions", index, a):
            fields: dict[str, Any] = {"who": "", **{k: a[k] for k in (
                "what", "who", "due", "coordinator", "status", "plan_for", "plan_for_name") if k in a}}
            goal = _ref(goals, a, "goal").id if a.get("goal") is not None else None
            add(t.ActionRow(position=index, goal_id=goal, **action_values(fields)))


def _load_evaluations(data: Mapping[str, Any], add: Add) -> None:
    for index, e in _entries(data, "evaluations"):
        with _at("evaluations", index, e):
            add(t.EvaluationRow(**evaluation_values(
                e.get("respondent", ""), e["heard"], e["useful"], e.get("comment", ""),
            )))


def _load_measures(data: Mapping[str, Any], session: Any, case_id: int, goals: Mapping[str, t.GoalRow]) -> None:
    """The case's measures (version 4; an older file has none)."""
    for index, x in _entries(data, "measures"):
        with _at("measures", index, x):
            fields: dict[str, Any] = {k: x[k] for k in ("what", "legal_basis", "provider", "start", "end", "step")
                                      if k in x}
            values = measure_values(fields, ladder=None)  # the step as stored, whatever the ladder is now
            goal = _ref(goals, x, "goal").id if x.get("goal") is not None else None
            add_measure_row(session, case_id, {"provider": "", **values, "goal_id": goal})


def _clock(value: time | None) -> str | None:
    """A time of day as 'HH:MM' (None: not set)."""
    return value.strftime("%H:%M") if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_time(entry: Mapping[str, Any], key: str) -> datetime | None:
    value = entry.get(key)
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValidationError("invalid_time", field=key) from None
    return a_timestamp(moment, key)  # within the years the app accepts
