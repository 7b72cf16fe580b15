"""How the minute writes people: as they are, or (anonymised) as initials, also inside free text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from facilitation.domain.anonymity import child_names_list, initials, name_scrubber
from facilitation.domain.model import MeetingRecord


@dataclass(frozen=True)
class Names:
    """How the minute writes people: as they are, or (anonymised) as initials."""

    anonymised: bool
    scrub: Callable[[str], str]

    def person(self, name: str) -> str:
        """A person's name, or their initials."""
        return initials(name) if self.anonymised and name.strip() else name

    def free(self, text: str) -> str:
        """Free text with every known name replaced by initials when anonymised."""
        return self.scrub(text) if self.anonymised else text



def names_for(record: MeetingRecord, anonymised: bool) -> Names:
    """Every name the meeting knows, for the anonymised variant's scrubber."""
    if not anonymised:
        return Names(False, lambda text: text)
    known = [p.name for p in record.participants]
    known += list(record.roles.values())
    known += child_names_list(record.case.child_names)
    family = re.sub(r"\(.*?\)|\bfamilien\b|\bfamilie\b", " ", record.case.family_name, flags=re.IGNORECASE)
    known += [family] if family.strip() else []
    return Names(True, name_scrubber(known))
