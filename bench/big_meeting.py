"""A big meeting for the benchmarks: the demo meeting with many more people and board items.

The extra rows are written straight into the tables in one transaction (the services add one row per
transaction and refuse a meeting above its limits; a big meeting from an old backup or database has to
be shown all the same), so even 10,000 people and 10,000 notes take seconds to build.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from sqlalchemy import func, insert, select, update

from facilitation import services as s
from facilitation.demo import DEMO_ACTOR, create_demo_account, first_meeting_or_demo
from facilitation.domain import model as m
from facilitation.storage import Database, open_database
from facilitation.storage.tables import ActionRow, BoardItemRow, MeetingRow, ParticipantRow, RelationRow, ScoreRow

DB_NAME = "moedetavlen.sqlite3"  # the file name the app looks for in its data folder
FIRST = ["Anna", "Bo", "Carl", "Dorthe", "Emil", "Freja", "Gustav", "Hanne", "Ib", "Jette", "Karl", "Lise"]
LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"]
SENTENCE = "Mormor henter om tirsdagen, og det giver ro i hele familien; Alma glæder sig til det. "
MAPPING = (m.BoardKind.WORRY, m.BoardKind.WORKING_WELL, m.BoardKind.NEXT_STEP)


def build_data_dir(folder: Path, people: int, items: int, template: Path | None = None, actions: int = 0) -> int:
    """A data folder with the demo case and account, `people`, `items` and `actions` added; the meeting id."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_NAME
    if template is not None:
        shutil.copy(template, path)
    db = open_database(f"sqlite:///{path}")
    try:
        meeting_id = first_meeting_or_demo(db, viewer=DEMO_ACTOR)
        assert meeting_id is not None
        create_demo_account(db, meeting_id)
        enlarge(db, meeting_id, people, items, actions=actions)
        return meeting_id
    finally:
        db.dispose()


def enlarge(db: Database, meeting_id: int, people: int, items: int, seed: int = 2026, actions: int = 0) -> None:
    """Add `people` participants (a tie and a score for some), `items` board notes and `actions`, in one go."""
    if not people and not items and not actions:
        return
    chance = random.Random(seed)
    kinds = [*MAPPING, *MAPPING, *MAPPING, m.BoardKind.DANGER_STATEMENT, m.BoardKind.GREY_AREA,
             m.BoardKind.HOUSE_WORRY, m.BoardKind.HOUSE_GOOD, m.BoardKind.HOUSE_DREAM]
    with db.write() as session:
        start = session.scalar(select(func.coalesce(func.max(ParticipantRow.position), 0))
                               .where(ParticipantRow.meeting_id == meeting_id)) or 0
        first_id = (session.scalar(select(func.max(ParticipantRow.id))) or 0) + 1
        if people:
            session.execute(insert(ParticipantRow), [
                dict(meeting_id=meeting_id, name=f"{chance.choice(FIRST)} {chance.choice(LAST)} {i}",
                     relation="Netværk",
                     sector=chance.choice(list(m.Sector)).value, ring=chance.randint(1, 3),
                     group=chance.choice(list(m.Group)).value, attendance=chance.choice(list(m.Attendance)).value,
                     can_help_with="Kørsel, aftensmad og en snak", position=start + 1 + i)
                for i in range(people)
            ])
        ids = list(session.scalars(select(ParticipantRow.id).where(ParticipantRow.meeting_id == meeting_id,
                                                                   ParticipantRow.id >= first_id)))
        if len(ids) > 1:
            session.execute(insert(RelationRow), [
                dict(meeting_id=meeting_id, from_id=a, to_id=b, kind="kender", strained=chance.random() < 0.2)
                for a, b in (chance.sample(ids, 2) for _ in range(len(ids) // 3))
            ])
        scored = ids[: min(len(ids), 200)]
        if scored:
            session.execute(insert(ScoreRow), [
                dict(meeting_id=meeting_id, participant_id=p, score=chance.randint(0, 10), reason="Fordi planen holder")
                for p in scored
            ])
        positions: dict[str, int] = {}
        rows = []
        for i in range(items):
            kind = kinds[i % len(kinds)]
            positions[kind.value] = positions.get(kind.value, 1000) + 1
            rows.append(dict(meeting_id=meeting_id, kind=kind.value, text=SENTENCE * chance.randint(1, 3),
                             position=positions[kind.value], said_by=chance.choice(FIRST), category=""))
        if rows:
            session.execute(insert(BoardItemRow), rows)
        last = session.scalar(select(func.coalesce(func.max(ActionRow.position), 0))
                              .where(ActionRow.meeting_id == meeting_id)) or 0
        if actions:
            session.execute(insert(ActionRow), [
                dict(meeting_id=meeting_id, what=SENTENCE, who=chance.choice(FIRST), due=None,
                     coordinator=chance.choice(list(m.Coordinator)).value, status="open", position=last + 1 + i)
                for i in range(actions)
            ])
        session.execute(update(MeetingRow).where(MeetingRow.id == meeting_id).values(version=MeetingRow.version + 1))


def set_screen(folder: Path, meeting_id: int, screen: str) -> None:
    """Put `screen` on the meeting's projector."""
    db = Database(f"sqlite:///{folder / DB_NAME}")
    try:
        s.set_screen(db, DEMO_ACTOR, meeting_id, screen)
    finally:
        db.dispose()
