"""Free-of, gluten-free and low-gluten claims judged against the rest of the label (cfia-rules.md 9.11-9.13).

A claim that a source is absent is false if that source is in the list, in the Contains statement or in a
"may contain" statement (CFIA ILT, allergens and gluten); "gluten-free" is judged by FDR B.24.018.
"""

from __future__ import annotations

from labeliq.checks.allergens_gluten.claims import find_claims
from labeliq.checks.allergens_gluten.rules import R9_11, R9_12, R9_13
from labeliq.checks.allergens_gluten.sources import Lang, declared_keys, gluten_free_oats_only, scan_list, source_specs
from labeliq.checks.allergens_gluten.statements import list_languages, statements_for
from labeliq.checks.common import findings as F
from labeliq.models import Finding, LabelFacts

CIT_CLAIMS = "CFIA ILT, allergens and gluten (allergen-free claims); FDA 5(1)"
CIT_GLUTEN_FREE = "FDR B.24.018; CFIA ILT, gluten-free claims"


def _list_keys(facts: LabelFacts) -> dict[str, set[str]]:
    """Source keys revealed by or declared in each language's lists and Contains statements."""
    keys: dict[str, set[str]] = {"en": set(), "fr": set()}
    gluten_free_oats: set[str] = set()
    for ingredients in facts.ingredients:
        for lang in list_languages(ingredients):
            keys[lang] |= {d.key for d in scan_list(ingredients.text, lang).sources}
            if gluten_free_oats_only(ingredients.text, lang):
                gluten_free_oats.add(lang)
    for lang in ("en", "fr"):
        for statement in statements_for(facts, "contains", lang):
            keys[lang] |= declared_keys(statement.text, lang)
        if lang in gluten_free_oats:
            keys[lang].discard("oats")  # Health Canada's marketing authorization for "gluten-free oats"
    return keys


def _may_contain_keys(facts: LabelFacts) -> dict[str, set[str]]:
    return {
        lang: set().union(*(declared_keys(s.text, lang) for s in statements_for(facts, "may_contain", lang)))
        for lang in ("en", "fr")
    }


def claim_findings(facts: LabelFacts) -> list[Finding]:
    claims = find_claims(facts)
    if not claims:
        return []
    specs = source_specs()
    present = _list_keys(facts)
    may = _may_contain_keys(facts)
    gluten_present = {lang: {k for k in present[lang] if specs[k].gluten} for lang in present}
    findings: list[Finding] = []
    for claim in claims:
        lang = claim.language
        if claim.kind == "allergen_free":
            findings.append(
                F.failed(
                    R9_11,
                    f"'{claim.text}' is a general allergen-free claim; the CFIA considers 'allergen-free' / "
                    "'no allergens' too broad and not acceptable.",
                    CIT_CLAIMS,
                    evidence=claim.text,
                    panel=claim.panel,
                )
            )
        elif claim.kind == "low_gluten":
            findings.append(
                F.failed(
                    R9_12,
                    f"'{claim.text}' is a low- or reduced-gluten claim, which is not acceptable in Canada (only "
                    "'gluten-free' meeting B.24.018 may be claimed).",
                    CIT_GLUTEN_FREE,
                    evidence=claim.text,
                    panel=claim.panel,
                )
            )
        elif claim.kind == "gluten_free":
            findings += _gluten_free(claim.text, claim.panel, gluten_present[lang], may[lang], lang)
        else:
            findings += _free_of(claim.text, claim.panel, claim.keys, present[lang], may[lang], lang, facts)
    return findings


def _gluten_free(text: str, panel: str | None, gluten: set[str], may: set[str], lang: Lang) -> list[Finding]:
    specs = source_specs()
    if gluten:
        names = ", ".join(sorted(specs[k].display(lang) for k in gluten))
        return [
            F.failed(
                R9_12,
                f"The label claims '{text}' but its ingredients contain gluten sources ({names}); a food containing "
                "gluten protein from wheat, oats (other than 'gluten-free oats'), barley, rye or triticale cannot be "
                "represented as gluten-free.",
                CIT_GLUTEN_FREE,
                evidence=text,
                panel=panel,
            )
        ]
    out = [
        F.passed(
            R9_12,
            f"The '{text}' claim is not contradicted by any gluten source in the list or Contains statement "
            "(the < 20 p.p.m. level itself cannot be read from the label).",
            CIT_GLUTEN_FREE,
            evidence=text,
            panel=panel,
        )
    ]
    cereals = {k for k in may if specs[k].gluten}
    if cereals:
        out.append(
            F.review(
                R9_11,
                f"'{text}' appears with a precautionary statement for "
                f"{', '.join(sorted(specs[k].display(lang) for k in cereals))}; the CFIA says this combination must "
                "be used with caution (no added gluten sources and < 20 p.p.m. consistently).",
                CIT_CLAIMS,
                evidence=text,
                panel=panel,
            )
        )
    return out


def _free_of(
    text: str,
    panel: str | None,
    keys: frozenset[str],
    present: set[str],
    may: set[str],
    lang: Lang,
    facts: LabelFacts,
) -> list[Finding]:
    specs = source_specs()
    out: list[Finding] = []
    in_may = keys & may
    in_food = keys & present
    if in_may:
        out.append(
            F.failed(
                R9_11,
                f"'{text}' is shown together with a 'may contain' statement for "
                f"{', '.join(sorted(specs[k].display(lang) for k in in_may))}; a free-of claim and a precautionary "
                "statement for the same allergen cannot both be true.",
                CIT_CLAIMS,
                evidence=text,
                panel=panel,
            )
        )
    if in_food:
        out.append(
            F.failed(
                R9_11,
                f"'{text}' is contradicted by the ingredients, which contain "
                f"{', '.join(sorted(specs[k].display(lang) for k in in_food))}.",
                CIT_CLAIMS,
                evidence=text,
                panel=panel,
            )
        )
    if "wheat" in keys and any(
        word in ingredient.text.lower() for ingredient in facts.ingredients for word in ("canary seed", "alpiste")
    ):
        out.append(
            F.failed(
                R9_13,
                f"'{text}' is shown on a food containing canary seed, whose proteins resemble wheat allergens; "
                "Health Canada considers a wheat-free claim inappropriate on it.",
                "CFIA ILT, allergens and gluten (canary seed)",
                evidence=text,
                panel=panel,
            )
        )
    if not out:
        out.append(
            F.passed(
                R9_11,
                f"'{text}' is not contradicted by the list, the Contains statement or a precautionary statement.",
                CIT_CLAIMS,
                evidence=text,
                panel=panel,
            )
        )
    return out
