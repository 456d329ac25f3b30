"""Table and paragraph primitives for the Word report: fixed-width ruled grids, small type, shaded verdicts.

Kept apart from the report's structure so the layout rules (what Word and LibreOffice each need to honour a
column width) live in one place. Every width is in centimetres and each table's widths add up to TEXT_WIDTH_CM.
"""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from labeliq.models import Verdict

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.FAIL: "FAIL",
    Verdict.NEEDS_REVIEW: "NEEDS REVIEW",
    Verdict.PASS: "PASS",
    Verdict.NOT_APPLICABLE: "N/A",
}
# Cell fills: red, amber, green, grey; light enough that black text stays readable when printed.
VERDICT_FILLS: dict[Verdict, str] = {
    Verdict.FAIL: "F4C7C3",
    Verdict.NEEDS_REVIEW: "FCE8B2",
    Verdict.PASS: "B7E1CD",
    Verdict.NOT_APPLICABLE: "E0E0E0",
}
FAIL_RED = RGBColor(0x9C, 0x00, 0x06)
HEADER_FILL = "D9D9D9"
MARGIN_CM = 2.0
TEXT_WIDTH_CM = 17.5  # US Letter (21.59 cm) inside 2 cm margins; also fits A4 (21.0 cm)
TABLE_FONT = Pt(9)
_GRID_STYLE_ID = "TableGrid"  # the style id of "Table Grid" in python-docx's default template


def shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def put(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False, size: Pt = TABLE_FONT) -> None:
    """Replace a cell's text with one run in table type: cell.text would leave the body font size (11 pt)."""
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    run.font.size = size


def add_line(cell: _Cell, text: str, *, italic: bool = False, size: Pt = TABLE_FONT) -> None:
    """A further paragraph in a cell, e.g. the panel or location under the evidence."""
    run = cell.add_paragraph().add_run(text)
    run.italic = italic
    run.font.size = size


def _fixed_layout(table: Table) -> None:
    """Without tblLayout=fixed Word re-measures columns from their content and ignores the widths set."""
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _repeat_as_header(table: Table) -> None:
    """Mark the first row as a header so a table that runs onto the next page repeats its column titles."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_properties.append(header)


def grid(
    doc: DocumentType, titles: tuple[str, ...] | None, body_rows: int, widths_cm: tuple[float, ...]
) -> tuple[Table, list[list[_Cell]]]:
    """A ruled table of fixed column widths with its header filled (None: no header), and its body cells.

    Sized up front: python-docx's add_row and style-by-name lookups are linear in the document, which made a
    hundred-finding report take half a second to render.
    """
    header = 1 if titles is not None else 0
    table = doc.add_table(rows=header + body_rows, cols=len(widths_cm))
    table._tbl.tblPr.style = _GRID_STYLE_ID
    table.autofit = False
    _fixed_layout(table)
    widths = [Cm(w) for w in widths_cm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    rows = [row.cells for row in table.rows]
    for cells in rows:
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width  # Word reads the cell's width, LibreOffice the grid's: set both
    if titles is not None:
        for cell, title in zip(rows[0], titles, strict=True):
            put(cell, title, bold=True)
            shade(cell, HEADER_FILL)
        _repeat_as_header(table)
    return table, rows[header:]


def verdict_cell(cell: _Cell, verdict: Verdict, text: str | None = None) -> None:
    put(cell, VERDICT_LABELS[verdict] if text is None else text, bold=verdict in (Verdict.FAIL, Verdict.NEEDS_REVIEW))
    if verdict == Verdict.FAIL:
        cell.paragraphs[0].runs[0].font.color.rgb = FAIL_RED
    shade(cell, VERDICT_FILLS[verdict])


def styled(doc: DocumentType, text: str, style_id: str) -> Paragraph:
    """A paragraph with a style set by id: python-docx resolves style names by walking the styles part each time."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def heading(doc: DocumentType, text: str, level: int) -> Paragraph:
    return styled(doc, text, "Title" if level == 0 else f"Heading{level}")


def small(doc: DocumentType, label: str, text: str) -> Paragraph:
    """A bold label and its text in table type, tight to what precedes it: the folded 'Passed:' lines."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(text)
    for run in paragraph.runs:
        run.font.size = TABLE_FONT
    paragraph.paragraph_format.space_before = Pt(3)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph
