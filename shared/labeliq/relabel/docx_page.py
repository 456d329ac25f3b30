"""The DOCX page of a relabel job: the proposed sticker field by field, its Nutrition Facts arithmetic, and what
the tool could not settle. Every field shows its source text, whether a machine made it and its review state, so
the page can be read as the reviewer's worksheet.
"""

from __future__ import annotations

from docx.document import Document as DocumentType

from labeliq.docx_tables import add_line, grid, heading, put, small, styled
from labeliq.relabel.proposal import STICKER_FIELD_TITLES, RelabelProposal

FIELD_COLUMNS = ("Field", "English", "French", "Source · state")
FIELD_WIDTHS_CM = (2.6, 5.4, 5.4, 4.1)
NFT_COLUMNS = ("Nutrient", "Per serving", "% DV", "How it was computed")
NFT_WIDTHS_CM = (3.0, 2.2, 1.3, 11.0)


def sticker_page(doc: DocumentType, proposal: RelabelProposal) -> None:
    heading(doc, "Proposed Canadian sticker (relabel mode)", 1)
    small(
        doc,
        "Source: ",
        f"a label in {proposal.source_language_name}, translated by {proposal.translator}. Every field is a proposal "
        "until a reviewer approves or edits it; machine-made fields say so.",
    )
    fields = list(proposal.fields.values())
    _, rows = grid(doc, FIELD_COLUMNS, len(fields), FIELD_WIDTHS_CM)
    for field, row in zip(fields, rows, strict=True):
        put(row[0], STICKER_FIELD_TITLES.get(field.key, field.key), bold=True)
        put(row[1], field.en or "(not made)")
        put(row[2], field.fr or "(non fait)")
        put(row[3], field.source_text or "(none)", italic=True)
        made = "machine-made" if field.machine_made else "from the context"
        add_line(row[3], f"{field.state} · {made}" + (" · needs a person" if field.needs_person else ""))
        for note in field.notes:
            add_line(row[1], note, italic=True)
    table = proposal.nutrition
    if table is not None:
        heading(doc, "Nutrition Facts conversion", 2)
        small(doc, "Serving: ", table.factor_text)
        body = [
            ("Calories", str(table.calories) if table.calories is not None else "-", "", table.calories_computation)
        ]
        for item in table.rows:
            amount = f"{item.amount:g} {item.unit}" if item.amount is not None else "not declared"
            percent = f"{item.dv_percent} %" if item.dv_percent is not None else ""
            body.append((f"{item.name_en} / {item.name_fr}", amount, percent, item.computation))
        _, nft_rows = grid(doc, NFT_COLUMNS, len(body), NFT_WIDTHS_CM)
        for values, row in zip(body, nft_rows, strict=True):
            for cell, value in zip(row, values, strict=True):
                put(cell, value)
    if proposal.check is not None:
        heading(doc, "The sticker checked by our checkers", 2)
        check = proposal.check
        small(doc, "Verdict: ", check.verdict)
        small(doc, "Fails the tool could fix: ", ", ".join(check.failing_rules) or "none")
        small(doc, "Fails the source data cannot settle: ", ", ".join(check.uncontrollable_fails) or "none")
    heading(doc, "What the tool could not settle", 2)
    for line in proposal.unsettled or ["Nothing."]:
        styled(doc, line, "ListBullet")
