"""Wording and completeness of the Nutrition Facts table: title, descriptions, footnote, core rows.

Descriptions, title and footnote are compared with the FDR's own words (lexicons/data/nft_descriptions.json),
EN and FR, after folding case and accents. A missing core row is acceptable only in the simplified format,
where the "Not a significant source of ..." statement names it (FDR B.01.401(6)).
"""

from __future__ import annotations

import re
from typing import Any

from labeliq import lexicons
from labeliq.checks.common import nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.rule import Rule
from labeliq.checks.nutrition_facts import small_package
from labeliq.checks.nutrition_facts.rules import R10_A6, R10_B
from labeliq.models import Finding, LabelFacts, NutritionFacts, ProductContext
from labeliq.text import fold

# Kept even in the simplified format: B.01.401(6)(b)-(e).
ALWAYS_KEPT = ("fat", "carbohydrate", "protein")


def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = lexicons.load("nft_descriptions")
    return data


def _squash(text: str) -> str:
    """Fold and drop spaces, asterisks and apostrophes so "5 %" and "5%" compare equal."""
    return re.sub(r"[\s*'’]", "", fold(text))


def check_title(nft: NutritionFacts) -> list[Finding]:
    titles = _lexicon()["titles"]
    folded = fold(nft.title)
    missing = [lang for lang in ("en", "fr") if not any(t in folded for t in titles[lang])]
    cite = "FDR B.01.401(3)(e)(iv); CFIA Directory of NFT Formats (title)"
    if not missing:
        return [
            passed(R10_B.part("title"), "The table is titled in English and French.", cite, nft.title, nft.source.panel)
        ]
    names = {"en": '"Nutrition Facts"', "fr": '"Valeur nutritive"'}
    return [
        failed(
            R10_B.part("title"),
            f'The table title "{nft.title.strip()}" lacks {" and ".join(names[m] for m in missing)}; the Nutrition '
            'Facts table is titled "Nutrition Facts" and "Valeur nutritive".',
            cite,
            nft.title,
            nft.source.panel,
        )
    ]


def check_footnote(facts: LabelFacts, nft: NutritionFacts) -> list[Finding]:
    """Item 16: the % Daily Value interpretative statement, EN and FR."""
    wanted = _lexicon()["footnote"]
    table_panel = facts.panel(nft.source.panel)
    panel_text = table_panel.text if table_panel is not None else ""
    haystack = _squash(nft.dv_footnote + "\n" + (panel_text or ""))
    present = {lang: _squash(wanted[lang]) in haystack for lang in ("en", "fr")}
    cite = "FDR B.01.401 table item 16"
    evidence = nft.dv_footnote
    if all(present.values()):
        return [
            passed(
                R10_B.part("footnote"), "The % Daily Value footnote is present in English and French.", cite, evidence
            )
        ]
    if not any(present.values()) and not nft.dv_footnote.strip():
        return [
            review(
                R10_B.part("footnote"),
                'No "%Daily Value" footnote ("*5% or less is a little, 15% or more is a lot") was found; it is '
                "required except in the formats listed in B.01.401(8), which a reviewer must confirm.",
                cite + "; FDR B.01.401(8)",
                "",
                nft.source.panel,
            )
        ]
    missing = [lang for lang, ok in present.items() if not ok]
    expected = " / ".join(f'"{wanted[lang]}"' for lang in missing)
    return [
        failed(
            R10_B.part("footnote"),
            f"The % Daily Value footnote is missing or not worded as the FDR requires ({', '.join(missing).upper()}): "
            f"expected {expected}.",
            cite,
            evidence,
            nft.source.panel,
        )
    ]


def _label_parts(label: str) -> list[str]:
    parts = [fold(p).strip(" *:.+") for p in re.split(r"\s/\s|/|\s\+\s", label)]
    return [p for p in parts if p]


def check_descriptions(nft: NutritionFacts) -> list[Finding]:
    """Each row's description must be one the FDR lists (EN or FR), cfia-rules.md 10.B columns 2-3."""
    table = _lexicon()["descriptions"]
    wrong: list[str] = []
    checked = 0
    for key, value in nft.nutrients.items():
        allowed = table.get(key)
        if allowed is None or not value.label.strip():
            continue
        checked += 1
        # The combined %DV line's label is often printed across the saturated and trans rows.
        sources = [allowed, table["saturated_fat"], table["trans_fat"]] if key == "saturated_plus_trans" else [allowed]
        words = {w for entry in sources for lang in ("en", "fr") for w in entry[lang]}
        words |= {w.lstrip("+ ").strip() for w in words}
        for part in _label_parts(value.label):
            if part.lstrip("+ ").strip() not in words:
                name = nft_rounding.RULES[key].name.lower() if key in nft_rounding.RULES else key
                wrong.append(f'"{part}" for {name}')
    if not checked:
        return []
    cite = "FDR B.01.401 table column 2; B.01.402 table column 2 (and the French version)"
    if not wrong:
        return [
            passed(
                R10_B.part("description"), "Every row uses a description the FDR provides.", cite, "", nft.source.panel
            )
        ]
    return [
        failed(
            R10_B.part("description"),
            f"Row descriptions not provided by the FDR: {'; '.join(wrong)}. Each row must use one of the English and "
            "French descriptions set out in the tables to B.01.401 and B.01.402.",
            cite,
            "; ".join(wrong),
            nft.source.panel,
        )
    ]


def check_serving(nft: NutritionFacts) -> list[Finding]:
    cite = "FDR B.01.401 table item 1"
    if not nft.serving_text.strip() and nft.serving_amount is None:
        return [
            failed(
                R10_B.part("serving"),
                "No serving of stated size was found in the table; it "
                "must be given as a household measure and a metric "
                'amount ("Per 1 cup (250 mL)" / "pour 1 tasse (250 mL)").',
                cite,
                nft.title,
                nft.source.panel,
            )
        ]
    if nft.serving_amount is None:
        return [
            failed(
                R10_B.part("serving"),
                f'The serving "{nft.serving_text.strip()}" shows no metric amount (g or mL) in parentheses.',
                cite,
                nft.serving_text,
                nft.source.panel,
            )
        ]
    verdict = nft_rounding.judge("serving", nft.serving_amount)
    if verdict.legal:
        return [
            passed(R10_B.part("serving"), "The serving of stated size is rounded as required.", cite, nft.serving_text)
        ]
    return [
        failed(
            R10_B.part("serving"),
            f"The serving size is printed as {nft_rounding.fmt(nft.serving_amount)} {nft.serving_unit or ''}; "
            f"{verdict.tier.describe(nft.serving_unit or 'g')} the metric size is rounded to the nearest multiple of "
            f"{nft_rounding.fmt(verdict.tier.increment or 1)} ({nft_rounding.fmt(verdict.suggestion or 0)}).",
            cite,
            nft.serving_text,
            nft.source.panel,
        )
    ]


def check_core_rows(nft: NutritionFacts, context: ProductContext) -> list[Finding]:
    """Missing core rows: a fail in the standard format; in the simplified format they must be named (10.A6)."""
    infants = for_infants(context)
    missing = [k for k in nft_values.CORE_ROWS if k not in nft.nutrients]
    out: list[Finding] = []
    if infants:
        # B.01.403(3), (4): saturated, trans and cholesterol may be omitted, but cholesterol needs the other two
        optional = [k for k in INFANT_OPTIONAL if k in missing]
        missing = [k for k in missing if k not in INFANT_OPTIONAL]
        if optional:
            out.append(_infant_optional(nft, optional))
    if nft.calories is None:
        missing.insert(0, "energy")
    statement = nft.not_significant_source.strip()
    if statement:
        out += _simplified_allowed(nft, missing, infants)
    if not missing:
        return out
    names = _lexicon()["descriptions"]
    for key in missing:
        name = nft_rounding.RULES[key].name
        rule = R10_B.part(key)
        cite = nft_rounding.RULES[key].citation
        if statement and key not in ALWAYS_KEPT and key != "energy":
            words = names.get(key, {"en": [name.lower()], "fr": []})
            if "other nutrients" in fold(statement) or any(
                w in fold(statement) for lang in ("en", "fr") for w in words[lang]
            ):
                out.append(
                    passed(R10_A6, f'{name} is omitted and named in "{statement}".', "FDR B.01.401(6)(j)", statement)
                )
            else:
                out.append(
                    failed(
                        R10_A6,
                        f'{name} is omitted from the simplified table but is not named in "{statement}"; the statement '
                        "must name each nutrient omitted.",
                        "FDR B.01.401(6)(j)",
                        statement,
                        nft.source.panel,
                    )
                )
            continue
        if small_package.is_small(context):
            finding = review(
                rule,
                f"{name} is not in the table; on a package with less than 100 cm² of available display surface the "
                'table need only show the nutrients whose amount may not be expressed as "0" (B.01.468(1)(b)).',
                "FDR B.01.468(1)",
                "",
                nft.source.panel,
            )
            question = f"Would {name.lower()} be declared as 0 per serving (so that B.01.468 lets the table omit it)?"
            out.append(finding.model_copy(update={"question": question}))
            continue
        if context.single_serving_container:
            out.append(_single_serving_omission(nft, key, rule, name, context))
            continue
        out.append(
            failed(
                rule,
                f"{name} is not declared in the Nutrition Facts table; it is core information that the table must "
                'contain (only the simplified format may omit it, with a "Not a significant source of ..." statement).',
                f"FDR B.01.401(1); {cite}",
                "",
                nft.source.panel,
            )
        )
    return out


# B.01.401(6.1) (and B.29.002(5) for a Supplemented Food Facts table): a single-serving product, other than a
# prepackaged meal, need not show these at all...
SINGLE_SERVING_OPTIONAL = ("cholesterol", "fibre", "potassium", "calcium", "iron")
# ...and shows these only when they may not be expressed as "0" ((6.1)(h), (i)).
SINGLE_SERVING_IF_NOT_ZERO = ("saturated_fat", "trans_fat", "sodium", "sugars")
# What a declared "0" row says of the rows it contains: no fat, no saturated or trans fat; no carbohydrate, no sugars.
_ZERO_IMPLIES = {"saturated_fat": "fat", "trans_fat": "fat", "sugars": "carbohydrate"}


def _single_serving_omission(nft: NutritionFacts, key: str, rule: Rule, name: str, context: ProductContext) -> Finding:
    cite = "FDR B.01.401(6.1)"
    if context.main_dish:
        finding = review(
            rule,
            f"{name} is not in the table; the shortened list of B.01.401(6.1) is for single-serving products other "
            "than prepackaged meals, and this one is a main dish.",
            cite,
            "",
            nft.source.panel,
        )
        return finding.model_copy(
            update={"question": f"Is this main dish a prepackaged meal (then {name.lower()} must be in the table)?"}
        )
    if key in SINGLE_SERVING_OPTIONAL:
        return passed(
            rule,
            f"{name} is not in the table, which the shortened list of a single-serving product allows (B.01.401(6.1)).",
            cite,
            "",
            nft.source.panel,
        )
    parent = _ZERO_IMPLIES.get(key)
    if parent is not None and _declared_zero(nft, parent):
        return passed(
            rule,
            f"{name} is not in the table; a single-serving product shows it only when it may not be expressed as "
            f'"0", and the table declares {nft_rounding.RULES[parent].name.lower()} as 0 (B.01.401(6.1)(h), (i)).',
            cite,
            "",
            nft.source.panel,
        )
    finding = review(
        rule,
        f'{name} is not in the table; a single-serving product may leave it out only when it may be expressed as "0" '
        "(B.01.401(6.1)(h), (i)), which the label cannot show.",
        cite,
        "",
        nft.source.panel,
    )
    return finding.model_copy(update={"question": f"Would {name.lower()} be declared as 0 per serving?"})


def row_evidence(nft: NutritionFacts, key: str) -> str:
    value = nft_values.row(nft, key)
    return nft_values.evidence(value) if value is not None else ""


# B.01.401(6): items 2-5 and 7-15 (energy, fat, saturated, trans, cholesterol, sodium, carbohydrate, fibre, sugars,
# protein, potassium, calcium, iron); the simplified format needs six or more of them expressible as "0".
SIMPLIFIED_ITEMS = ("energy", *nft_values.CORE_ROWS)
SIMPLIFIED_MIN_ZEROS = 6


# B.01.403(5): for infants 6-12 months, five or more of items 2, 3 and 8-15 (energy, fat, sodium, carbohydrate,
# fibre, sugars, protein, potassium, calcium, iron).
INFANT_SIMPLIFIED_ITEMS = (
    "energy",
    "fat",
    "sodium",
    "carbohydrate",
    "fibre",
    "sugars",
    "protein",
    "potassium",
    "calcium",
    "iron",
)
INFANT_SIMPLIFIED_MIN_ZEROS = 5
# B.01.403(3): may be omitted from the table of a food solely for infants 6 to 12 months.
INFANT_OPTIONAL = ("saturated_fat", "trans_fat", "cholesterol")


def for_infants(context: ProductContext) -> bool:
    """The product is intended solely for infants six months of age or older but less than one year (B.01.403)."""
    return context.product_kind == "food_for_infants_6_to_12_months"


def _infant_optional(nft: NutritionFacts, omitted: list[str]) -> Finding:
    names = ", ".join(nft_rounding.RULES[k].name.lower() for k in omitted)
    if "cholesterol" in nft.nutrients and any(k in omitted for k in ("saturated_fat", "trans_fat")):
        finding = failed(
            R10_B.part("infant_fatty_acids"),
            f"The table of a food for infants 6 to 12 months declares cholesterol but omits {names}; when cholesterol "
            "is in the table, saturated and trans fatty acids must be too.",
            "FDR B.01.403(4)",
            row_evidence(nft, "cholesterol"),
            nft.source.panel,
        )
        return finding.model_copy(update={"fix": "Add the saturated fat and trans fat rows, or remove cholesterol."})
    return passed(
        R10_B.part("infant_fatty_acids"),
        f"The table of a food for infants 6 to 12 months omits {names}, which B.01.403(3) allows.",
        "FDR B.01.403(3)",
        "",
        nft.source.panel,
    )


def _simplified_allowed(nft: NutritionFacts, missing: list[str], infants: bool = False) -> list[Finding]:
    items, minimum = (
        (INFANT_SIMPLIFIED_ITEMS, INFANT_SIMPLIFIED_MIN_ZEROS) if infants else (SIMPLIFIED_ITEMS, SIMPLIFIED_MIN_ZEROS)
    )
    zeros = [k for k in items if k in missing or _declared_zero(nft, k)]
    cite = "FDR B.01.403(5)" if infants else "FDR B.01.401(6)"
    if len(zeros) >= minimum:
        return [
            passed(
                R10_A6,
                f"The simplified format is used and {len(zeros)} of the {len(items)} items are 0 or omitted "
                f"({minimum} or more).",
                cite,
                nft.not_significant_source,
                nft.source.panel,
            )
        ]
    return [
        failed(
            R10_A6,
            f'The table uses the simplified format ("{nft.not_significant_source.strip()}"), but only '
            f"{len(zeros)} of the energy value and core nutrients are 0 or omitted; the simplified format needs "
            f'{minimum} or more that may be expressed as "0".',
            cite,
            nft.not_significant_source,
            nft.source.panel,
        )
    ]


def _declared_zero(nft: NutritionFacts, key: str) -> bool:
    if key == "energy":
        return nft.calories == 0
    value = nft.nutrients.get(key)
    return value is not None and value.amount == 0
