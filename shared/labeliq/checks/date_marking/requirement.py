"""Whether a date must be shown, and which (cfia-rules.md 6.1, 6.2, 6.7; FDR B.01.007(1.1)-(3)).

The answer rests on the durable life, the place of packaging and the kind of food, none of which the label
shows: they come from the ProductContext (durable_life_days, packaged_at_retail, product_kind), and a missing
one turns the verdict into a named question, never a guess from the words of `category`.
"""

from __future__ import annotations

from labeliq.checks.common import findings as F
from labeliq.checks.date_marking.categories import exemption
from labeliq.checks.date_marking.rules import R6_1, R6_2, R6_7
from labeliq.checks.date_marking.words import durable_life_statement, missing_words, words_evidence
from labeliq.models import DateMark, Finding, FindingText, LabelFacts, ProductContext

CIT = {
    "6.1": "FDR B.01.007(1.1)(b)",
    "6.2": "FDR B.01.007(1.1)(c), (1.2)",
    "6.7": "FDR B.01.007(3)",
}


def durable_life_required(context: ProductContext) -> bool | None:
    """True when B.01.007(1.1)(b)/(c) applies, False when it does not, None when the context cannot say."""
    if exemption(context):
        return False
    days = context.durable_life_days
    if days is None:
        return None
    return days <= 90


def requirement_findings(
    facts: LabelFacts, context: ProductContext, best: list[DateMark], packaged: list[DateMark]
) -> list[Finding]:
    exempt = exemption(context)
    if exempt:
        return [
            F.passed(
                R6_7, f"The product kind ({context.product_kind}) is exempt from date marking: {exempt}.", CIT["6.7"]
            ),
            F.not_applicable(R6_1, "No best-before date is required for this exempt kind of food.", CIT["6.1"]),
        ]
    required = durable_life_required(context)
    if required is False:
        reason = f"the durable life is {context.durable_life_days} days"
        return [
            F.not_applicable(
                R6_1,
                f"A best-before date is optional because {reason} (over 90 days); a date that is shown must still "
                "follow the prescribed manner (6.8).",
                CIT["6.1"],
            )
        ]
    if context.packaged_at_retail:
        findings = _retail(facts, context, best, packaged)
        if required is None and any(f.rule == R6_2.id and f.verdict.value == "fail" for f in findings) and not packaged:
            return [
                F.review(
                    R6_2,
                    "No packaged-on or best-before date was found on this retail-packed product and the context does "
                    "not give its durable life (durable_life_days); at 90 days or less one of them is required.",
                    CIT["6.2"],
                )
            ]
        return findings
    return _best_before_required(facts, context, required, best, packaged)


def _best_before_required(
    facts: LabelFacts, context: ProductContext, required: bool | None, best: list[DateMark], packaged: list[DateMark]
) -> list[Finding]:
    if best:
        mark = best[0]
        missing = missing_words(mark, facts)
        evidence = words_evidence(mark, facts)
        if missing and required:
            return [
                F.failed(
                    R6_1,
                    f"The best-before date on panel '{mark.source.panel}' is not introduced by both 'best before' and "
                    f"'meilleur avant' ({', '.join(missing)} missing); a product with a durable life of 90 days or "
                    "less must show its durable life date with both terms.",
                    CIT["6.1"],
                    evidence=evidence,
                    panel=mark.source.panel,
                )
            ]
        if not missing:
            return [
                F.passed(
                    R6_1,
                    "A durable life date is shown with 'best before' and 'meilleur avant'"
                    + ("" if required else " (the durable life is not given, so whether it is required is unknown)")
                    + ".",
                    CIT["6.1"],
                    evidence=evidence,
                    panel=mark.source.panel,
                )
            ]
        return []  # an optional date with missing words is judged under 6.8
    if packaged and context.packaged_at_retail is None:
        return [
            F.review(
                R6_1,
                "The label shows a packaged-on date, which replaces the best-before date only for products packaged "
                "on the retail premises where they are sold; the context does not say where it was packaged "
                "(packaged_at_retail).",
                CIT["6.1"],
                evidence=words_evidence(packaged[0], facts),
                panel=packaged[0].source.panel,
            )
        ]
    if required:
        why = f"its durable life is {context.durable_life_days} days"
        extra = " A packaged-on date is allowed only when the product is packaged at retail." if packaged else ""
        return [
            F.failed(
                R6_1,
                f"No best-before / meilleur avant date was found, but {why} and it is packaged away from the retail "
                f"store, so a durable life date is required.{extra}",
                CIT["6.1"],
            ).model_copy(
                update={
                    "fix": "Add the durable life date with 'best before' and 'meilleur avant', e.g. "
                    "'Best before / Meilleur avant 27 MR 15'.",
                    "fr": FindingText(
                        message="",
                        fix="Ajoutez la date limite de conservation avec « best before » et « meilleur avant », p. ex. "
                        "« Best before / Meilleur avant 27 MR 15 ».",
                    ),
                }
            )
        ]
    cold = " It needs refrigeration, which often means a short durable life." if context.requires_refrigeration else ""
    return [
        F.review(
            R6_1,
            "No best-before date was found and the context does not give the durable life (durable_life_days); if it "
            "is 90 days or less and the product is packaged away from the retail store, a date with 'best before' "
            f"and 'meilleur avant' is required.{cold}",
            CIT["6.1"],
        ).model_copy(
            update={
                "question": "What is the product's durable life in days (90 or less needs a date)?",
                "fr": FindingText(
                    message="",
                    question="Quelle est la durée de conservation du produit, en jours (90 ou moins exige une date)?",
                ),
            }
        )
    ]


def _retail(
    facts: LabelFacts, context: ProductContext, best: list[DateMark], packaged: list[DateMark]
) -> list[Finding]:
    header = F.not_applicable(R6_1, "Packaged at the retail store: 6.2 governs the date.", CIT["6.1"])
    if packaged:
        mark = packaged[0]
        missing = missing_words(mark, facts)
        evidence = words_evidence(mark, facts)
        if missing:
            return [
                header,
                F.failed(
                    R6_2,
                    f"The packaging date on panel '{mark.source.panel}' is not introduced by both 'packaged on' and "
                    f"'empaqueté le' ({', '.join(missing)} missing).",
                    CIT["6.2"],
                    evidence=evidence,
                    panel=mark.source.panel,
                ),
            ]
        if best or durable_life_statement(facts):
            return [
                header,
                F.passed(
                    R6_2,
                    "A packaged-on / empaqueté le date is shown with the durable life of the food.",
                    CIT["6.2"],
                    evidence=evidence,
                    panel=mark.source.panel,
                ),
            ]
        return [
            header,
            F.review(
                R6_2,
                "A packaged-on date is shown but no durable life (e.g. 'Best if consumed within 5 days of packaging') "
                "was found on the label; it may be on a poster next to the food, which the label cannot show.",
                CIT["6.2"],
                evidence=evidence,
                panel=mark.source.panel,
            ),
        ]
    if best and not missing_words(best[0], facts):
        return [
            header,
            F.passed(
                R6_2,
                "Packaged at retail with a best-before / meilleur avant date, which B.01.007(1.1)(b) also allows.",
                CIT["6.2"],
                evidence=words_evidence(best[0], facts),
                panel=best[0].source.panel,
            ),
        ]
    return [
        header,
        F.failed(
            R6_2,
            "The product is packaged at the retail store with a durable life of 90 days or less, but neither a "
            "'packaged on / empaqueté le' date with its durable life nor a 'best before / meilleur avant' date with "
            "both terms was found.",
            CIT["6.2"],
        ),
    ]
