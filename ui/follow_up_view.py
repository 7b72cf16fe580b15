"""The parts of the 'Referat og opfølgning' page: downloads, the follow-up date, contacts, the evaluation."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from export.follow_up_ics import render_follow_up_ics
from export.minute_cli import handover_for_meeting, minute_for_meeting
from facilitation import services
from facilitation.domain.access import Actor, Caseworker
from facilitation.domain.cadence import next_follow_up
from facilitation.domain.dates import long_date, time_span
from facilitation.domain.measures import meeting_rule
from facilitation.domain.model import MeetingKind, MeetingRecord
from facilitation.domain.outcomes import evaluation_means
from facilitation.domain.roles import Role
from facilitation.domain.validation import DATE_MAX, DATE_MIN, ValidationError
from facilitation.services import access
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import label, t
from ui.text import md

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SCALE = [1, 2, 3, 4, 5]
TIME_STEP = 300  # seconds: times of day in steps of five minutes
EVALUATION_KEYS = ("evaluation.respondent", "evaluation.heard", "evaluation.useful", "evaluation.comment")


def downloads(db: Database, record: MeetingRecord, lang: str) -> None:
    """The minute, the anonymised minute and the calendar file in `lang`, each built only when clicked.

    The language is given, not read from the session: the files are built later, outside the page's run.
    """
    mid, day, who = record.meeting.id, record.meeting.date.isoformat(), session.viewer()
    st.subheader(t("export.downloads"))
    st.caption(t("export.downloads_help"))
    minute, anonymised, calendar = st.columns(3)
    minute.download_button(
        t("export.minute"), data=lambda: _logged(db, who, mid, "minute_docx", lambda: minute_for_meeting(
            db, mid, viewer=who, language=lang)),
        file_name=f"{t('export.minute_file')}-{day}.docx", mime=DOCX, on_click="ignore", key="export.minute",
        type="primary", icon=":material/description:",
    )
    anonymised.download_button(
        t("export.anonymised"), data=lambda: _logged(db, who, mid, "minute_anonymised_docx", lambda: minute_for_meeting(
            db, mid, viewer=who, anonymised=True, language=lang)),
        file_name=f"{t('export.anonymised_file')}-{day}.docx", mime=DOCX, on_click="ignore", key="export.anonymised",
        help=t("export.anonymised_help"), icon=":material/visibility_off:",
    )
    calendar.download_button(
        t("export.ics"), data=lambda: _logged(db, who, mid, "follow_up_ics", lambda: render_follow_up_ics(
            services.load_meeting(db, mid, viewer=who), language=lang)),
        file_name=f"{t('export.ics_file')}-{day}.ics", mime="text/calendar", on_click="ignore", key="export.ics",
        help=t("export.ics_help"), icon=":material/event:",
    )
    handover, handover_anonymised, _ = st.columns(3)
    handover.download_button(
        t("export.handover"), data=lambda: _logged(db, who, mid, "handover_docx", lambda: handover_for_meeting(
            db, mid, viewer=who, language=lang)),
        file_name=f"{t('export.handover_file')}-{day}.docx", mime=DOCX, on_click="ignore", key="export.handover",
        help=t("export.handover_help"), icon=":material/assignment_ind:",
    )
    handover_anonymised.download_button(
        t("export.handover_anonymised"), data=lambda: _logged(
            db, who, mid, "handover_anonymised_docx",
            lambda: handover_for_meeting(db, mid, viewer=who, anonymised=True, language=lang)),
        file_name=f"{t('export.handover_anonymised_file')}-{day}.docx", mime=DOCX, on_click="ignore",
        key="export.handover_anonymised", help=t("export.handover_help"), icon=":material/visibility_off:",
    )


def _logged(db: Database, who: Actor, meeting_id: int, what: str, make: Callable[[], bytes]) -> bytes:
    """Build a download for `who` (members only: the services check) and log it as an export."""
    content = make()
    if isinstance(who, Caseworker):
        access.log_export(db, who, meeting_id, what)
    return content


def follow_up(db: Database, record: MeetingRecord, me: Actor) -> None:
    """The cadence's date, the agreed date (editable), and creating the follow-up meeting."""
    meeting, case, lang = record.meeting, record.case, session.language()
    rule = meeting_rule(record)  # the case's measures decide the cadence; without any, the case type
    suggested = next_follow_up(meeting.date, rule.case_type)
    st.subheader(t("follow_up.heading"))
    st.caption(t(f"follow_up.rule.{rule.case_type.value}", date=long_date(suggested, lang)) + " "
               + t(f"rule.{rule.reason}"))
    stored = (meeting.follow_up_date, meeting.follow_up_start, meeting.follow_up_end, meeting.follow_up_place)
    key, start_key, end_key, place_key = (session.fresh_key(f"follow_up.{name}", meeting.id, *stored)
                                          for name in ("date", "start", "end", "place"))
    with st.form("follow_up_date", border=False):
        day, start, end = st.columns([2, 1, 1])
        day.date_input(t("field.follow_up_date"), meeting.follow_up_date or suggested, key=key, format="DD.MM.YYYY",
                       min_value=DATE_MIN, max_value=DATE_MAX)
        start.time_input(t("field.follow_up_start"), meeting.follow_up_start, key=start_key, step=TIME_STEP)
        end.time_input(t("field.follow_up_end"), meeting.follow_up_end, key=end_key, step=TIME_STEP)
        st.text_input(t("field.follow_up_place"), meeting.follow_up_place or meeting.place, key=place_key)
        forms.submit_button("follow_up_date", t("follow_up.save"), lambda: services.set_follow_up_date(
            db, me, meeting.id, session.date_value(key), start=session.time_value(start_key),
            end=session.time_value(end_key), place=session.text_value(place_key)), success=t("follow_up.saved"))
    forms.show_error("follow_up_date")
    if meeting.follow_up_date:
        hours = time_span(meeting.follow_up_start, meeting.follow_up_end, lang)
        when = ", ".join(part for part in (" ".join(p for p in (long_date(meeting.follow_up_date, lang), hours) if p),
                                           meeting.follow_up_place) if part)
        st.markdown(t("follow_up.agreed", date=md(when)))
        forms.button("follow_up.reset", t("follow_up.reset"), lambda: services.set_follow_up_date(
            db, me, meeting.id, None), type="tertiary")
    meetings = services.list_meetings(db, case.id, viewer=session.viewer())
    later = [m for m in meetings if (m.date, m.id) > (meeting.date, meeting.id)]
    if later:
        newest = later[-1]
        st.info(t("follow_up.exists", meeting=f"{label('kind', newest.kind)} · {long_date(newest.date, lang)}"),
                icon=":material/event_available:")
        return

    def plan() -> None:
        due = meeting.follow_up_date or suggested
        new_id = services.plan_meeting(
            db, me, case.id, MeetingKind.FOLLOW_UP, due, meeting.follow_up_place or meeting.place, language=lang,
            start_time=meeting.follow_up_start if meeting.follow_up_date else None,
            end_time=meeting.follow_up_end if meeting.follow_up_date else None)
        session.set_current_meeting(new_id, case.id)

    forms.button("follow_up.plan", t("follow_up.plan"), plan, success=t("follow_up.planned"),
                 help=t("follow_up.plan_help"), icon=":material/event_repeat:")


def contacts(db: Database, record: MeetingRecord, me: Actor) -> None:
    """How the family reaches each caseworker: one text per person, stored on each role they hold."""
    st.subheader(t("contacts.heading"))
    held: dict[str, list[Role]] = {}
    for role in Role:
        if record.roles.get(role):
            held.setdefault(record.roles[role], []).append(role)
    if not held:
        st.caption(t("contacts.none"))
        return
    keys = {name: session.fresh_key(f"contact.{index}", name, *(record.contacts.get(r, "") for r in roles))
            for index, (name, roles) in enumerate(held.items())}

    def save() -> None:
        for name, roles in held.items():
            for role in roles:
                typed = session.text_value(keys[name])
                if typed != record.contacts.get(role, ""):
                    services.set_role_contact(db, me, record.meeting.id, role, typed)

    with st.form("contacts", border=False):
        for name, roles in held.items():
            current = next((record.contacts[r] for r in roles if record.contacts.get(r)), "")
            st.text_input(f"{name} · {', '.join(label('role', r) for r in roles)}", current, key=keys[name],
                          placeholder=t("placeholder.contact"))
        forms.submit_button("contacts", t("save"), save, success=t("contacts.saved"))
    forms.show_error("contacts")


def evaluation(db: Database, record: MeetingRecord, me: Actor) -> None:
    """'Blev du hørt?' and 'Var mødet nyttigt?' (1–5) with a comment, per person or for the room."""
    st.subheader(t("evaluation.heading"))
    st.caption(t("evaluation.intro"))
    answers = record.evaluations
    means = evaluation_means(answers)
    if means is not None:
        heard, useful = f"{means.heard:.1f}", f"{means.useful:.1f}"
        st.markdown(t("evaluation.summary", count=means.count, heard=heard, useful=useful))
    for answer in answers:
        text, remove = st.columns([8, 1], vertical_alignment="center")
        who = md(answer.respondent) if answer.respondent else t("evaluation.room")
        comment = f" — {md(answer.comment)}" if answer.comment else ""
        text.markdown(f"**{who}** · {t('evaluation.answer', heard=answer.heard, useful=answer.useful)}{comment}")
        with remove:
            forms.button(f"evaluation.remove.{answer.id}", "", partial(services.remove_evaluation,
                db, me, record.meeting.id, answer.id), icon=":material/delete:", help=t("remove"), type="tertiary")
    respondent, heard_key, useful_key, comment_key = EVALUATION_KEYS
    with st.form("evaluation_new"):
        st.text_input(t("field.respondent"), key=respondent, placeholder=t("placeholder.respondent"))
        left, right = st.columns(2)
        left.segmented_control(t("field.heard"), SCALE, key=heard_key)
        right.segmented_control(t("field.useful"), SCALE, key=useful_key)
        st.text_area(t("field.comment"), key=comment_key, height=80)
        forms.submit_button("evaluation_new", t("add"), lambda: services.record_evaluation(
            db, me, record.meeting.id, session.text_value(respondent), _chosen(heard_key, "heard"),
            _chosen(useful_key, "useful"), session.text_value(comment_key)),
            clear=EVALUATION_KEYS, success=t("evaluation.saved"))
    forms.show_error("evaluation_new")


def _chosen(key: str, field: str) -> int:
    """The number picked on a 1–5 scale; none picked is refused with a message."""
    value = session.optional_int_value(key)
    if value is None:
        raise ValidationError("empty", field=field)
    return value
