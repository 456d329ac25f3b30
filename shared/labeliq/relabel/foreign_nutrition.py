"""A foreign nutrition declaration: an EU table per 100 g or 100 mL, or a US Nutrition Facts panel per serving.

Row names come from relabel_sections.json (EU Annex XV names in each language, US 21 CFR 101.9 names); each
row keeps its label and amount as printed. A row that names no known nutrient ends the table, so the reader
never wanders into the text that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.models import Provenance
from labeliq.relabel.proposal import ForeignNutrient, ForeignNutrition, NutritionBasis
from labeliq.relabel.units import amounts, cups, metric
from labeliq.relabel.vocabulary import nutrient_names, rfold

_PER_100 = re.compile(r"(?:100)\s?(g|ml)\b")
_SKIP = re.compile(
    r"^(?:amount per serving|% daily value|%\s?dv|\*|per 100|na 100|pro 100|por 100|w 100|in 100|100 ?g)"
)
_SERVINGS = re.compile(r"servings? per container|porzioni|porciones")
_FIRST_DIGIT = re.compile(r"[<\d]")


@dataclass
class Line:
    panel: str
    index: int
    text: str


def _row_label(folded: str) -> tuple[str, str]:
    """(label, rest) at the first digit: "di cui zuccheri 5,8 g" -> ("di cui zuccheri", "5,8 g")."""
    digit = _FIRST_DIGIT.search(folded)
    if digit is None:
        return folded.strip(" :-"), ""
    return folded[: digit.start()].strip(" :-/"), folded[digit.start() :]


def _nutrient_key(label: str, language: str) -> str | None:
    names = nutrient_names(language)
    cleaned = label.replace(":", " ").replace("-", " ")
    cleaned = " ".join(cleaned.split())
    if cleaned in names:
        return names[cleaned]
    for name in sorted(names, key=len, reverse=True):  # "Total Fat 6g" / "Grassi di cui ..." variants
        if cleaned.startswith(name + " ") or cleaned == name:
            return names[name]
    return None


def basis_of(texts: list[str]) -> NutritionBasis | None:
    for text in texts:
        match = _PER_100.search(rfold(text))
        if match is not None:
            return "per_100ml" if match.group(1) == "ml" else "per_100g"
    return None


def _serving(text: str) -> tuple[float | None, str | None, bool]:
    """The metric serving of a US panel: the grams or mL in parentheses, else converted from oz or cups."""
    found = amounts(text)
    for amount in found:
        converted = metric(amount)
        if converted is not None and not converted[2]:
            return converted[0], converted[1], False
    for amount in found:
        converted = metric(amount)
        if converted is not None:
            return converted[0], converted[1], True
    count = cups(text)
    if count is not None:
        return count * 240.0, "mL", True
    return None, None, False


def read_nutrition(lines: list[Line], start: int, language: str) -> tuple[ForeignNutrition | None, int]:
    """The table whose title is lines[start]; returns it and the index of the first line after it."""
    title = lines[start]
    us = language == "en"
    basis: NutritionBasis | None = "per_serving" if us else basis_of([x.text for x in lines[start : start + 3]])
    nutrients: dict[str, ForeignNutrient] = {}
    serving_text = ""
    serving_amount: float | None = None
    serving_unit: str | None = None
    converted = False
    end = start + 1
    position = start + 1
    while position < len(lines):
        line = lines[position]
        folded = rfold(line.text)
        if not folded:
            if nutrients:
                break
            position += 1
            continue
        if us and folded.startswith("serving size"):
            serving_text = line.text.strip()[len("serving size") :].strip()
            serving_amount, serving_unit, converted = _serving(serving_text)
        elif _SERVINGS.search(folded) or _SKIP.match(folded):
            pass
        else:
            label, rest = _row_label(folded)
            key = _nutrient_key(label, language)
            if key is None:
                break
            _add_row(nutrients, key, label, rest)
        end = position + 1
        position += 1
    if not nutrients:
        return None, start + 1
    provenance = Provenance(panel=title.panel, line_start=title.index, line_end=lines[end - 1].index)
    table = ForeignNutrition(
        basis=basis or "per_100g",
        title=title.text.strip(),
        serving_text=serving_text,
        serving_amount=serving_amount,
        serving_unit="g" if serving_unit == "g" else ("mL" if serving_unit == "mL" else None),
        serving_metric_converted=converted,
        nutrients=nutrients,
        source=provenance,
    )
    if basis is None:
        table = table.model_copy(update={"title": table.title + " [basis not printed: per 100 g assumed, check]"})
    return table, end


def _add_row(nutrients: dict[str, ForeignNutrient], key: str, label: str, rest: str) -> None:
    found = amounts(rest)
    if key == "energy_kcal" and not found:  # US "Calories 130"
        digits = re.match(r"\d{1,5}", rest)
        if digits:
            nutrients["energy_kcal"] = ForeignNutrient(
                key="energy_kcal", label=label, amount=float(digits.group(0)), unit="kcal", amount_text=digits.group(0)
            )
        return
    for amount in found:
        unit = {"mcg": "µg"}.get(amount.unit, amount.unit)
        if key == "energy":
            row_key = "energy_kj" if unit == "kj" else "energy_kcal" if unit == "kcal" else None
            if row_key is None:
                continue
            nutrients[row_key] = ForeignNutrient(
                key=row_key,
                label=label,
                amount=amount.value,
                unit="kJ" if unit == "kj" else "kcal",
                amount_text=amount.text,
            )
            continue
        if unit not in ("g", "mg", "µg"):
            continue
        less = rest[: amount.start].rstrip().endswith("<")
        shown = "added sugars" if key == "added_sugars" else label
        text = f"< {amount.text}" if less else amount.text
        nutrients[key] = ForeignNutrient(
            key=key, label=shown, amount=amount.value, unit=unit, amount_text=text, less_than=less
        )
        return
