"""Initials instead of names, for maps and minutes shared outside the family.

Free text (a resource, a relation such as "Sannes veninde") is scrubbed of every name the
meeting knows: full names first (any case), then each single name part as written, with a
Danish genitive -s kept ("Sannes" -> "S.'s"). Names the meeting does not know (nicknames,
people never entered) cannot be found; that is the documented limit of the anonymised variant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_WORD = re.compile(r"[^\W\d_]+")
_CHILD_SEPARATOR = re.compile(r"\s*(?:,|&|/|\+|\bog\b|\band\b)\s*", re.IGNORECASE)


def initials(name: str) -> str:
    """'Sanne Juhl' -> 'S.J.': the first letter of every word of a name ('?' for no letters)."""
    return "".join(f"{word[0].upper()}." for word in _WORD.findall(name)) or "?"


def child_names_list(child_names: str) -> list[str]:
    """The single names in a case's child names ('Alma og Bo' -> ['Alma', 'Bo'])."""
    return [part for part in _CHILD_SEPARATOR.split(child_names.strip()) if part]


def child_initials(child_names: str) -> str:
    """The children's initials joined as they are said ('Alma og Bo' -> 'A. og B.')."""
    return " og ".join(initials(name) for name in child_names_list(child_names)) or "?"


def name_scrubber(names: Iterable[str]) -> Callable[[str], str]:
    """A function replacing every one of `names` (and each part of them) in a text by initials."""
    full: dict[str, str] = {}
    parts: dict[str, str] = {}
    for name in names:
        words = name.split()
        if not words:
            continue
        full.setdefault(" ".join(words).casefold(), initials(name))
        for word in _WORD.findall(name):
            if len(word) >= 2:  # a lone initial is already anonymous
                parts.setdefault(word, f"{word[0].upper()}.")
    full_pattern = _alternation(
        [r"\s+".join(map(re.escape, key.split())) for key in full], re.IGNORECASE
    )
    part_pattern = _alternation([re.escape(part) for part in parts], 0)

    def full_initials(match: re.Match[str]) -> str:
        return full[" ".join(match["name"].split()).casefold()] + _genitive(match)

    def part_initials(match: re.Match[str]) -> str:
        return parts[match["name"]] + _genitive(match)

    def scrub(text: str) -> str:
        if full_pattern is not None:
            text = full_pattern.sub(full_initials, text)
        if part_pattern is not None:
            text = part_pattern.sub(part_initials, text)
        return text

    return scrub


def _alternation(alternatives: list[str], flags: int) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    # Longest first, so "Jens" wins over "Jen" + genitive s.
    ordered = sorted(set(alternatives), key=lambda a: (-len(a), a))
    return re.compile(r"(?<!\w)(?P<name>" + "|".join(ordered) + r")(?P<gen>'?s)?(?!\w)", flags)


def _genitive(match: re.Match[str]) -> str:
    return "'s" if match["gen"] else ""
