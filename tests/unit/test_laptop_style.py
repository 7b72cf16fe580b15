"""The laptops' corrections to Streamlit's look: readable captions, none of Streamlit's English hints."""

from ui.laptop_style import CAPTION_INK, CSS
from ui.projection import contrast

SIDEBAR_GREY = "#F0F2F6"


def test_captions_are_dark_enough_for_wcag_aa_on_the_page_and_in_the_sidebar() -> None:
    assert contrast(CAPTION_INK, "#FFFFFF") >= 4.5 and contrast(CAPTION_INK, SIDEBAR_GREY) >= 4.5
    assert "opacity: 1 !important" in CSS  # Streamlit fades the caption's box as well as its colour


def test_streamlits_english_input_hints_and_table_toolbar_are_hidden() -> None:
    assert '[data-testid="InputInstructions"] { display: none' in CSS
    assert '[data-testid="stElementToolbar"] { display: none' in CSS
