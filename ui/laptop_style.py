"""What the laptops' pages change of Streamlit's own look: captions dark enough to read, no English hints.

Streamlit draws st.caption faded (60 % opacity: 2.8:1 on white, below WCAG AA's 4.5:1) and no theme option
changes it; it also writes its own English under inputs ("Press Enter to submit form", "Press Ctrl+Enter to
apply") and in a table's hover toolbar (search, download as CSV), which a Danish page must not show — the
forms have their own buttons, and case data leaves the app only through the export page, which logs it.
"""

from __future__ import annotations

import streamlit as st

CAPTION_INK = "#50565E"  # 7.4:1 on white, 6.6:1 on the sidebar's grey
CSS = f"""<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: {CAPTION_INK} !important;
  opacity: 1 !important; }}
[data-testid="InputInstructions"] {{ display: none !important; }}
[data-testid="stElementToolbar"] {{ display: none !important; }}
</style>"""


def apply() -> None:
    """Add the app's corrections to Streamlit's look to this run's page."""
    st.html(CSS)
