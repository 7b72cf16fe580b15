"""The wall of a deleted meeting: the catalog's calm line in the reader's language, and nothing else."""

from __future__ import annotations

import re

import pytest

from facilitation.domain.catalog_da import DA
from facilitation.domain.catalog_en import EN
from ui.projector_view import meeting_gone_html


@pytest.mark.parametrize(("language", "catalog"), [("da", DA), ("en", EN)])
def test_the_deleted_meetings_wall_holds_only_the_catalogs_message(language: str, catalog: dict[str, str]) -> None:
    html = meeting_gone_html(language)
    assert f'lang="{language}"' in html
    assert re.sub(r"<[^>]+>", "", html) == catalog["projector.meeting_gone"]
    assert "<img" not in html and "<h1" not in html, "no picture, no title bar naming a family"
