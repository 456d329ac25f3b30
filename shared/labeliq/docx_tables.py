"""Table and paragraph primitives for the Word report: fixed-width ruled grids, small type, shaded verdicts.

Kept apart from the report's structure so the layout rules (what Word and LibreOffice each need to honour a
column width) live in one place. Every width is in centimetres and each table's widths add up to TEXT_WIDTH_CM.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

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


# Cells are filled at the XML level: python-docx's run properties (bold, italic, size) each search and insert
# child elements in schema order, which made a report of a hundred findings take a second and more to render.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"
W_P = _W + "p"  # a paragraph element, e.g. the first of a cell
_TC_PR, _TC_W = _W + "tcPr", _W + "tcW"
_CONTROL = {"\t": _W + "tab", "\n": _W + "br", "\r": _W + "br"}


def shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.find(_TC_PR)
    if properties is None:
        properties = cell._tc.get_or_add_tcPr()
    etree.SubElement(properties, _W + "shd", {_W + "val": "clear", _W + "color": "auto", _W + "fill": fill})


def _text_into(run: Any, text: str) -> None:
    """What python-docx's run.text does: a tab becomes <w:tab/>, a line break <w:br/>, the rest <w:t>."""
    start = 0
    for index, ch in enumerate(text):
        if ch in _CONTROL:
            _t(run, text[start:index])
            etree.SubElement(run, _CONTROL[ch])
            start = index + 1
    _t(run, text[start:])


def _t(run: Any, text: str) -> None:
    if text:
        t = etree.SubElement(run, _W + "t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_PRESERVE, "preserve")


def add_run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
    color: RGBColor | None = None,
    highlight: bool = False,
) -> None:
    """A run appended to a <w:p> element; properties in the order the schema requires (b, i, color, sz, highlight)."""
    run = etree.SubElement(paragraph, _W + "r")
    if bold or italic or size is not None or color is not None or highlight:
        properties = etree.SubElement(run, _W + "rPr")
        if bold:
            etree.SubElement(properties, _W + "b")
        if italic:
            etree.SubElement(properties, _W + "i")
        if color is not None:
            etree.SubElement(properties, _W + "color", {_W + "val": str(color)})
        if size is not None:
            etree.SubElement(properties, _W + "sz", {_W + "val": str(round(size.pt * 2))})
        if highlight:
            etree.SubElement(properties, _W + "highlight", {_W + "val": "yellow"})
    _text_into(run, text)


def put(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt = TABLE_FONT,
    color: RGBColor | None = None,
) -> None:
    """Replace a cell's text with one run in table type: cell.text would leave the body font size (11 pt)."""
    paragraph = cell._tc.find(_W + "p")
    if paragraph is None:
        paragraph = etree.SubElement(cell._tc, _W + "p")
    for run in paragraph.findall(_W + "r"):
        paragraph.remove(run)
    add_run(paragraph, text, bold=bold, italic=italic, size=size, color=color)


def add_line(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt = TABLE_FONT,
    color: RGBColor | None = None,
) -> None:
    """A further paragraph in a cell, e.g. the panel or location under the evidence."""
    add_run(etree.SubElement(cell._tc, W_P), text, bold=bold, italic=italic, size=size, color=color)


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
    twips = [str(width.twips) for width in widths]
    rows: list[list[_Cell]] = []
    for tr in table._tbl.tr_lst:
        cells = tr.tc_lst
        for tc, twip in zip(cells, twips, strict=True):
            # Word reads the cell's width, LibreOffice the grid's: set both (each new cell has its <w:tcW>)
            properties = tc.find(_TC_PR)
            tc_width = properties.find(_TC_W) if properties is not None else None
            if tc_width is None:
                tc_width = tc.get_or_add_tcPr().get_or_add_tcW()
            tc_width.set(_W + "type", "dxa")
            tc_width.set(_W + "w", twip)
        rows.append([_Cell(tc, table) for tc in cells])
    if titles is not None:
        for cell, title in zip(rows[0], titles, strict=True):
            put(cell, title, bold=True)
            shade(cell, HEADER_FILL)
        _repeat_as_header(table)
    return table, rows[header:]


def verdict_cell(cell: _Cell, verdict: Verdict, text: str | None = None) -> None:
    put(
        cell,
        VERDICT_LABELS[verdict] if text is None else text,
        bold=verdict in (Verdict.FAIL, Verdict.NEEDS_REVIEW),
        color=FAIL_RED if verdict == Verdict.FAIL else None,
    )
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
    add_run(paragraph._p, label, bold=True, size=TABLE_FONT)
    add_run(paragraph._p, text, size=TABLE_FONT)
    paragraph.paragraph_format.space_before = Pt(3)
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph
