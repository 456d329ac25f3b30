"""The dual format for a food as sold and as prepared (FDR B.01.406(5), B.01.456).

When the table also gives the food as prepared ("As sold / Prepared" columns), the prepared column must show the
energy value (B.01.406(5)(a)(iii)) and, for each of fat, saturated + trans, cholesterol, sodium, sugars, potassium,
calcium, iron (items 3, 6 to 8, 11 and 13 to 15 of the table to B.01.401) and the vitamins and minerals of items 14
to 37 of the table to B.01.402, the % Daily Value whenever the as-sold column declares one (B.01.406(5)(a)(iv)).
The parser reads the as-sold column; the prepared column is read here from the printed row itself.
"""

from __future__ import annotations

import re

from labeliq.checks.common import nft_values
from labeliq.checks.common.findings import failed, passed
from labeliq.checks.common.micronutrients import MICRONUTRIENTS
from labeliq.checks.nutrition_facts.rules import R10_B
from labeliq.models import Finding, LabelFacts, NutrientValue, NutritionFacts
from labeliq.text import fold

_AS_SOLD = re.compile(r"\bas sold\b|\btel que vendu\b")
_PREPARED = re.compile(r"\bprepared\b|\bprepare\b")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
# B.01.406(5)(a)(iv): items 3, 6 to 8, 11 and 13 to 15 of the table to B.01.401, then items 14-37 of B.01.402
_PREPARED_DV = (
    "fat",
    "saturated_plus_trans",
    "cholesterol",
    "sodium",
    "sugars",
    "potassium",
    "calcium",
    "iron",
    *(m.key for m in MICRONUTRIENTS),
)
CITE = "FDR B.01.406(5)(a)(iii), (iv); B.01.456"


def _table_lines(facts: LabelFacts, nft: NutritionFacts) -> list[str]:
    panel = facts.panel(nft.source.panel)
    start, end = nft.source.line_start, nft.source.line_end
    if panel is None or start is None or end is None:
        return []
    return panel.text.splitlines()[start : end + 1]


def is_dual_as_prepared(facts: LabelFacts, nft: NutritionFacts) -> bool:
    """The table has the "As sold" and "Prepared" column headings of B.01.456."""
    folded = [fold(line) for line in _table_lines(facts, nft)]
    return any(_AS_SOLD.search(line) for line in folded) and any(_PREPARED.search(line) for line in folded)


def _row_text(facts: LabelFacts, value: NutrientValue) -> str:
    panel = facts.panel(value.source.panel)
    start, end = value.source.line_start, value.source.line_end
    if panel is None or start is None:
        return ""
    return " ".join(panel.text.splitlines()[start : (end if end is not None else start) + 1])


def check(facts: LabelFacts, nft: NutritionFacts) -> list[Finding]:
    if not is_dual_as_prepared(facts, nft):
        return []
    missing: list[str] = []
    for key in _PREPARED_DV:
        if key == "saturated_plus_trans":
            printed, value = nft_values.sat_trans_dv_percent(nft)
        else:
            value = nft.nutrients.get(key)
            printed = value.dv_percent if value is not None else None
        if value is None or printed is None:
            continue
        if len(_PERCENT.findall(_row_text(facts, value))) < 2:
            missing.append("saturated + trans" if key == "saturated_plus_trans" else value.label.split("/")[0].strip())
    calories_line = next((line for line in _table_lines(facts, nft) if "calorie" in fold(line)), "")
    if nft.calories is not None and len(_NUMBER.findall(calories_line)) < 2:
        missing.insert(0, "Calories")
    if not missing:
        return [
            passed(
                R10_B.part("dual"),
                "The dual table gives the energy value and every % Daily Value of the food as sold for the food as "
                "prepared too.",
                CITE,
                nft.title,
                nft.source.panel,
            )
        ]
    finding = failed(
        R10_B.part("dual"),
        f"The table gives the food as sold and as prepared, but the prepared column lacks {', '.join(missing)}: "
        "the prepared column must show the energy value and the % Daily Value of each nutrient whose % Daily Value "
        "the as-sold column declares (fat, saturated + trans, cholesterol, sodium, sugars, potassium, calcium, iron "
        "and the vitamins and minerals).",
        CITE,
        ", ".join(missing),
        nft.source.panel,
    )
    return [finding.model_copy(update={"fix": f"Add the as-prepared value for {', '.join(missing)}."})]
