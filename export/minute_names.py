"""How the minute writes people and free text: as they are, or (anonymised) as initials, also inside free text.

A free text longer than LONG_TEXT characters shows its first lines where it stands and a pointer to the
appendix 'Hele teksten' at the end of the minute, which holds it in full (export.minute writes it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from facilitation.domain.anonymity import Labels, child_names_list, initials, labels_for, name_scrubber
from facilitation.domain.model import MeetingRecord, Participant

LONG_TEXT = 600  # characters: a longer text goes to the appendix
SHOWN = 280  # characters of a long text shown in its place (cut at a word)
SHOWN_LINES = 4


def _no_reference(number: int) -> str:
    return f"… [{number}]"


@dataclass(frozen=True)
class Names:
    """How the minute writes people: as they are, or (anonymised) as initials; long texts go to the appendix.

    One Names is made per minute: `long_texts` collects that minute's appendix as it is written.
    """

    anonymised: bool
    scrub: Callable[[str], str]
    labels: Labels | None = None
    refer: Callable[[int], str] = _no_reference  # the pointer to appendix text number n
    long_texts: list[str] = field(default_factory=list)

    def person(self, name: str) -> str:
        """A person's name, or their initials (those that tell the meeting's people apart)."""
        if not (self.anonymised and name.strip()):
            return name
        return self.labels.name(name) if self.labels is not None else initials(name)

    def participant(self, person: Participant) -> str:
        """A participant's name, or initials that tell them apart from everyone (the child's, for the child)."""
        if not self.anonymised:
            return person.name
        return self.labels.people.get(person.id, initials(person.name)) if self.labels else initials(person.name)

    def free(self, text: str) -> str:
        """Free text with every known name replaced by initials when anonymised; a long one shortened."""
        text = self.scrub(text) if self.anonymised else text
        if len(text) <= LONG_TEXT:
            return text
        if text in self.long_texts:
            number = self.long_texts.index(text) + 1
        else:
            self.long_texts.append(text)
            number = len(self.long_texts)
        return f"{first_lines(text)} {self.refer(number)}"


def first_lines(text: str) -> str:
    """The start of a long text: its first few lines, at most SHOWN characters, cut after a whole word."""
    lines = text.strip().split("\n")[:SHOWN_LINES]
    start = "\n".join(lines)
    if len(start) > SHOWN:
        cut = start[:SHOWN]
        start = cut[: cut.rfind(" ")] if " " in cut[SHOWN // 2:] else cut
    return start.rstrip(" ,.;:-–\n")


def names_for(record: MeetingRecord, anonymised: bool, refer: Callable[[int], str] = _no_reference) -> Names:
    """Every name the meeting knows, for the anonymised variant's scrubber and initials."""
    if not anonymised:
        return Names(False, lambda text: text, refer=refer)
    known = [p.name for p in record.participants]
    known += list(record.roles.values())
    known += child_names_list(record.case.child_names)
    family = re.sub(r"\(.*?\)|\bfamilien\b|\bfamilie\b", " ", record.case.family_name, flags=re.IGNORECASE)
    known += [family] if family.strip() else []
    return Names(True, name_scrubber(known), labels_for(record), refer=refer)
