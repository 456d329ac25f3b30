"""Whether a Nutrition Facts table must, may or must not be on the label (cfia-rules.md 10.A).

The label text shows whether a table is there; the context and the rest of the label say whether an
exemption could apply, and what would cancel it (a claim, added vitamins, the words "nutrition facts").
"""

from __future__ import annotations

import re

from labeliq.checks.common import product_category
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.rule import Rule
from labeliq.checks.nutrition_facts import elsewhere
from labeliq.checks.nutrition_facts.exemption import cancellers
from labeliq.checks.nutrition_facts.rules import R10_A1, R10_A2, R10_A3, R10_A4, R10_A5, R10_A7, R10_E9
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

# US-format markers (21 CFR 101.9 wording) that the Canadian table never uses: cfia-rules.md 10.A5.
_FOREIGN_MARKERS = (
    r"amount per serving",
    r"includes \d+(\.\d+)?\s*g added sugars",
    r"the % daily value \(dv\) tells you",
    r"total carbohydrate\s+\d+(\.\d+)?\s*g\s+\d+\s*%",
)
# B.01.467(1): below 100 cm2 of available display surface the table may be replaced by contact information.
SMALL_PACKAGE_CM2 = 100.0
# B.01.401(2)(b)(viii): packaged and sold in one store, labelled by a sticker, under 200 cm2 of display surface.
RETAIL_STICKER_CM2 = 200.0


def _is_supplemented(facts: LabelFacts, context: ProductContext) -> bool:
    if context.supplemented_food:
        return True
    return facts.supplemented is not None and bool(facts.supplemented.sfft_title)


def check_presence(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    nft = facts.nutrition_facts
    if nft is not None:
        return _present(facts, context)
    return _absent(facts, context)


def _present(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    nft = facts.nutrition_facts
    assert nft is not None
    evidence, panel = nft.title, nft.source.panel
    if _is_supplemented(facts, context):
        return [
            failed(
                R10_A3,
                "The label carries a Nutrition Facts table, but the product is a supplemented food, which must carry a "
                "Supplemented Food Facts table instead and must not show a Nutrition Facts table or the phrase "
                '"nutrition facts" / "valeur nutritive".',
                "FDR B.01.401(4),(5)",
                evidence,
                panel,
            )
        ]
    banned = product_category.matches(context, "nft_prohibited")
    if banned:
        return [
            failed(
                R10_A3,
                f"The label carries a Nutrition Facts table, but the product is a {banned[0]} (context product_kind), "
                "whose label must not contain a Nutrition Facts table.",
                "FDR B.01.401(5)",
                evidence,
                panel,
            )
        ]
    return [passed(R10_A1, "A Nutrition Facts table is on the label.", "FDR B.01.401(1)", evidence, panel)]


# Kinds whose B.01.401(2)(b) exemption is a fact of where the food is sold, which the context key states and the label
# cannot show; once B.01.401(3) is ruled out from the label nothing is left for a person to confirm. The other exempt
# kinds keep a question: each needs a fact of the food itself (alcohol over 0.5 %, no added ingredient, a portion
# served with meals) that the key alone does not settle.
_SOLD_WHERE_MADE: dict[str, tuple[str, str]] = {
    "made_in_store": (
        "sold only in the retail establishment where it is prepared and processed from its ingredients",
        "FDR B.01.401(2)(b)(v), (3)",
    ),
    "farmers_market": (
        "sold only at a road-side stand, craft show, flea market, fair, farmers' market or sugar bush by the "
        "individual who prepared and processed it",
        "FDR B.01.401(2)(b)(vi), (3)",
    ),
}


def _raw_single_ingredient(facts: LabelFacts, context: ProductContext) -> Finding | None:
    """B.01.401(2)(b)(iii), (iv): a raw single-ingredient meat, poultry or fish needs no table. The context key states
    the food is raw and of one ingredient; the label must not contradict it (no list naming a second ingredient), and
    B.01.401(3), ground meat or poultry included ((d)), is ruled out from the label before this is asked."""
    if context.product_kind != "raw_single_ingredient_meat_poultry_or_fish":
        return None
    if any(len(listed.ingredients) > 1 for listed in facts.ingredients):
        return None
    return passed(
        R10_A1,
        "No Nutrition Facts table: the context says the product is a raw single-ingredient meat, poultry or fish "
        "(product_kind), which B.01.401(2)(b) exempts; the label names no second ingredient, and nothing on it calls "
        "for a table under B.01.401(3) (not ground, no nutrition or health claim, no nutrition symbol, no added "
        'vitamin or mineral, no "nutrition facts" words).',
        "FDR B.01.401(2)(b)(iii), (iv), (3)",
    )


def _absent(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    if _is_supplemented(facts, context):
        return [
            passed(
                R10_A3,
                "No Nutrition Facts table: the product is a supplemented food, which carries a Supplemented Food Facts "
                "table instead.",
                "FDR B.01.401(4)",
            )
        ]
    cancelled = cancellers(facts)
    if cancelled:
        return [
            _required(
                facts,
                R10_A2,
                f"No Nutrition Facts table was found, and no exemption can apply because {cancelled[0]}; such a "
                "label must carry a Nutrition Facts table.",
                f"FDR B.01.401(1), {cancelled[0].citation}",
            )
        ]
    if context.all_nutrients_zero:
        return [
            passed(
                R10_A1,
                "No Nutrition Facts table: the context says every item of the table other than the serving of stated "
                'size may be expressed as "0" (all_nutrients_zero), and nothing on the label cancels that exemption.',
                "FDR B.01.401(2)(a), (3)",
            )
        ]
    settled = _SOLD_WHERE_MADE.get(context.product_kind or "")
    if settled is not None:
        condition, citation = settled
        return [
            passed(
                R10_A1,
                f"No Nutrition Facts table: the context says the product is {condition} (product_kind "
                f"{context.product_kind}), which B.01.401(2)(b) exempts, and nothing on the label calls for a table "
                "under B.01.401(3) (no nutrition or health claim, no nutrition symbol, no added vitamin or mineral, no "
                '"nutrition facts" words).',
                citation,
            )
        ]
    raw = _raw_single_ingredient(facts, context)
    if raw is not None:
        return [raw]
    exempt = product_category.matches(context, "nft_exempt_review") or product_category.matches(
        context, "nft_prohibited"
    )
    if exempt:
        return [
            review(
                R10_A1,
                f"No Nutrition Facts table was found; a {exempt[0]} (context product_kind) may be exempt under "
                "B.01.401(2) or (4). A reviewer must confirm the exemption.",
                "FDR B.01.401(2),(4)",
            )
        ]
    ads = context.available_display_surface_cm2
    if context.packaged_at_retail and ads is not None and ads < RETAIL_STICKER_CM2:
        finding = review(
            R10_A1,
            f"No Nutrition Facts table was found; the product is packaged at retail and has {ads:g} cm² of available "
            "display surface (under 200 cm²), so it is exempt if it is sold only in the store where it is packaged "
            "and labelled by means of a sticker.",
            "FDR B.01.401(2)(b)(viii)",
        )
        question = "Is the product sold only in the store where it is packaged, and is its label a sticker?"
        return [finding.model_copy(update={"question": question})]
    if context.available_display_surface_cm2 is not None and context.available_display_surface_cm2 < SMALL_PACKAGE_CM2:
        return [
            review(
                R10_A4,
                f"No Nutrition Facts table was found; with an available display surface of "
                f"{context.available_display_surface_cm2:g} cm² (< 100 "
                "cm²) the table may be replaced by a statement of "
                "how to obtain the information (postal address or toll-free number), which a reviewer must confirm.",
                "FDR B.01.467",
            )
        ]
    return [
        _required(
            facts,
            R10_A1,
            "No Nutrition Facts table was found on the label; a prepackaged product must carry one unless an exemption "
            "of B.01.401(2) applies, and none is indicated by the product context (a food whose every nutrient "
            "would be declared as 0 is exempt under B.01.401(2)(a): the context key all_nutrients_zero says so).",
            "FDR B.01.401(1),(2)",
        )
    ]


def _required(facts: LabelFacts, rule: Rule, message: str, citation: str) -> Finding:
    """A table is required and none was read: a fail, which says what a line pointing elsewhere is worth
    (elsewhere.py), or a question when that line places the table elsewhere on the package (B.01.466)."""
    found = elsewhere.pointer(facts)
    if found is None:
        return failed(rule, message, citation)
    if found.on_the_package:
        finding = review(
            rule,
            f'{message} The label says the table is elsewhere on the package ("{found.text}"): B.01.466(1) allows a '
            "tag, a package insert, the inner side of the label, a fold-out label or an outer sleeve for a package "
            "that meets its conditions, and the outer label must then say where the table is (B.01.466(2)); that "
            "part of the package was not given.",
            f"{citation}; B.01.466(1), (2)",
            found.text,
            found.panel,
        )
        question = (
            "Is the Nutrition Facts table on that part of the package, and does the package meet the conditions of "
            "B.01.466(1)? Give that panel to have the table checked."
        )
        return finding.model_copy(update={"question": question})
    finding = failed(
        rule, message + elsewhere.sentence(found), f"{citation}; B.01.467; B.01.466", found.text, found.panel
    )
    fix = (
        "Print the Nutrition Facts / Valeur nutritive table on the label; a website or telephone number may be "
        "given as well, not instead."
    )
    return finding.model_copy(update={"fix": fix})


def check_foreign_table(facts: LabelFacts) -> list[Finding]:
    """10.A5: a US-style panel ("Amount per serving", "Added Sugars", mcg) alone or next to the Canadian one."""
    text = fold(facts.full_text())
    hits = [m.group(0) for pattern in _FOREIGN_MARKERS if (m := re.search(pattern, text))]
    if hits:
        return [
            failed(
                R10_A5,
                "The label shows wording of a foreign (US-format) nutrition panel "
                f'("{hits[0]}"); a foreign nutrition facts table is '
                "not permitted on a Canadian label, alone or next to "
                "the Canadian table.",
                "CFIA ILT, Nutrition labelling (foreign nutrition facts tables); FDR B.01.401(1)",
                hits[0],
            )
        ]
    if facts.nutrition_facts is None:
        return []
    third = facts.nutrition_facts.other_language_text
    if third:
        return [
            review(
                R10_A5,
                f'The table contains text read as neither English nor French ("{third[0].strip()}"); the Nutrition '
                "Facts table holds only the information of B.01.401/B.01.402 in English and French. A reviewer must "
                "confirm whether a third language is printed inside the table.",
                "FDR B.01.401(1); CFIA ILT, Nutrition labelling",
                third[0],
                facts.nutrition_facts.source.panel,
            )
        ]
    return [
        not_applicable(
            R10_A5, "No foreign (US-format) nutrition panel wording was found.", "CFIA ILT, Nutrition labelling"
        )
    ]


def layout_reviews(facts: LabelFacts) -> list[Finding]:
    """10.A7 and 10.E9 depend on the layout, size and colours, which text does not give."""
    nft = facts.nutrition_facts
    if nft is None:
        return []
    return [
        review(
            R10_A7,
            "The Nutrition Facts format version (the largest that fits within 15 % of the available display surface) "
            "depends on the package dimensions and layout; a reviewer must confirm it.",
            "FDR B.01.454 ff.",
            nft.title,
            nft.source.panel,
        ),
        review(
            R10_E9,
            "Presentation of the table (one colour, 100 % black or equivalent on a white or neutral background, "
            "sans-serif type, rules and spacing) cannot be read from text; a reviewer must confirm it.",
            "FDR B.01.450, B.01.451",
            nft.title,
            nft.source.panel,
        ),
    ]
