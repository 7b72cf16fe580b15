"""Sensible default agendas per meeting kind (titles in the meeting's language)."""

from __future__ import annotations

from facilitation.domain.model import MeetingKind

_DEFAULTS: dict[str, dict[MeetingKind, list[tuple[str, int]]]] = {
    "da": {
        MeetingKind.START: [
            ("Velkommen og præsentation", 10),
            ("Formål og rammer for mødet", 5),
            ("Netværkskortet: hvem er omkring barnet?", 15),
            ("Hvad går godt?", 15),
            ("Hvad er vi bekymrede for?", 15),
            ("Skalering 0–10", 10),
            ("Hvad skal der ske? Aftaler", 15),
            ("Opsamling og evaluering af mødet", 5),
        ],
        MeetingKind.FOLLOW_UP: [
            ("Velkommen", 5),
            ("Gennemgang af aftaler fra sidst", 15),
            ("Hvad er blevet bedre? Hvad går godt?", 15),
            ("Hvad er vi stadig bekymrede for?", 15),
            ("Skalering 0–10", 10),
            ("Nye aftaler og mål", 15),
            ("Opsamling og evaluering af mødet", 5),
        ],
        MeetingKind.NETWORK: [
            ("Velkommen og præsentation af netværket", 10),
            ("Barnets stemme: de tre huse", 10),
            ("Netværkskortet: hvem kan hjælpe med hvad?", 20),
            ("Bekymringer og det der går godt", 20),
            ("Netværkets plan: hvem gør hvad?", 20),
            ("Opsamling og evaluering af mødet", 5),
        ],
        MeetingKind.HANDOVER: [
            ("Velkommen", 5),
            ("Sagens forløb kort fortalt", 10),
            ("Mål og aftaler der fortsætter", 15),
            ("Hvem overtager hvad?", 15),
            ("Opsamling og evaluering af mødet", 5),
        ],
    },
    "en": {
        MeetingKind.START: [
            ("Welcome and introductions", 10),
            ("Purpose and frame of the meeting", 5),
            ("Network map: who is around the child?", 15),
            ("What is working well?", 15),
            ("What are we worried about?", 15),
            ("Scaling 0–10", 10),
            ("What needs to happen? Actions", 15),
            ("Summary and evaluation of the meeting", 5),
        ],
        MeetingKind.FOLLOW_UP: [
            ("Welcome", 5),
            ("Review of last meeting's actions", 15),
            ("What has improved? What is working well?", 15),
            ("What are we still worried about?", 15),
            ("Scaling 0–10", 10),
            ("New actions and goals", 15),
            ("Summary and evaluation of the meeting", 5),
        ],
        MeetingKind.NETWORK: [
            ("Welcome and introduction of the network", 10),
            ("The child's voice: Three Houses", 10),
            ("Network map: who can help with what?", 20),
            ("Worries and what is working well", 20),
            ("The network's plan: who does what?", 20),
            ("Summary and evaluation of the meeting", 5),
        ],
        MeetingKind.HANDOVER: [
            ("Welcome", 5),
            ("The case so far, in short", 10),
            ("Goals and actions that continue", 15),
            ("Who takes over what?", 15),
            ("Summary and evaluation of the meeting", 5),
        ],
    },
}


def default_agenda(kind: MeetingKind, language: str = "da") -> list[tuple[str, int]]:
    """(title, planned minutes) pairs for a new meeting of this kind."""
    return list(_DEFAULTS.get(language, _DEFAULTS["da"])[kind])
