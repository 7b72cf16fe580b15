"""Names on the map break only between words: at a space, or after a hyphen; never inside a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitation.domain.name_lines import name_lines


def test_short_names_stay_on_one_line() -> None:
    assert name_lines("Ole Lund") == "Ole Lund"
    assert name_lines("Mormor") == "Mormor"
    assert name_lines("") == ""


def test_long_names_break_at_spaces_and_after_hyphens() -> None:
    assert name_lines("Birthe Vestergaard") == "Birthe\nVestergaard"
    assert name_lines("Mads Østergaard-Nielsen") == "Mads\nØstergaard-\nNielsen"
    assert name_lines("Anne-Marie Holm") == "Anne-Marie\nHolm"
    assert name_lines("Hans Ole Jensen") == "Hans Ole\nJensen"


def test_a_word_longer_than_a_line_is_kept_whole() -> None:
    assert name_lines("Sundhedsplejerskeordningen") == "Sundhedsplejerskeordningen"
    assert name_lines("Dr. Sundhedsplejerskeordningen Jensen") == "Dr.\nSundhedsplejerskeordningen\nJensen"


names = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=25),
                 min_size=1, max_size=5).map(" ".join)


@given(names, st.integers(min_value=1, max_value=30))
def test_no_character_is_lost_and_no_word_is_split(name: str, width: int) -> None:
    lines = name_lines(name, width).split("\n")
    assert "".join("".join(lines).split()) == "".join(name.split())
    for word in name.split():
        for part in word.split("-"):
            assert not part or any(part in line for line in lines), (part, lines)
    assert all(len(line) <= width or " " not in line for line in lines), "a line passes the width only for one word"
