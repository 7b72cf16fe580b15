"""The network page: the interactive map, anonymised view, relations and the map over time."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.anonymity import initials
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_network_tab, open_page
from tests.conftest import ACTOR
from ui.text import md


def map_pages(at: AppTest) -> list[str]:
    """The HTML of every embedded map on the page."""
    return [e.proto.srcdoc for e in at.get("iframe")]


def test_the_map_tab_embeds_a_small_map_page_that_links_the_served_library(app: AppTest, db: Database) -> None:
    open_page(app, "network")
    pages = map_pages(app)
    assert len(pages) == 1
    page = pages[0]
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    assert record.participants[0].name in page and record.case.child_names in page
    assert '<script src="/app/static/vis-network.min.js">' in page
    assert len(page) < 100_000, "the ~700 KB library must not be resent on every rerun"
    assert "https://" not in page.split("<body", 1)[0].lower().replace("https://visjs", "")


def test_the_anonymised_toggle_shows_initials_instead_of_names(app: AppTest, db: Database) -> None:
    open_page(app, "network")
    app.toggle(key="network.anonymised").set_value(True).run()
    page = map_pages(app)[0]
    people = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants
    assert not any(person.name in page for person in people)
    assert initials(people[0].name) in page


def test_a_relation_is_added_and_removed_on_the_page(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)
    henny = next(p for p in record.participants if p.name == "Henny Kragh")
    birthe = next(p for p in record.participants if p.name == "Birthe Juhl")
    app.selectbox(key="relation.from").set_value(henny.id)
    app.selectbox(key="relation.to").set_value(birthe.id)
    app.text_input(key="relation.kind").set_value("nabo til")
    app.checkbox(key="relation.strained").check()
    app.button(key="relation_new.submit").click().run()
    added = services.load_meeting(db, mid, viewer=ACTOR).relations[-1]
    assert (added.from_id, added.to_id, added.kind, added.strained) == (henny.id, birthe.id, "nabo til", True)
    app.button(key=f"relation.remove.{added.id}").click().run()
    assert added.id not in {r.id for r in services.load_meeting(db, mid, viewer=ACTOR).relations}


def test_a_relation_to_oneself_gets_a_clear_message(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    first = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants[0]
    app.selectbox(key="relation.from").set_value(first.id)
    app.selectbox(key="relation.to").set_value(first.id)
    app.button(key="relation_new.submit").click().run()
    assert any("sig selv" in e.value for e in app.error)


def test_the_time_tab_tells_who_moved_closer_since_the_earlier_meeting(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Over tid")
    text = " ".join(m.value for m in app.markdown)
    assert "Kasper Møller" in text and "tættere på (ring 3 → 2)" in text
    assert "Ole Vestergaard" in text and "ny på kortet" in text
    assert len(app.get("image")) == 2, "the earlier map and this one are shown side by side"


def test_the_maps_over_time_are_sent_as_png_not_re_encoded_as_jpeg(app: AppTest) -> None:
    open_network_tab(open_page(app, "network"), "Over tid")
    urls = [img.url for image in app.get("image") for img in image.proto.imgs]
    assert len(urls) == 2 and all(url.endswith(".png") for url in urls), urls


def test_a_person_typed_with_markup_appears_as_text_in_the_map(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    app.text_input(key="person.new.name").set_value("<img src=x onerror=alert(1)>")
    app.button(key="person_new.submit").click().run()
    open_network_tab(app, "Kort")
    page = map_pages(app)[0]
    assert "<img src=x" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_the_measures_panel_tells_what_the_network_can_help_with_and_who_could_be_asked(app: AppTest) -> None:
    open_page(app, "network")
    said = " ".join(m.value for m in app.markdown)
    assert "Hvad kan netværket?" in [s.value for s in app.subheader]
    assert "kan hjælpe med praktiske ting" in said
    assert "Lone Møller og Ole Vestergaard kender familien og kan måske spørges" in said.replace("\\", "")
    assert "14 personer på kortet" in said


def test_a_new_person_s_support_and_could_be_asked_are_stored_and_counted(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    app.text_input(key="person.new.name").set_value("Gitte <b>Bo</b>")
    app.multiselect(key="person.new.gives.da").set_value(["practical", "linking"])
    app.multiselect(key="person.new.receives.da").set_value(["linking"])
    app.checkbox(key="person.new.could_be_asked").check()
    app.button(key="person_new.submit").click().run()
    assert not app.exception
    added = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants[-1]
    assert added.name == "Gitte <b>Bo</b>" and added.could_be_asked
    assert [(s.kind.value, s.direction.value) for s in added.supports] == [("practical", "gives"), ("linking", "both")]
    open_network_tab(app, "Kort")
    said = " ".join(m.value for m in app.markdown)
    assert md("Gitte <b>Bo</b>") in said and "<b>" not in said, "the name is in the panel, as text"


def test_the_map_can_be_filtered_by_a_kind_of_support(app: AppTest, db: Database) -> None:
    open_page(app, "network")
    assert '"opacity"' not in map_pages(app)[0]
    box = next(b for b in app.selectbox if b.label == "Vis hvem der giver")
    assert box.value is None and "Praktisk hjælp" in box.options
    box.select("practical").run()
    page = map_pages(app)[0]
    assert '"opacity": 0.18' in page
    record = services.load_meeting(db, meeting_id(app), viewer=ACTOR)
    giving = sum(any(s.kind == "practical" and s.given for s in p.supports) for p in record.participants)
    assert any(f"{giving} på kortet giver praktisk hjælp" in c.value for c in app.caption)


def test_only_the_open_tab_of_the_network_page_runs(app: AppTest) -> None:
    open_page(app, "network")  # Kort first
    assert "person.new.name" not in {w.key for w in app.text_input} and not app.get("image"), "no form, no old maps"
    open_network_tab(app, "Over tid")
    assert app.get("image") and not app.get("iframe"), "the maps over time, not the live map"
