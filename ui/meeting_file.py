"""Loading a meeting file in the app (the Meeting page): the file becomes a new case, opened at once."""

from __future__ import annotations

import streamlit as st

from facilitation.domain.access import Actor
from facilitation.services import get_meeting
from facilitation.services.meeting_file import BackupError, load_meeting_file
from facilitation.storage import Database
from ui import session
from ui.i18n import t
from ui.text import md

UPLOAD = "meeting_file.upload"
FORM = "meeting_file"


def load_form(db: Database, me: Actor, meeting_id: int) -> None:
    """The file picker and its button; a refused file is explained in plain words, and nothing is stored.

    The picker belongs to the meeting open now: after a load the new meeting opens with an empty picker.
    """
    st.caption(t("meeting_file.help"))
    upload = f"{UPLOAD}.{meeting_id}"
    st.file_uploader(t("meeting_file.choose"), type=["json"], key=upload)
    st.button(t("meeting_file.load"), key="meeting_file.submit", on_click=_load, args=(db, me, upload),
              icon=":material/upload_file:")
    message = session.error(FORM)
    if message:
        st.error(message, icon=":material/error:")


def _load(db: Database, me: Actor, key: str) -> None:
    upload = session.widget_value(key)
    if upload is None:
        session.set_error(FORM, t("meeting_file.none"))
        return
    try:
        new_id = load_meeting_file(db, me, upload.getvalue())  # type: ignore[attr-defined]  # an UploadedFile
    except BackupError as error:  # the message quotes the file: escaped, so its text is never Markdown
        session.set_error(FORM, md(f"{error.message(session.language())} {t('backup.nothing_stored')}"))
        return
    session.set_error(FORM, None)
    session.set_current_meeting(new_id, get_meeting(db, new_id, viewer=me).case_id)
    session.flash(t("meeting_file.loaded"))
