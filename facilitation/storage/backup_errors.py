"""Why a meeting file cannot be loaded, in plain words in the reader's language (for facilitation.storage.backup).

An error names the entry (`deltager 3 »Birthe Juhl«`), the field as it is spelled in the file and as the app
calls it, what the file gave and what is allowed. It never quotes a database message, and quotes only the
bit of the file it is about, cut short.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from facilitation.domain import model as m
from facilitation.domain import words
from facilitation.domain.roles import Role
from facilitation.domain.validation import ValidationError, clean_text

_GIVEN_MAX = 40  # characters of a value or a label quoted back
_KEY_OF_FIELD = {"drawing_name": "name", "relation_kind": "kind", "relation": "to"}  # validation field -> file key
_LABEL_KEY = {  # the key that names an entry in an error ("deltager 3 »Birthe Juhl«")
    "participants": "name", "agenda": "title", "decisions": "text", "board": "text", "goals": "text",
    "actions": "what", "drawings": "name", "roles": "role", "evaluations": "respondent",
}
_CHOICES: Mapping[tuple[str, str], tuple[str, ...]] = {  # (section, key) -> the values the file may give
    (section, key): tuple(str(member) for member in values) for section, key, values in (
        ("case", "case_type", m.CaseType), ("meeting", "kind", m.MeetingKind), ("meeting", "status", m.MeetingStatus),
        ("meeting", "show_three_houses", ("true", "false")), ("participants", "sector", m.Sector),
        ("participants", "group", m.Group), ("participants", "attendance", m.Attendance),
        ("board", "kind", m.BoardKind), ("goals", "term", m.GoalTerm), ("actions", "coordinator", m.Coordinator),
        ("actions", "status", m.ActionStatus),
        ("roles", "role", Role), ("drawings", "background", m.DrawingBackground),
    )
}
_JSON_REASONS = {  # the start of the json module's message -> catalog key
    "Expecting value": "json.value", "Unterminated string": "json.unterminated",
    "Expecting ',' delimiter": "json.comma", "Expecting ':' delimiter": "json.colon",
    "Expecting property name": "json.name", "Extra data": "json.extra",
    "Invalid control character": "json.control", "Invalid \\": "json.escape",
}


class BackupError(ValueError):
    """A meeting file that cannot be loaded: `problem` names the catalog text, `params` fill it in."""

    def __init__(self, problem: str, **params: object) -> None:
        self.problem = problem
        self.params = params
        self.section: str | None = None
        self.index: int | None = None
        self.label = ""
        super().__init__(problem)

    def at(self, section: str, index: int | None, item: object) -> BackupError:
        """The same error, placed at an entry of the file (the first place given wins)."""
        if self.section is None:
            self.section, self.index = section, index
            if isinstance(item, Mapping):
                self.label = _quoted(item.get(_LABEL_KEY.get(section, ""), ""))
        return self

    def message(self, language: str = "en") -> str:
        """The whole message in plain words: where in the file, then what is wrong."""
        params = {**self.params}
        if "field_key" in params:
            params["field"] = _field(str(params["field_key"]), language)
        if self.problem == "rule":  # the app's own words for its rule, naming the field as the app does
            key = str(params.get("field_key", ""))
            name = words.catalog(language).get(f"field.{key}", key)
            own = f"backup.problem.{params['rule']}"  # words of its own when the app's would not fit a file
            problem = words.text(own if own in words.catalog(language) else f"error.{params['rule']}", language,
                                 **{**params, "field": name})
        else:
            problem = words.text(f"backup.problem.{self.problem}", language, **params)
        if self.section is None:
            return problem
        where = words.text(f"backup.where.{self.section}", language, n=(self.index or 0) + 1)
        if self.label:
            where = f"{where} {self.label}"
        return f"{where}: {problem}"

    def __str__(self) -> str:
        return self.message("en")


def of_value(error: ValidationError, section: str, item: object) -> BackupError:
    """A value the app's own rules refuse, with what the file gave (looked up in the entry) and what is allowed."""
    params = {name: value for name, value in error.params.items() if name not in ("field", "value")}
    field = str(error.params.get("field", ""))
    key = _KEY_OF_FIELD.get(field, field)
    if error.code not in _VALUE_PROBLEMS:  # another rule of the app (a category that does not suit its column)
        return BackupError("rule", field_key=key, rule=error.code, **params)
    code = error.code
    allowed = _CHOICES.get((section, key)) or _categories(section, key, item)
    if code == "invalid_choice" and allowed:
        code, params["allowed"] = "invalid_choice_among", ", ".join(allowed)
    value = item.get(key) if isinstance(item, Mapping) else None
    return BackupError(code, field_key=key, given=given(value), **params)


def _categories(section: str, key: str, item: object) -> tuple[str, ...]:
    """The categories a board note's column takes (none for most columns)."""
    if (section, key) != ("board", "category") or not isinstance(item, Mapping):
        return ()
    kind = next((k for k in m.BoardKind if k.value == item.get("kind")), None)
    return tuple(str(category) for category in m.CATEGORIES.get(kind, ())) if kind else ()


_VALUE_PROBLEMS = (
    "empty", "too_long", "not_a_number", "out_of_range", "invalid_date", "invalid_time", "invalid_choice",
)


def of_json(error: json.JSONDecodeError) -> BackupError:
    """Invalid JSON: the line and column, and what is wrong there in plain words."""
    reason = next((code for start, code in _JSON_REASONS.items() if error.msg.startswith(start)), "json.other")
    return BackupError(reason, line=error.lineno, column=error.colno)


def _field(key: str, language: str) -> str:
    """A field as the file spells it, with the app's name for it when it has one: »ring« (How close to the child)."""
    name = words.catalog(language).get(f"field.{key}")
    return f"»{key}« ({name})" if name else f"»{key}«"


def given(value: object) -> str:
    """What the file gave, quoted back short: »Mormor«, 7, true, null."""
    if isinstance(value, str):
        return _quoted(value) or "»«"
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (int, float, bool, type(None))) else "…"
    return text if len(text) <= _GIVEN_MAX else text[:_GIVEN_MAX] + "…"


def _quoted(value: object) -> str:
    text = " ".join(clean_text(value).split()) if isinstance(value, str) else ""
    if not text:
        return ""
    return f"»{text[:_GIVEN_MAX]}…«" if len(text) > _GIVEN_MAX else f"»{text}«"

