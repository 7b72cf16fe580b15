"""Baseline for `make bench`: Streamlit's own floor. A one-line fragment re-running every 0.1 s writes the
one line of a small file (the benchmark's "commit" replaces the file), so nothing but Streamlit is timed.

`streamlit run bench/baselines/floor_app.py` with BENCH_LINE_FILE set.
"""

import os
from pathlib import Path

import streamlit as st  # noqa: TID251 (a baseline app beside the app)

LINE = Path(os.environ["BENCH_LINE_FILE"])
st.html('<div data-testid="mt-screen"></div>')


@st.fragment(run_every=0.1)
def line() -> None:
    """The file's line, as it is now."""
    st.text(LINE.read_text(encoding="utf-8"))


line()
