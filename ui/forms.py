"""Form plumbing: run a service from a widget callback, keep input on errors, say why."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Literal, TypedDict, Unpack

import streamlit as st

from facilitation.domain.access import looks_like_cpr
from facilitation.domain.validation import NotFoundError, ValidationError, had_control_characters
from ui import session
from ui.i18n import t

PAGE = "page"  # errors of buttons and choice widgets are shown at the top of the page


def error_text(error: ValidationError | NotFoundError) -> str:
    """A clear message in the UI language for a refused input or a vanished item."""
    if isinstance(error, NotFoundError):
        return t("error.not_found")
    params = dict(error.params)
    params["field"] = t(f"field.{params.get('field', '')}")
    return t(f"error.{error.code}", **params)


def on_submit(
    form_key: str, action: Callable[[], object], *, clear: Sequence[str] = (), success: str | None = None
) -> None:
    """Widget callback: run `action`; on success clear `clear` inputs, on failure keep them.

    A text in `clear` that looks like a CPR number is not saved on the first try: the form says so (the
    projector shows what is typed to the whole room), and the same text sent again is saved.
    """
    if _cpr_needs_a_second_look(form_key, clear):
        return
    try:
        action()
    except (ValidationError, NotFoundError) as error:
        session.set_error(form_key, error_text(error))
        return
    session.set_error(form_key, None)
    session.set_error(PAGE, None)  # a page-level message is answered by any later success
    cleaned = any(
        isinstance(value, str) and had_control_characters(value)
        for value in (session.widget_value(key) for key in clear)
    )
    session.reset_widgets(*clear)
    if success == "" and not cleaned:  # "" = the change speaks for itself (a timer button)
        return
    message = success or t("saved")
    session.flash(t("info.control_removed") + " " + message if cleaned else message)


def on_field_change(form_key: str, key: str, drawn: object, action: Callable[[], object], *,
                    success: str | None = None) -> None:
    """Callback of a field saved when it changes (key from session.fresh_key): `action`, unless it holds `drawn`.

    `drawn` is the stored value the field was drawn with. When another device changes that value, the next
    run draws a new field under a new key; the browser may still send the replaced field's value once more,
    and Streamlit then calls the replaced field's callback although nobody touched it (its old state is
    gone, so the value counts as changed). That value is the one it was drawn with, and saving it would put
    the old value back over the other device's edit: the two fields' callbacks then undid each other's
    saves, and a note written on another laptop never stayed (issue #14). A field still holding the value
    it was drawn with has nothing to save anyway.
    """
    if session.widget_value(key) == drawn:
        return
    on_submit(form_key, action, success=success)


def _cpr_needs_a_second_look(form_key: str, keys: Sequence[str]) -> bool:
    """Whether the typed texts hold a CPR-like number not yet confirmed by sending them again."""
    texts = [value for value in (session.widget_value(key) for key in keys) if isinstance(value, str)]
    if not any(looks_like_cpr(text) for text in texts):
        return False
    fingerprint = hashlib.sha256("\x00".join(texts).encode()).hexdigest()
    if session.cpr_confirmed(form_key) == fingerprint:
        session.set_cpr_confirmed(form_key, None)
        return False
    session.set_cpr_confirmed(form_key, fingerprint)
    session.set_error(form_key, t("warning.cpr"))
    return True


def show_error(form_key: str) -> None:
    """Show the error left by the last attempt of this form, if any, until the form is tried again.

    Not shown once only: another device's edit reruns the page (ui.live_sync.watch) a moment after a
    refused attempt, and a message shown once was gone before anyone read it.
    """
    message = session.error(form_key)
    if message:
        st.error(message, icon=":material/error:")


def submit_button(form_key: str, label: str, action: Callable[[], object], *, clear: Sequence[str] = (),
                  success: str | None = None) -> None:
    """A form's submit button wired to `on_submit`, followed by its error message."""
    st.form_submit_button(
        label, type="primary", key=f"{form_key}.submit", on_click=on_submit, args=(form_key, action),
        kwargs={"clear": clear, "success": success},
    )


class ButtonOptions(TypedDict, total=False):
    """The st.button options the app's buttons use: help, type, icon, disabled, width."""

    help: str | None
    type: Literal["primary", "secondary", "tertiary"]
    icon: str | None
    disabled: bool
    width: Literal["stretch", "content"] | int


def button(key: str, label: str, action: Callable[[], object], *, success: str | None = None,
           **kwargs: Unpack[ButtonOptions]) -> None:
    """A plain button that runs a service in its callback (errors shown like forms)."""
    st.button(label, key=key, on_click=on_submit, args=(PAGE, action), kwargs={"success": success}, **kwargs)
