"""A name on the map over a few short lines, broken only between words (at a space, or after a hyphen)."""

from __future__ import annotations

import re

LINE_CHARS = 12  # about one map spacing at the map's name size
_PIECES = re.compile(r"[^-]*-+|[^-]+")  # a compound's part up to and with its hyphen, or a plain word


def name_lines(name: str, width: int = LINE_CHARS) -> str:
    """The name with line breaks where a line would pass `width` characters; a word is never split.

    'Mads Østergaard-Nielsen' -> 'Mads\\nØstergaard-\\nNielsen'; a word longer than `width` keeps a line of its own.
    """
    pieces = [(" " if i == 0 else "", piece) for word in name.split() for i, piece in enumerate(_PIECES.findall(word))]
    lines: list[str] = []
    line = ""
    for glue, piece in pieces:
        if line and len(line) + len(glue) + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line}{glue}{piece}" if line else piece
    if line:
        lines.append(line)
    return "\n".join(lines)
