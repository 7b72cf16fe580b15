"""Moved to tests/support/docx_reading.py (shared with the integration tests); import from there."""

from tests.support.docx_reading import all_texts as all_texts
from tests.support.docx_reading import empty_sections as empty_sections
from tests.support.docx_reading import full_text as full_text
from tests.support.docx_reading import headings as headings
from tests.support.docx_reading import open_docx as open_docx
from tests.support.docx_reading import picture_count as picture_count
from tests.support.docx_reading import table_after as table_after
from tests.support.docx_reading import table_rows as table_rows
