"""Mødetavlen: the router. The sign-in door beside it, then: who is this browser, which pages, run one.

`streamlit run app.py` finds `app` (an st.App) and serves the sign-in routes (ui/auth_routes.py) and the
live channel (ui/live_stream.py) with the app; each browser session then runs this file as its script (`__main__`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from facilitation import settings
from ui import auth_routes, live_stream, offline

if TYPE_CHECKING:
    from facilitation.storage import Database

offline.never_look_up_own_address()
settings.ladder()  # a wrong MOEDETAVLEN_LADDER stops the server at its start, naming the setting
# The app names its pages with st.navigation (ui/navigation.py, ui/gate.py). Because a folder pages/ lies beside
# this file, Streamlit runs the first session of a new server process the old way, as if every pages/*.py were a
# page at its file name, and says "Page not found" for any other address (a bookmark of /dagsorden or /projektor
# opened after a restart); st.navigation turns that off only once it has run. Turn it off before the first run.
PagesManager.uses_pages_directory = False
app = st.App(__file__, routes=[*auth_routes.ROUTES, *live_stream.ROUTES])


def main() -> None:
    """One run of the app for one browser: signed-in caseworker, paired projector, or the sign-in page."""
    from ui import laptop_style, session
    from ui.db import database

    st.set_page_config(page_title="Mødetavlen", page_icon="ui/assets/favicon.png", layout="wide")
    laptop_style.apply()
    with session.one_run():
        _run(database())


def _run(db: Database) -> None:
    """The run itself: the gate, then the sidebar and the chosen page."""
    from ui import current, gate, navigation, session, sidebar

    if not gate.admit(db):  # nobody signed in: the sign-in page, or a projector's one meeting, and nothing else
        return
    sidebar.follow_url(db)
    page = st.navigation(navigation.pages_for_device())
    sidebar.render(db)
    message = session.pop_flash()
    if message:
        st.toast(message, icon=":material/check_circle:")
    current.explain_missing_meeting(db)
    page.run()  # always: Streamlit reports "page not found" for a page it is not asked to run


if __name__ == "__main__":  # a browser session's run (the server imports this module as "app")
    main()
