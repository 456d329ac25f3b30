"""Judging one nutrient content claim against what the FDR text lets us confirm (cfia-rules.md 14.A, 14.B).

The numeric conditions of the Table of Permitted Nutrient Content Statements and Claims are incorporated
by reference and are not in the sources, so they never produce a fail here: they produce needs_review
with the condition we believe applies. What the FDR itself says does produce verdicts:
- a "free of X" claim needs the NFt to show "0" for X, because the core table rounds X to "0" exactly
  when the food meets that "free of" condition (B.01.401 table items 2, 3, 4, 5, 7, 8);
- vitamin and mineral claims need >= 5 % DV declared per serving (D.01.004(1), D.02.002(1)), and so does each nutrient
  a fortification statement names ("enriched with calcium and vitamin D": a statement concerning the vitamin content);
- children under 4: only five claims (B.01.503(2));
- no "very", "ultra", "extra" around a claim (B.01.511(2));
- the claimed nutrient must be in the NFt (B.01.401(3)(e), B.01.402(4));
- "unsweetened": no added sugars and no sweetener (B.01.509(1));
- "light" about a sensory characteristic names it next to the claim (B.01.513).
"""

from __future__ import annotations

from typing import Any

from labeliq.checks.common import claim_parse, fortification_claim, nft_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.checks.common.claim_parse import ParsedClaim
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.rule import Rule
from labeliq.checks.health_claims import claim_words as claim_word_rules
from labeliq.checks.health_claims import remembered_conditions
from labeliq.checks.health_claims.rules import R14_A4, R14_A6, R14_A7, R14_A14, R14_B
from labeliq.checks.nutrition_facts import small_package
from labeliq.models import Finding, LabelFacts, NutritionFacts, ProductContext

TABLE = "the Table of Permitted Nutrient Content Statements and Claims"  # named in full: readers do not know TPNCSC

# D.01.004(1)(b) and D.02.002(1)(b): a vitamin or mineral claim needs 5 % DV or more per serving of stated size.
VITAMIN_MINERAL_MIN_PCT = 5.0
_NFT_CITES = {
    "energy": "FDR B.01.401 table item 2",
    "fat": "FDR B.01.401 table item 3",
    "saturated_fat": "FDR B.01.401 table item 4",
    "trans_fat": "FDR B.01.401 table item 5",
    "cholesterol": "FDR B.01.401 table item 7",
    "sodium": "FDR B.01.401 table item 8",
}


def lexicon() -> dict[str, Any]:
    return claim_parse.data()


def nft_amount(nft: NutritionFacts | None, subject: str) -> float | None:
    if nft is None:
        return None
    if subject == "energy":
        return nft.calories
    return nft_values.amount(nft, subject)


def in_nft(nft: NutritionFacts | None, subject: str) -> bool:
    if nft is None:
        return False
    if subject == "energy":
        return nft.calories is not None
    return subject in nft.nutrients


def _name(subject: str) -> str:
    return nft_rounding.RULES[subject].name if subject in nft_rounding.RULES else subject.replace("_", " ")


def judge(claim: ParsedClaim, facts: LabelFacts, context: ProductContext, panel: str | None) -> list[Finding]:
    """Every finding one parsed claim produces."""
    out: list[Finding] = []
    text = claim.text
    if claim.modifier:
        out.append(
            failed(
                R14_A4,
                f'"{text}" puts "{claim.modifier}" next to a nutrient content claim; the words "very", "ultra" and '
                '"extra" or any word that modifies the nature of a claim must not precede or follow it.',
                "FDR B.01.511(2)",
                text,
                panel,
            )
        )
    # B.01.503(2) limits the claims of column 4 of the TPNCSC; a fortification statement is not one of them (it is a
    # statement about the vitamin or mineral content, governed by D.01.004 and D.02.002).
    if context.intended_solely_for_children_under_4 and claim.kind != "fortified":
        allowed = {tuple(pair) for pair in lexicon()["children_under_4_allowed"]}
        if (claim.kind, claim.subject) not in allowed:
            out.append(
                failed(
                    R14_A6,
                    f'"{text}" is on a food intended solely for children under 4 years; only "source of protein", '
                    '"excellent source of protein", "more protein", "no added sodium or salt" and "no added sugars" '
                    "are permitted on such foods.",
                    "FDR B.01.503(2)",
                    text,
                    panel,
                )
            )
        else:
            out.append(
                passed(
                    R14_A6,
                    f'"{text}" is one of the claims permitted for children under 4.',
                    "FDR B.01.503(2)",
                    text,
                    panel,
                )
            )
    if small_package.statement_in_use(facts, context) and claim.subject == "sugars" and claim.kind == "free":
        out.append(
            passed(
                R14_A7,
                f'"{claim.text}" on a package under 100 cm² that says how to obtain the nutrition information: '
                "a free-of-sugars product keeps the small-package alternative to the table (B.01.467(2.1)).",
                "FDR B.01.467(2.1)",
                claim.text,
                panel,
            )
        )
    else:
        out += _in_table(claim, facts, panel)
    if claim.kind == "unsweetened":
        out += claim_word_rules.unsweetened(claim, facts, panel)
    elif claim.kind == "light" and not claim.subject:
        out += claim_word_rules.light_sensory(claim, panel)
    elif claim.kind == "fortified" and not claim.subject:
        out.append(_unnamed_fortification(claim, panel))
    elif claim.kind == "fortified" or claim.subject in lexicon()["vitamins_minerals"]:
        out += _vitamin_mineral(claim, facts, panel)
    else:
        out += _criteria(claim, facts, context, panel)
    return out


def _in_table(claim: ParsedClaim, facts: LabelFacts, panel: str | None) -> list[Finding]:
    """14.A7: a claim makes the NFt mandatory and its nutrient must be declared in it."""
    if claim.kind in ("unsweetened",) or not claim.subject:
        return []
    nft = facts.nutrition_facts
    name = _name(claim.subject).lower()
    cite = "FDR B.01.401(3)(e), B.01.402(4)"
    if nft is None:
        return [
            failed(
                R14_A7,
                f'"{claim.text}" is a nutrient content claim, so the '
                "label must carry a Nutrition Facts table declaring "
                f"{name}; none was found.",
                cite,
                claim.text,
                panel,
            )
        ]
    if in_nft(nft, claim.subject) or (claim.subject == "trans_fat" and "saturated_fat" in nft.nutrients):
        return [
            passed(
                R14_A7,
                f'{name.capitalize()}, the subject of "{claim.text}", is declared in the table.',
                cite,
                claim.text,
                panel,
            )
        ]
    return [
        failed(
            R14_A7,
            f'"{claim.text}" is a claim about {name}, but the Nutrition '
            f"Facts table does not declare {name}; a nutrient "
            "that is the subject of a claim must be shown in the table.",
            cite,
            claim.text,
            panel,
        )
    ]


def _vitamin_mineral(claim: ParsedClaim, facts: LabelFacts, panel: str | None) -> list[Finding]:
    """14.A14: >= 5 % DV per serving, declared as a %DV (D.01.004(1)(b),(c); D.02.002(1)(b),(c))."""
    nft = facts.nutrition_facts
    is_vitamin = claim.subject.startswith("vitamin") or fortification_claim.is_vitamin(claim.subject)
    cite = "FDR D.01.004(1)" if is_vitamin else "FDR D.02.002(1)"
    name = _name(claim.subject)
    row = nft.nutrients.get(claim.subject) if nft is not None else None
    out: list[Finding] = []
    if row is None or row.dv_percent is None:
        out.append(
            failed(
                R14_A14,
                f'"{claim.text}" is a claim about {name.lower()}, but its % Daily Value per serving is not declared; a '
                f"{'vitamin' if is_vitamin else 'mineral nutrient'} claim requires the content declared as a % DV.",
                cite,
                claim.text,
                panel,
            )
        )
        return out
    if row.dv_percent < VITAMIN_MINERAL_MIN_PCT:
        out.append(
            failed(
                R14_A14,
                f'"{claim.text}": {name} is declared at {nft_rounding.fmt(row.dv_percent)} % DV per serving; a claim '
                f"about a {'vitamin' if is_vitamin else 'mineral nutrient'} requires 5 % DV or more.",
                cite,
                claim.text,
                panel,
            )
        )
        return out
    out.append(
        passed(
            R14_A14,
            f'"{claim.text}": {name} is declared at {nft_rounding.fmt(row.dv_percent)} % DV per serving (5 % or more).',
            cite,
            nft_values.evidence(row),
            panel,
        )
    )
    if claim.kind not in ("source", "free", "no_added", "fortified"):
        out.append(
            review(
                R14_B.part(claim.key.replace(":", ".")),
                f'"{claim.text}": the level this wording implies ("{claim.kind.replace("_", " ")}") is set in the '
                "Table of Permitted Nutrient Content Statements and Claims, incorporated by reference and not in the "
                f"sources; {name} is declared at {nft_rounding.fmt(row.dv_percent)} % DV. A reviewer must confirm.",
                "FDR B.01.503(1)",
                claim.text,
                panel,
            )
        )
    return out


def _unnamed_fortification(claim: ParsedClaim, panel: str | None) -> Finding:
    """14.A14 for "fortified with vitamins and minerals": the text names no nutrient to hold to D.01.004/D.02.002."""
    return review(
        R14_A14,
        f'"{claim.text}" is a statement about the vitamin or mineral content but names no nutrient; each vitamin or '
        "mineral nutrient it refers to must be in the Table of Daily Values, be 5 % DV or more per serving and be "
        "declared as a % DV. A reviewer must confirm which nutrients it means.",
        "FDR D.01.004(1), D.02.002(1)",
        claim.text,
        panel,
    )


# Claims that a food has some of a nutrient: every such TPNCSC condition is a positive minimum amount.
_AT_LEAST_KINDS = frozenset({"source", "good_source", "high_source", "very_high_source", "excellent_source", "more"})
_A_LOT_PCT = 15.0  # the table's own footnote: "15% or more is a lot" (FDR B.01.401, table)


def _contradicted_by_table(
    claim: ParsedClaim, facts: LabelFacts, amount: float | None, panel: str | None
) -> Finding | None:
    """A claim the Nutrition Facts table plainly contradicts fails whatever the exact TPNCSC threshold: a food
    whose table declares 0 (less than the first rounding step) cannot meet any "source of" minimum, and a food
    declaring 15 % DV or more ("a lot", per the table's footnote) is not "low in" that nutrient."""
    rule = R14_B.part(claim.key.replace(":", "."))
    nft = facts.nutrition_facts
    if nft is None or amount is None:
        return None
    unit = nft_values.unit(claim.subject)
    if claim.kind in _AT_LEAST_KINDS and amount == 0:
        return failed(
            rule,
            f'"{claim.text}" says the food contains {_name(claim.subject).lower()}, but the Nutrition Facts table '
            f"declares 0 {unit} per serving (less than the first rounding step), so no minimum amount of the Table of "
            "Permitted Nutrient Content Statements and Claims can be met.",
            "FDR B.01.503(1)(a); FDR B.01.401 (table)",
            claim.text,
            panel,
        )
    row = nft.nutrients.get(claim.subject)
    if claim.kind == "low" and row is not None and row.dv_percent is not None and row.dv_percent >= _A_LOT_PCT:
        return failed(
            rule,
            f'"{claim.text}", but the table declares {nft_rounding.fmt(row.dv_percent)} % DV of '
            f"{_name(claim.subject).lower()} per serving, which its own footnote calls 'a lot' (15 % or more); no "
            "'low in' condition of the Table of Permitted Nutrient Content Statements and Claims can be met.",
            "FDR B.01.503(1)(a); FDR B.01.401 (table, footnote)",
            claim.text,
            panel,
        )
    return None


def _criteria(claim: ParsedClaim, facts: LabelFacts, context: ProductContext, panel: str | None) -> list[Finding]:
    rule = R14_B.part(claim.key.replace(":", "."))
    lex = lexicon()
    nft = facts.nutrition_facts
    amount = nft_amount(nft, claim.subject)
    declared = "" if amount is None else f"{nft_rounding.fmt(amount)} {nft_values.unit(claim.subject)}"
    shown = f" The table declares {declared}." if declared else ""
    contradicted = _contradicted_by_table(claim, facts, amount, panel)
    if contradicted is not None:
        return [contradicted]
    if claim.key in lex["not_permitted"]:
        return [
            failed(
                rule,
                f'"{claim.text}" is not a permitted claim: {lex["not_permitted"][claim.key]}.',
                "FDR B.01.502(1); CFIA dietary fibre claims",
                claim.text,
                panel,
                term=claim.text,
            )
        ]
    if claim.kind == "no_added" and claim.subject in ("sodium", "sugars"):
        added = claim_word_rules.added_ingredient(claim.subject, facts)
        if added:
            return [
                failed(
                    rule,
                    f'"{claim.text}" is claimed, but the ingredient list contains {added}, which adds '
                    f"{'salt or sodium' if claim.subject == 'sodium' else 'sugars'}; the claim cannot be true.",
                    "FDR B.01.503(1)(a); Food and Drugs Act s.5(1)",
                    claim.text,
                    panel,
                )
            ]
    entry = lex["criteria"].get(claim.key)
    if entry is None:
        return [
            review(
                rule,
                f'"{claim.text}" characterizes the amount of {_name(claim.subject).lower() or "a nutrient"}; it is not '
                "among the claims whose wording we can match to the Table of Permitted Nutrient Content Statements and "
                "Claims, which is the only source of permitted claims. A reviewer must confirm it is permitted and met."
                + shown,
                "FDR B.01.502, B.01.503(1)",
                claim.text,
                panel,
            )
        ]
    item = f"item {entry['item']}" if entry.get("item") else "(fibre claims)"
    zero_key = entry.get("nft_zero")
    if zero_key and amount is not None:
        cite = _NFT_CITES[zero_key]
        if amount != 0:
            return [
                failed(
                    rule,
                    f'"{claim.text}" claims the food is free of '
                    f"{_name(zero_key).lower()}, but the Nutrition Facts table "
                    f"declares {nft_rounding.fmt(amount)} {nft_values.unit(zero_key)}; "
                    'the table must show "0" for a food that '
                    f'meets the "free of" conditions of {TABLE}, {item}, so the claim\'s conditions are not '
                    "met.",
                    f"{cite}; FDR B.01.503(1)",
                    claim.text,
                    panel,
                )
            ]
        return [
            passed(
                rule,
                f'"{claim.text}": the table declares 0 {nft_values.unit(zero_key)}, '
                "which the FDR allows only for a food that meets "
                f'the "free of" conditions of {TABLE}, {item}.',
                f"{cite}; FDR B.01.503(1)",
                claim.text,
                panel,
            )
        ]
    if nft is not None:
        remembered = remembered_conditions.judge(entry, nft, context)
        if remembered is not None:
            return [_remembered_finding(rule, claim, remembered, item, panel)]
    return [
        review(
            rule,
            f'"{claim.text}": the conditions of {TABLE}, {item}, are incorporated by reference, '
            f"not quoted in the regulations; as we read them, they are: {entry['unconfirmed']}.{shown} A reviewer "
            "must confirm.",
            "FDR B.01.503(1)",
            claim.text,
            panel,
        )
    ]


def _remembered_finding(
    rule: Rule, claim: ParsedClaim, judged: remembered_conditions.Judgement, item: str, panel: str | None
) -> Finding:
    """The claim judged on the remembered condition: message and evidence state the condition and that it is
    unconfirmed, so a reviewer sees what the verdict rests on."""
    where = f"{TABLE} ({item})" if item.startswith("item") else f"{TABLE}, {item.strip('()')}"
    status = f"{where}, as summarised in cfia-rules.md 14.B; the Table itself is not in our sources"
    evidence = f"{claim.text} | condition: {judged.condition} ({status}) | {judged.detail}"
    cite = "FDR B.01.503(1)(a); cfia-rules.md 14.B"
    said = f'"{claim.text}" needs {judged.condition} ({status}). In the Nutrition Facts table, {judged.detail}'
    if judged.outcome == "met":
        return passed(rule, f"{said}: the condition is met.", cite, evidence, panel, term=claim.text)
    if judged.outcome == "contradicted":
        return failed(rule, f"{said}: no amount the table allows meets it.", cite, evidence, panel, term=claim.text)
    return review(rule, f"{said}.", cite, evidence, panel, term=claim.text)
