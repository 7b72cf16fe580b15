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

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
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
    run = paragraph.add_run(safe(value))
    if size is not None:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    run.font.bold = bold or None
    run.font.italic = italic or None
    if spacing is not None:
        letter = OxmlElement("w:spacing")
        letter.set(qn("w:val"), str(int(spacing * 20)))
        run._r.get_or_add_rPr().insert_element_before(letter, *_AFTER_RUN_SPACING)


def paragraphs(container: Document | _Cell, value: str, *, style: str | None = None, size: float | None = None,
               color: RGBColor | None = None, italic: bool = False) -> list[Paragraph]:
    """Write a text as paragraphs (a blank line starts a new one; single newlines stay line breaks)."""
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", safe(value).strip())]
    written = []
    for block in blocks or [""]:
        paragraph = container.add_paragraph(style=style)
        text(paragraph, block, size=size, color=color, italic=italic)
        written.append(paragraph)
    return written


def heading(document: Document, title: str, level: int = 1) -> Paragraph:
    """A section heading (its section is only started when it has something to show)."""
    added: Paragraph = document.add_heading(safe(title), level)  # python-docx is untyped
    return added


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
    for values in rows:
        row = grid.add_row()  # type: ignore[no-untyped-call]  # python-docx's Table.add_row is untyped
        if keep_rows:
            _keep_together(row)
        for cell, value in zip(row.cells, values, strict=True):
            write_cell(cell, value, size=size)
    set_widths(grid, widths_cm)
    spacer(document)
    return grid


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
    paragraph: Paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.1
    return paragraph


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
    """Fix column widths (Word reads the cells, LibreOffice the grid)."""
    for column, width in zip(grid.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


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
