"""The vitamin and mineral rows of a Supplemented Food Facts table and its supplemental ingredients.

Vitamins and minerals shown as additional information (B.29.003) are worded, given in units and rounded by items
11-34 of the table to B.29.003 exactly as items 14-37 of the table to B.01.402 (the two tables compared line by line in
sources/food-and-drug-regulations.en.txt), and their %DV is computed from the declared amount (B.29.003(5), as
B.01.402(2.2)): the Nutrition Facts checks of those rows run on them, cited to B.29.003 with its item numbers.

A supplemental ingredient, under the "Supplemented with" subheading, is item 18 of the table to B.29.002 (and a
vitamin or mineral added as one is declared only there, B.29.002(9), B.29.003(2)). The FDR sets part of its manner:
a nutrient with a daily value shows its %DV (column 3(b)), a "0" amount shows "0 %" (column 4(2)(a)), and the amount
is rounded to the nearest whole number (column 4(1)). Its unit and maximum are column 3 of the List of Permitted
Supplemental Ingredients, which may also set another manner (column 5) and is not in the sources: a vitamin or mineral
in another unit than B.29.003's, or an amount that is not a whole number, is a question; the maximum is not judged.
"""

from __future__ import annotations

import re

from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.micronutrients import BY_KEY
from labeliq.checks.common.nft_values import evidence
from labeliq.checks.nutrition_facts import rounding_findings, vitamins_minerals
from labeliq.checks.nutrition_facts.rules import R10_C, R10_D, R10_E3
from labeliq.models import Finding, FindingText, NutrientValue, NutritionFacts

ITEM_18 = "FDR B.29.002 table item 18"
# Core minerals with a daily value (B.01.401 items 13-15, the same in the table to B.29.002)
_CORE_WITH_DV = {"potassium": "Potassium", "calcium": "Calcium", "iron": "Iron"}
_ITEM = re.compile(r"\bitem (\d+)")  # in a finding about items 14-37 of the table to B.01.402
_OFFSET = 3  # B.29.003 item = B.01.402 item - 3 for the vitamins and minerals (items 14-37 -> 11-34)


def vitamin_rows(above: NutritionFacts) -> list[Finding]:
    """Units, rounding, %DV and "0 %" of the vitamins and minerals shown above "Supplemented with" (B.29.003)."""
    rows = {k: v for k, v in above.nutrients.items() if k in BY_KEY}
    if not rows:
        return []
    table = above.model_copy(update={"nutrients": rows})
    findings = vitamins_minerals.check_rows(table)
    findings += rounding_findings.check_micronutrients(table)
    return [_as_b29003(f) for f in findings]


def _item(match: re.Match[str]) -> str:
    number = int(match.group(1))
    return f"item {number - _OFFSET}" if 14 <= number <= 37 else match.group(0)


def _as_b29003(finding: Finding) -> Finding:
    def cite(text: str) -> str:
        text = _ITEM.sub(_item, text)
        text = text.replace("B.01.402(2.2)", "B.29.003(5)").replace("B.01.402(2)", "B.29.003(3)")
        return text.replace("B.01.402", "B.29.003").replace("Nutrition Facts table", "Supplemented Food Facts table")

    return finding.model_copy(update={"citation": cite(finding.citation), "message": cite(finding.message)})


def supplemental_rows(supplemental: list[NutrientValue]) -> list[Finding]:
    """Item 18: what the FDR sets of each supplemental ingredient's row. Its maximum amount (column 3 of the List) is
    not judged: the List is not in the sources, and no context key states it."""
    out: list[Finding] = []
    for row in supplemental:
        out += _row(row)
    return out


def _unit(row: NutrientValue) -> Finding | None:
    """A vitamin or mineral in another unit than the one column 3 of the table to B.29.003 gives it: item 18 takes the
    unit from column 3 of the List, which is not in the sources, so a differing unit is a question, not a fail."""
    if row.key not in BY_KEY:
        return None
    m = BY_KEY[row.key]
    printed = (row.unit or "").replace("μ", "µ")
    if printed == m.unit:
        return None
    finding = review(
        R10_C.part(f"{row.key}_unit"),
        f'{m.name} is declared as "{row.amount_text}" under "Supplemented with"; a supplemental ingredient is declared '
        "in the unit of column 3 of the List of Permitted Supplemental Ingredients (item 18 of the table to B.29.002, "
        f"column 3(a)), which is not in our sources, and the table to B.29.003 declares {m.name} in {m.unit}.",
        f"{ITEM_18}, column 3(a)",
        evidence(row),
        row.source.panel,
    )
    question = f"Does column 3 of the List of Permitted Supplemental Ingredients declare {m.name} in {printed}?"
    french = FindingText(
        message=f"{m.name} est déclaré « {row.amount_text} » sous « Supplémenté en »; un ingrédient supplémentaire "
        "est déclaré dans l'unité de la colonne 3 de la Liste des ingrédients supplémentaires autorisés (article 18 "
        f"du tableau du B.29.002), qui n'est pas dans nos sources, et le tableau du B.29.003 le déclare en {m.unit}.",
        question=f"La colonne 3 de la Liste des ingrédients supplémentaires autorisés déclare-t-elle {m.name} en "
        f"{printed} ?",
    )
    return finding.model_copy(update={"question": question, "fr": french})


def _name(row: NutrientValue) -> str | None:
    """The nutrient's name when it has a daily value (a vitamin or mineral of the tables), else None."""
    if row.key in BY_KEY:
        return BY_KEY[row.key].name
    return _CORE_WITH_DV.get(row.key)


def _row(row: NutrientValue) -> list[Finding]:
    unit = _unit(row)
    out: list[Finding] = [unit] if unit is not None else []
    panel, shown = row.source.panel, evidence(row)
    amount = row.amount or 0.0
    if amount != int(amount):
        finding = review(
            R10_C.part(row.key),
            f'{row.label} is declared as "{row.amount_text}" under "Supplemented with"; item 18 of the table to '
            "B.29.002 rounds a supplemental ingredient's amount to the nearest whole number (column 4(1)), expressed "
            "as columns 3 and 5 of the List of Permitted Supplemental Ingredients set, which is not in our sources.",
            f"{ITEM_18}, column 4(1)",
            shown,
            panel,
        )
        question = (
            f"Does the List of Permitted Supplemental Ingredients (column 3 or 5) let {row.label} be declared as "
            f'"{row.amount_text}", or must it be rounded to a whole number?'
        )
        french = FindingText(
            message=f"{row.label} est déclaré « {row.amount_text} » sous « Supplémenté en »; l'article 18 du tableau "
            "du B.29.002 arrondit la quantité d'un ingrédient supplémentaire au nombre entier le plus proche "
            "(colonne 4(1)), exprimée selon les colonnes 3 et 5 de la Liste des ingrédients supplémentaires "
            "autorisés, qui n'est pas dans nos sources.",
            question=f"La Liste des ingrédients supplémentaires autorisés (colonne 3 ou 5) permet-elle de déclarer "
            f"{row.label} « {row.amount_text} », ou faut-il l'arrondir à un nombre entier ?",
        )
        out.append(finding.model_copy(update={"question": question, "fr": french}))
    name = _name(row)
    if name is None:
        return out
    if row.dv_percent is None:
        finding = failed(
            R10_D.part(row.key),
            f'{name} is declared under "Supplemented with" without a % Daily Value; a supplemental ingredient that is '
            "a nutrient with a daily value is declared as a percentage of the daily value per serving of stated size "
            "as well (item 18 of the table to B.29.002, column 3(b)).",
            f"{ITEM_18}, column 3(b)",
            shown,
            panel,
        )
        out.append(finding.model_copy(update={"fix": f"Print the % Daily Value of {name} beside its amount."}))
    elif amount == 0 and row.dv_percent != 0:
        finding = failed(
            R10_E3.part(row.key),
            f'{name} is declared as "{row.amount_text}" with {row.dv_percent:g} %; an amount declared as "0" shows '
            '"0 %" (item 18 of the table to B.29.002, column 4(2)(a)).',
            f"{ITEM_18}, column 4(2)(a)",
            shown,
            panel,
        )
        out.append(finding.model_copy(update={"fix": f"Print 0 % for {name}."}))
    else:
        out.append(
            passed(
                R10_D.part(row.key),
                f'{name} under "Supplemented with" shows its % Daily Value ({row.dv_percent:g} %), as item 18 of '
                "the table to B.29.002 requires (column 3(b)).",
                f"{ITEM_18}, column 3(b)",
                shown,
                panel,
            )
        )
    return out
