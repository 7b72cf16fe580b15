"""A complete, fictional demo meeting (no real people) so newcomers see the tool at work."""

from __future__ import annotations

import io
import secrets
from datetime import date, timedelta

from PIL import Image, ImageDraw

from facilitation import services as s
from facilitation.domain.access import Actor, MemberRole
from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH
from facilitation.domain.model import Attendance as A
from facilitation.domain.model import Group as G
from facilitation.domain.model import Sector as S
from facilitation.services.accounts import create_account, find_account
from facilitation.services.members import add_member
from facilitation.storage import Database

DEMO_ACTOR = "demo"
DEMO_NAME = "Demo Rådgiver"
DEMO_EMAIL = "demo@moedetavlen.invalid"  # .invalid: a domain that can never receive mail

# name, relation, sector, ring, group, attendance, can help with
_PEOPLE = [
    ("Sanne Juhl", "Mor", S.FAMILY, 1, G.FAMILY, A.PRESENT, "Morgenrutiner, lektier om aftenen"),
    ("Kasper Møller", "Far (bor i Vejle)", S.FAMILY, 2, G.FAMILY, A.PRESENT, "Weekender hver anden uge"),
    ("Birthe Juhl", "Mormor", S.FAMILY, 1, G.NETWORK, A.PRESENT, "Henter Alma i SFO tirsdag og torsdag"),
    ("Erik Juhl", "Morfar", S.FAMILY, 2, G.NETWORK, A.ABSENT, "Kørsel til fodbold"),
    ("Lone Møller", "Farmor", S.FAMILY, 3, G.NETWORK, A.NOT_INVITED, "Ferier"),
    ("Mads Juhl", "Morbror", S.FAMILY, 2, G.NETWORK, A.PRESENT, "Aflastning en weekend om måneden"),
    ("Henny Kragh", "Nabo", S.FRIENDS_NEIGHBOURS, 2, G.NETWORK, A.PRESENT, "Alma kan gå til hende efter skole"),
    ("Mette Lund", "Sannes veninde", S.FRIENDS_NEIGHBOURS, 2, G.NETWORK, A.ABSENT, "Ringer til Sanne, når det er svært"),
    ("Ole Vestergaard", "Fodboldtræner", S.FRIENDS_NEIGHBOURS, 3, G.NETWORK, A.NOT_INVITED, "Fast træning to gange om ugen"),
    ("Jonas Friis", "Klasselærer, 3.B", S.SCHOOL_DAYCARE_WORK, 2, G.PROFESSIONAL, A.PRESENT, "Daglig kontakt via Aula"),
    ("Aisha Khan", "Pædagog i SFO", S.SCHOOL_DAYCARE_WORK, 2, G.PROFESSIONAL, A.PRESENT, "Ro om eftermiddagen, lektiecafé"),
    ("Ida Nørgaard", "PPR-psykolog", S.PROFESSIONAL, 3, G.PROFESSIONAL, A.PRESENT, "Samtaler med Alma om følelser"),
    ("Karen Holm", "Sundhedsplejerske", S.PROFESSIONAL, 3, G.PROFESSIONAL, A.ABSENT, "Søvn og kost"),
    ("Peter Brandt", "Jobkonsulent, jobcentret", S.PROFESSIONAL, 3, G.PROFESSIONAL, A.PRESENT, "Sannes vej tilbage til arbejde"),
]

_STANDARD = {  # the standard relation word of each person (what the anonymised minute and map show)
    "Sanne Juhl": "mother", "Kasper Møller": "father", "Birthe Juhl": "maternal_grandmother",
    "Erik Juhl": "maternal_grandfather", "Lone Møller": "paternal_grandmother", "Mads Juhl": "uncle",
    "Henny Kragh": "neighbour", "Mette Lund": "friend", "Jonas Friis": "class_teacher", "Aisha Khan": "pedagogue",
    "Ida Nørgaard": "ppr", "Karen Holm": "health_visitor",
}

_SUPPORTS = {  # what each person gives or receives ("kind:direction"; facilitation.domain.support)
    "Sanne Juhl": ["information:receives"], "Birthe Juhl": ["practical", "emotional:both"],
    "Erik Juhl": ["practical"], "Mads Juhl": ["practical", "company"], "Henny Kragh": ["practical", "company"],
    "Mette Lund": ["emotional:both"], "Ole Vestergaard": ["company"], "Jonas Friis": ["information"],
    "Peter Brandt": ["information", "linking"], "Lone Møller": ["company"],
}
_COULD_BE_ASKED = {"Lone Møller", "Ole Vestergaard"}  # known to the family, not active now

_RELATIONS = [  # from, to, kind, strained
    ("Birthe Juhl", "Sanne Juhl", "mor til", False),
    ("Erik Juhl", "Birthe Juhl", "gift med", False),
    ("Mads Juhl", "Sanne Juhl", "bror til", False),
    ("Lone Møller", "Kasper Møller", "mor til", False),
    ("Kasper Møller", "Sanne Juhl", "tidligere par", True),
    ("Mette Lund", "Sanne Juhl", "veninde", False),
]

_BOARD = [  # kind, text, said by, category
    ("working_well", "Alma går glad i skole de fleste dage", "Jonas Friis", "strength"),
    ("working_well", "Mormor henter Alma to faste dage om ugen, og det giver ro", "Sanne Juhl", "existing_safety"),
    ("working_well", "Sanne har selv bedt om hjælp og kommer til alle møder", "Rådgiver", "strength"),
    ("working_well", "Alma elsker fodbold og har gode venner på holdet", "Alma (de tre huse)", "strength"),
    ("worry", "Alma har været alene hjemme om aftenen flere gange, når Sanne havde det skidt", "", "past_harm"),
    ("worry", "Hvis Sannes depression bliver værre, kan Alma stå alene med ansvaret derhjemme", "", "future_danger"),
    ("worry", "Konflikter mellem Sanne og Kasper ved afleveringer", "Kasper Møller", "complicating"),
    ("next_step", "En fast aftaleplan for hvem Alma er hos efter skole", "", ""),
    ("next_step", "Sanne starter i behandling hos egen læge og psykolog", "", ""),
    ("danger_statement", "Vi er bekymrede for, at Alma igen kommer til at være alene om aftenen uden en voksen, hvis Sanne får det dårligt, og at hun så bliver bange og føler, hun skal passe på sin mor.", "", ""),
    ("safety_goal", "Alma ved altid, hvilken voksen hun kan ringe til, og der er altid en voksen hos hende om aftenen, også når Sanne har det svært.", "", ""),
    ("grey_area", "Vi ved ikke endnu, hvordan Alma har det i weekenderne hos far", "", ""),
    # Alma's Three Houses, from her talk with the caseworker
    ("house_worry", "Når mor ligger i sengen hele dagen", "", ""),
    ("house_worry", "At være alene hjemme, når det er mørkt", "", ""),
    ("house_good", "Fodbold med holdet", "", ""),
    ("house_good", "Mormors pandekager om tirsdagen", "", ""),
    ("house_dream", "At mor bliver glad igen", "", ""),
    ("house_dream", "At far og mor ikke skændes, når jeg skifter hus", "", ""),
]

_SCORES = {
    "Sanne Juhl": (6, "Vi har en plan nu, og mor hjælper"),
    "Kasper Møller": (4, "Jeg er stadig bekymret for aftnerne"),
    "Birthe Juhl": (5, "Det går bedre, men det er skrøbeligt"),
    "Jonas Friis": (6, "Alma er mere rolig i skolen"),
    "Ida Nørgaard": (5, "Alma fortæller mere om, hvordan hun har det"),
}

_GOALS = [  # term, text, owner
    ("short", "Alma har en voksen hos sig hver aften", "Familien"),
    ("short", "En skriftlig plan over, hvem Alma er hos efter skole", "Sanne og Birthe"),
    ("long", "Sanne har det godt nok til at være tilbage i arbejde", "Sanne"),
    ("long", "Sagen kan lukkes, fordi netværket selv bærer planen", "Rådgiver"),
    ("long", "Sanne har en plan for job eller uddannelse, som hun selv har været med til at lægge",
     "Peter Brandt, jobcentret"),
]
_PLAN_FOR = {  # whom a goal (index into _GOALS) is for, when not Alma: a person's name, or "family"
    2: "Sanne Juhl", 3: "family", 4: "Sanne Juhl",
}
_PROGRESS = {  # "how far are we?" per goal (index into _GOALS): twelve and six weeks ago, and today
    "first": [0, 0, 1, 0, 0],
    "earlier": [2, 1, 2, 0, 1],
    "today": [5, 10, 4, 2, 3],
}
_ACHIEVED_TODAY = 1  # the written plan exists: reached today
_ACTION_FOR = {2: "Sanne Juhl", 5: "Sanne Juhl"}  # ... and an action (index into _ACTIONS)

_ACTIONS = [  # what, who, due in days, coordinator, goal index
    ("Lave en ugeplan for eftermiddage og aftener og hænge den på køleskabet", "Sanne og Birthe", 7, "family", 1),
    ("Give Alma en telefonliste med tre voksne hun kan ringe til", "Sanne", 3, "family", 0),
    ("Bestille tid hos egen læge om behandling", "Sanne", 14, "family", 2),
    ("Aftale fast afleveringssted hos mormor i weekender", "Kasper og Sanne", 14, "family", None),
    ("Tilbyde Alma samtaler hos PPR", "Ida Nørgaard", 21, "caseworker", None),
    ("Kontakt til jobcentret om et afklaringsforløb", "Peter Brandt", 30, "caseworker", 4),
    ("Indkalde til opfølgningsmøde", "Rådgiver", 42, "caseworker", None),
]

_DECISIONS = [  # text, the agenda item it was made under (an index into the default agenda; None: the meeting)
    ("Der er en voksen hos Alma hver aften; mormor og morbror tager de aftener, hvor Sanne har det svært.", -2),
    ("Rådgiver indkalder til opfølgningsmøde om seks uger.", None),
]

_EVALUATIONS = [  # respondent, heard (1-5), useful (1-5), comment
    ("Sanne Juhl", 4, 5, "Godt at alle var her, og at vi har en plan nu."),
    ("Birthe Juhl", 5, 4, ""),
    ("", 3, 4, "Det var svært at tale om aftnerne."),
]

_DRAWING = "Almas tre huse"
_HOUSES = ((120, "#C0392B"), (460, "#27AE60"), (800, "#2E86C1"))  # left edge, colour: worries, good things, dreams


_PURPOSE = (
    "At samle Almas netværk om en plan, så Alma altid har en voksen omkring sig, "
    "og Sanne får støtte til at få det bedre."
)
# Six and twelve weeks earlier the network was further away and the worry greater (maps and scores over time).
_EARLIER_RINGS = {"Kasper Møller": 3, "Mads Juhl": 3, "Henny Kragh": 3}
_EARLIER_SCORES = {"Sanne Juhl": 4, "Kasper Møller": 2, "Birthe Juhl": 3, "Jonas Friis": 4, "Ida Nørgaard": 3}
_FIRST_RINGS = {**_EARLIER_RINGS, "Birthe Juhl": 2}
_FIRST_SCORES = {"Sanne Juhl": 3, "Kasper Møller": 1, "Birthe Juhl": 2, "Jonas Friis": 3, "Ida Nørgaard": 2}
_NOT_YET_THERE = "Ole Vestergaard"


def create_demo_meeting(db: Database, today: date | None = None) -> int:
    """Create the fictional Juhl family's start meeting, with a row in every table of a meeting; returns its id."""
    day = today or date.today()
    case_id = s.create_case(db, DEMO_ACTOR, "Familien Juhl (demo)", "Alma", "assessment")
    meeting_id = s.create_meeting(db, DEMO_ACTOR, case_id, "start", day, "Familiehuset, mødelokale 2", _PURPOSE)
    _fill(db, meeting_id, day)
    _measures(db, case_id, meeting_id, day)
    # Alma's Three Houses, drawn at the start meeting. Today's follow-up (create_demo_case) starts on a blank
    # drawing page, so a newcomer meets the page that makes a new drawing.
    drawing = s.create_drawing(db, DEMO_ACTOR, meeting_id, _DRAWING)
    canvas, layer = _three_houses()
    s.save_drawing(db, DEMO_ACTOR, meeting_id, drawing, canvas, layer)
    return meeting_id


def create_demo_case(db: Database, today: date | None = None) -> int:
    """The demo case with history: a start meeting twelve weeks ago, a follow-up six weeks ago and today's
    follow-up; returns today's id.

    A second, smaller demo case (the Berg family) is made first, its follow-up overdue, so "Mine sager" shows
    both states; the Juhl case is the newest, the one the app opens first.
    """
    day = today or date.today()
    create_overdue_demo_case(db, day)
    first_id = create_demo_meeting(db, day - timedelta(weeks=12))
    _as_it_was(db, first_id, _FIRST_RINGS, _FIRST_SCORES, _PROGRESS["first"])
    case_id = s.load_meeting(db, first_id, viewer=DEMO_ACTOR).case.id
    earlier_id = s.create_meeting(db, DEMO_ACTOR, case_id, "follow_up", day - timedelta(weeks=6),
                                  "Familiehuset, mødelokale 2", _PURPOSE)
    _fill(db, earlier_id, day - timedelta(weeks=6))
    _as_it_was(db, earlier_id, _EARLIER_RINGS, _EARLIER_SCORES, _PROGRESS["earlier"])
    meeting_id = s.create_meeting(
        db, DEMO_ACTOR, case_id, "follow_up", day, "Familiehuset, mødelokale 2", _PURPOSE
    )
    _fill(db, meeting_id, day)
    _follow_goals(db, meeting_id, _PROGRESS["today"], achieved=_ACHIEVED_TODAY)
    return meeting_id


def _as_it_was(db: Database, meeting_id: int, rings: dict[str, int], scores: dict[str, int], progress: list[int]) -> None:
    """An earlier meeting as it was: the network further away, lower scores, less far with the goals; ended."""
    by_name = {p.name: p for p in s.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).participants}
    for name, ring in rings.items():
        s.edit_participant(db, DEMO_ACTOR, meeting_id, by_name[name].id, ring=ring)
    for name, score in scores.items():
        s.record_score(db, DEMO_ACTOR, meeting_id, by_name[name].id, score, "")
    s.remove_participant(db, DEMO_ACTOR, meeting_id, by_name[_NOT_YET_THERE].id)
    _follow_goals(db, meeting_id, progress)
    s.edit_meeting(db, DEMO_ACTOR, meeting_id, status="ended")


def _follow_goals(db: Database, meeting_id: int, progress: list[int], achieved: int | None = None) -> None:
    """Answer "how far are we?" for each demo goal (in _GOALS order); one may be reached."""
    texts = [text for _, text, _ in _GOALS]
    for goal in s.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).goals:
        index = texts.index(goal.text)
        s.follow_goal(db, DEMO_ACTOR, meeting_id, goal.id, progress=progress[index],
                      status="achieved" if index == achieved else "in_progress")
_MEASURES = [  # what, legal basis, provider, ladder step, weeks before the start meeting it began, goal index
    ("Familiebehandling i hjemmet, to gange om ugen", "sel_52", "Familiehuset", "intensive_home", 2, 0),
    ("Forældrekursus »Trygge rammer«", "sel_11", "Familiehuset", "preventive", 0, None),
]
BERG_NAME = "Familien Berg (demo)"


def _measures(db: Database, case_id: int, meeting_id: int, day: date) -> None:
    """The Juhl case's measures, on two steps of the intervention ladder."""
    goals = s.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).goals
    for what, basis, provider, step, weeks, goal in _MEASURES:
        s.add_measure(db, DEMO_ACTOR, case_id, what=what, legal_basis=basis, provider=provider,
                      start=day - timedelta(weeks=weeks), step=step, goal_id=None if goal is None else goals[goal].id)


def create_overdue_demo_case(db: Database, today: date) -> int:
    """The fictional Berg family: a compensation case whose follow-up (3 months after its meeting) is overdue."""
    case_id = s.create_case(db, DEMO_ACTOR, BERG_NAME, "Noah", "compensation")
    held = today - timedelta(weeks=16)
    meeting_id = s.create_meeting(db, DEMO_ACTOR, case_id, "start", held, "Rådhuset, mødelokale 4",
                                  "Hjælp til Noahs hverdag med hans diabetes")
    s.set_role(db, DEMO_ACTOR, meeting_id, "facilitator", "Line Bech")
    mother = s.add_participant(db, DEMO_ACTOR, meeting_id, "Maria Berg", relation="Mor", sector="family", ring=1,
                               group="family", attendance="present", standard_relation="mother")
    s.record_score(db, DEMO_ACTOR, meeting_id, mother, 6, "Hverdagen hænger bedre sammen")
    s.add_action(db, DEMO_ACTOR, meeting_id, "Søge om merudgifter til diabetesudstyr", "Line Bech",
                 today + timedelta(days=3), "caseworker", None)
    s.add_measure(db, DEMO_ACTOR, case_id, what="Dækning af merudgifter", legal_basis="sel_41", provider="Kommunen",
                  start=held, step="universal")
    s.edit_meeting(db, DEMO_ACTOR, meeting_id, status="ended")
    return case_id


def _plan_for(whom: str | None) -> tuple[str, str]:
    """plan_for and plan_for_name of a goal or action: Alma (None), the family, or a person by name."""
    if whom is None:
        return "child", ""
    return ("family", "") if whom == "family" else ("person", whom)


def _fill(db: Database, meeting_id: int, day: date) -> None:
    s.edit_meeting(db, DEMO_ACTOR, meeting_id, start_time="09:30", end_time="11:30")
    s.set_follow_up_date(db, DEMO_ACTOR, meeting_id, day + timedelta(weeks=6), start="09:30", end="11:00",
                         place="Familiehuset, mødelokale 2")
    s.set_role(db, DEMO_ACTOR, meeting_id, "facilitator", "Line Bech")
    s.set_role(db, DEMO_ACTOR, meeting_id, "timekeeper", "Thomas Vinther")
    s.set_role(db, DEMO_ACTOR, meeting_id, "minute_taker", "Thomas Vinther")
    s.set_role(db, DEMO_ACTOR, meeting_id, "chair", "Line Bech")
    ids: dict[str, int] = {}
    for name, relation, sector, ring, group, attendance, helps in _PEOPLE:
        ids[name] = s.add_participant(
            db, DEMO_ACTOR, meeting_id, name, relation=relation, sector=sector, ring=ring,
            group=group, attendance=attendance, can_help_with=helps, standard_relation=_STANDARD.get(name, ""),
            supports=_SUPPORTS.get(name, []), could_be_asked=name in _COULD_BE_ASKED,
        )
    for source, target, kind, strained in _RELATIONS:
        s.add_relation(db, DEMO_ACTOR, meeting_id, ids[source], ids[target], kind, strained=strained)
    board: dict[str, int] = {}
    for kind, text, said_by, category in _BOARD:
        board[kind] = s.add_board_item(db, DEMO_ACTOR, meeting_id, kind, text, said_by=said_by, category=category)
    s.pair_safety_goal(db, DEMO_ACTOR, meeting_id, board["safety_goal"], board["danger_statement"])
    for name, (score, reason) in _SCORES.items():
        s.record_score(db, DEMO_ACTOR, meeting_id, ids[name], score, reason)
    goal_ids = []
    for i, (term, text, owner) in enumerate(_GOALS):
        whom, name = _plan_for(_PLAN_FOR.get(i))
        goal_ids.append(s.add_goal(db, DEMO_ACTOR, meeting_id, term, text, owner, plan_for=whom, plan_for_name=name))
    s.link_goal_to_safety_goal(db, DEMO_ACTOR, meeting_id, goal_ids[0], board["safety_goal"])
    s.set_show_three_houses(db, DEMO_ACTOR, meeting_id, True)
    for i, (what, who, days, coordinator, goal) in enumerate(_ACTIONS):
        whom, name = _plan_for(_ACTION_FOR.get(i))
        s.add_action(
            db, DEMO_ACTOR, meeting_id, what, who, day + timedelta(days=days), coordinator,
            None if goal is None else goal_ids[goal], plan_for=whom, plan_for_name=name,
        )
    agenda = s.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).agenda
    s.save_note(
        db, DEMO_ACTOR, meeting_id, agenda[0].id,
        "Alle præsenterede sig. Alma var med de første 10 minutter og viste sin tegning af de tre huse.",
    )
    for text, item in _DECISIONS:
        s.add_decision(db, DEMO_ACTOR, meeting_id, text, None if item is None else agenda[item].id)
    s.set_role_contact(db, DEMO_ACTOR, meeting_id, "facilitator", "Line Bech, tlf. 12 34 56 78, hverdage 9-15")
    for respondent, heard, useful, comment in _EVALUATIONS:
        s.record_evaluation(db, DEMO_ACTOR, meeting_id, respondent, heard, useful, comment)


def _three_houses() -> tuple[dict[str, object], bytes]:
    """The Three Houses drawn on the canvas: Fabric.js objects, and the same strokes as a transparent PNG."""
    objects: list[dict[str, object]] = []
    layer = Image.new("RGBA", (CANVAS_WIDTH, CANVAS_HEIGHT), (0, 0, 0, 0))
    pen = ImageDraw.Draw(layer)
    for left, colour in _HOUSES:
        common = {"fill": "", "stroke": colour, "strokeWidth": 4}
        objects.append({"type": "Rect", "left": left, "top": 260, "width": 200, "height": 220, **common})
        objects.append({"type": "Triangle", "left": left - 20, "top": 140, "width": 240, "height": 120, **common})
        pen.rectangle((left, 260, left + 200, 480), outline=colour, width=4)
        pen.polygon(((left - 20, 260), (left + 100, 140), (left + 220, 260)), outline=colour, width=4)
    buffer = io.BytesIO()
    layer.save(buffer, format="PNG")
    return {"version": "7.0.0", "objects": objects}, buffer.getvalue()


def first_meeting_or_demo(db: Database, *, viewer: Actor) -> int | None:
    """The newest meeting the viewer may see; the operator gets the demo meeting made when there is no case at all."""
    for case in s.list_cases(db, viewer=viewer):
        meetings = s.list_meetings(db, case.id, viewer=viewer)
        if meetings:
            return meetings[0].id
    if isinstance(viewer, str) and not s.list_cases(db, viewer=viewer):
        return create_demo_case(db)
    return None


def create_demo_account(db: Database, meeting_id: int) -> str | None:
    """Make the demo account a primary member of the demo meeting's case; returns its new one-time password.

    An existing demo account keeps its password (None is returned), so running the demo again locks nobody out.
    """
    case_id = s.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).case.id
    others = [c.id for c in s.list_cases(db, viewer=DEMO_ACTOR) if c.family_name == BERG_NAME and c.id != case_id]
    worker = find_account(db, DEMO_EMAIL)
    password = None
    if worker is None:
        password = secrets.token_urlsafe(12)
        worker = create_account(db, DEMO_NAME, DEMO_EMAIL, password)
    add_member(db, DEMO_ACTOR, case_id, worker.id, MemberRole.PRIMARY.value)
    for other in others:  # the overdue demo case: the demo caseworker is its makker
        add_member(db, DEMO_ACTOR, other, worker.id, MemberRole.MAKKER.value)
    return password


def demo_sign_in_line(password: str) -> str:
    """The one line that tells a newcomer how to sign in to the demo (printed once, never stored)."""
    return f"Log ind som {DEMO_EMAIL} med adgangskoden {password} (vises kun denne ene gang)"
