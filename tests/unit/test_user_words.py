"""No user-facing Danish outside the catalogs: a word said to the user is looked up, never written in the code."""

from __future__ import annotations

import re

from facilitation.domain.catalog_da import DA
from facilitation.domain.catalog_en import EN
from tests.unit.source_scan import Literal, relative, source_files, string_literals

NOT_SCANNED = {
    "facilitation/domain/catalog_da.py": "the Danish catalog itself",
    "facilitation/domain/catalog_en.py": "the English catalog",
    "facilitation/demo.py": "fictional seed data (a family, its network, their words), not the app's words",
}
PRODUCT = "Mødetavlen"  # the product's name is the same in every language
ALLOWED = {
    # (file, literal): why it may stay
    ("export/follow_up_ics.py", "-//Mødetavlen//Opfølgning//DA"):
        "the calendar file's PRODID: an identifier of the program, never shown to anyone",
}
DANISH_LETTERS = re.compile("[æøåÆØÅ]")
# Common Danish words that are not English words (checked in literals of two or more words).
DANISH_WORDS = re.compile(
    r"\b(og|ikke|hvem|hvad|hvornår|skal|det|der|til|af|med|fra|er|jeg|vi|jeres|eller|også|hvis|når|ingen|alle"
    r"|barnet|familien|sagen|mødet|referat|aftaler|kortet|netværket|tegning|gem|ret|slet)\b",
    re.IGNORECASE,
)
_DANISH_ONLY = {text for key, text in DA.items() if text != EN[key] and len(text) > 3}


def danish(literal: Literal) -> bool:
    """Whether a string literal reads as user-facing Danish."""
    text = literal.text.replace(PRODUCT, "")
    if DANISH_LETTERS.search(text) or text.strip() in _DANISH_ONLY:
        return True
    return len(text.split()) >= 2 and bool(DANISH_WORDS.search(text))


def test_no_danish_words_are_written_outside_the_catalogs() -> None:
    found = [
        f"{lit.path}:{lit.line}: {lit.text!r}"
        for path in source_files() if relative(path) not in NOT_SCANNED
        for lit in string_literals(path)
        if (lit.path, lit.text) not in ALLOWED and danish(lit)
    ]
    assert found == [], "move these words into facilitation/domain/catalog_da.py and catalog_en.py"


def test_every_allowed_literal_is_still_there() -> None:
    literals = {(lit.path, lit.text) for path in source_files() for lit in string_literals(path)}
    assert [allowed for allowed in ALLOWED if allowed not in literals] == [], "remove it from ALLOWED"


def test_the_check_finds_danish_words_in_code() -> None:
    assert danish(Literal("x.py", 1, "Hvem var med"))
    assert danish(Literal("x.py", 1, "Familie"))  # a catalog word written out again
    assert danish(Literal("x.py", 1, "Vi mødes igen"))
    assert danish(Literal("x.py", 1, "Relationer til barnet"))
    assert not danish(Literal("x.py", 1, "Heading 1"))
    assert not danish(Literal("x.py", 1, "Not a Mødetavlen meeting file"))
