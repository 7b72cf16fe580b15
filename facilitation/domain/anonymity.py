"""Initials instead of names, for maps and minutes shared outside the family.

Free text (a resource, a relation such as "Sannes veninde") is scrubbed of every name the
meeting knows: full names first (any case), then each single name part as written, with a
Danish genitive -s kept ("Sannes" -> "S.'s"). Names the meeting does not know (nicknames,
people never entered) cannot be found; that is the documented limit of the anonymised variant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from facilitation.domain.model import MeetingRecord

_WORD = re.compile(r"[^\W\d_]+")
_CHILD_SEPARATOR = re.compile(r"\s*(?:,|&|/|\+|\bog\b|\band\b)\s*", re.IGNORECASE)


def initials(name: str) -> str:
    """'Sanne Juhl' -> 'S.J.': the first letter of every word of a name ('?' for no letters)."""
    return "".join(f"{word[0].upper()}." for word in _WORD.findall(name)) or "?"


def child_names_list(child_names: str) -> list[str]:
    """The single names in a case's child names ('Alma og Bo' -> ['Alma', 'Bo'])."""
    return [part for part in _CHILD_SEPARATOR.split(child_names.strip()) if part]


def first_names(child_names: str) -> str:
    """Each child's first name only ('Alma Juhl (8 år) og Bo' -> 'Alma og Bo'), for a calendar title."""
    plain = re.sub(r"\(.*?\)|\[.*?\]", " ", child_names)
    firsts = [part.split()[0] for part in child_names_list(plain) if part.split()]
    return " og ".join(firsts) or "?"


def child_initials(child_names: str) -> str:
    """The children's initials joined as they are said ('Alma og Bo' -> 'A. og B.')."""
    return " og ".join(initials(name) for name in child_names_list(child_names)) or "?"


def distinct_initials(names: Sequence[str]) -> list[str]:
    """Initials for each of `names` (one per person, in order) such that two people never share them.

    People whose initials clash get the first two letters of each name part ('Anna' 'An.', 'Alma'
    'Al.'); when those clash too (the same first name), the first keeps the initials and the others are
    numbered ('A.', 'A.2'). Put the child first: the child keeps the plain initials.
    """
    plain = [initials(name) for name in names]
    longer = [_two_letter_initials(name) for name in names]
    labels = list(plain)
    for value in set(plain):
        group = [i for i, label in enumerate(plain) if label == value]
        if len(group) < 2:
            continue
        if len({longer[i] for i in group}) == len(group) and not {longer[i] for i in group} & set(plain):
            for i in group:
                labels[i] = longer[i]
            continue
        for number, i in enumerate(group[1:], start=2):
            labels[i] = f"{value}{number}"
    return labels


def _two_letter_initials(name: str) -> str:
    """'Anna Juhl' -> 'An.Ju.': the first two letters of every word of a name."""
    return "".join(f"{word[0].upper()}{word[1:2].lower()}." for word in _WORD.findall(name)) or "?"


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


@dataclass(frozen=True)
class Labels:
    """What the anonymised variant calls the child and each participant (by id), and any name it knows."""

    child: str
    people: Mapping[int, str]
    by_name: Mapping[str, str]  # a name as typed elsewhere ('said by', 'who'), matched ignoring case and spacing

    def name(self, name: str) -> str:
        """The label of a name typed in free text: a known person's, else plain initials."""
        return self.by_name.get(_key(name), initials(name))


def labels_for(record: MeetingRecord) -> Labels:
    """Initials that tell everyone apart: the children first, then the participants in order.

    A participant who is the child (ring 0) is labelled as the child, not as a second person.
    """
    children = child_names_list(record.case.child_names)
    others = [p for p in record.participants if not p.is_child]
    labels = distinct_initials(children + [p.name for p in others])
    child_labels, people_labels = labels[: len(children)], labels[len(children):]
    child = " og ".join(child_labels) or "?"
    people = {p.id: label for p, label in zip(others, people_labels, strict=True)}
    people.update({p.id: child for p in record.participants if p.is_child})
    by_name: dict[str, str] = {}
    for name, label in zip(children + [p.name for p in others], labels, strict=True):
        by_name.setdefault(_key(name), label)
    return Labels(child, MappingProxyType(people), MappingProxyType(by_name))


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
