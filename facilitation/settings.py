"""Settings read from the environment that the product's rules use (the database's own are in storage/engine.py).

MOEDETAVLEN_LADDER: the municipality's intervention ladder, steps lowest first separated by ';'
(e.g. "Almene tilbud;Forebyggende;Anbringelse"); unset or empty, the default ladder. It is read here only.
"""

from __future__ import annotations

import os

from facilitation.domain.measures import ladder_of

LADDER_ENV = "MOEDETAVLEN_LADDER"


def ladder() -> tuple[str, ...]:
    """The configured intervention ladder, lowest step first (ValueError naming the setting when it is wrong)."""
    text = os.environ.get(LADDER_ENV, "")
    try:
        return ladder_of(text if text.strip() else None)
    except ValueError as error:
        raise ValueError(f"{LADDER_ENV}: {error}") from None
