"""Checker for nutrient content claims and health claims (cfia-rules.md section 14).

Nutrient content claims come from the parsed claims (claim_parse reads their kind and subject) and are
judged by claim_criteria; health claims are found in the panel text and compared word for word with the
FDR's statements (health_claim_wording), then their numeric conditions from the table following
B.01.603 are tested against the Nutrition Facts table (health_claim_conditions).
"""

from __future__ import annotations

import re

from labeliq.checks.common import claim_parse
from labeliq.checks.common.claim_parse import ParsedClaim
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.health_claims import claim_criteria, claim_presentation
from labeliq.checks.health_claims import conditions as health_claim_conditions
from labeliq.checks.health_claims import wording as health_claim_wording
from labeliq.checks.health_claims.rules import R14_A1, R14_A8, R14_A13, R14_C
from labeliq.checks.health_claims.wording import HealthClaimMatch, SuspectSentence
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

# B.01.507 and B.01.508(1): diet representations allowed only with the listed claims (TPNCSC items by number).
_ENERGY_DIET = re.compile(
    r"(?:energy|calorie)[- ]reduced diet|reduced[- ](?:energy|calorie) diet"
    r"|regime (?:a )?(?:teneur )?reduite? en (?:energie|calories)"
)
_ENERGY_DIET_CLAIMS = {"free:energy", "low:energy", "reduced:energy", "lower:energy", "free:sugars"}
_SODIUM_DIET = re.compile(
    r"(?:sodium|salt)[- ]restricted diet|low[- ]sodium diet|regime hyposode|regime (?:a )?faible (?:teneur )?en sodium"
)
_SODIUM_DIET_CLAIMS = {"free:sodium", "low:sodium", "reduced:sodium", "lower:sodium"}
_CLAIM_KINDS = ("nutrient_content", "health", "sweetener", "other")


def _parsed_claims(facts: LabelFacts) -> list[tuple[ParsedClaim, str | None, str]]:
    """(parsed claim, panel, language) for every claim text, without repeats of the same claim."""
    seen: set[tuple[str, str, str, str]] = set()
    out: list[tuple[ParsedClaim, str | None, str]] = []
    # Only what the parser classified as a claim: unclassified statements ("serve with low fat milk") are not claims.
    symbol = fold(" ".join(t.text for t in facts.fop_symbol))
    sources = [
        (c.text, c.source.panel)
        for c in facts.claims
        if c.kind in _CLAIM_KINDS and not (symbol and fold(c.text) in symbol)  # the "High in" symbol is not a claim
    ]
    for text, panel in sources:
        for parsed in claim_parse.parse(text):
            key = (parsed.text, parsed.kind, parsed.subject, parsed.language)
            if key in seen:
                continue
            seen.add(key)
            # The matched wording says the language; a parser's line-level guess may cover both halves of "EN / FR".
            out.append((parsed, panel, parsed.language))
    return out


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    claims = _parsed_claims(facts)
    findings: list[Finding] = []
    for parsed, panel, _ in claims:
        findings += claim_criteria.judge(parsed, facts, context, panel)
    findings += _bilingual(claims)
    findings += _diet_representations(facts, claims)
    matches, suspects = health_claim_wording.find_matches(facts)
    findings += health_claim_conditions.judge(matches, suspects, facts, context)
    findings += _other_health_claims(facts, matches, suspects)
    findings += claim_presentation.presentation_findings(claims, facts, context)
    if not findings:
        findings.append(
            not_applicable(
                R14_A1,
                "No nutrient content claim or health claim was found on the label.",
                "FDR B.01.502, B.01.503, B.01.601",
            )
        )
    return findings


def _bilingual(claims: list[tuple[ParsedClaim, str | None, str]]) -> list[Finding]:
    """14.A8: each claim appears in English and French (B.01.501), compared by subject."""
    by_language: dict[str, dict[str, ParsedClaim]] = {"en": {}, "fr": {}}
    for parsed, _, language in claims:
        topic = parsed.subject or parsed.kind
        by_language.setdefault(language, {})[topic] = parsed
    if not by_language["en"] and not by_language["fr"]:
        return []
    out: list[Finding] = []
    cite = "FDR B.01.501"
    for language, other in (("en", "fr"), ("fr", "en")):
        for topic, parsed in by_language[language].items():
            if topic in by_language[other]:
                continue
            out.append(
                failed(
                    R14_A8,
                    f'The claim "{parsed.text}" appears only in '
                    f"{'English' if language == 'en' else 'French'}; nutrient "
                    "content claims must be shown in both English and French (unless the label may be unilingual under "
                    "B.01.012(3) or (7)).",
                    cite,
                    parsed.text,
                )
            )
    if not out:
        out.append(passed(R14_A8, "Every nutrient content claim appears in English and French.", cite))
    return out


def _other_health_claims(
    facts: LabelFacts, matches: list[HealthClaimMatch], suspects: list[SuspectSentence]
) -> list[Finding]:
    """Function and general health claims follow CFIA guidance, not fixed wording: a person judges them."""
    judged = " ".join(m.text for m in matches) + " " + " ".join(s.text for s in suspects)
    out: list[Finding] = []
    for claim in facts.claims:
        if claim.kind != "health" or fold(claim.text) in judged:
            continue
        out.append(
            review(
                R14_C.part("function"),
                f'"{claim.text}" is a health-related representation that is not one of the disease risk-reduction '
                "claims of the table following B.01.603; function and general health claims must be truthful, "
                "substantiated and must not refer to treating, mitigating or preventing a disease. A reviewer must "
                "confirm it.",
                "CFIA ILT, Health claims (function claims, general health claims); Food and Drugs Act s.3, 5(1)",
                claim.text,
                claim.source.panel,
            )
        )
    return out


def _diet_representations(facts: LabelFacts, claims: list[tuple[ParsedClaim, str | None, str]]) -> list[Finding]:
    """14.A13: "for energy-reduced / sodium-restricted diets" only together with one of the listed claims."""
    made = {parsed.key for parsed, _, _ in claims}
    out: list[Finding] = []
    for panel in facts.panels:
        text = fold(panel.text.replace("\n", " "))
        for pattern, needed, cite, what in (
            (_ENERGY_DIET, _ENERGY_DIET_CLAIMS, "FDR B.01.507", "an energy-reduced diet"),
            (_SODIUM_DIET, _SODIUM_DIET_CLAIMS, "FDR B.01.508(1)", "a sodium-restricted diet"),
        ):
            found = pattern.search(text)
            if found is None:
                continue
            if made & needed:
                out.append(
                    passed(
                        R14_A13,
                        f"The representation for {what} comes with a permitted claim.",
                        cite,
                        found.group(0),
                        panel.name,
                    )
                )
                continue
            out.append(
                failed(
                    R14_A13,
                    f'The label represents the food for {what} ("{found.group(0)}") without one of the claims that '
                    f"allow it ({', '.join(sorted(k.replace(':', ' ') for k in needed))}).",
                    cite,
                    found.group(0),
                    panel.name,
                )
            )
    return out
