"""SQLAlchemy table definitions (the schema of record is the Alembic migrations beside this)."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# Every table with an integer id has AUTOINCREMENT on SQLite (0006, 0008): an id is never given twice, so
# a deleted meeting's id never comes back as another family's meeting on a projector still showing it.


def _meeting_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)


class CaseRow(Base):
    __tablename__ = "cases"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    family_name: Mapped[str] = mapped_column(String(200))
    child_names: Mapped[str] = mapped_column(String(200))
    case_type: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MeetingRow(Base):
    __tablename__ = "meetings"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(500), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    scale_question: Mapped[str] = mapped_column(Text, default="", server_default="")  # "" = the default
    show_three_houses: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    screen: Mapped[str] = mapped_column(String(20), default="agenda", server_default="agenda")
    curtain: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    warn_minutes: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    follow_up_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # the next follow-up (0005)
    start_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)  # local time of day (0009)
    end_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    follow_up_start: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    follow_up_end: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    follow_up_place: Mapped[str] = mapped_column(String(500), default="", server_default="")


class RoleRow(Base):
    __tablename__ = "roles"
    __table_args__ = (UniqueConstraint("meeting_id", "role"), {"sqlite_autoincrement": True})
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    role: Mapped[str] = mapped_column(String(20))
    caseworker: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(500), default="", server_default="")  # how to reach them


class ParticipantRow(Base):
    __tablename__ = "participants"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(500), default="")
    sector: Mapped[str] = mapped_column(String(30))
    ring: Mapped[int] = mapped_column(Integer)
    group: Mapped[str] = mapped_column("grp", String(20))
    attendance: Mapped[str] = mapped_column(String(20))
    can_help_with: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)
    standard_relation: Mapped[str] = mapped_column(String(30), default="", server_default="")  # (0009)
    supports: Mapped[str] = mapped_column(String(200), default="", server_default="")  # "kind:direction,…" (0011)
    could_be_asked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # (0011)


class RelationRow(Base):
    __tablename__ = "relations"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    from_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    to_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(200), default="")
    strained: Mapped[bool] = mapped_column(Boolean, default=False)


class AgendaItemRow(Base):
    __tablename__ = "agenda_items"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    title: Mapped[str] = mapped_column(String(500))
    planned_minutes: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    paused_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    extra_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class BoardItemRow(Base):
    __tablename__ = "board_items"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    said_by: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(30), default="")
    answers_id: Mapped[int | None] = mapped_column(
        ForeignKey("board_items.id", ondelete="SET NULL"), nullable=True
    )


class ScoreRow(Base):
    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("meeting_id", "participant_id"), {"sqlite_autoincrement": True})
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")


class GoalRow(Base):
    __tablename__ = "goals"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    term: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer)
    safety_goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("board_items.id", ondelete="SET NULL", name="fk_goals_safety_goal_id"),
        nullable=True, index=True,
    )
    plan_for: Mapped[str] = mapped_column(String(10), default="child", server_default="child")  # (0012)
    plan_for_name: Mapped[str] = mapped_column(String(200), default="", server_default="")  # (0012)
    progress: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0–10 at this meeting (0013)
    status: Mapped[str] = mapped_column(String(12), default="in_progress", server_default="in_progress")  # (0013)
    carried_from_id: Mapped[int | None] = mapped_column(  # the same goal at an earlier meeting (0013)
        ForeignKey("goals.id", ondelete="SET NULL", name="fk_goals_carried_from_id"), nullable=True
    )


class ActionRow(Base):
    __tablename__ = "actions"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    coordinator: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="open")
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer)
    carried_from_id: Mapped[int | None] = mapped_column(  # the open action of an earlier meeting it continues
        ForeignKey("actions.id", ondelete="SET NULL", name="fk_actions_carried_from_id"), nullable=True
    )
    plan_for: Mapped[str] = mapped_column(String(10), default="child", server_default="child")  # (0012)
    plan_for_name: Mapped[str] = mapped_column(String(200), default="", server_default="")  # (0012)


class MeasureRow(Base):
    """A measure (indsats) on a case (0014): it belongs to the case, so every meeting of it sees it."""

    __tablename__ = "measures"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(String(500))
    legal_basis: Mapped[str] = mapped_column(String(20))
    provider: Mapped[str] = mapped_column(String(500), default="", server_default="")
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL", name="fk_measures_goal_id"), nullable=True
    )
    step: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer)


class EvaluationRow(Base):
    __tablename__ = "evaluations"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    respondent: Mapped[str] = mapped_column(String(200), default="")
    heard: Mapped[int] = mapped_column(Integer)
    useful: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class DrawingRow(Base):
    """A drawing of the meeting; the small columns come first, so listing drawings never reads the pictures."""

    __tablename__ = "drawings"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _meeting_fk()
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    background: Mapped[str] = mapped_column(String(20), default="blank")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    canvas: Mapped[str] = mapped_column(Text, deferred=True)  # Fabric.js JSON from streamlit-drawable-canvas
    layer_png: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # the strokes on transparency
    background_png: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    png: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # strokes on background: projector, minute


# Sign-in and access (0006). The access log keeps plain ids without foreign keys, so it outlives a deleted
# case or account and never holds case text.


class CaseworkerRow(Base):
    __tablename__ = "caseworkers"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)  # argon2; None: OIDC only
    oidc_subject: Mapped[str | None] = mapped_column(String(500), nullable=True, unique=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    phone: Mapped[str] = mapped_column(String(50), default="", server_default="")  # for the minute (0009)


class CaseMemberRow(Base):
    __tablename__ = "case_members"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworkers.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))  # primary | makker
    added_at: Mapped[datetime] = mapped_column(DateTime)


class AccessLogRow(Base):
    __tablename__ = "access_log"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    caseworker_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    meeting_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(20))  # view | edit | export | dump | delete | sign_in | ...
    purpose: Mapped[str] = mapped_column(String(20), default="", server_default="")
    detail: Mapped[str] = mapped_column(String(100), default="", server_default="")  # a code, never case text


class AuthSessionRow(Base):
    __tablename__ = "auth_sessions"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the cookie's token
    kind: Mapped[str] = mapped_column(String(20))  # local | oidc | projector
    caseworker_id: Mapped[int | None] = mapped_column(
        ForeignKey("caseworkers.id", ondelete="CASCADE"), nullable=True, index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(  # a projector's paired meeting
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=True, index=True
    )
    pairing_code: Mapped[str | None] = mapped_column(String(20), nullable=True)  # an unpaired projector's code
    purpose: Mapped[str] = mapped_column(String(20), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class PairingLinkRow(Base):
    __tablename__ = "pairing_links"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a caseworker id; None: the operator
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class DeviceRoleRow(Base):
    """One role a caseworker plays in a meeting on their devices (device state, not case content: not dumped)."""

    __tablename__ = "device_roles"
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworkers.id", ondelete="CASCADE"), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
