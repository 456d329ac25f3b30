"""How a nutrient content claim is presented (cfia-rules.md 14.A2, 14.A3, 14.A5, 14.A11).

Size and prominence (B.01.503(3), B.01.504(b)) and whether the food was modified to meet a claim (B.01.511(3))
are not in the text, so those are `needs_review` naming what to measure or ask, emitted only when a claim of the
kind they govern is on the label. The breakfast-cereal basis of protein claims (B.01.510) is words on the label,
so it is judged.
"""

from __future__ import annotations

import re

from labeliq.checks.common.claim_parse import ParsedClaim
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.named_food import common_name_text
from labeliq.checks.health_claims.rules import R14_A2, R14_A3, R14_A5, R14_A11
from labeliq.models import Finding, LabelFacts, ProductContext

CITE_SIZE = "FDR B.01.503(3)"
CITE_ADJACENT = "FDR B.01.503(1)(b), B.01.504"
CITE_INHERENT = "FDR B.01.511(3),(4)"
CITE_CEREAL = "FDR B.01.510"
_COMPARATIVE = ("reduced", "lower", "more", "light")
_INHERENT = ("free", "low")
_PROTEIN_KINDS = ("source", "excellent_source", "more", "high_source", "good_source")
_CEREAL = re.compile(r"\b(breakfast cereal|cereal|c[ée]r[ée]ales?)\b", re.I)
_BAR = re.compile(r"\b(bar|barre)s?\b", re.I)
_THIRTY_G = re.compile(r"\b30\s*g\b", re.I)
_MILK_125 = re.compile(r"\b125\s*(ml|mℓ)\b", re.I)

Claims = list[tuple[ParsedClaim, str | None, str]]


def _listed(claims: Claims) -> str:
    return "; ".join(sorted({p.text for p, _, _ in claims}))


def size_and_prominence(claims: Claims) -> Finding:
    return review(
        R14_A2,
        f"Check on the package that all the words and numbers of each claim ({_listed(claims)}) are shown in the "
        "same size and prominence: type size is not in the text.",
        CITE_SIZE,
        _listed(claims)[:160],
        claims[0][1],
    )


def accompanying_information(claims: Claims) -> Finding | None:
    comparative = [c for c in claims if c[0].kind in _COMPARATIVE]
    if not comparative:
        return None
    return review(
        R14_A3,
        f"The comparative claim(s) ({_listed(comparative)}) need the information of column 3 of the Table of "
        "Permitted Nutrient Content Statements and Claims (the reference food and the difference in amount) "
        "adjacent to the claim, with no intervening material, in letters at least as large: check the layout.",
        CITE_ADJACENT,
        _listed(comparative)[:160],
        comparative[0][1],
    )


def inherent_claims(claims: Claims) -> Finding | None:
    absolute = [c for c in claims if c[0].kind in _INHERENT]
    if not absolute:
        return None
    return review(
        R14_A5,
        f"If the food was not processed, formulated or modified to meet the claim(s) ({_listed(absolute)}), the "
        "claim must not be accompanied by the brand name and must characterize all foods of that type (e.g. 'a "
        "sodium-free food'): confirm with the manufacturer whether the food is naturally so.",
        CITE_INHERENT,
        _listed(absolute)[:160],
        absolute[0][1],
    )


def cereal_protein(claims: Claims, facts: LabelFacts, context: ProductContext) -> Finding | None:
    # B.01.510 is about breakfast cereals: the label's common name says whether it is one (a cereal bar is not)
    names = common_name_text(facts)
    if not _CEREAL.search(names) or _BAR.search(names):
        return None
    protein = [c for c in claims if c[0].subject == "protein" and c[0].kind in _PROTEIN_KINDS]
    if not protein:
        return None
    text = facts.full_text()
    if _THIRTY_G.search(text) and _MILK_125.search(text):
        return passed(
            R14_A11,
            f"The protein claim(s) ({_listed(protein)}) on this breakfast cereal come with the 30 g of cereal and "
            "125 mL of milk basis.",
            CITE_CEREAL,
            _listed(protein)[:160],
            protein[0][1],
        )
    return failed(
        R14_A11,
        f"The protein claim(s) ({_listed(protein)}) on this breakfast cereal must be accompanied by an indication "
        "that they refer to 30 g of the cereal combined with 125 mL of milk; no such indication was found.",
        CITE_CEREAL,
        _listed(protein)[:160],
        protein[0][1],
    )


def presentation_findings(claims: Claims, facts: LabelFacts, context: ProductContext) -> list[Finding]:
    if not claims:
        return []
    found = [size_and_prominence(claims)]
    for finding in (accompanying_information(claims), inherent_claims(claims), cereal_protein(claims, facts, context)):
        if finding is not None:
            found.append(finding)
    return found
