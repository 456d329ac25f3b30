"""Checker for the front-of-package nutrition symbol (cfia-rules.md section 7, FDR B.01.350-B.01.358).

Order of reasoning: is a symbol forbidden (7.11) or is the product exempt (7.7, 7.10)? Is it mandatory yet
(7.1)? Which nutrients meet the threshold (7.2-7.5, fop_thresholds)? Do the nutrients in the detected symbol
text match (7.13)? Do PDP claims conflict with it (7.15)? Layout rows (7.12, 7.14, 7.16, 7.17) need a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from labeliq import lexicons
from labeliq.checks.common import product_category
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.lexicons import sugars_based_names
from labeliq.checks.fop_symbol import presentation as fop_presentation
from labeliq.checks.fop_symbol import thresholds as fop_thresholds
from labeliq.checks.fop_symbol.exempt_kinds import exempt_without_table
from labeliq.checks.fop_symbol.reconstituted import reconstitution_finding
from labeliq.checks.fop_symbol.rules import R7_1, R7_2, R7_7, R7_10, R7_11, R7_13
from labeliq.checks.fop_symbol.thresholds import NAMES, NutrientAssessment
from labeliq.checks.nutrition_facts import small_package
from labeliq.models import Finding, LabelFacts, NutritionFacts, ProductContext
from labeliq.text import find_terms

# SOR/2022-168 s.53(7): the transition ended 2025-12-31; the symbol is mandatory from this day (cfia-rules.md 7.1).
MANDATORY_FROM = dt.date(2026, 1, 1)
# B.01.350(5)(b): ADS < 15 cm2 exempt; B.01.350(13)(h): ADS < 100 cm2 exempt unless an NFt is required.
ADS_EXEMPT_CM2 = 15.0
ADS_SMALL_CM2 = 100.0
_CITE_REQUIRED = "FDR B.01.350(1),(2) and table"


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    shown_text = fop_presentation.symbol_text(facts)
    present = bool(shown_text.strip())
    panel = facts.fop_symbol[0].source.panel if facts.fop_symbol else None
    prohibited = product_category.matches(context, "fop_prohibited")
    if prohibited:
        if present:
            return [
                failed(
                    R7_11,
                    "The label carries a nutrition symbol, but a "
                    f"{prohibited[0]} (context product_kind) must not carry one.",
                    "FDR B.01.350(15)",
                    shown_text,
                    panel,
                )
            ]
        return [
            not_applicable(R7_11, f"No nutrition symbol: none is allowed on a {prohibited[0]}.", "FDR B.01.350(15)")
        ]
    exempt = _exemption(context)
    if exempt:
        verdict = review if present else not_applicable
        extra = " A symbol is shown anyway; a reviewer should confirm it is accurate." if present else ""
        return [verdict(R7_7, exempt + extra, "FDR B.01.350(5)", shown_text, panel)]
    if small_package.statement_in_use(facts, context) and not present:
        return [
            not_applicable(
                R7_10,
                f"The available display surface ({context.available_display_surface_cm2:g} cm²) is under 100 cm² and "
                "the label need not carry a Nutrition Facts table (B.01.467), so no nutrition symbol is required.",
                "FDR B.01.350(13)(h)",
            )
        ]
    # B.01.350 applies to a supplemented food too: its Supplemented Food Facts table gives the amounts (B.29.002)
    nft = facts.nutrition_facts or (facts.supplemented.table if facts.supplemented else None)
    if nft is None and not present:
        settled = exempt_without_table(facts, context)
        if settled is not None:
            return [settled]
    if nft is None:
        return [
            review(
                R7_2,
                "No Nutrition Facts table was read, so whether a nutrition symbol is required cannot be computed.",
                _CITE_REQUIRED,
                shown_text,
                panel,
            )
        ]
    chosen = fop_thresholds.basis(nft, context)
    if isinstance(chosen, str):
        reconstituted = reconstitution_finding(facts, context)
        return ([reconstituted] if reconstituted is not None else []) + [
            review(
                R7_2,
                f"Whether a nutrition symbol is required cannot be computed: {chosen}."
                + (f' The label shows "{shown_text.strip()}".' if present else ""),
                _CITE_REQUIRED,
                shown_text,
                panel,
            )
        ]
    assessments = _apply_exemptions(facts, context, nft, chosen, fop_thresholds.assess(nft, context, chosen))
    findings = _requirement_findings(facts, context, assessments, shown_text, panel)
    findings += fop_presentation.claims_interplay(facts)
    findings += fop_presentation.layout_reviews(facts, shown_text, panel)
    reconstituted = reconstitution_finding(facts, context)
    return findings + ([reconstituted] if reconstituted is not None else [])


def _exemption(context: ProductContext) -> str:
    """A whole-product exemption of B.01.350(5) the context shows, as a sentence, or ""."""
    head = product_category.head_matches(context, "fop_exempt")
    if head:
        return (
            f"The product is a {head[0]} (context product_kind), a kind exempt from the nutrition symbol "
            f"(sweetening agents, salt and seasoning salts, fats and oils: {head[0]})."
        )
    ads = context.available_display_surface_cm2
    if ads is not None and ads < ADS_EXEMPT_CM2:
        return f"The available display surface ({ads:g} cm²) is less than 15 cm², so no nutrition symbol is required."
    return ""


_Assessed = list[tuple[NutrientAssessment, str]]  # (assessment, reason it may be exempt or "")


def _apply_exemptions(
    facts: LabelFacts,
    context: ProductContext,
    nft: NutritionFacts,
    chosen: fop_thresholds.Basis,
    assessments: list[NutrientAssessment],
) -> _Assessed:
    """Attach a possible nutrient-specific exemption (B.01.350(6)-(13)) to each required nutrient."""
    out: _Assessed = []
    small = product_category.matches(context, "fop_exempt_review")
    ads = context.available_display_surface_cm2
    cheese = bool(product_category.matches(context, "cheese"))
    yogurt = bool(product_category.matches(context, "yogurt"))
    calcium = fop_thresholds.calcium_percent(nft, chosen)
    needed_calcium = 10.0 if chosen.amount <= fop_thresholds.SMALL_RA_LIMIT else 15.0  # B.01.350(12)
    sources: dict[str, Any] = lexicons.load("fop_nutrient_sources")
    ingredient_text = " ; ".join(i.name for lst in facts.ingredients for i in lst.ingredients)
    for item in assessments:
        reason = ""
        if item.requirement == "required":
            if small:
                reason = f"a {small[0]} (context product_kind) may be exempt unless an NFt is required (B.01.350(13))"
            elif ads is not None and ads < ADS_SMALL_CM2:
                reason = f"the available display surface ({ads:g} cm²) is under 100 cm² (B.01.350(13)(h))"
            elif (cheese or yogurt) and calcium is not None and calcium >= needed_calcium:
                applies = item.nutrient in ("saturated_fat", "sugars") or (cheese and item.nutrient == "sodium")
                if applies:
                    added_by = _dairy_exemption_lost_by(item.nutrient, cheese, ingredient_text, sources)
                    if added_by == []:
                        # settled: the exemption holds, so this nutrient does not call for the symbol
                        item = replace(
                            item,
                            requirement="not_required",
                            explanation=f"{item.explanation} (exempt: {'cheese' if cheese else 'yogurt'} with "
                            f"{calcium:.0f} % DV calcium, at least {needed_calcium:g} %, and no ingredient other than "
                            "those B.01.350(9) names adds this nutrient; B.01.350(9),(11),(12))",
                        )
                    elif added_by is None:
                        reason = (
                            f"cheese and yogurt with at least {needed_calcium:g} "
                            f"% DV calcium ({calcium:.0f} %) are exempt for this nutrient unless other ingredients "
                            "add it (B.01.350(9),(11),(12)), and no ingredient list was read"
                        )
                    else:
                        # the exemption is lost: an ingredient B.01.350(9) does not name adds the nutrient
                        item = replace(
                            item,
                            explanation=f"{item.explanation} (the cheese/yogurt exemption of B.01.350(9) does not "
                            f"hold: the ingredients include {', '.join(added_by)})",
                        )
            elif not ingredient_text:
                reason = (
                    "no ingredient list was read, so the whole-food exemptions of B.01.350(6)-(8) cannot be excluded"
                )
            elif not find_terms(ingredient_text, _source_terms(sources, item.nutrient)):
                reason = (
                    "no ingredient that adds this nutrient was found, so the whole-food exemption of B.01.350(6)-(8) "
                    "may apply"
                )
        out.append((item, reason))
    return out


# B.01.350(9)(a)(i),(ii): milk ingredients and modified milk ingredients do not end the exemption for saturated fat
_MILK_INGREDIENTS = frozenset(
    {
        "butter", "beurre", "cream", "creme", "cheese", "fromage", "modified milk ingredients",
        "substances laitieres modifiees", "whey", "lactoserum", "milk fat", "matiere grasse laitiere", "ghee",
    }
)  # fmt: skip


def _dairy_exemption_lost_by(
    nutrient: str, cheese: bool, ingredient_text: str, sources: dict[str, Any]
) -> list[str] | None:
    """The ingredients that end the cheese/yogurt exemption of B.01.350(9) for the nutrient ([] when none does:
    the exemption holds), or None when no ingredient list was read. Sodium in cheese has no such condition (11)."""
    if nutrient == "sodium" and cheese:
        return []
    if not ingredient_text:
        return None
    terms = [t for t in _source_terms(sources, nutrient) if t not in _MILK_INGREDIENTS or nutrient != "saturated_fat"]
    return sorted(set(find_terms(ingredient_text, terms)))


def _source_terms(sources: dict[str, Any], nutrient: str) -> list[str]:
    """Ingredient names that add the nutrient; for sugars the lexicon lists only what ILT Annex 1A/1B does not name."""
    terms = list(sources[nutrient])
    if nutrient == "sugars":
        terms += sugars_based_names()
    return terms


def _requirement_findings(
    facts: LabelFacts, context: ProductContext, assessed: _Assessed, shown_text: str, panel: str | None
) -> list[Finding]:
    shown = fop_presentation.symbol_nutrients(shown_text)
    present = bool(shown_text.strip())
    judged = context.judged_on()
    mandatory = judged >= MANDATORY_FROM
    required = [a for a, reason in assessed if a.requirement == "required" and not reason]
    maybe = [a for a, reason in assessed if a.requirement == "required" and reason]
    details = "; ".join(a.explanation for a, _ in assessed)
    if assessed:
        details += f" ({assessed[0][0].threshold_why})"
    out: list[Finding] = []
    if not mandatory:
        out.append(
            not_applicable(
                R7_1,
                f"The label is judged on {judged.isoformat()}, before the symbol became mandatory on "
                f"{MANDATORY_FROM.isoformat()} (end of the SOR/2022-168 transition); a symbol, if shown, must still be "
                "accurate.",
                "FDR, Related Provisions SOR/2022-168 s.53(7)",
            )
        )
    else:
        out.append(
            passed(
                R7_1,
                f"The label is judged on {judged.isoformat()}; the nutrition symbol rules apply (mandatory since "
                f"{MANDATORY_FROM.isoformat()}).",
                "FDR, Related Provisions SOR/2022-168 s.53(7)",
            )
        )
    if not present:
        if required and mandatory:
            names = ", ".join(NAMES[a.nutrient] for a in required)
            out.append(
                failed(
                    R7_2,
                    f"No nutrition symbol was found on the principal display panel, but {names} meets the threshold "
                    f'({details}); the label must carry the "High in" symbol.',
                    _CITE_REQUIRED,
                    "",
                    None,
                )
            )
        elif maybe and mandatory:
            out.append(
                review(
                    R7_2,
                    "No nutrition symbol was found; "
                    + "; ".join(f"{NAMES[a.nutrient]} meets the threshold but {r}" for a, r in assessed if r)
                    + ".",
                    _CITE_REQUIRED,
                )
            )
        elif required or maybe:
            names = ", ".join(NAMES[a.nutrient] for a in required + maybe)
            out.append(
                passed(
                    R7_2,
                    f"No nutrition symbol is shown; {names} meets the threshold ({details}), but the symbol was "
                    f"not yet mandatory on {judged.isoformat()}.",
                    _CITE_REQUIRED + "; SOR/2022-168 s.53(7)",
                )
            )
        elif any(a.requirement == "unknown" for a, _ in assessed):
            out.append(
                review(
                    R7_2,
                    "No nutrition symbol is shown and none of the computable nutrients meets the threshold, but "
                    + "; ".join(a.explanation for a, _ in assessed if a.requirement == "unknown")
                    + ".",
                    _CITE_REQUIRED,
                )
            )
        else:
            out.append(passed(R7_2, f"No nutrition symbol is required ({details}).", _CITE_REQUIRED))
        return out
    out.append(passed(R7_2, f"A nutrition symbol is shown ({details}).", _CITE_REQUIRED, shown_text, panel))
    out += fop_presentation.check_wording(shown_text, panel)
    for item, reason in assessed:
        out.append(_compare(item, reason, item.nutrient in shown, mandatory, shown_text, panel))
    return out


def _compare(
    item: NutrientAssessment, reason: str, shown: bool, mandatory: bool, shown_text: str, panel: str | None
) -> Finding:
    """7.13 for one nutrient: the symbol must list exactly the nutrients that meet the threshold."""
    rule = R7_13.part(item.nutrient)
    name = NAMES[item.nutrient]
    cite = "FDR B.01.350(1), B.01.352 table"
    if item.requirement == "unknown":
        if shown:
            return review(rule, f"The symbol lists {name}, but {item.explanation}.", cite, shown_text, panel)
        return not_applicable(rule, f"{name.capitalize()}: {item.explanation}.", cite)
    if item.requirement == "borderline":
        if shown:
            return passed(
                rule,
                f"{name.capitalize()} is at the threshold within rounding ({item.explanation}); the symbol may list "
                "it.",
                cite,
                shown_text,
                panel,
            )
        # B.01.350(1)(b), (2): the true amount decides, and the table's rounded value allows either side.
        return review(
            rule,
            f"{name.capitalize()} is at the threshold within rounding ({item.explanation}) and the symbol does not "
            "list it: the symbol is required if the unrounded amount per serving of stated size or reference amount "
            "(whichever is greater) meets the threshold.",
            cite,
            shown_text,
            panel,
            question=f"Does the unrounded amount of {name} meet the symbol's threshold ({item.explanation})? If it "
            "does, the symbol must list it.",
            question_fr=f"La quantité non arrondie ({name}) atteint-elle le seuil du symbole ({item.explanation}) ? "
            "Si oui, le symbole doit la mentionner.",
        )
    if item.requirement == "required":
        if shown:
            return passed(
                rule,
                f"The symbol lists {name}, which meets the threshold ({item.explanation}).",
                cite,
                shown_text,
                panel,
            )
        if reason:
            return review(
                rule,
                f"The symbol does not list {name}, which meets the threshold, but {reason}.",
                cite,
                shown_text,
                panel,
            )
        if not mandatory:
            return not_applicable(
                rule, f"{name.capitalize()} meets the threshold; the symbol was not yet mandatory.", cite
            )
        return failed(
            rule,
            f"The nutrition symbol does not list {name}, which meets the threshold ({item.explanation}); the symbol "
            "must name every nutrient that meets it.",
            cite,
            shown_text,
            panel,
        )
    if shown:
        return failed(
            rule,
            f"The nutrition symbol lists {name}, which does not meet the threshold ({item.explanation}); the symbol "
            "may name only the nutrients that meet it.",
            cite,
            shown_text,
            panel,
        )
    return passed(rule, f"{name.capitalize()} is below the threshold and not listed ({item.explanation}).", cite)
