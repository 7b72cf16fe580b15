"""Baseline for `make bench`: the naive build. The whole page re-runs every second and draws the projector's
actions of the meeting from scratch (the same data and HTML as the app's actions screen).

`streamlit run bench/baselines/naive_app.py` with MOEDETAVLEN_DATA_DIR and BENCH_MEETING_ID set.
"""

import os
import time
from datetime import date

import streamlit as st  # noqa: TID251 (a baseline app beside the app)

from facilitation import services
from facilitation.demo import DEMO_ACTOR
from ui.db import database
from ui.projection import WALL_CSS
from ui.projector_view import ACTIONS_CSS, actions_html

record = services.load_meeting(database(), int(os.environ["BENCH_MEETING_ID"]), viewer=DEMO_ACTOR)
st.html(f"<style>{WALL_CSS}{ACTIONS_CSS}</style>")
st.html(f'<div class="mt-wall"><div data-testid="mt-screen" hidden></div><main class="mt-stage">'
        f'{actions_html(record, "da", date.today(), int(time.time()))}</main></div>')
time.sleep(1)
st.rerun()
