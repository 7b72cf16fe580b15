"""The Danish words of the Word minute ('Referat og aftaler'): plain language, written to the family.

The minute is the family's document and is always in Danish, whatever language the app shows.
"""

from __future__ import annotations

from facilitation.domain.model import (
    ActionStatus,
    Attendance,
    BoardKind,
    CaseType,
    Category,
    Coordinator,
    GoalTerm,
    Group,
    MeetingKind,
)
from facilitation.domain.roles import Role

TITLE = "Referat og aftaler"
CONFIDENTIAL = "Fortroligt"
PAGE = ("Side", "af")
INTRO = (
    "Her er referatet fra mødet. Det er jeres aftale: hvem gør hvad, og hvornår. "
    "Sig det til os, hvis noget er forkert eller uklart — så retter vi det."
)
ANONYMISED_NOTE = (
    "Anonymiseret udgave til brug uden for familien: navne er erstattet af initialer, "
    "og mødested, kontaktoplysninger og tegninger er udeladt."
)
NOT_ENDED = "Mødet er ikke afsluttet i Mødetavlen; referatet viser det, der er skrevet indtil nu."

MEETING_ABOUT = "{kind} om {child}"
KINDS = {
    MeetingKind.START: "Opstartsmøde", MeetingKind.FOLLOW_UP: "Opfølgningsmøde",
    MeetingKind.NETWORK: "Netværksmøde", MeetingKind.HANDOVER: "Overleveringsmøde",
}

PEOPLE = "Hvem var med"
GROUPS = {Group.FAMILY: "Familien", Group.NETWORK: "Netværket", Group.PROFESSIONAL: "Fagpersoner"}
PEOPLE_HEADER = ("Navn", "Relation til barnet", "Kan hjælpe med")
ABSENT = "Meldt afbud:"
ATTENDANCE = {Attendance.PRESENT: "til stede", Attendance.ABSENT: "afbud", Attendance.NOT_INVITED: "ikke inviteret"}

PURPOSE = "Formålet med mødet"

REVIEW = "Aftaler fra sidste møde"
REVIEW_HEADER = ("Aftale", "Hvem", "Hvordan gik det?")
REVIEW_STATUS = {ActionStatus.OPEN: "Fortsætter", ActionStatus.DONE: "Gjort", ActionStatus.DROPPED: "Droppet"}

BOARD = "Det talte vi om"
BOARD_COLUMNS = {
    BoardKind.WORKING_WELL: "Det går godt",
    BoardKind.WORRY: "Det er vi bekymrede for",
    BoardKind.NEXT_STEP: "Det skal der ske",
}
CATEGORIES = {
    Category.PAST_HARM: "Det er sket", Category.FUTURE_DANGER: "Det kan ske", Category.COMPLICATING: "Gør det svært",
    Category.STRENGTH: "Styrke", Category.EXISTING_SAFETY: "Tryghed, der allerede er",
}
SAID_BY = "— {name}"

SAFETY = "Bekymring og sikkerhedsmål"
SAFETY_HEADER = ("Det er vi bekymrede for", "Det skal vi se, før vi er trygge")
GREY = "Det ved vi ikke endnu"

HOUSES = "{child}s tre huse"
HOUSES_INTRO = "Med barnets egne ord."
HOUSE_COLUMNS = {
    BoardKind.HOUSE_WORRY: "Bekymringernes hus",
    BoardKind.HOUSE_GOOD: "Det gode hus",
    BoardKind.HOUSE_DREAM: "Drømmenes hus",
}

SCALING = "Skalering"
SCALING_HEADER_NAME = "Hvem"
SCALING_HEADER_TODAY = "I dag"
SCALING_HEADER_REASON = "Hvorfor det tal?"
SCALING_CAPTION = "Tallene fra dette og tidligere møder. Linjen viser gennemsnittet."
SCALING_MEAN = "Gennemsnit"

GOALS = "Mål"
TERMS = {GoalTerm.SHORT: "Kortsigtede mål", GoalTerm.LONG: "Langsigtede mål"}
GOAL_OWNER = "Ansvarlig: {owner}"
GOAL_ANSWERS = "Svarer på sikkerhedsmålet: {text}"

ACTIONS = "Det har vi aftalt"
ACTIONS_HEADER = ("Hvad skal der ske?", "Hvem gør det?", "Hvornår?", "Hvem koordinerer?")
NO_DUE = "Ingen dato"
COORDINATORS = {Coordinator.FAMILY: "Familien", Coordinator.CASEWORKER: "Rådgiveren"}
FROM_LAST_TIME = "(fra sidst)"
STATUS_SUFFIX = {ActionStatus.DONE: "(gjort)", ActionStatus.DROPPED: "(droppet)"}

MAP = "Netværkskortet"
MAP_CAPTION = "Barnet i midten; ring 1 er tættest på."
DRAWINGS = "Tegninger fra mødet"

AGENDA = "Mødets forløb"
AGENDA_HEADER = ("Punkt", "Planlagt", "Brugt")
MINUTES = "{n} min."
EXTRA = "+{n}"
LESS_THAN_A_MINUTE = "under 1 min."
NOT_REACHED = "—"
DECISION = "Besluttet: "
DECISIONS = "Beslutninger"

EVALUATION = "Hvordan var mødet?"
EVALUATION_HEADER = ("Hvem", "Blev du hørt?", "Var mødet nyttigt?", "Kommentar")
EVALUATION_ROOM = "Alle sammen"
EVALUATION_SCORE = "{n} af 5"
EVALUATION_MEAN = "I gennemsnit: hørt {heard} af 5, nyttigt {useful} af 5 ({count} svar)."

FOLLOW_UP = "Næste møde"
FOLLOW_UP_LINE = "Vi mødes igen til opfølgning senest"
CADENCE = {
    CaseType.COMPENSATION: "Sagen følges op hver 3. måned.",
    CaseType.ASSESSMENT: "Sagen følges op hver 6. uge, mens der er en børnefaglig undersøgelse.",
}

CONTACT = "Sådan fanger I os"
CONTACT_INTRO = "Har I spørgsmål, eller er der noget i referatet, der ikke passer, så kontakt os:"
ROLES = {
    Role.FACILITATOR: "mødeleder", Role.TIMEKEEPER: "tidtager", Role.MINUTE_TAKER: "referent", Role.CHAIR: "ordstyrer",
}
