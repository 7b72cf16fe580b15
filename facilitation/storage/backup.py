"""Backup and handover of one meeting as versioned JSON (format documented in the README).

Inside the file, people, board items and goals are referred to by refs such as "p1",
never by database ids, so a dump loaded and dumped again is identical.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from sqlalchemy.exc import IntegrityError

from facilitation.domain import model as m
from facilitation.domain.access import Actor, Caseworker, MemberRole, actor_name
from facilitation.domain.board import check_answers, note_values
from facilitation.domain.clock import utcnow
from facilitation.domain.meetings import agenda_item_values, case_values, meeting_values
from facilitation.domain.outcomes import action_values, evaluation_values, goal_values, score_values
from facilitation.domain.people import PERSON_FIELDS, person_values, relation_values
from facilitation.domain.roles import Role
from facilitation.domain.validation import (
    NAME_MAX,
    SHORT_MAX,
    ValidationError,
    a_timestamp,
    choice,
    single_line,
)
from facilitation.storage import Database
from facilitation.storage import tables as t
from facilitation.storage.cases import record as load_record
from facilitation.storage.drawing_backup import dump_drawings, store_drawings

_MEETING_FIELDS = ("place", "purpose", "status", "scale_question", "show_three_houses", "follow_up_date",
                   "start_time", "end_time", "follow_up_start", "follow_up_end", "follow_up_place")
FORMAT = "moedetavlen-meeting"
VERSION = 1


class BackupError(ValueError):
    """A backup file that cannot be loaded; the message says where and why."""


def dump_meeting(db: Database, meeting_id: int, *, viewer: Actor) -> dict[str, Any]:
    """The whole meeting as a JSON-ready dict (NotFoundError for a meeting the viewer may not see)."""
    record = load_record(db, meeting_id, viewer)
    people = {p.id: f"p{i + 1}" for i, p in enumerate(record.participants)}
    board = sorted(record.board, key=lambda b: (list(m.BoardKind).index(b.kind), b.position))
    board_refs = {b.id: f"b{i + 1}" for i, b in enumerate(board)}
    goals = sorted(record.goals, key=lambda g: (list(m.GoalTerm).index(g.term), g.position))
    goal_refs = {g.id: f"g{i + 1}" for i, g in enumerate(goals)}
    return {
        "format": FORMAT,
        "version": VERSION,
        "case": {
            "family_name": record.case.family_name,
            "child_names": record.case.child_names,
            "case_type": record.case.case_type.value,
        },
        "meeting": {
            "kind": record.meeting.kind.value,
            "date": record.meeting.date.isoformat(),
            "place": record.meeting.place,
            "purpose": record.meeting.purpose,
            "status": record.meeting.status.value,
            "scale_question": record.meeting.scale_question,
            "show_three_houses": record.meeting.show_three_houses,
            "follow_up_date": record.meeting.follow_up_date.isoformat() if record.meeting.follow_up_date else None,
            **{name: _clock(getattr(record.meeting, name))
               for name in ("start_time", "end_time", "follow_up_start", "follow_up_end")},
            "follow_up_place": record.meeting.follow_up_place,
        },
        "roles": {role.value: name for role, name in sorted(record.roles.items())},
        "contacts": {role.value: text for role, text in sorted(record.contacts.items())},
        "participants": [
            {
                "ref": people[p.id], "name": p.name, "relation": p.relation, "sector": p.sector.value,
                "ring": p.ring, "group": p.group.value, "attendance": p.attendance.value,
                "can_help_with": p.can_help_with, "standard_relation": p.standard_relation,
            }
            for p in record.participants
        ],
        "relations": [
            {"from": people[r.from_id], "to": people[r.to_id], "kind": r.kind, "strained": r.strained}
            for r in record.relations
        ],
        "agenda": [
            {
                "title": a.title, "planned_minutes": a.planned_minutes,
                "started_at": _iso(a.started_at), "ended_at": _iso(a.ended_at), "notes": a.notes,
            }
            for a in record.agenda
        ],
        "board": [
            {
                "ref": board_refs[b.id], "kind": b.kind.value, "text": b.text, "said_by": b.said_by,
                "category": b.category, "answers": board_refs.get(b.answers_id) if b.answers_id else None,
            }
            for b in board
        ],
        "scores": [
            {"participant": people[sc.participant_id], "score": sc.score, "reason": sc.reason}
            for sc in sorted(record.scores, key=lambda sc: people[sc.participant_id])
        ],
        "goals": [
            {
                "ref": goal_refs[g.id], "term": g.term.value, "text": g.text, "owner": g.owner,
                "safety_goal": board_refs.get(g.safety_goal_id) if g.safety_goal_id else None,
            }
            for g in goals
        ],
        "actions": [
            {
                "what": a.what, "who": a.who, "due": a.due.isoformat() if a.due else None,
                "coordinator": a.coordinator.value, "status": a.status.value,
                "goal": goal_refs.get(a.goal_id) if a.goal_id else None,
            }
            for a in record.actions
        ],
        "evaluations": [
            {"respondent": e.respondent, "heard": e.heard, "useful": e.useful, "comment": e.comment}
            for e in record.evaluations
        ],
        "drawings": dump_drawings(db, meeting_id),
    }


def dumps_meeting(db: Database, meeting_id: int, *, viewer: Actor) -> str:
    """The whole meeting as pretty-printed JSON text (UTF-8, æøå kept as they are)."""
    return json.dumps(dump_meeting(db, meeting_id, viewer=viewer), ensure_ascii=False, indent=2)


def loads_meeting(db: Database, actor: Actor, text: str) -> int:
    """Store a JSON backup as a new case and meeting in one transaction; returns the meeting id."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupError(f"Not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}") from None
    except (ValueError, RecursionError):
        # Python's own limits (4,300-digit numbers, deep nesting) fail before any JSON error is raised.
        raise BackupError("Not valid JSON: a number too long or nesting too deep") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f'Not a Mødetavlen meeting file (expected "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise BackupError(f"Unsupported version {data.get('version')!r}; this program reads version {VERSION}")
    try:
        return _store(db, actor, data)
    except ValidationError as error:
        raise BackupError(f"Invalid value: {error.code} {error.params}") from None
    except (KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"Missing or malformed field: {error}") from None
    except IntegrityError as error:
        # A required field left out, or a duplicate (two scores for one person); only the
        # constraint is named, never the row's values (personal data).
        reason = str(error.orig).splitlines()[0] if error.orig else "constraint failed"
        raise BackupError(f"Missing or duplicate entry: {reason}") from None


def _store(db: Database, actor: Actor, data: dict[str, Any]) -> int:
    case, meeting = data["case"], data["meeting"]
    with db.write() as session:
        case_row = t.CaseRow(created_at=utcnow(), **case_values(
            {name: case[name] for name in ("family_name", "child_names", "case_type")}
        ))
        session.add(case_row)
        session.flush()
        if isinstance(actor, Caseworker):  # who loads a file becomes the new case's primary member
            session.add(t.CaseMemberRow(case_id=case_row.id, caseworker_id=actor.id,
                                        role=MemberRole.PRIMARY.value, added_at=utcnow()))
        fields = {"place": "", "purpose": "", "status": "planned", "scale_question": "", "show_three_houses": False,
                  **{name: value for name, value in meeting.items() if name in _MEETING_FIELDS}}
        meeting_row = t.MeetingRow(
            case_id=case_row.id, version=1, updated_at=utcnow(), updated_by=actor_name(actor)[:NAME_MAX],
            **meeting_values({"kind": meeting["kind"], "date": meeting["date"], **fields}),
        )
        session.add(meeting_row)
        session.flush()
        mid = meeting_row.id

        def add(row: Any) -> Any:
            row.meeting_id = mid
            session.add(row)
            return row

        for role, name in data.get("roles", {}).items():
            add(t.RoleRow(role=choice(role, Role, "role").value, caseworker=single_line(name, "caseworker"),
                          contact=single_line(data.get("contacts", {}).get(role, ""), "contact", SHORT_MAX,
                                              required=False)))
        people: dict[str, t.ParticipantRow] = {}
        for i, p in enumerate(data.get("participants", [])):
            fields = {k: p[k] for k in PERSON_FIELDS if k in p}
            people[p["ref"]] = add(t.ParticipantRow(position=i, **person_values(fields)))
        session.flush()
        for r in data.get("relations", []):
            add(t.RelationRow(**relation_values(
                people[r["from"]].id, people[r["to"]].id, r.get("kind", ""), r.get("strained", False),
            )))
        for i, a in enumerate(data.get("agenda", [])):
            add(t.AgendaItemRow(
                position=i, started_at=_parse_time(a.get("started_at")), ended_at=_parse_time(a.get("ended_at")),
                **agenda_item_values({"title": a["title"], "planned_minutes": a["planned_minutes"],
                                      "notes": a.get("notes", "")}),
            ))
        board = _store_board(session, add, data.get("board", []))
        for sc in data.get("scores", []):
            add(t.ScoreRow(participant_id=people[sc["participant"]].id,
                           **score_values(sc["score"], sc.get("reason", ""))))
        goals: dict[str, t.GoalRow] = {}
        positions: dict[str, int] = {}
        for g in data.get("goals", []):
            values = goal_values({k: g[k] for k in ("term", "text", "owner") if k in g})
            positions[values["term"]] = positions.get(values["term"], -1) + 1
            answers = _safety_goal_ref(board, g.get("safety_goal"))
            goals[g["ref"]] = add(t.GoalRow(position=positions[values["term"]], safety_goal_id=answers, **values))
        session.flush()
        for i, a in enumerate(data.get("actions", [])):
            fields = {k: a[k] for k in ("what", "who", "due", "coordinator", "status") if k in a}
            goal = goals[a["goal"]].id if a.get("goal") else None
            add(t.ActionRow(position=i, goal_id=goal, **action_values(fields)))
        for e in data.get("evaluations", []):
            add(t.EvaluationRow(**evaluation_values(
                e.get("respondent", ""), e["heard"], e["useful"], e.get("comment", ""),
            )))
        store_drawings(add, data.get("drawings", []))
        return int(mid)


def _store_board(session: Any, add: Any, items: list[dict[str, Any]]) -> dict[str, t.BoardItemRow]:
    rows: dict[str, t.BoardItemRow] = {}
    positions: dict[str, int] = {}
    for b in items:
        kind = choice(b["kind"], m.BoardKind, "kind").value
        positions[kind] = positions.get(kind, -1) + 1
        fields = {"text": b["text"], "said_by": b.get("said_by", ""), "category": b.get("category", "")}
        rows[b["ref"]] = add(t.BoardItemRow(kind=kind, position=positions[kind], **note_values(fields, kind)))
    session.flush()
    for b in items:
        if b.get("answers"):
            goal, danger = rows[b["ref"]], rows[b["answers"]]
            check_answers(goal.kind, danger.kind)
            goal.answers_id = danger.id
    return rows


def _safety_goal_ref(board: dict[str, t.BoardItemRow], ref: object) -> int | None:
    """The id of the safety goal a goal answers (the ref must name a safety goal of the file)."""
    if not ref:
        return None
    row = board[str(ref)]
    if row.kind != m.BoardKind.SAFETY_GOAL:
        raise ValidationError("invalid_choice", field="safety_goal", value=str(ref)[:50])
    return int(row.id)


def _clock(value: time | None) -> str | None:
    """A time of day as 'HH:MM' (None: not set)."""
    return value.strftime("%H:%M") if value else None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_time(value: object) -> datetime | None:
    if value in (None, ""):
        return None
    return a_timestamp(value, "timestamp")
