"""The proposed sticker as panel text, the form every checker reads, so the sticker is judged like any label.

Two panels: "front" (the principal display panel: common name and net quantity) and "sticker" (everything else),
laid out as the bilingual samples are. A field with nothing to print (not made, or a row not declared) is left off,
so the checkers report it missing instead of reading a placeholder as label text.
"""

from __future__ import annotations

from labeliq.checks.common import rounding as nft_rounding
from labeliq.models import Panel
from labeliq.relabel.fop import symbol_lines
from labeliq.relabel.proposal import ConvertedNutrition, RelabelProposal

FOOTNOTE = ("*5% or less is a little, 15% or more is a lot", "*5 % ou moins c'est peu, 15 % ou plus c'est beaucoup")
_ROW_LABEL = {
    "fat": "Fat / Lipides",
    "saturated_fat": " Saturated / saturés",
    "trans_fat": " + Trans / trans",
    "carbohydrate": "Carbohydrate / Glucides",
    "fibre": " Fibre / Fibres",
    "sugars": " Sugars / Sucres",
    "protein": "Protein / Protéines",
    "cholesterol": "Cholesterol / Cholestérol",
    "sodium": "Sodium",
    "potassium": "Potassium",
    "calcium": "Calcium",
    "iron": "Iron / Fer",
}


def nutrition_lines(table: ConvertedNutrition) -> list[str]:
    amount = f"{nft_rounding.fmt(table.serving_amount)} {table.serving_unit}"
    per_en = f"Per {table.serving_household_en} ({amount})" if table.serving_household_en else f"Per ({amount})"
    per_fr = f"pour {table.serving_household_fr} ({amount})" if table.serving_household_fr else f"pour ({amount})"
    lines = ["Nutrition Facts", "Valeur nutritive", per_en, per_fr]
    calories = f"Calories {table.calories}" if table.calories is not None else "Calories"
    lines += [f"{calories:<24}% Daily Value*", f"{'':<24}% valeur quotidienne*"]
    by_key = {row.key: row for row in table.rows}
    for key, label in _ROW_LABEL.items():
        row = by_key.get(key)
        if row is None or row.amount is None:
            continue
        text = f"{label} {nft_rounding.fmt(row.amount)} {row.unit}"
        # the saturated + trans %DV is printed on the trans line, as the bilingual standard format shows it
        percent = by_key["saturated_fat"].dv_percent if key == "trans_fat" else row.dv_percent
        if key == "saturated_fat":
            percent = None
        lines.append(f"{text:<38}{percent} %" if percent is not None else text)
    lines += list(FOOTNOTE)
    return lines


def _both(proposal: RelabelProposal, key: str) -> list[str]:
    field = proposal.fields.get(key)
    if field is None:
        return []
    return [text for text in (field.en, field.fr) if text]


def render_panels(proposal: RelabelProposal) -> list[Panel]:
    fields = proposal.fields
    symbol = fields.get("nutrition_symbol")
    # a reviewer's edit of the symbol is printed as written, so the re-check judges what the reviewer decided
    edited_symbol = symbol is not None and symbol.state == "edited"
    front = [*_both(proposal, "common_name")]
    front += _both(proposal, "nutrition_symbol") if edited_symbol else symbol_lines(proposal.nutrition_symbol)
    quantity = fields["net_quantity"].en if "net_quantity" in fields else ""
    if quantity:
        front.append(quantity)
    back: list[str] = []
    if proposal.nutrition is not None:
        back += [*nutrition_lines(proposal.nutrition), ""]
    for lang in ("en", "fr"):
        for key in ("ingredients", "contains", "may_contain"):
            text = getattr(fields[key], lang) if key in fields else ""
            if text:
                back.append(text)
        back.append("")
    best = fields.get("best_before")
    if best is not None and best.en:
        back += ["Best before / Meilleur avant", best.en.removeprefix("Best before ")]
    back += _both(proposal, "storage")
    back.append("")
    imported = fields.get("imported_by")
    if imported is not None and imported.en:
        back.append("Imported by / Importé par :")
        back += [part.strip() for part in imported.en.removeprefix("Imported by: ").split(",", 1)]
    origin = fields.get("origin")
    if origin is not None and origin.en:
        back.append(f"{origin.en} / {origin.fr}")
    panels = [Panel(name="front", is_principal_display=True, text="\n".join(front) + "\n")]
    panels.append(Panel(name="sticker", text="\n".join(back).strip() + "\n"))
    return panels
