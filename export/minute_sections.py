"""The parts of the Word minute, in the order of the meeting; each writes nothing when it has nothing.

Every function takes the (cleaned) record, the `Names` policy of export.minute and the `Words` of the
reader's language, so the same code writes the family's copy, the anonymised one, in Danish or English.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from docx.document import Document
from docx.shared import Pt, RGBColor

from export import docx_kit as k
from export.minute_names import Names
from export.minute_text import EXTRA, NOT_REACHED, SAID_BY, Words
from facilitation.domain.model import (
    HOUSE_KINDS,
    ActionStatus,
    AgendaItem,
    Attendance,
    BoardItem,
    BoardKind,
    Category,
    Goal,
    GoalStatus,
    GoalTerm,
    Group,
    MeetingRecord,
    Participant,
)
from facilitation.domain.outcomes import evaluation_means, not_agreed, overdue
from facilitation.domain.people import relation_word
from facilitation.domain.roles import Role
from facilitation.domain.timer import elapsed_seconds

SHORT_COLUMNS = 1_200  # characters: a board this short is kept on one page rather than split
BOARD_COLUMNS = (BoardKind.WORKING_WELL, BoardKind.WORRY, BoardKind.NEXT_STEP)
SETTLED = (ActionStatus.DONE, ActionStatus.DROPPED)  # statuses an action is marked with in its row
EMPTY = "–"  # an action's missing who or date, in every language
OVERDUE_INK = RGBColor(0x8A, 0x1C, 0x13)  # dark red on white: 8.9:1
OVERDUE_FILL = "FBE3E1"
PENDING_FILL = "FDEBC8"  # amber: the actions not agreed yet


def people(document: Document, record: MeetingRecord, names: Names, words: Words, child: str = "") -> None:
    """Who took part, by group, with what they can help with; who sent word they could not come; the child."""
    others = [p for p in record.participants if not p.is_child]
    present = [p for p in others if p.attendance == Attendance.PRESENT]
    absent = [p for p in others if p.attendance == Attendance.ABSENT]
    caseworkers = _caseworkers(record)
    came = child_came(record)
    if not (present or absent or caseworkers or came):
        return
    k.heading(document, words("minute.people"))
    if came:
        paragraph = document.add_paragraph()
        k.text(paragraph, words(f"minute.child.{came}", child=child or record.case.child_names), size=10.5)
    if present:
        header = (words("field.name"), words("field.relation"), words("field.can_help_with"))
        grid = k.table(document, header, [], [4.6, 4.4, 7.0])
        for group in Group:
            members = [p for p in present if p.group == group]
            if not members:
                continue
            k.band_row(grid, words.label("minute.group", group), k.BAND_FILL)
            for person in members:
                k.add_row(grid, (names.participant(person), relation(person, names, words),
                                 names.free(person.can_help_with)))
        k.set_widths(grid, [4.6, 4.4, 7.0])
    lines = []
    if caseworkers:
        lines.append((words("minute.from_municipality"), "; ".join(
            f"{names.person(name)} ({_roles(words, roles)})" for name, roles in caseworkers)))
    if absent:
        lines.append((words("minute.absent"), "; ".join(
            names.participant(p) + (f" ({relation(p, names, words)})" if relation(p, names, words) else "")
            for p in absent)))
    for label, value in lines:
        paragraph = document.add_paragraph()
        k.text(paragraph, label + " ", bold=True, color=k.MUTED, size=10)
        k.text(paragraph, value, size=10)


def child_came(record: MeetingRecord) -> str:
    """'present', 'absent' or 'not_invited' for the child listed as a participant; '' when not listed."""
    children = [p for p in record.participants if p.is_child]
    if any(p.attendance == Attendance.PRESENT for p in children):
        return Attendance.PRESENT.value
    return children[0].attendance.value if children else ""


def relation(person: Participant, names: Names, words: Words) -> str:
    """A person's relation to the child: as typed (or the standard word); anonymised only the standard word."""
    word = relation_word(person)
    standard = words.label("standard_relation", word) if word else ""
    if names.anonymised:
        return standard
    return person.relation or standard


def purpose(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """Why the meeting was held."""
    if not record.meeting.purpose.strip():
        return
    k.heading(document, words("minute.purpose"))
    k.paragraphs(document, names.free(record.meeting.purpose))


def review(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """The open actions carried from the last meeting, and how they went."""
    carried = [a for a in record.actions if a.carried_from_id is not None]
    if not carried:
        return
    k.heading(document, words("minute.review"))
    header = (words("minute.review.action"), words("minute.who"), words("minute.review.how"))
    k.table(document, header, [
        (names.free(a.what), names.free(a.who), words.label("minute.review_status", a.status)) for a in carried
    ], [9.6, 3.6, 2.8])


def board(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """The three columns of the board, in the family's own words."""
    columns = {words.label("minute.board_column", kind): record.board_column(kind) for kind in BOARD_COLUMNS}
    _columns_table(document, words, words("minute.board"), columns, names)


def houses(document: Document, record: MeetingRecord, names: Names, words: Words, child: str) -> None:
    """The child's Three Houses: worries, good things and dreams, in the child's words (named as in the app)."""
    columns = {words.label("board", kind): record.board_column(kind) for kind in HOUSE_KINDS}
    _columns_table(document, words, words("minute.houses", child=child), columns, names,
                   intro=words("minute.houses_intro"))


def _columns_table(
    document: Document, words: Words, title: str, columns: dict[str, list[BoardItem]], names: Names, intro: str = ""
) -> None:
    """One row of side-by-side columns (only those with notes), under a heading; nothing if all are empty."""
    shown = {header: items for header, items in columns.items() if items}
    if not shown:
        return
    k.heading(document, title)
    if intro:
        for paragraph in k.paragraphs(document, intro, italic=True, color=k.MUTED, size=10):
            paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page
    width = k.TEXT_WIDTH_CM / len(shown)
    short = sum(len(item.text) for items in shown.values() for item in items) < SHORT_COLUMNS
    grid = k.table(document, list(shown), [[""] * len(shown)], [width] * len(shown), keep_rows=short)
    for cell, items in zip(grid.rows[1].cells, shown.values(), strict=True):
        for index, item in enumerate(items):
            paragraph = cell.paragraphs[0] if index == 0 else k.add_cell_paragraph(cell)
            paragraph.paragraph_format.space_after = Pt(9)
            if item.category:
                label = words.label("minute.category", item.category) if _is_category(item.category) else ""
                if label:
                    k.text(paragraph, label.upper() + "\n", size=7.5, color=k.MUTED, bold=True, spacing=0.6)
            k.text(paragraph, names.free(item.text), size=10.5)
            if item.said_by:
                k.text(paragraph, "\n" + SAID_BY.format(name=names.free(item.said_by)), size=9,
                       color=k.MUTED, italic=True)


def _is_category(value: str) -> bool:
    return value in {c.value for c in Category}


def safety(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """Danger statements side by side with the safety goals that answer them."""
    dangers = record.board_column(BoardKind.DANGER_STATEMENT)
    goals = record.board_column(BoardKind.SAFETY_GOAL)
    if not (dangers or goals):
        return
    rows = [(d.text, "\n\n".join(g.text for g in goals if g.answers_id == d.id)) for d in dangers]
    paired = {d.id for d in dangers}
    rows += [("", g.text) for g in goals if g.answers_id not in paired]
    k.heading(document, words("minute.safety"))
    header = (words.label("minute.board_column", BoardKind.WORRY), words("minute.safety.goal"))
    k.table(document, header, [(names.free(a), names.free(b)) for a, b in rows], [8.0, 8.0],
            keep_rows=False, size=10.5)


def grey_areas(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """What nobody knows yet."""
    items = record.board_column(BoardKind.GREY_AREA)
    if not items:
        return
    k.heading(document, words("minute.grey"))
    for item in items:
        k.paragraphs(document, names.free(item.text), style="List Bullet")


def goals(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """Short- and long-term goals, with who is responsible and the safety goal each answers."""
    if not record.goals:
        return
    k.heading(document, words("minute.goals"))
    safety_goals = {b.id: b.text for b in record.board_column(BoardKind.SAFETY_GOAL)}
    for term in GoalTerm:
        chosen = sorted((g for g in record.goals if g.term == term), key=lambda g: g.position)
        if not chosen:
            continue
        k.heading(document, words.label("term", term), 2)
        for goal in chosen:
            paragraph = document.add_paragraph(style="List Bullet")
            k.text(paragraph, names.free(goal.text))
            details = goal_details(goal, safety_goals, names, words)
            if details:
                k.text(paragraph, "\n" + "\n".join(details), size=9.5, color=k.MUTED)


def goal_details(
    goal: Goal, safety_goals: Mapping[int, str], names: Names, words: Words, first: int | None = None,
) -> list[str]:
    """A goal's owner, the safety goal it answers, and how far it has come (from `first`, when given)."""
    details = [words("board.goal.owner", owner=names.free(goal.owner))] if goal.owner else []
    if goal.safety_goal_id is not None and goal.safety_goal_id in safety_goals:
        details.append(words("board.goal.answers", text=names.free(safety_goals[goal.safety_goal_id])))
    status = "" if goal.status == GoalStatus.IN_PROGRESS else words.label("goal_status", goal.status)
    if goal.progress is not None:
        since = first is not None and first != goal.progress
        progress = words("minute.goal_progress_since", first=first, progress=goal.progress) if since else words(
            "minute.goal_progress", progress=goal.progress)
        details.append(" · ".join(part for part in (progress, status) if part))
    elif status:
        details.append(status)
    return details


def actions(document: Document, record: MeetingRecord, names: Names, words: Words, today: date) -> None:
    """The agreed actions (what, who, by when, who coordinates; overdue ones marked), then those not agreed yet.

    Carried actions that are settled are left out. An open action still missing who or when is listed on
    its own, so nothing said in the room is lost while people decide who.
    """
    shown = [a for a in record.actions if a.carried_from_id is None or a.status == ActionStatus.OPEN]
    agreed = [a for a in shown if not not_agreed(a)]
    pending = [a for a in shown if not_agreed(a)]
    header = (words("field.what"), words("field.who"), words("field.due"), words("field.coordinator"))
    widths = [6.3, 3.2, 3.5, 3.0]
    if agreed:
        k.heading(document, words("minute.actions"))
        rows = []
        for action in agreed:
            marks = [words("minute.from_last_time")] if action.carried_from_id is not None else []
            marks += [words.label("minute.status_suffix", action.status)] if action.status in SETTLED else []
            what = names.free(action.what) + ("  " + " ".join(marks) if marks else "")
            due = words.long_date(action.due) if action.due else words("minute.no_due")
            rows.append((what, names.free(action.who), due, words.label("coordinator", action.coordinator)))
        grid = k.table(document, header, rows, widths, size=10.5)
        late = [i for i, action in enumerate(agreed, start=1) if overdue(action, today)]
        for index in late:
            cell = grid.rows[index].cells[2]
            # In words, no ⚠: Calibri (and LibreOffice's Carlito) have no such sign, and it vanished on paper.
            k.text(cell.paragraphs[0], "\n" + words("minute.overdue"), size=10.5, bold=True, color=OVERDUE_INK)
            k.shade(cell, OVERDUE_FILL)
        if late:
            note = document.add_paragraph()
            k.text(note, words("minute.overdue_note"), size=9.5, color=OVERDUE_INK)
    if pending:
        k.heading(document, words("minute.not_agreed"))
        k.paragraphs(document, words("minute.not_agreed_intro"), size=10.5)
        grid = k.table(document, header, [
            (names.free(a.what), names.free(a.who) or EMPTY, words.long_date(a.due) if a.due else EMPTY,
             words.label("coordinator", a.coordinator)) for a in pending
        ], widths, size=10.5)
        for row in grid.rows[1:]:
            k.shade(row.cells[0], PENDING_FILL)


def agenda(document: Document, record: MeetingRecord, names: Names, words: Words, now: datetime) -> None:
    """The agenda with planned and used minutes, then the notes and decisions of each item."""
    loose = [d for d in record.decisions if d.agenda_item_id not in {i.id for i in record.agenda}]
    if not (record.agenda or loose):
        return
    k.heading(document, words("minute.agenda"))
    if record.agenda:
        header = (words("field.title"), words("minute.agenda.planned"), words("minute.agenda.used"))
        k.table(document, header, [
            (names.free(item.title), _planned(item, words), _used(item, words, now)) for item in record.agenda
        ], [11.2, 2.4, 2.4])
    for number, item in enumerate(record.agenda, 1):
        decided = [d for d in record.decisions if d.agenda_item_id == item.id]
        if not (item.notes.strip() or decided):
            continue
        k.heading(document, f"{number}. {names.free(item.title)}", 2)
        if item.notes.strip():
            k.paragraphs(document, names.free(item.notes))
        for decision in decided:
            paragraph = document.add_paragraph(style="List Bullet")
            k.text(paragraph, words("minute.decided"), bold=True)
            k.text(paragraph, names.free(decision.text))
    if loose:
        k.heading(document, words("minutes.decisions"), 2)
        for decision in loose:
            k.paragraphs(document, names.free(decision.text), style="List Bullet")


def _planned(item: AgendaItem, words: Words) -> str:
    planned = words.minutes(item.planned_minutes)
    return f"{planned} {EXTRA.format(n=item.extra_minutes)}" if item.extra_minutes else planned


def _used(item: AgendaItem, words: Words, now: datetime) -> str:
    """Minutes actually spent (pauses excluded, a running item counted to now); '—' if never started."""
    if item.started_at is None:
        return NOT_REACHED
    seconds = elapsed_seconds(item, now)
    return words("minute.less_than_a_minute") if seconds < 30 else words.minutes(round(seconds / 60))


def evaluation(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """How the meeting felt: heard? useful? (1–5), each answer and the average."""
    answers = record.evaluations
    if not answers:
        return
    k.heading(document, words("minute.evaluation"))
    header = (words("minute.who"), words("field.heard"), words("field.useful"), words("field.comment"))
    k.table(document, header, [
        (names.person(e.respondent) if e.respondent else words("evaluation.room"),
         words("minute.evaluation_score", n=e.heard), words("minute.evaluation_score", n=e.useful),
         names.free(e.comment))
        for e in answers
    ], [3.6, 2.6, 2.8, 7.0])
    means = evaluation_means(answers)
    assert means is not None  # the section is only written when someone answered
    paragraph = document.add_paragraph()
    mean = words("minute.evaluation_mean", heard=words.decimal(means.heard), useful=words.decimal(means.useful),
                 count=means.count)
    k.text(paragraph, mean, color=k.MUTED, size=10)


def contacts(document: Document, record: MeetingRecord, words: Words) -> None:
    """The caseworkers, their roles in the meeting and how to reach them."""
    caseworkers = _caseworkers(record)
    if not caseworkers:
        return
    k.heading(document, words("minute.contact"))
    k.paragraphs(document, words("minute.contact_intro"))
    for name, roles in caseworkers:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(8)
        k.text(paragraph, name, bold=True)
        k.text(paragraph, "  " + _roles(words, roles), color=k.MUTED, size=10)
        account = record.reach.get(name)
        reach = [words("minute.phone", phone=account.phone) if account and account.phone else "",
                 words("minute.email", email=account.email) if account and account.email else ""]
        reach += [record.contacts[r] for r in roles if record.contacts.get(r)]
        reach = list(dict.fromkeys(line for line in reach if line))
        if reach:
            k.text(paragraph, "\n" + "\n".join(reach), size=10.5)


def appendix(document: Document, names: Names, words: Words) -> None:
    """'Hele teksten': every long text of the minute in full, numbered as the body points to them."""
    if not names.long_texts:
        return
    document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx is untyped here
    k.heading(document, words("minute.appendix"))
    k.paragraphs(document, words("minute.appendix_intro"), italic=True)
    for number, text in enumerate(names.long_texts, start=1):
        k.heading(document, f"{number}.", 2)
        k.paragraphs(document, text)


def _caseworkers(record: MeetingRecord) -> list[tuple[str, list[Role]]]:
    """Each caseworker once, with the roles they held, in the order of the roles."""
    held: dict[str, list[Role]] = {}
    for role in Role:
        name = record.roles.get(role, "").strip()
        if name:
            held.setdefault(name, []).append(role)
    return list(held.items())


def _roles(words: Words, roles: list[Role]) -> str:
    """The roles a caseworker held, in running text ('mødeleder, ordstyrer')."""
    return ", ".join(words.label("role", role).lower() for role in roles)
