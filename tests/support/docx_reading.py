"""Reading an exported .docx back with python-docx: every text in it, its headings, its pictures."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(content: bytes) -> Document:
    """The document in `content` (fails if python-docx cannot read it)."""
    return docx.Document(io.BytesIO(content))


def blocks(document: Document) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables, in document order."""
    yield from document.iter_inner_content()


def cell_paragraphs(table: Table) -> Iterator[Paragraph]:
    """Every paragraph of every cell of a table (nested tables included), each merged cell once."""
    seen = set()  # the cell elements themselves: kept alive, so lxml hands back the same objects
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from cell_paragraphs(inner)


def all_texts(document: Document) -> list[str]:
    """The text of every paragraph, table cell, header and footer of the document."""
    texts = []
    for block in blocks(document):
        texts += [p.text for p in cell_paragraphs(block)] if isinstance(block, Table) else [block.text]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            texts += [p.text for p in part.paragraphs]
            for table in part.tables:
                texts += [p.text for p in cell_paragraphs(table)]
    props = document.core_properties
    texts += [props.title or "", props.author or "", props.subject or "", props.keywords or "", props.comments or ""]
    return texts


def full_text(document: Document) -> str:
    """All texts of the document joined by newlines."""
    return "\n".join(all_texts(document))


def headings(document: Document) -> list[str]:
    """The texts of the 'Heading 1' paragraphs, in order."""
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]


def heading_level(block: Paragraph | Table) -> int | None:
    """1–9 for a heading paragraph, 0 for the title, None for anything else."""
    if not isinstance(block, Paragraph) or block.style is None:
        return None
    name = block.style.name
    if name == "Title":
        return 0
    if name.startswith("Heading "):
        return int(name.split()[-1])
    return None


def empty_sections(document: Document) -> list[str]:
    """Headings with nothing under them before the next heading of the same or a higher level."""
    items = list(blocks(document))
    empty = []
    for index, block in enumerate(items):
        level = heading_level(block)
        if not level:
            continue
        content = False
        for after in items[index + 1:]:
            other = heading_level(after)
            if other is not None and other <= level:
                break
            if other is not None or isinstance(after, Table) or after.text.strip() or _has_picture(after):
                content = True
                break
        if not content:
            empty.append(block.text)
    return empty


def _has_picture(paragraph: Paragraph) -> bool:
    return bool(paragraph._p.xpath(".//pic:pic"))


def picture_count(document: Document) -> int:
    """How many pictures the body shows."""
    return len(document.inline_shapes)


def table_rows(table: Table) -> list[list[str]]:
    """A table's rows as lists of cell texts."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_after(document: Document, heading: str) -> Table:
    """The first table after the heading with this text."""
    found = False
    for block in blocks(document):
        if isinstance(block, Paragraph) and block.text == heading and heading_level(block):
            found = True
        elif found and isinstance(block, Table):
            return block
    raise AssertionError(f"no table after {heading!r}")
