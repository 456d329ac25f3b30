"""Vitamins and mineral nutrients in the Nutrition Facts table (FDR B.01.402; cfia-rules.md 10.C, 10.D, 10.E3).

The table must show a vitamin or mineral nutrient that is added to the product (B.01.402(6)), declared as a
component of an ingredient other than flour (B.01.402(7)), or the subject of a representation on the label
(B.01.402(4)). Each one shown is declared in the unit of column 3 with its % Daily Value (column 3(b)), and a
nutrient declared as "0" shows "0 %" (column 4(2)(a)). Their Daily Values are in the Table of Daily Values, which is
not in our sources: a %DV that matches the value we hold passes, one that does not is a question for a person, never
a fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from labeliq import lexicons
from labeliq.checks.common import daily_values, nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.micronutrients import BY_KEY, MICRONUTRIENTS
from labeliq.checks.nutrition_facts.rules import R10_C, R10_D, R10_E3
from labeliq.models import Claim, Finding, Ingredient, LabelFacts, NutrientValue, NutritionFacts, ProductContext
from labeliq.text import fold, has_term

_SUGAR_ALCOHOLS = ("sorbitol", "maltitol", "xylitol", "erythritol", "isomalt", "lactitol", "mannitol", "polyglycitol")
_FLOUR = re.compile(r"\b(flour|farine)\b")
_SALT = re.compile(r"^(iodized |iodi[sz]ed )?(salt|sel)( iode)?$")
_NUTRIENT_CLASS = re.compile(r"\b(vitamin|vitamine|mineral|vitamins|vitamines|minerals|mineraux)\b")
_TRAILING = re.compile(r"[\s.;:*]+$")


def _forms() -> dict[str, list[str]]:
    data: dict[str, Any] = lexicons.load("added_nutrient_forms")
    forms: dict[str, list[str]] = data["forms"]
    return forms


def _form_key(name: str) -> str | None:
    """The nutrient an ingredient name declares as added (its whole name is a vitamin or a nutrient salt)."""
    folded = _TRAILING.sub("", fold(name))
    for key, forms in _forms().items():
        if folded in forms:
            return key
    return None


def declared_nutrient(name: str) -> str | None:
    """The vitamin or mineral nutrient of B.01.402 an ingredient name declares as added, or None."""
    return _form_key(name)


def _walk(ingredients: list[Ingredient], parent: str) -> Iterator[tuple[Ingredient, str]]:
    for ingredient in ingredients:
        yield ingredient, parent
        yield from _walk(ingredient.components, ingredient.name)


def added_nutrients(facts: LabelFacts, product_kind: str | None) -> dict[str, tuple[str, str]]:
    """nutrient key -> (the ingredient as printed, the paragraph of B.01.402 that requires it in the table)."""
    out: dict[str, tuple[str, str]] = {}
    for ingredient_list in facts.ingredients:
        enrichment = _flour_enrichment(ingredient_list.ingredients)
        for ingredient, parent in _walk(ingredient_list.ingredients, ""):
            key = _form_key(ingredient.name)
            if key is None or (not parent and ingredient.name in enrichment):
                continue
            folded_parent = fold(parent)
            if parent and _FLOUR.search(folded_parent):
                continue  # B.01.402(7): components of flour (enriched flour) are not declared for that reason
            if key == "iodide" and (product_kind == "salt" or _SALT.match(folded_parent)):
                continue  # B.01.402(6): iodide added to salt for table or general household use
            # a nutrient inside "vitamins and minerals" (or inside its own salt name) is added to the product
            component = parent and _form_key(parent) is None and not _NUTRIENT_CLASS.search(folded_parent)
            paragraph = "B.01.402(7)" if component else "B.01.402(6)"
            out.setdefault(key, (ingredient.name, paragraph))
    return out


# Iron in the run of nutrients that follows a flour: not a form we look for, but part of the flour's enrichment.
_IRON = re.compile(r"^(reduced |electrolytic )?iron$|^fer( reduit)?$|^ferrous \w+$|^\w+ ferreux$")


def _flour_enrichment(ingredients: list[Ingredient]) -> set[str]:
    """Names of the nutrients printed flat right after a flour ("wheat flour, niacin, reduced iron, thiamine
    mononitrate, riboflavin, folic acid"): the flour's enrichment written without brackets, not an addition to
    the product (B.01.402(7) leaves components of flour out)."""
    out: set[str] = set()
    after_flour = False
    for ingredient in ingredients:
        folded = _TRAILING.sub("", fold(ingredient.name))
        if _FLOUR.search(folded):
            after_flour = True
        elif after_flour and (_form_key(ingredient.name) is not None or _IRON.match(folded)):
            out.add(ingredient.name)
        else:
            after_flour = False
    return out


def _claimed(facts: LabelFacts) -> dict[str, Claim]:
    """nutrient key -> the claim that names a vitamin or mineral nutrient of the table to B.01.402."""
    names = lexicons.load("nft_descriptions")["descriptions"]
    out: dict[str, Claim] = {}
    for claim in facts.claims:
        if claim.kind not in ("nutrient_content", "health"):
            continue
        for m in MICRONUTRIENTS:
            # whole descriptions only ("vitamin d", "zinc"); the abbreviations ("vit d") read too much into a claim
            words = [w for lang in ("en", "fr") for w in names.get(m.key, {}).get(lang, []) if not w.startswith("vit ")]
            if any(has_term(claim.text, w) for w in words):
                out.setdefault(m.key, claim)
    return out


def check_declared(facts: LabelFacts, nft: NutritionFacts, context: ProductContext) -> list[Finding]:
    """B.01.402(4), (6), (7): added, component and claimed vitamins, minerals and sugar alcohols are in the table."""
    out: list[Finding] = []
    for name in _sugar_alcohols(facts):
        out.append(_declared("sugar_alcohols", f'the sugar alcohol "{name}"', nft, name, "FDR B.01.402(6)"))
    for key, (name, paragraph) in added_nutrients(facts, context.product_kind).items():
        what = f'"{name}" ({BY_KEY[key].name.lower()})'
        out.append(_declared(key, what, nft, name, f"FDR {paragraph}"))
    for key, claim in _claimed(facts).items():
        if key in nft.nutrients:
            out.append(
                passed(
                    R10_C.part("claimed"),
                    f'The claim "{claim.text}" names {BY_KEY[key].name.lower()}, which the table declares.',
                    "FDR B.01.402(4)",
                    claim.text,
                    claim.source.panel,
                )
            )
            continue
        finding = failed(
            R10_C.part("claimed"),
            f'The label says "{claim.text}", a representation about {BY_KEY[key].name.lower()}, but the Nutrition '
            "Facts table does not declare it; information of the table to B.01.402 that a label represents must also "
            "be in the table.",
            "FDR B.01.402(4)",
            claim.text,
            claim.source.panel,
        )
        out.append(_with(finding, fix=f"Add a {BY_KEY[key].name} row (amount and % Daily Value) to the table."))
    return out


def _sugar_alcohols(facts: LabelFacts) -> list[str]:
    found = []
    for ingredient_list in facts.ingredients:
        for ingredient in ingredient_list.ingredients:
            folded = fold(ingredient.name)
            if any(re.search(rf"\b{p}\b", folded) for p in _SUGAR_ALCOHOLS):
                found.append(ingredient.name)
    return found


def _declared(key: str, what: str, nft: NutritionFacts, evidence: str, cite: str) -> Finding:
    if key in nft.nutrients:
        return passed(R10_C.part("added"), f"{what} is in the ingredients and declared in the table.", cite, evidence)
    name = "Sugar alcohols" if key == "sugar_alcohols" else BY_KEY[key].name
    finding = failed(
        R10_C.part("added"),
        f"The ingredient list shows {what}, but the Nutrition Facts table does not declare it; the table must show "
        "the amount of any sugar alcohol, vitamin or mineral nutrient added to the product or declared as a "
        "component of an ingredient other than flour.",
        cite,
        evidence,
        nft.source.panel,
    )
    return _with(
        finding,
        fix=f"Add a {name} row to the Nutrition Facts table (amount per serving and, for a vitamin "
        "or mineral, its % Daily Value).",
    )


def check_rows(nft: NutritionFacts, young: str | None = None) -> list[Finding]:
    """Units (column 3), the required %DV (column 3(b)) and "0" -> "0 %" (column 4(2)(a)) of items 14-37.

    `young` names the group a food is solely for ("infants 6 to 12 months", "children 1 to 4 years"): its %DVs use
    that group's column of Part 2 of the Table of Daily Values (B.01.001.1(2)(b)), never the adults' column."""
    out: list[Finding] = []
    for m in MICRONUTRIENTS:
        value = nft.nutrients.get(m.key)
        if value is None or value.amount is None:
            continue
        unit = _unit_finding(m.key, value)
        if unit is not None:
            out.append(unit)
            continue
        out.append(_percent_finding(m.key, value, young))
    return out


def _unit_finding(key: str, value: NutrientValue) -> Finding | None:
    m = BY_KEY[key]
    printed = (value.unit or "").replace("μ", "µ")
    cite = f"FDR B.01.402(2) and table item {m.item}, column 3"
    wanted = "micrograms of dietary folate equivalents (µg DFE)" if key == "folate" else _unit_words(m.unit)
    if printed != m.unit:
        finding = failed(
            R10_C.part(f"{key}_unit"),
            f"{m.name} is declared as {value.amount_text or printed}; the table to B.01.402 declares it in {wanted} "
            "per serving of stated size.",
            cite,
            nft_values.evidence(value),
            value.source.panel,
        )
        return _with(finding, fix=f"Declare {m.name} in {m.unit} (converted from {printed or 'the printed unit'}).")
    return None


def _unit_words(unit: str) -> str:
    return "micrograms (µg)" if unit == "µg" else "milligrams (mg)"


def _percent_finding(key: str, value: NutrientValue, young: str | None = None) -> Finding:
    m = BY_KEY[key]
    evidence = nft_values.evidence(value)
    panel = value.source.panel
    amount = value.amount or 0.0
    if value.dv_percent is None:
        finding = failed(
            R10_D.part(key),
            f"{m.name} is declared without a % Daily Value; the table to B.01.402 (item {m.item}, column 3(b)) "
            "requires the amount as a percentage of the daily value per serving of stated size.",
            f"FDR B.01.402 table item {m.item}, column 3",
            evidence,
            panel,
        )
        return _with(finding, fix=f"Print the % Daily Value of {m.name} beside its amount.")
    cite = f"FDR B.01.402(2.2) and table item {m.item}, column 4(2)"
    if amount == 0:
        if value.dv_percent == 0:
            return passed(R10_E3.part(key), f"{m.name} is declared as 0 {m.unit} and 0 %.", cite, evidence, panel)
        finding = failed(
            R10_E3.part(key),
            f"{m.name} is declared as 0 {m.unit} but its %DV is printed as {nft_rounding.fmt(value.dv_percent)} %; a "
            "nutrient declared as 0 must show 0 %.",
            cite,
            evidence,
            panel,
        )
        return _with(finding, fix=f"Print 0 % as the {m.name} % Daily Value.")
    if young is not None:
        dv = daily_values.young_unconfirmed(key, young.startswith("infants"))
        if dv is None:
            finding = review(
                R10_D.part(key),
                f"{m.name} is declared as {nft_rounding.fmt(amount)} {m.unit} with "
                f"{nft_rounding.fmt(value.dv_percent)} %; the product is solely for {young}, so the percentage uses "
                "that group's Daily Value (Table of Daily Values, Part 2), which is not in our sources.",
                "FDR B.01.001.1(2)(b); " + cite,
                evidence,
                panel,
            )
            return _with(
                finding,
                question=f"Is {nft_rounding.fmt(value.dv_percent)} % the {m.name} amount divided by its Daily Value "
                f"for {young}?",
            )
    else:
        dv = daily_values.unconfirmed(key)
    if dv is None:
        return passed(R10_D.part(key), f"{m.name} is declared with its % Daily Value.", cite, evidence, panel)
    ratio = amount / dv.amount * 100
    span = nft_rounding.true_interval(key, amount)
    allowed = nft_rounding.percent_choices(span[0] / dv.amount * 100, span[1] / dv.amount * 100)
    allowed |= {round(ratio)}
    if value.dv_percent in allowed:
        return passed(
            R10_D.part(key),
            f"{m.name} {nft_rounding.fmt(amount)} {m.unit} is {nft_rounding.fmt(value.dv_percent)} % of a "
            f"{nft_rounding.fmt(dv.amount)} {dv.unit} Daily Value.",
            cite,
            evidence,
            panel,
        )
    finding = review(
        R10_D.part(key),
        f"{m.name} is declared as {nft_rounding.fmt(amount)} {m.unit} with {nft_rounding.fmt(value.dv_percent)} %; "
        f"with a Daily Value of {nft_rounding.fmt(dv.amount)} {dv.unit} it would be about {round(ratio)} %. That Daily "
        "Value is not in our copy of the Table of Daily Values, so a person must check the percentage.",
        cite + "; Table of Daily Values",
        evidence,
        panel,
    )
    return _with(
        finding,
        question=f"Is {nft_rounding.fmt(value.dv_percent)} % the {m.name} amount of {nft_rounding.fmt(amount)} "
        f"{m.unit} divided by its Daily Value in the Table of Daily Values, rounded to the nearest 1 %?",
    )


def _with(finding: Finding, fix: str = "", question: str = "") -> Finding:
    return finding.model_copy(update={"fix": fix, "question": question})


# B.01.460(1)(a), (2)(a): information of the table to B.01.402 follows the order of presentation of Figures 18.1(E)
# and (F) and 19.1(B) of the Directory of NFT Formats. That order is the order of the table to B.01.402 itself
# (items 14-37: vitamin A, vitamin C, vitamin D, ... chloride), after the core minerals (items 13-15 of the table to
# B.01.401: potassium, calcium, iron).
_PRESENTATION_ORDER = ("potassium", "calcium", "iron", *(m.key for m in MICRONUTRIENTS))
ORDER_CITE = "FDR B.01.460(1)(a), (2)(a); table to B.01.402, items 14-37"


def _printed_order(nft: NutritionFacts) -> list[str] | None:
    """The vitamin and mineral rows in the order they are printed, or None when a row's line is not known."""
    rows: list[tuple[int, int, str]] = []
    for key in _PRESENTATION_ORDER:
        value = nft.nutrients.get(key)
        if value is None:
            continue
        if value.source.line_start is None:
            return None
        rows.append((value.source.line_start, value.source.column or 0, key))
    return [key for _, _, key in sorted(rows)]


def _row_name(key: str) -> str:
    return BY_KEY[key].name if key in BY_KEY else nft_rounding.RULES[key].name


def check_order(nft: NutritionFacts) -> list[Finding]:
    """B.01.460: added vitamins and minerals are listed after iron, in the order of the table to B.01.402."""
    printed = _printed_order(nft)
    if printed is None or not any(key in BY_KEY for key in printed):
        return []
    wanted = sorted(printed, key=_PRESENTATION_ORDER.index)
    names = ", ".join(_row_name(k) for k in wanted)
    if printed == wanted:
        return [
            passed(
                R10_C.part("order"),
                f"The vitamins and minerals are in the prescribed order ({names}).",
                ORDER_CITE,
                names,
                nft.source.panel,
            )
        ]
    first = next(i for i, (a, b) in enumerate(zip(printed, wanted, strict=True)) if a != b)
    misplaced = _row_name(printed[first])
    finding = failed(
        R10_C.part("order"),
        f"The vitamins and minerals are printed as {', '.join(_row_name(k) for k in printed)}; {misplaced} is out of "
        "place. The information of the table to B.01.402 follows the order of presentation of the Directory of NFT "
        "Formats: after potassium, calcium and iron, the vitamins and minerals in the order of the table to "
        f"B.01.402 ({names}).",
        ORDER_CITE,
        ", ".join(_row_name(k) for k in printed),
        nft.source.panel,
    )
    return [_with(finding, fix=f"List the rows in this order: {names}.")]
