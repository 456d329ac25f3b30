"""The one-language exemptions of B.01.012 (cfia-rules.md 2.3, 2.4) and the Quebec note (2.10).

Whether a food is a local food, a test-market food or a specialty food depends on where and how it is sold and
on a notice filed with the CFIA, none of which a label shows. So a bilingual label has nothing to exempt
(`not_applicable`), and a monolingual one gets a `needs_review` asking the question only a person can answer.
"""

from __future__ import annotations

import re

from labeliq.checks.bilingual.rules import R2_3, R2_4, R2_6, R2_10
from labeliq.checks.common.findings import not_applicable, review
from labeliq.checks.common.language import languages_of
from labeliq.models import Finding, LabelFacts

CITE_LOCAL = "FDR B.01.012(1),(3)-(6)"
CITE_SPECIALTY = "FDR B.01.012(1),(7)"
CITE_SEPARATE_PDP = "FDR B.01.012(8)"
CITE_QUEBEC = "CFIA ILT, bilingual food labelling (Quebec Charter of the French language)"
_PASSOVER = re.compile(r"\b(passover|p[aâ]que juive|pessa[hc]h?)\b", re.I)


def label_languages(facts: LabelFacts) -> set[str]:
    """Official languages the common name and the ingredient list are shown in: the core mandatory fields."""
    found: set[str] = set()
    for fact in facts.common_names:
        found |= languages_of(fact.language, fact.text)
    for lst in facts.ingredients:
        found |= languages_of(lst.language, f"{lst.title} {lst.text}")
    return found


def exemption_findings(facts: LabelFacts) -> list[Finding]:
    languages = label_languages(facts)
    findings: list[Finding] = []
    if languages == {"en", "fr"}:
        findings.append(
            not_applicable(
                R2_3,
                "The label is in both official languages, so the local-food and test-market exemptions of "
                "B.01.012(3) are not needed.",
                CITE_LOCAL,
            )
        )
        findings.append(
            not_applicable(
                R2_4,
                "The label is in both official languages, so the specialty-food exemption of B.01.012(7) is not "
                "needed.",
                CITE_SPECIALTY,
            )
        )
    elif languages:
        only = "English" if languages == {"en"} else "French"
        findings.append(
            review(
                R2_3,
                f"The mandatory information was found in {only} only. Confirm whether the food is a local food "
                "sold only in a local government unit (or adjacent ones) where the other official language is the "
                "mother tongue of less than 10 % of residents (not available when both are under 10 %), or a test "
                "market food whose notice was filed with the CFIA six weeks before and which is within 12 "
                "cumulative months of first sale; otherwise both languages are required.",
                CITE_LOCAL,
            )
        )
        passover = next((m.group(0) for p in facts.panels if (m := _PASSOVER.search(p.text))), None)
        extra = (
            f" The label refers to '{passover}': kosher-for-Passover food counts as a specialty food only when "
            "sold from 40 days before to 20 days after Passover."
            if passover
            else ""
        )
        findings.append(
            review(
                R2_4,
                f"The mandatory information was found in {only} only. Confirm whether the food is a specialty food "
                "(of religious significance, or imported, not widely used and with no Canadian substitute), for "
                f"which one official language is enough.{extra}",
                CITE_SPECIALTY,
            )
        )
    separate = separate_pdp_finding(facts)
    if separate is not None:
        findings.append(separate)
    findings.append(
        not_applicable(
            R2_10,
            "Quebec's French-language requirements (Charter of the French language) add to the federal rules and "
            "are not judged here; check them separately for food sold in Quebec.",
            CITE_QUEBEC,
        )
    )
    return findings


def separate_pdp_finding(facts: LabelFacts) -> Finding | None:
    """2.6: two principal display panels (one per language) are allowed only if of the same size and prominence."""
    pdps = facts.principal_display_panels()
    if len(pdps) < 2:
        return None
    names = ", ".join(p.name for p in pdps)
    return review(
        R2_6,
        f"The label has more than one principal display panel ({names}). Showing the PDP information in one "
        "language on each is allowed only if the other surface is of at least the same size and prominence as the "
        "principal display panel: check the panels' sizes on the package.",
        CITE_SEPARATE_PDP,
        names,
    )
