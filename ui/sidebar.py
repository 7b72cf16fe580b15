"""The sidebar: language, case and meeting choice (mirrored in the URL), the caseworker's roles, the projector."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import streamlit as st

from facilitation import services
from facilitation.demo import first_meeting_or_demo
from facilitation.domain.access import Caseworker
from facilitation.domain.dates import long_date
from facilitation.domain.model import CaseType, Meeting, MeetingKind
from facilitation.domain.roles import Capability, Role, Screen, can
from facilitation.domain.roles import ordered as ordered_roles
from facilitation.domain.validation import DATE_MAX, DATE_MIN
from facilitation.services import meeting_roles, pairing, sessions
from facilitation.storage import Database
from ui import forms, live_sync, session
from ui.current import actor as current_actor
from ui.i18n import formatter, label, t
from ui.profile import profile
from ui.text import md

PROJECTOR_PATH = "pages/projector.py"
CASE_KEY = "sidebar.case"
MEETING_KEY = "sidebar.meeting"
ROLE_KEY = "sidebar.role"
ROLE_FORM = "sidebar.roles"
CURTAIN_KEY = "sidebar.curtain"
SCREEN_KEY = "sidebar.screen"
LANGUAGE_KEY = "sidebar.language"
NEW_MEETING_FOLD = "sidebar.new_meeting_open"
NEW_CASE_FOLD = "sidebar.new_case_open"
PAIRING_FOLD = "sidebar.pairing_open"


def follow_url(db: Database) -> None:
    """Make the session's meeting follow ?m=ID; an unknown id is remembered to explain it."""
    raw = session.url_meeting_param()
    current = session.current_meeting_id()
    if raw is None:
        session.set_url_error(None)
        if current is None and session.current_case_id() is None:
            meeting_id = first_meeting_or_demo(db, viewer=session.viewer())  # their newest meeting, if any
            if meeting_id is not None:
                _open(db, meeting_id)
        elif current is not None:
            session.set_current_meeting(current)  # a page link dropped ?m=: put it back, so a reload stays here
        return
    if current is not None and raw == str(current):
        return
    wanted = int(raw) if raw.isdigit() and len(raw) < 12 else None
    if wanted is not None and services.meeting_exists(db, wanted, viewer=session.viewer()):
        session.set_url_error(None)
        _open(db, wanted)
    else:
        session.set_url_error(raw[:40])
        session.set_current_meeting(None)


def render(db: Database) -> None:
    """Draw the sidebar controls."""
    with st.sidebar:
        caseworker = session.caseworker()
        if caseworker is not None:
            st.caption(t("sidebar.signed_in_as", name=md(caseworker.name)))
            profile(db, caseworker)
            _sign_out(db)
        session.prime_widget(LANGUAGE_KEY, session.language())
        st.radio(
            t("sidebar.language"), session.LANGUAGES, key=LANGUAGE_KEY, horizontal=True,
            format_func={"da": "Dansk", "en": "English"}.__getitem__,
            on_change=lambda: session.set_language(session.widget_value(LANGUAGE_KEY)),
        )
        cases = services.list_cases(db, viewer=session.viewer())
        case_ids = [c.id for c in cases]
        names = {c.id: f"{c.family_name} · {c.child_names}" for c in cases}
        if session.current_case_id() in case_ids:
            session.prime_widget(CASE_KEY, session.current_case_id())
        case_id = st.selectbox(
            t("sidebar.case"), case_ids, key=CASE_KEY, format_func=lambda i: names[i],
            on_change=_case_chosen, args=(db,), placeholder=t("sidebar.no_case"), index=None,
        )
        if case_id is not None:
            meetings = services.list_meetings(db, case_id, viewer=session.viewer())
            by_id = {m.id: m for m in meetings}
            meeting_key = session.lang_key(MEETING_KEY)
            if session.current_meeting_id() in by_id:
                session.prime_widget(meeting_key, session.current_meeting_id())
            st.selectbox(
                t("sidebar.meeting"), list(by_id), key=meeting_key, index=None,
                format_func={i: meeting_label(m) for i, m in by_id.items()}.__getitem__, on_change=_meeting_chosen,
                placeholder=t("sidebar.no_meeting"),
            )
        _role_controls(db)
        _projector_controls(db)
        # Folded parts run only while open (on_change="rerun": opening one reruns the page once): the forms of
        # every fold on every run were a fifth of a light page's run (bench/results.md).
        with st.expander(t("sidebar.new_meeting"), icon=":material/add:", key=NEW_MEETING_FOLD,
                         on_change="rerun") as fold:
            if fold.open and case_id is not None:
                _new_meeting_form(db, case_id)
        with st.expander(t("sidebar.new_case"), icon=":material/create_new_folder:", key=NEW_CASE_FOLD,
                         on_change="rerun") as fold:
            if fold.open:
                _new_case_form(db)


def _sign_out(db: Database) -> None:
    """Sign out: a local sign-in through the sign-out route, the identity provider's through st.logout."""
    token = session.session_token()
    if token is not None and token.startswith("oidc:"):
        def end() -> None:
            sessions.end_session(db, token)
            st.logout()

        st.button(t("sidebar.sign_out"), key="sidebar.sign_out", on_click=end, type="tertiary")
    else:
        st.markdown(f'<a href="/signout" target="_self">{t("sidebar.sign_out")}</a>', unsafe_allow_html=True)


def _role_controls(db: Database) -> None:
    """The roles this caseworker plays in the meeting: one button per role, held ones highlighted.

    A click says what it means ("hold this role" or "give it up") and is applied to the roles stored at
    that moment, so a second laptop of the same caseworker showing an older choice never writes it back.
    """
    caseworker, meeting_id = session.caseworker(), session.current_meeting_id()
    if caseworker is None or meeting_id is None:
        return
    held = session.device_roles()
    st.markdown(f"**{t('sidebar.role')}**", help=t("sidebar.role_help"))
    for index, place in enumerate(st.columns(2, gap="small")):
        with place:
            for role in ordered_roles(list(Role))[index::2]:
                has = role in held
                st.button(label("role", role), key=f"{ROLE_KEY}.{role.value}", type="primary" if has else "secondary",
                          icon=":material/check:" if has else None, width="stretch",
                          on_click=forms.on_submit, args=(ROLE_FORM, _change_role(db, caseworker, meeting_id, role,
                                                                                   not has)))
    forms.show_error(ROLE_FORM)


def _change_role(db: Database, caseworker: Caseworker, meeting_id: int, role: Role, hold: bool
                 ) -> Callable[[], object]:
    """The action of one role button: take the role up (or give it up) on top of the roles stored now."""

    def change() -> None:
        now = meeting_roles.my_roles(db, caseworker, meeting_id)
        meeting_roles.set_my_roles(db, caseworker, meeting_id, now | {role} if hold else now - {role})

    return change


def _projector_controls(db: Database) -> None:
    """What the projector shows and the privacy curtain (by role): buttons whose click carries the value.

    No toggle or radio holds the shared state: each device's widget would write its own, older value back
    (the curtain flipped for 20 s with two laptops open). Keys are stable, so a redraw never shows two copies.
    """
    meeting_id = session.current_meeting_id()
    roles = session.device_roles()
    if meeting_id is None or not (can(roles, Capability.CHOOSE_SCREEN) or can(roles, Capability.CURTAIN)):
        return
    stamp = db.stamp(meeting_id)
    if stamp is None:
        return
    record = live_sync.record_at(db.url, meeting_id, stamp)
    meeting, actor = record.meeting, current_actor(record)
    st.divider()
    st.markdown(f"**{t('sidebar.projector')}**")
    _redraw_when_changed(db, meeting_id, (meeting.curtain, meeting.screen))
    done = {"success": t("sidebar.projector_changed")}
    if can(roles, Capability.CURTAIN):
        closed = meeting.curtain
        st.caption(t("sidebar.curtain_closed" if closed else "sidebar.curtain_open"))
        st.button(t("sidebar.curtain_pull_open" if closed else "sidebar.curtain_pull_closed"),
                  key=f"{CURTAIN_KEY}.{meeting_id}", help=t("sidebar.curtain_help"), width="stretch",
                  icon=":material/visibility:" if closed else ":material/visibility_off:",
                  type="primary" if closed else "secondary", on_click=forms.on_submit, kwargs=done,
                  args=(forms.PAGE, partial(services.set_curtain, db, actor, meeting_id, not closed)))
    if can(roles, Capability.CHOOSE_SCREEN):
        st.caption(t("sidebar.screen"))
        for screen in Screen:
            shown = screen.value == meeting.screen
            st.button(label("screen", screen), key=f"{SCREEN_KEY}.{meeting_id}.{screen.value}", width="stretch",
                      type="primary" if shown else "secondary", icon=":material/check:" if shown else None,
                      on_click=forms.on_submit, kwargs=done,
                      args=(forms.PAGE, partial(services.set_screen, db, actor, meeting_id, screen.value)))
    st.page_link(PROJECTOR_PATH, label=t("sidebar.open_projector"), icon=":material/open_in_new:")
    _pairing_controls(db, meeting_id)


def _redraw_when_changed(db: Database, meeting_id: int, drawn: tuple[bool, str]) -> None:
    """When the meeting changes: has another device drawn the curtain or changed the screen? Then redraw, so the
    buttons say what is true now (on every page, also those that do not follow other devices' edits)."""

    @st.fragment(run_every=live_sync.SAFETY_SECONDS)
    def check() -> None:
        stamp = db.stamp(meeting_id)
        if stamp is None:
            return
        meeting = live_sync.record_at(db.url, meeting_id, stamp).meeting
        if (meeting.curtain, meeting.screen) != drawn:
            st.rerun(scope="app")
        live_sync.listen(meeting_id, meeting.version, key="sidebar")

    check()


def _pairing_controls(db: Database, meeting_id: int) -> None:
    """Connect the room's projector to this meeting (its code, or a one-time link), or disconnect it."""
    caseworker = session.caseworker()
    if caseworker is None:
        return
    with st.expander(t("pairing.title"), icon=":material/cast:", key=PAIRING_FOLD, on_change="rerun") as fold:
        if not fold.open:
            return
        count = pairing.paired_projectors(db, caseworker, meeting_id)
        if count:
            st.caption(t("pairing.count", count=count))
        code_key = f"pairing.code.{meeting_id}"
        with st.form(f"pairing.form.{meeting_id}", border=False):
            st.text_input(t("pairing.code"), max_chars=12, key=code_key)
            forms.submit_button(forms.PAGE, t("pairing.pair"), lambda: pairing.pair_by_code(
                db, caseworker, meeting_id, session.text_value(code_key).strip().upper()),
                clear=(code_key,), success=t("pairing.paired"))
        if st.button(t("pairing.link"), key=f"pairing.link.{meeting_id}"):
            token = pairing.create_pairing_link(db, caseworker, meeting_id)
            st.caption(t("pairing.link_made"))
            st.code(f"{_base_url()}/pair/{token}", language=None)
        if count:
            forms.button(f"pairing.unpair.{meeting_id}", t("pairing.unpair"),
                         lambda: pairing.unpair(db, caseworker, meeting_id), success=t("pairing.unpaired"))


def _base_url() -> str:
    """This app's address as the browser sees it (for the projector link)."""
    url = str(st.context.url or "")
    parts = url.split("/", 3)
    return "/".join(parts[:3]) if len(parts) >= 3 else ""


def meeting_label(meeting: Meeting) -> str:
    """'Opstartsmøde · 25. november 2026'."""
    return f"{label('kind', meeting.kind)} · {long_date(meeting.date, session.language())}"


def _open(db: Database, meeting_id: int) -> None:
    """Make this the session's meeting (the router logs its first opening: ui.current.explain_missing_meeting)."""
    session.set_current_meeting(meeting_id, _case_of(db, meeting_id))


def _case_of(db: Database, meeting_id: int) -> int:
    return services.get_meeting(db, meeting_id, viewer=session.viewer()).case_id


def _case_chosen(db: Database) -> None:
    case_id = session.optional_int_value(CASE_KEY)
    meetings = services.list_meetings(db, case_id, viewer=session.viewer()) if case_id is not None else []
    session.set_url_error(None)
    session.set_current_meeting(meetings[0].id if meetings else None, case_id)


def _meeting_chosen() -> None:
    session.set_url_error(None)
    session.set_current_meeting(session.optional_int_value(session.lang_key(MEETING_KEY)))


def _new_case_form(db: Database) -> None:
    keys = ("new_case.family", "new_case.child", session.lang_key("new_case.type"))

    def create() -> None:
        case_id = services.create_case(
            db, session.viewer(), session.text_value(keys[0]), session.text_value(keys[1]),
            session.text_value(keys[2], CaseType.COMPENSATION),
        )
        session.set_current_meeting(None, case_id)

    with st.form("new_case", border=False):
        st.text_input(t("field.family_name"), key=keys[0])
        st.text_input(t("field.child_names"), key=keys[1])
        st.selectbox(t("field.case_type"), list(CaseType), key=keys[2], format_func=formatter("case_type"))
        forms.submit_button("new_case", t("sidebar.create_case"), create, clear=keys[:2])
    forms.show_error("new_case")


def _new_meeting_form(db: Database, case_id: int) -> None:
    keys = (session.lang_key("new_meeting.kind"), "new_meeting.date", "new_meeting.place")

    def create() -> None:
        meeting_id = services.plan_meeting(
            db, session.viewer(), case_id, session.text_value(keys[0], MeetingKind.START),
            session.date_value(keys[1]) or date.today(), session.text_value(keys[2]),
            language=session.language(),
        )
        session.set_current_meeting(meeting_id, case_id)

    with st.form("new_meeting", border=False):
        st.selectbox(t("field.kind"), list(MeetingKind), key=keys[0], format_func=formatter("kind"))
        st.date_input(t("field.date"), key=keys[1], format="DD.MM.YYYY", min_value=DATE_MIN, max_value=DATE_MAX)
        st.text_input(t("field.place"), key=keys[2])
        forms.submit_button("new_meeting", t("sidebar.create_meeting"), create, clear=keys[2:])
    forms.show_error("new_meeting")
