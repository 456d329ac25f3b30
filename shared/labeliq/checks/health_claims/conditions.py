"""Conditions of the diet-related health claims (table following FDR B.01.603, column 2 and 3).

Numbers confirmed in /work/shared/domain/sources/food-and-drug-regulations.en.txt, table following B.01.603:
item 1(g) potassium >= 350 mg per reference amount and serving; item 2(d) calcium >= 200 mg (prepackaged meal
300 mg), 2(e) >= 275 mg (meal 400 mg), 2(f) vitamin D >= 1.25 µg, column 3 vitamin D and phosphorus in the
NFt; item 3(c) cholesterol <= 100 mg per 100 g, 3(f) sodium <= 480 mg per reference amount and serving (meal
960 mg); item 4.1(d) sodium < 15 % DV; item 5 only chewing gum, hard candy or breath fresheners.
Conditions that refer to the TPNCSC ("low in energy", "low in saturated fatty acids", "low in sodium") or
to the weighted recommended nutrient intake are not in the sources: they produce needs_review.
"""

from __future__ import annotations

from labeliq.checks.common import daily_values, nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.named_food import names_food
from labeliq.checks.common.rule import Rule
from labeliq.checks.health_claims.rules import R14_A6, R14_C
from labeliq.checks.health_claims.wording import HealthClaimMatch, SuspectSentence
from labeliq.models import Finding, FindingText, LabelFacts, NutritionFacts, ProductContext
from labeliq.text import fold

POTASSIUM_MIN_MG = 350.0  # item 1(g)
CALCIUM_GOOD_MG, CALCIUM_GOOD_MEAL_MG = 200.0, 300.0  # item 2(d)
CALCIUM_EXCELLENT_MG, CALCIUM_EXCELLENT_MEAL_MG = 275.0, 400.0  # item 2(e)
VITAMIN_D_MIN_UG = 1.25  # item 2(f)
CHOLESTEROL_MAX_MG_PER_100G = 100.0  # item 3(c)
SODIUM_MAX_MG, SODIUM_MAX_MEAL_MG = 480.0, 960.0  # item 3(f)
SODIUM_MAX_PCT_DV_4_1 = 15.0  # item 4.1(d), "less than 15 %"
_ITEM5_FOODS = (
    "chewing gum", "gum", "hard candy", "hard candies", "candy", "candies", "breath freshener", "breath fresheners",
    "mint", "mints", "gomme", "gommes", "bonbon", "bonbons", "pastilles", "rafraichisseur d'haleine",
)  # fmt: skip
_CITE = "FDR B.01.603 table item {item}"
_COMMON_UNCONFIRMED = (
    'the common conditions (not "low in energy" unless a vegetable or fruit; at least 10 % of the weighted recommended '
    "nutrient intake of a vitamin or mineral; 0.5 % alcohol or "
    "less) refer to the TPNCSC or to RNIs that are not in the "
    "sources"
)


def judge(
    matches: list[HealthClaimMatch], suspects: list[SuspectSentence], facts: LabelFacts, context: ProductContext
) -> list[Finding]:
    out: list[Finding] = []
    for suspect in suspects:
        out.append(_suspect_finding(suspect))
    for match in matches:
        rule = R14_C.part(match.item)
        if context.intended_solely_for_children_under_4:
            out.append(
                failed(
                    R14_A6,
                    f'The health claim "{match.text}" is on a food intended solely for children under 4 years, which '
                    "may not carry it.",
                    "FDR B.01.601(1)(c)",
                    match.text,
                    match.panel,
                )
            )
            continue
        out.append(
            passed(
                rule,
                "The health claim uses the exact wording of the FDR.",
                _CITE.format(item=match.item),
                match.text,
                match.panel,
            )
        )
        out += _conditions(match, facts, context, rule)
    out += _bilingual(matches)
    return out


def _suspect_finding(suspect: SuspectSentence) -> Finding:
    if suspect.drug_like:
        return failed(
            R14_C.part("drug"),
            f'"{suspect.text}" represents the food as treating, curing, preventing or mitigating a disease; a food may '
            "not carry such a drug claim (only the disease risk-reduction claims of the table following B.01.603 "
            "are permitted).",
            "Food and Drugs Act s.3; FDR B.01.601; CFIA ILT, Health claims (drug claims not permitted on food)",
            suspect.text,
            suspect.panel,
        )
    return failed(
        R14_C.part("wording"),
        f'"{suspect.text}" is a disease risk-reduction claim that is not worded exactly as any statement in the table '
        "following B.01.603; only that exact wording may be used, with other words before or after but not inside.",
        "FDR B.01.601(1), B.01.603(1)",
        suspect.text,
        suspect.panel,
    )


def _minimum(
    nft: NutritionFacts,
    context: ProductContext,
    key: str,
    minimum: float,
    rule: Rule,
    match: HealthClaimMatch,
    cite: str,
) -> Finding:
    amount = nft_values.amount(nft, key)
    name = nft_rounding.RULES[key].name if key in nft_rounding.RULES else key
    unit = nft_values.UNITS.get(key, "mg")
    if amount is None:
        return failed(
            rule,
            f"The claim needs {name.lower()} of at least {minimum:g} {unit}, but the table does not declare it.",
            cite,
            match.text,
            match.panel,
        )
    factor = nft_values.per_reference_amount(nft, context)
    per_ra = amount * factor if factor is not None else None
    lowest = min(amount, per_ra) if per_ra is not None else amount
    basis = "per serving" + (f" and {per_ra:g} {unit} per reference amount" if per_ra is not None else "")
    if lowest >= minimum:
        return passed(
            rule,
            f"{name} is {nft_rounding.fmt(amount)} {unit} {basis}, at least {minimum:g} {unit}.",
            cite,
            match.text,
            match.panel,
        )
    return failed(
        rule,
        f'The health claim "{match.text[:80]}..." requires at least {minimum:g} {unit} of {name.lower()} per reference '
        f"amount and per serving, but the table declares {nft_rounding.fmt(amount)} {unit} {basis}.",
        cite,
        match.text,
        match.panel,
    )


def _conditions(match: HealthClaimMatch, facts: LabelFacts, context: ProductContext, rule: Rule) -> list[Finding]:
    nft = facts.nutrition_facts
    cite = _CITE.format(item=match.item)
    if nft is None:
        return [
            failed(
                rule,
                "A health claim requires a Nutrition Facts table; none was found.",
                "FDR B.01.401(3)(e)(ii)",
                match.text,
                match.panel,
            )
        ]
    out: list[Finding] = []
    unconfirmed = [_COMMON_UNCONFIRMED] if match.item in ("1", "2", "3") else []
    meal = bool(context.main_dish)
    if match.item == "1":
        if match.variant in (3, 4, 5, 6):
            out.append(_minimum(nft, context, "potassium", POTASSIUM_MIN_MG, rule, match, cite + "(g)"))
        if match.variant in (1, 3, 5):
            out.append(_zero(nft, "sodium", rule, match, cite + "(e)"))
        else:
            unconfirmed.append(
                '"low in sodium or salt" (item 32 of the Table of Permitted Nutrient Content Statements and Claims)'
            )
        unconfirmed.append(
            '"low in saturated fatty acids" (item 19 of the Table of Permitted Nutrient Content Statements and Claims)'
        )
    elif match.item == "2":
        good = match.variant in (1, 2)
        minimum = (
            (CALCIUM_GOOD_MEAL_MG if meal else CALCIUM_GOOD_MG)
            if good
            else (CALCIUM_EXCELLENT_MEAL_MG if meal else CALCIUM_EXCELLENT_MG)
        )
        out.append(_minimum(nft, context, "calcium", minimum, rule, match, cite + ("(d)" if good else "(e)")))
        if match.variant in (5, 6):
            out.append(_minimum(nft, context, "vitamin_d", VITAMIN_D_MIN_UG, rule, match, cite + "(f)"))
        out += _vitamin_d_phosphorus(facts, nft, rule, match, cite)
        unconfirmed.append("phosphorus (excluding phytate) not more than calcium (needs the phosphorus amount)")
    elif match.item == "3":
        out += _item3(nft, context, rule, match, cite)
        if match.variant == 1:
            out.append(_zero(nft, "saturated_fat", rule, match, cite + "(g)"))
            out.append(_zero(nft, "trans_fat", rule, match, cite + "(g)"))
        else:
            unconfirmed.append(
                '"low in saturated fatty acids" (item 19 of the Table of Permitted Nutrient Content Statements and '
                "Claims)"
            )
    elif match.item in ("4", "4.1"):
        if match.item == "4.1":
            out += _sodium_pct(nft, context, rule, match, cite)
        unconfirmed.append("the food must be a vegetable or fruit (or juice) with only the listed added ingredients")
    elif match.item == "5":
        out += _item5(facts, context, rule, match, cite)
    if unconfirmed:
        out.append(
            review(
                rule,
                "These conditions of the health claim cannot be confirmed from the sources or the label text: "
                + "; ".join(unconfirmed)
                + ". A reviewer must confirm them.",
                cite,
                match.text,
                match.panel,
            )
        )
    return out


def _zero(nft: NutritionFacts, key: str, rule: Rule, match: HealthClaimMatch, cite: str) -> Finding:
    """A "free of" condition is met only if the NFt shows 0 (B.01.401 table rounds to 0 exactly then)."""
    amount = nft_values.amount(nft, key)
    name = nft_rounding.RULES[key].name
    unit = nft_values.UNITS[key]
    if amount == 0:
        return passed(
            rule, f'{name} is declared as 0 {unit}, as the "free of" wording requires.', cite, match.text, match.panel
        )
    shown = "not declared" if amount is None else f"declared as {nft_rounding.fmt(amount)} {unit}"
    return failed(
        rule,
        f"The health claim says the food is free of {name.lower()}, but {name.lower()} is {shown}; the FDR rounds "
        f'{name.lower()} to "0" exactly when the food meets the "free of" conditions.',
        f"{cite}; {nft_rounding.RULES[key].citation}",
        match.text,
        match.panel,
    )


def _vitamin_d_phosphorus(
    facts: LabelFacts, nft: NutritionFacts, rule: Rule, match: HealthClaimMatch, cite: str
) -> list[Finding]:
    """Column 3 of item 2: vitamin D and phosphorus must be in the Nutrition Facts table."""
    panel = facts.panel(nft.source.panel)
    table_text = fold(panel.text) if panel is not None else ""
    missing = []
    if "vitamin_d" not in nft.nutrients:
        missing.append("vitamin D")
    if "phosphorus" not in table_text and "phosphore" not in table_text:
        missing.append("phosphorus")
    if not missing:
        return [
            passed(
                rule,
                "Vitamin D and phosphorus are declared in the table.",
                cite + ", column 3",
                match.text,
                match.panel,
            )
        ]
    return [
        failed(
            rule,
            f"The calcium health claim requires vitamin D and phosphorus in the Nutrition Facts table; "
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not declared.",
            cite + ", column 3",
            match.text,
            match.panel,
        )
    ]


def _item3(
    nft: NutritionFacts, context: ProductContext, rule: Rule, match: HealthClaimMatch, cite: str
) -> list[Finding]:
    out: list[Finding] = []
    cholesterol = nft_values.amount(nft, "cholesterol")
    if cholesterol is not None and nft.serving_amount and (nft.serving_unit or "g").lower() == "g":
        per_100 = cholesterol / nft.serving_amount * 100
        out.append(
            _condition(
                per_100 <= CHOLESTEROL_MAX_MG_PER_100G,
                rule,
                cite + "(c)",
                match,
                f"Cholesterol is {per_100:.0f} mg per 100 g (100 mg or less).",
                "The claim requires 100 mg or less cholesterol per 100 g, but the table gives "
                f"{per_100:.0f} mg per 100 g.",
            )
        )
    limit = SODIUM_MAX_MEAL_MG if context.main_dish else SODIUM_MAX_MG
    sodium = nft_values.amount(nft, "sodium")
    factor = nft_values.per_reference_amount(nft, context)
    if sodium is not None:
        highest = max(sodium, sodium * factor) if factor is not None else sodium
        out.append(
            _condition(
                highest <= limit,
                rule,
                cite + "(f)",
                match,
                f"Sodium is {nft_rounding.fmt(sodium)} mg per serving ({limit:g} mg or less).",
                f"The claim requires {limit:g} mg or less sodium per reference amount and per serving, but the table "
                f"declares {nft_rounding.fmt(sodium)} mg per serving.",
            )
        )
    return out


def _condition(met: bool, rule: Rule, cite: str, match: HealthClaimMatch, if_met: str, if_not: str) -> Finding:
    """A pass or a fail on one numeric condition of a claim, quoting the claim as evidence."""
    verdict = passed if met else failed
    return verdict(rule, if_met if met else if_not, cite, match.text, match.panel)


def _sodium_pct(
    nft: NutritionFacts, context: ProductContext, rule: Rule, match: HealthClaimMatch, cite: str
) -> list[Finding]:
    sodium = nft_values.amount(nft, "sodium")
    dv = daily_values.current("sodium")
    if sodium is None or dv is None:
        return []
    factor = nft_values.per_reference_amount(nft, context)
    highest = max(sodium, sodium * factor) if factor is not None else sodium
    pct = highest / dv.amount * 100
    return [
        _condition(
            pct < SODIUM_MAX_PCT_DV_4_1,
            rule,
            cite + "(d)",
            match,
            f"Sodium is {pct:.1f} % DV (less than 15 %).",
            "The claim requires less than 15 % DV sodium per reference amount and per serving; the food has "
            f"{pct:.1f} % DV.",
        )
    ]


def _item5(facts: LabelFacts, context: ProductContext, rule: Rule, match: HealthClaimMatch, cite: str) -> list[Finding]:
    """Item 5 is for chewing gum, hard candy and breath fresheners: the label's common name says which food it is."""
    names = ", ".join(n.text for n in facts.common_names)
    kind = names_food(facts, _ITEM5_FOODS)
    if kind:
        return [
            passed(
                rule,
                f"The common name ({names}) shows a food this claim may be made for.",
                cite,
                match.text,
                match.panel,
            )
        ]
    if not names:
        return [
            review(
                rule,
                "The claim is allowed only on chewing gum, hard candy or breath fresheners; no common name was found "
                "to show what the food is.",
                cite,
                match.text,
                match.panel,
            ).model_copy(
                update={
                    "question": "Is the product chewing gum, hard candy or a breath freshener?",
                    "fr": FindingText(
                        message="",
                        question="Le produit est-il une gomme à mâcher, un bonbon dur ou un rafraîchisseur d'haleine?",
                    ),
                }
            )
        ]
    return [
        failed(
            rule,
            f"The claim is allowed only on chewing gum, hard candy or breath freshener products; the label's common "
            f"name ({names}) names another food.",
            cite,
            match.text,
            match.panel,
        ).model_copy(
            update={
                "fix": "Remove the claim: it may be made only for chewing gum, hard candy or breath fresheners.",
                "fr": FindingText(
                    message="",
                    fix="Retirez l'allégation : elle n'est permise que sur la gomme à mâcher, les bonbons durs et les "
                    "rafraîchisseurs d'haleine.",
                ),
            }
        )
    ]


def _bilingual(matches: list[HealthClaimMatch]) -> list[Finding]:
    """B.01.600: a health claim is shown in English and French."""
    languages: dict[str, set[str]] = {}
    for match in matches:
        languages.setdefault(match.item, set()).add(match.language)
    out: list[Finding] = []
    for item, langs in languages.items():
        if langs >= {"en", "fr"}:
            out.append(
                passed(
                    R14_C.part("bilingual"), f"Health claim item {item} appears in English and French.", "FDR B.01.600"
                )
            )
        else:
            only = "English" if "en" in langs else "French"
            out.append(
                failed(
                    R14_C.part("bilingual"),
                    f"Health claim item {item} appears only in {only}; "
                    "health claims must be shown in English and French.",
                    "FDR B.01.600",
                )
            )
    return out
