"""The fields of a person around the child, shared by the add and edit forms."""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from facilitation.domain.model import RING_CHILD, Attendance, Group, Participant, Sector
from facilitation.domain.people import STANDARD_RELATIONS
from facilitation.domain.support import Direction, SupportKind, given_kinds, received_kinds
from ui import session
from ui.i18n import formatter, label, t

FIELDS = ("name", "standard_relation", "relation", "sector", "ring", "group", "attendance", "can_help_with",
          "gives", "receives", "could_be_asked")
_CHOICES = {"sector", "ring", "group", "attendance", "standard_relation", "gives", "receives"}
RINGS = [RING_CHILD, 1, 2, 3]  # ring 0 is the child: the centre of the map


def person_keys(prefix: str, person: Participant | None = None) -> dict[str, str]:
    """Widget keys for each field; for an existing person they follow the stored values."""
    if person is None:
        return {name: session.lang_key(f"{prefix}.{name}") if name in _CHOICES else f"{prefix}.{name}"
                for name in FIELDS}
    return {name: session.fresh_key(f"{prefix}.{person.id}.{name}", _stored(person, name)) for name in FIELDS}


def _stored(person: Participant, name: str) -> object:
    """The stored value behind one input ("gives"/"receives" are the two halves of the person's supports)."""
    if name == "gives":
        return list(given_kinds(person.supports))
    if name == "receives":
        return list(received_kinds(person.supports))
    return getattr(person, name)


def person_fields(keys: dict[str, str], person: Participant | None = None) -> None:
    """Draw the inputs for a person (inside a form)."""
    left, right = st.columns(2)
    left.text_input(t("field.name"), person.name if person else "", key=keys["name"])
    words = ["", *STANDARD_RELATIONS]
    chosen = person.standard_relation if person and person.standard_relation in words else ""
    right.selectbox(t("field.standard_relation"), words, index=words.index(chosen), key=keys["standard_relation"],
                    format_func=formatter("standard_relation"), help=t("help.standard_relation"))
    st.text_input(t("field.relation"), person.relation if person else "", key=keys["relation"],
                  placeholder=t("placeholder.relation"))
    left, right = st.columns(2)
    sector = person.sector if person else Sector.FAMILY
    left.selectbox(t("field.sector"), list(Sector), index=list(Sector).index(sector), key=keys["sector"],
                   format_func=formatter("sector"))
    right.segmented_control(t("field.ring"), RINGS, default=person.ring if person else 2, key=keys["ring"],
                            format_func=formatter("ring"))
    group = person.group if person else Group.FAMILY
    left.selectbox(t("field.group"), list(Group), index=list(Group).index(group), key=keys["group"],
                   format_func=formatter("group"))
    attendance = person.attendance if person else Attendance.PRESENT
    right.selectbox(t("field.attendance"), list(Attendance), index=list(Attendance).index(attendance),
                    key=keys["attendance"], format_func=formatter("attendance"))
    st.text_area(t("field.can_help_with"), person.can_help_with if person else "", key=keys["can_help_with"],
                 height=80)
    left, right = st.columns(2)
    for column, name, hint in ((left, "gives", t("help.gives")), (right, "receives", t("help.receives"))):
        halves = {"gives": given_kinds, "receives": received_kinds}
        column.multiselect(t(f"field.{name}"), list(SupportKind),
                           default=list(halves[name](person.supports)) if person else [],
                           key=keys[name], format_func=formatter("support_kind"), help=hint,
                           placeholder=t("placeholder.support"))
    st.checkbox(t("field.could_be_asked"), person.could_be_asked if person else False, key=keys["could_be_asked"],
                help=t("help.could_be_asked"))


class PersonValues(TypedDict):
    """What the person inputs hold: name, standard relation word, relation, sector, ring, ..., supports."""

    name: str
    standard_relation: str
    relation: str
    sector: str
    ring: int
    group: str
    attendance: str
    can_help_with: str
    supports: list[str]
    could_be_asked: bool


def person_values(keys: dict[str, str]) -> PersonValues:
    """The values typed into the person inputs (read inside a callback)."""
    text = session.text_value
    return PersonValues(
        name=text(keys["name"]), standard_relation=text(keys["standard_relation"]), relation=text(keys["relation"]),
        sector=text(keys["sector"]),
        ring=session.int_value(keys["ring"], 2),  # segmented control deselected: keep the middle ring
        group=text(keys["group"]), attendance=text(keys["attendance"]), can_help_with=text(keys["can_help_with"]),
        supports=[f"{kind}:{Direction.GIVES}" for kind in session.list_value(keys["gives"])]
        + [f"{kind}:{Direction.RECEIVES}" for kind in session.list_value(keys["receives"])],
        could_be_asked=session.bool_value(keys["could_be_asked"]),
    )


def person_row(person: Participant) -> dict[str, str]:
    """A person as one row of the people table (column names in the reader's language)."""
    kind = formatter("support_kind")
    return {
        t("field.name"): person.name,
        t("field.standard_relation"): label("standard_relation", person.standard_relation)
        if person.standard_relation else "",
        t("field.relation"): person.relation, t("field.sector"): label("sector", person.sector),
        t("field.ring"): label("ring", person.ring), t("field.attendance"): label("attendance", person.attendance),
        t("field.can_help_with"): person.can_help_with,
        t("field.gives"): ", ".join(kind(k) for k in given_kinds(person.supports)),
        t("field.receives"): ", ".join(kind(k) for k in received_kinds(person.supports)),
        t("network.col_could_be_asked"): "✓" if person.could_be_asked else "",
    }
