"""A projector whose meeting is deleted says so calmly and shows nothing else, never another meeting."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.storage import Database
from tests.app.conftest import ROOT, drawn_html
from tests.conftest import ACTOR
from ui import session

# The projector page on its own, as its live part runs between the app's full runs. Run from here, not with
# AppTest.from_file: that puts pages/ first on the import path, where pages/export.py hides the export package.
PROJECTOR_PAGE = f"import runpy\nrunpy.run_path({str(ROOT / 'pages' / 'projector.py')!r})\n"

GONE = {"da": "Mødet er slettet. Der er ikke noget at vise.",
        "en": "This meeting has been deleted. There is nothing to show."}


def _html(at: AppTest) -> str:
    """What the wall shows: every st.html element but the page's own style sheet."""
    return drawn_html(at, styles=False)


def _demo_meeting(db: Database) -> int:
    case = services.list_cases(db, viewer=ACTOR)[0]
    return services.list_meetings(db, case.id, viewer=ACTOR)[0].id


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_projector_of_a_meeting_deleted_while_it_shows_says_so_and_shows_nothing_else(
    db: Database, language: str,
) -> None:
    meeting_id = _demo_meeting(db)
    record = services.load_meeting(db, meeting_id, viewer=ACTOR)
    at = AppTest.from_string(PROJECTOR_PAGE, default_timeout=30)
    at.session_state[session.MEETING] = meeting_id
    at.session_state[session.LANGUAGE] = language
    at.run()
    assert not at.exception
    assert 'data-testid="mt-screen"' in _html(at) and record.case.child_names in _html(at)

    services.delete_meeting(db, ACTOR, meeting_id)
    other_case = services.create_case(db, ACTOR, "Familien Berg", "Viggo", "assessment")
    other = services.create_meeting(db, ACTOR, other_case, "start", date(2026, 3, 3))
    assert other != meeting_id, "the next meeting never takes the deleted one's id"
    at.run()  # the projector's next tick

    assert not at.exception
    html = _html(at)
    assert 'data-testid="mt-gone"' in html and GONE[language] in html
    assert "mt-screen" not in html and "mt-bar" not in html
    assert record.case.child_names not in html and "Viggo" not in html
    assert not any(person.name in html for person in record.participants)
    assert not (at.main.markdown or at.main.error or at.main.button or at.main.get("imgs")), "nothing else"
