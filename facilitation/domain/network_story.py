"""The network's measures told in a few plain sentences for the family, and the measures panel's lines.

"6 personer kan hjælpe med praktiske ting; ingen har sagt, de kan give råd og viden." The sentences name
counts and kinds of support; names are passed in (full names, or initials in the anonymised minute).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitation.domain.network_measures import NetworkMeasures
from facilitation.domain.support import SupportKind
from facilitation.domain.words import DEFAULT, text

NAMES_SHOWN = 4  # at most this many names in one sentence, then "og 3 andre"


def people_count(count: int, language: str = DEFAULT) -> str:
    """'1 person' or '6 personer'."""
    return text("network_says.one_person" if count == 1 else "network_says.people", language, count=count)


def names_list(names: Sequence[str], language: str = DEFAULT) -> str:
    """'A, B og C' (at most NAMES_SHOWN names, then 'og 3 andre')."""
    shown = list(names[:NAMES_SHOWN])
    rest = len(names) - len(shown)
    if rest:
        return text("network_says.names_and_others", language, names=", ".join(shown), count=rest)
    return _joined(shown, language)


def family_sentences(measures: NetworkMeasures, names: Mapping[str, str], language: str = DEFAULT) -> list[str]:
    """Two or three plain sentences: who can help with what, what nobody gives, and who could be asked."""
    if measures.size == 0:
        return [text("network_says.empty", language)]
    given = [(kind, len(measures.givers[kind])) for kind in SupportKind if measures.givers[kind]]
    sentences = []
    if given:
        parts = [text(f"network_says.gives.{kind.value}", language, people=people_count(count, language))
                 for kind, count in sorted(given, key=lambda pair: -pair[1])]
        sentences.append(_sentence(_joined(parts, language)))
    missing = measures.missing_support
    if missing and given:
        kinds = [text(f"network_says.kind.{kind.value}", language) for kind in missing]
        sentences.append(_sentence(text("network_says.nobody", language, kinds=_joined(kinds, language))))
    if measures.could_be_asked:
        asked = names_list([names.get(node, "") for node in measures.could_be_asked], language)
        sentences.append(_sentence(text("network_says.could_be_asked", language, names=asked)))
    if not sentences:
        sentences.append(text("network_says.no_support_yet", language))
    return sentences


def _joined(parts: Sequence[str], language: str) -> str:
    """'a, b og c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return text("network_says.names_and", language, names=", ".join(parts[:-1]), last=parts[-1])


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + ("" if words.endswith(".") else ".")
