"""The look of the Word minute and the small python-docx tools that write it safely.

Every string goes through `safe()` before python-docx sees it: characters XML 1.0 cannot hold
(C0/C1 controls, lone surrogates, U+FFFE/U+FFFF) are removed, so text loaded by any path can
never crash an export. Styles are the built-in English names ('Heading 1', 'Title'), restyled
here in one place: a calm sans-serif, dark blue headings, light grey-blue table headers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from functools import cache

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Calibri"  # Word's own default; LibreOffice shows it with the metric-compatible Carlito
INK = RGBColor(0x22, 0x2B, 0x36)
MUTED = RGBColor(0x5F, 0x6B, 0x7A)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
CONFIDENTIAL = RGBColor(0x9B, 0x2C, 0x2C)
HEADER_FILL = "E3EBF3"
BAND_FILL = "F3F6F9"
NOTE_FILL = "EEF4EA"
BORDER = "C5D0DC"
TEXT_WIDTH_CM = 16.0  # A4 (21 cm) less 2.5 cm margins

# Children that must follow an element in its parent (the OOXML schema fixes the order; Word checks it).
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_RUN_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                      "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                      "w:specVanish", "w:oMath")
_BREAKS = re.compile(r"([\t\r\n])")
_R, _RPR, _T, _BR, _TAB, _B, _I, _COLOR, _SPACING, _SZ, _PPR, _P = (qn(f"w:{tag}") for tag in (
    "r", "rPr", "t", "br", "tab", "b", "i", "color", "spacing", "sz", "pPr", "p"))
_TR, _TRPR, _CANT_SPLIT, _TC, _TCPR, _TCW, _GRID_COL, _GRID_SPAN, _SHD = (qn(f"w:{tag}") for tag in (
    "tr", "trPr", "cantSplit", "tc", "tcPr", "tcW", "gridCol", "gridSpan", "shd"))
_VAL, _AFTER, _LINE, _LINE_RULE, _TYPE, _W, _FILL = (qn(f"w:{name}") for name in (
    "val", "after", "line", "lineRule", "type", "w", "fill"))
_PRESERVE = qn("xml:space")
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def safe(value: object) -> str:
    """Text python-docx can store: newlines normalised, XML-invalid characters removed."""
    text = "" if value is None else str(value)
    return _INVALID.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def setup(document: Document, locale: str) -> None:
    """Page size and margins, the proofing language (`locale`, e.g. 'da-DK'), and the minute's styles."""
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.1)
    section.start_type = WD_SECTION.NEW_PAGE
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
            _set_language(run_defaults.find(qn("w:rPr")), locale)
    styles = document.styles
    _style(styles["Normal"], size=11, color=INK, after=6, line=1.2)
    _style(styles["Title"], size=26, color=ACCENT, after=2, line=1.0, bold=False)
    _style(styles["Subtitle"], size=14, color=INK, after=4, line=1.1)
    _style(styles["Heading 1"], size=16, color=ACCENT, before=22, after=8, bold=True, keep=True)
    _style(styles["Heading 2"], size=12.5, color=ACCENT, before=14, after=4, bold=True, keep=True)
    _style(styles["Heading 3"], size=11, color=INK, before=10, after=2, bold=True, keep=True)
    _style(styles["Caption"], size=9, color=MUTED, before=2, after=10, italic=True)
    _style(styles["List Bullet"], size=11, color=INK, after=3, line=1.2)


def _style(
    style: ParagraphStyle, *, size: float, color: RGBColor, before: float = 0, after: float = 0,
    line: float = 1.15, bold: bool | None = None, italic: bool | None = None, keep: bool = False,
) -> None:
    """Reset a built-in style's borders and theme fonts, then give it the minute's look."""
    element = style.element
    ppr = element.find(qn("w:pPr"))
    if ppr is not None:
        for child in list(ppr):
            if child.tag in (qn("w:pBdr"), qn("w:spacing"), qn("w:contextualSpacing")):
                ppr.remove(child)
    rpr = element.get_or_add_rPr()
    for child in list(rpr):
        if child.tag in (qn("w:rFonts"), qn("w:spacing"), qn("w:kern")):
            rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    rpr.insert(0, fonts)
    style.font.size = Pt(size)
    style.font.color.rgb = color
    style.font.bold = bold
    style.font.italic = italic
    paragraph = style.paragraph_format
    paragraph.space_before, paragraph.space_after = Pt(before), Pt(after)
    paragraph.line_spacing = line
    paragraph.keep_with_next = keep or None


def _set_language(rpr: object, locale: str) -> None:
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), locale)


def header_and_footer(document: Document, left: str, marking: str, page_words: tuple[str, str]) -> None:
    """A quiet header (title left, the confidentiality marking right) and 'Page X of Y' below (words given)."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    stops = header.paragraph_format.tab_stops
    for inherited in (Twips(4680), Twips(9360)):  # the Header style's own centre and right stops
        stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    text(header, safe(left), size=9, color=MUTED)
    text(header, "\t")
    text(header, safe(marking).upper(), size=9, color=CONFIDENTIAL, bold=True, spacing=1.5)
    _bottom_rule(header)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    text(footer, safe(page_words[0]) + " ", size=9, color=MUTED)
    _field(footer, "PAGE", "1")
    text(footer, " " + safe(page_words[1]) + " ", size=9, color=MUTED)
    _field(footer, "NUMPAGES", "1")


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A simple field (page number, page count) that Word and LibreOffice fill in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = paragraph.add_run(placeholder)
    run.font.size, run.font.color.rgb = Pt(9), MUTED
    field.append(run._r)
    paragraph._p.append(field)


def _bottom_rule(paragraph: Paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", BORDER)):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)


def text(
    paragraph: Paragraph, value: str, *, size: float | None = None, color: RGBColor | None = None,
    bold: bool = False, italic: bool = False, spacing: float | None = None,
) -> None:
    """Append a run of text (newlines become line breaks) with an optional look."""
    _run(paragraph._p, value, size=size, color=color, bold=bold, italic=italic, spacing=spacing)


def _run(
    p: BaseOxmlElement, value: str, *, size: float | None = None, color: RGBColor | None = None,
    bold: bool = False, italic: bool = False, spacing: float | None = None, plain: bool = False,
) -> None:
    """A `w:r` appended to `p`, written as python-docx's add_run and font setters would, without their searches."""
    run = _sub(p, _R)
    if not plain:  # python-docx leaves an empty w:rPr once a font property was set, even to None
        properties = _sub(run, _RPR)
        if bold:
            _sub(properties, _B)
        if italic:
            _sub(properties, _I)
        if color is not None:
            _sub(properties, _COLOR).set(_VAL, str(color))
        if spacing is not None:
            _sub(properties, _SPACING).set(_VAL, str(int(spacing * 20)))
        if size is not None:
            _sub(properties, _SZ).set(_VAL, str(int(Pt(size).pt * 2)))
    for piece in _BREAKS.split(safe(value)):
        if piece == "\t":
            _sub(run, _TAB)
        elif piece in ("\n", "\r"):
            _sub(run, _BR)
        elif piece:
            t = _sub(run, _T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_PRESERVE, "preserve")


def _sub(parent: BaseOxmlElement, tag: str, attributes: dict[str, str] | None = None) -> BaseOxmlElement:
    """A new last child of `parent` (made by its own parser, so python-docx sees its usual element classes)."""
    child: BaseOxmlElement = parent.makeelement(tag, attributes or {})
    parent.append(child)
    return child


def _tight(p: BaseOxmlElement) -> None:
    """A paragraph's spacing as in a table cell: nothing after, lines 1.1 apart (a new paragraph's first child)."""
    properties = _sub(p, _PPR)
    _sub(properties, _SPACING, {_AFTER: "0", _LINE: "264", _LINE_RULE: "auto"})


def paragraphs(container: Document | _Cell, value: str, *, style: str | None = None, size: float | None = None,
               color: RGBColor | None = None, italic: bool = False) -> list[Paragraph]:
    """Write a text as paragraphs (a blank line starts a new one; single newlines stay line breaks)."""
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", safe(value).strip())]
    written = []
    for block in blocks or [""]:
        paragraph = styled(container, style)
        text(paragraph, block, size=size, color=color, italic=italic)
        written.append(paragraph)
    return written


def styled(container: Document | _Cell, style: str | None) -> Paragraph:
    """A new paragraph in a built-in style ('List Bullet'), its id looked up once (python-docx searches each time)."""
    paragraph: Paragraph = container.add_paragraph()
    if style is not None:
        paragraph._p.style = _style_id(style)
    return paragraph


@cache
def _style_id(name: str) -> str:
    """The id of a built-in style of python-docx's default template (the same template every minute starts from)."""
    style_id: str = docx.Document().styles[name].style_id
    return style_id


def heading(document: Document, title: str, level: int = 1) -> Paragraph:
    """A section heading (its section is only started when it has something to show); level 0 is the title."""
    return heading_like(document, title, "Title" if level == 0 else f"Heading {level}")


def heading_like(document: Document, value: str, style: str) -> Paragraph:
    """A paragraph of one plain run in a built-in style (the subtitle), as python-docx's add_paragraph writes it."""
    paragraph = styled(document, style)
    _run(paragraph._p, value, plain=True)
    return paragraph


def table(
    document: Document, header: Sequence[str], rows: Iterable[Sequence[str]], widths_cm: Sequence[float], *,
    keep_rows: bool = True, size: float = 10,
) -> Table:
    """A calm table: light shaded header row repeated on every page, thin light borders."""
    grid: Table = document.add_table(rows=1, cols=len(header))
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _table_look(grid)
    for cell, title in zip(grid.rows[0].cells, header, strict=True):
        write_cell(cell, title, size=size, bold=True, color=ACCENT)
        shade(cell, HEADER_FILL)
    _repeat_header(grid.rows[0])
    set_widths(grid, widths_cm)
    for values in rows:
        add_row(grid, values, size=size, keep=keep_rows)
    set_widths(grid, widths_cm)
    spacer(document)
    return grid


def add_row(grid: Table, values: Sequence[str], *, size: float = 10, keep: bool = False) -> None:
    """A row of text cells, one per column, written straight as XML (python-docx's add_row and cells are slow)."""
    columns = grid._tbl.tblGrid.findall(_GRID_COL)
    row = _sub(grid._tbl, _TR)
    if keep:
        _sub(_sub(row, _TRPR), _CANT_SPLIT)
    for value, column in zip(values, columns, strict=True):
        cell = _sub(row, _TC)
        _sub(_sub(cell, _TCPR), _TCW, {_TYPE: "dxa", _W: column.get(_W, "0")})
        p = _sub(cell, _P)
        _tight(p)
        _run(p, value, size=size)


def band_row(grid: Table, value: str, fill: str, *, size: float = 10) -> None:
    """A shaded row across every column holding one bold line (a group's name above its members)."""
    columns = grid._tbl.tblGrid.findall(_GRID_COL)
    cell = _sub(_sub(grid._tbl, _TR), _TC)
    properties = _sub(cell, _TCPR)
    _sub(properties, _TCW, {_TYPE: "dxa", _W: columns[-1].get(_W, "0")})
    _sub(properties, _GRID_SPAN, {_VAL: str(len(columns))})
    _sub(properties, _SHD, {_VAL: "clear", _COLOR: "auto", _FILL: fill})
    p = _sub(cell, _P)
    _tight(p)
    _run(p, value, size=size, bold=True, color=ACCENT)


def write_cell(cell: _Cell, value: str, *, size: float = 10, bold: bool = False, color: RGBColor | None = None,
               italic: bool = False) -> Paragraph:
    """Put text into a table cell's first paragraph (more lines become line breaks)."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.1
    text(paragraph, value, size=size, bold=bold, color=color, italic=italic)
    return paragraph


def add_cell_paragraph(cell: _Cell) -> Paragraph:
    """A further paragraph in a cell, with the cell's tight spacing."""
    p = _sub(cell._tc, _P)
    _tight(p)
    return Paragraph(p, cell)


def shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a light colour."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.insert_element_before(shading, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                                     "w:hideMark")


def set_widths(grid: Table, widths_cm: Sequence[float]) -> None:
    """Fix column widths (Word reads the cells, LibreOffice the grid); a merged cell gets its last column's."""
    twips = [str(Cm(width).twips) for width in widths_cm]
    for column, width in zip(grid._tbl.tblGrid.findall(_GRID_COL), twips, strict=True):
        column.set(_W, width)
    for row in grid._tbl.iterchildren(_TR):
        index = 0
        for cell in row.iterchildren(_TC):
            properties = cell.get_or_add_tcPr()
            span = properties.find(_GRID_SPAN)
            index += int(span.get(_VAL)) if span is not None else 1
            width = properties.find(_TCW)
            if width is None:
                properties.insert(0, properties.makeelement(_TCW, {_TYPE: "dxa", _W: twips[index - 1]}))
            else:
                width.set(_TYPE, "dxa")
                width.set(_W, twips[index - 1])


def _table_look(grid: Table) -> None:
    properties = grid._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "none" if edge in ("left", "right", "insideV") else "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), BORDER)
        borders.append(line)
    properties.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    _cell_margins(grid, 70, 110)


def _cell_margins(grid: Table, vertical: int, horizontal: int) -> None:
    """Inner padding of every cell, in twentieths of a point."""
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    grid._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _repeat_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(OxmlElement("w:tblHeader"))
    properties.append(OxmlElement("w:cantSplit"))


def _keep_together(row: object) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # type: ignore[attr-defined]


def picture(document: Document, png: bytes, width_cm: float, caption: str = "") -> None:
    """A centred picture with a small caption under it."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = bool(caption)
    paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    if caption:
        note = document.add_paragraph(style="Caption")
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text(note, caption)


def callout(document: Document, lines: Sequence[tuple[str, str]], fill: str = NOTE_FILL) -> Table:
    """A one-cell shaded box of 'label: value' lines (the follow-up date, the plain intro)."""
    box: Table = document.add_table(rows=1, cols=1)
    box.alignment = WD_TABLE_ALIGNMENT.CENTER
    box.autofit = False
    cell = box.rows[0].cells[0]
    shade(cell, fill)
    _cell_margins(box, 140, 220)
    for index, (label, value) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else add_cell_paragraph(cell)
        paragraph.paragraph_format.space_after = Pt(3)
        if label:
            text(paragraph, label + " ", bold=True, color=ACCENT)
        text(paragraph, value)
    set_widths(box, [TEXT_WIDTH_CM])
    spacer(document)
    return box


def spacer(document: Document, points: float = 8) -> None:
    """A little air below a table (and a paragraph that keeps two tables from merging)."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(points)


def page_break(document: Document) -> None:
    """Start the next part on a new page."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
