"""Reading a generated report back with python-docx, as a person would see it."""

import io

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def tables_by_caption(document: Document) -> dict[str, list[list[str]]]:
    """Each table's rows of cell texts, under the bold caption just before it."""
    found, caption = {}, None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph) and block.text.strip():
            caption = block.text.strip()
        elif isinstance(block, Table) and caption:
            found[caption] = [[cell.text for cell in row.cells] for row in block.rows]
    return found


def picture_count(document: Document) -> int:
    return len(document.inline_shapes)
