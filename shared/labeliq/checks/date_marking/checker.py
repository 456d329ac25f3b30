"""Date marking and storage instructions (cfia-rules.md section 6, FDR B.01.007).

Whether a date is required depends on facts the label does not carry (durable life, where it was
packaged, the kind of food); those come from the ProductContext and, when it is silent, the finding says
which fact is missing instead of guessing. How a date that is shown must look never depends on them
(B.01.007(6)): every best-before, packaged-on or use-by date is read against B.01.007(4),(5).
"""

from __future__ import annotations

import re

from labeliq.checks.common import findings as F
from labeliq.checks.date_marking.categories import exemption, expiry_category, is_fresh_yeast
from labeliq.checks.date_marking.date_format import DateReading, as_date, find_date_text, read_date
from labeliq.checks.date_marking.requirement import durable_life_required, requirement_findings
from labeliq.checks.date_marking.rules import R6_2, R6_3, R6_4, R6_5, R6_8, R6_9, R6_10, R6_11, R6_12, R6_13
from labeliq.checks.date_marking.storage import lot_codes_with_date_letters, storage_statements
from labeliq.checks.date_marking.words import is_other_system, missing_words, siblings, words_evidence
from labeliq.models import DateMark, Finding, FindingText, LabelFacts, ProductContext
from labeliq.text import fold

CIT = {
    "6.3": "FDR B.01.007(4)(a); B.01.005(4)",
    "6.4": "FDR B.01.007(4)",
    "6.5": "FDR B.01.007(5)",
    "6.8": "FDR B.01.007(6)",
    "6.9": "FDR B.01.007(7)",
    "6.10": "FDR B.24.103(g), B.24.202(d), B.24.304(h), B.25.020(1)(h), B.25.057(1)(f); SFCR 216.1",
    "6.11": "FDR B.01.007(1.1)(b)(ii); B.01.012(2)",
    "6.12": "FDR B.01.008(1)(a); CFIA ILT, date markings",
    "6.13": "CFIA ILT, date markings (lot codes)",
}


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    marks = [_recover_date(m, facts) for m in facts.dates]
    facts = facts.model_copy(update={"dates": marks})
    best = [m for m in marks if m.kind == "best_before" and not is_other_system(m, facts)]
    other = [m for m in marks if m.kind == "other" or (m.kind == "best_before" and is_other_system(m, facts))]
    packaged = [m for m in marks if m.kind == "packaged_on"]
    findings: list[Finding] = []
    findings += requirement_findings(facts, context, best, packaged)
    for mark in [*best, *packaged, *[m for m in marks if m.kind == "use_by"]]:
        findings += _grouping(mark, facts)
        findings += _format(mark, context, facts)
    if not marks:
        findings += _bare_dates(facts)
    findings += _optional_words(facts, context, best)
    findings += _other_systems(other)
    findings += _use_by(facts, context, [m for m in marks if m.kind == "use_by"])
    findings += _expiry(context, [m for m in marks if m.kind == "expiry"])
    findings += _storage(facts, context)
    findings += _bottom(facts, marks)
    findings += _layout(facts, marks)
    findings += _lot_codes(facts)
    return findings


def _recover_date(mark: DateMark, facts: LabelFacts) -> DateMark:
    """A mark the parser read without its date ("27MR15" glued together): look on its lines and the next one."""
    panel = facts.panel(mark.source.panel)
    start, end = mark.source.line_start, mark.source.line_end
    if mark.date_text or mark.explanation or panel is None or start is None:
        return mark
    lines = panel.text.splitlines()
    last = end if end is not None else start
    window = lines[start : last + 1]
    following = next((line for line in lines[last + 1 : last + 3] if line.strip()), "")
    if re.match(r"\s*(?:lot\b|l\s*[:#])", following, re.IGNORECASE):
        following = ""  # a lot code is not the date (CFIA ILT warns against reading it as one)
    found = find_date_text(" ".join(window)) or find_date_text(following)
    return mark.model_copy(update={"date_text": found}) if found else mark


def _grouping(mark: DateMark, facts: LabelFacts) -> list[Finding]:
    panel = mark.source.panel
    evidence = " ".join(x for x in (mark.words, mark.date_text, mark.explanation) if x)
    if mark.words and (mark.date_text or any(s.date_text for s in siblings(mark, facts))):
        return [F.passed(R6_3, "The date is grouped with its words.", CIT["6.3"], evidence=evidence, panel=panel)]
    if mark.words and mark.explanation:
        return [
            F.passed(
                R6_3,
                f"The words refer to a date shown elsewhere ('{mark.explanation}'), as B.01.005(4) allows.",
                CIT["6.3"],
                evidence=evidence,
                panel=panel,
            )
        ]
    if mark.words:
        return [
            F.failed(
                R6_3,
                f"'{mark.words}' on panel '{panel}' is not followed by a date, and no explanation says where the date "
                "is; the words must be grouped with the date unless its location or meaning is explained.",
                CIT["6.3"],
                evidence=evidence,
                panel=panel,
            )
        ]
    return [
        F.failed(
            R6_3,
            f"The date '{mark.date_text}' on panel '{panel}' is shown without 'best before' / 'meilleur avant' (or "
            "'packaged on' / 'empaqueté le') grouped with it and without an explanation of its meaning.",
            CIT["6.3"],
            evidence=evidence,
            panel=panel,
        )
    ]


def _bare_dates(facts: LabelFacts) -> list[Finding]:
    """A line that is only a date ("26 JN 19") on a label with no date words at all: B.01.007(4)(a) wants
    "best before" / "meilleur avant" grouped with it, or an explanation of its meaning elsewhere."""
    out: list[Finding] = []
    for fact in facts.other_statements:
        text = fact.text.strip()
        if re.match(r"(?i)\W*(lot|batch|code|l\s*[:#])", text):
            continue
        found = find_date_text(text)
        if not found or re.search(r"[^\W\d_]", text.replace(found, "")):
            continue
        if not re.search(r"[^\W\d_]", found) and not re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", found):
            continue  # digits alone are a date only in a date's shape, not a phone number or a count
        out.append(
            F.failed(
                R6_3,
                f"The date '{found}' on panel '{fact.source.panel}' is shown without 'best before' / 'meilleur "
                "avant' (or 'packaged on' / 'empaqueté le') grouped with it, and no explanation of its meaning "
                "appears on the label.",
                CIT["6.3"],
                evidence=text,
                panel=fact.source.panel,
            )
        )
        break
    return out


def _optional_words(facts: LabelFacts, context: ProductContext, marks: list[DateMark]) -> list[Finding]:
    """An optional best-before date still needs both terms (B.01.007(6) with (4)(a))."""
    if durable_life_required(context) is True:
        return []
    out: list[Finding] = []
    for mark in marks:
        missing = missing_words(mark, facts)
        if missing:
            out.append(
                F.failed(
                    R6_8,
                    f"The best-before date on panel '{mark.source.panel}' lacks {', '.join(missing)}; even where a "
                    "date is optional, a durable life date that is shown must use 'best before' and 'meilleur avant'.",
                    CIT["6.8"],
                    evidence=words_evidence(mark, facts),
                    panel=mark.source.panel,
                )
            )
    return out


def _format(mark: DateMark, context: ProductContext, facts: LabelFacts) -> list[Finding]:
    if not mark.date_text:
        return []
    reading = read_date(mark.date_text)
    panel = mark.source.panel
    evidence = f"{mark.words} {mark.date_text}".strip()
    findings: list[Finding] = []
    for rule in (R6_4, R6_5):
        problems = reading.problems_for(rule.id)
        for problem in problems:
            findings.append(
                F.failed(
                    rule,
                    problem.message,
                    CIT[rule.id],
                    evidence=evidence,
                    panel=panel,
                    term=problem.term,
                    fix=problem.fix,
                    fix_fr=problem.fix_fr,
                )
            )
        if not problems:
            text = (
                f"'{mark.date_text}' shows the year (if any), then the month, then the day."
                if rule == R6_4
                else f"The month in '{mark.date_text}' uses a bilingual code or words in both languages."
            )
            findings.append(F.passed(rule, text, CIT[rule.id], evidence=evidence, panel=panel))
    findings += _past_date(reading, mark, context, evidence)
    required = durable_life_required(context)
    if reading.ok and mark.kind == "best_before" and required is not True and not missing_words(mark, facts):
        findings.append(
            F.passed(
                R6_8,
                "The optional durable life date follows the prescribed manner (B.01.007(4),(5)).",
                CIT["6.8"],
                evidence=evidence,
                panel=panel,
            )
        )
    return findings


def _past_date(reading: DateReading, mark: DateMark, context: ProductContext, evidence: str) -> list[Finding]:
    """A year-first reading that lands in the past often means the label put the day first ("15 MR 27")."""
    if mark.kind != "best_before" or reading.year is None:
        return []
    value = as_date(reading, context.judged_on())
    if value is None or value >= context.judged_on():
        return []
    return [
        F.review(
            R6_4,
            f"Read year-month-day, '{mark.date_text}' is {value.isoformat()}, before the day the label is judged "
            f"({context.judged_on().isoformat()}): either the product is past its date or the date was written "
            "day-first, which B.01.007(4) does not allow (year, then month, then day).",
            CIT["6.4"],
            evidence=evidence,
            panel=mark.source.panel,
        )
    ]


def _other_systems(marks: list[DateMark]) -> list[Finding]:
    return [
        F.failed(
            R6_8,
            f"'{m.words or m.date_text}' on panel '{m.source.panel}' is a durable life date marking other than "
            "'best before / meilleur avant'; B.01.007(6) allows no other system, whatever the durable life.",
            CIT["6.8"],
            evidence=f"{m.words} {m.date_text}".strip(),
            panel=m.source.panel,
        )
        for m in marks
    ]


def _named_yeast(facts: LabelFacts) -> bool:
    """The label's own common name says yeast (the one food B.01.007(7) lets use 'use by')."""
    return any(re.search(r"\b(yeast|levure)s?\b", fold(n.text)) for n in facts.common_names)


def _use_by(facts: LabelFacts, context: ProductContext, marks: list[DateMark]) -> list[Finding]:
    out: list[Finding] = []
    for mark in marks:
        evidence = words_evidence(mark, facts)
        if not is_fresh_yeast(context) and context.product_kind is None and _named_yeast(facts):
            out.append(
                F.review(
                    R6_9,
                    f"'{mark.words}' is used on panel '{mark.source.panel}' and the label names yeast; 'use by / "
                    "employez avant' may replace 'best before / meilleur avant' only on prepackaged fresh yeast, and "
                    'the context does not say whether this is fresh yeast (product_kind "fresh_yeast").',
                    CIT["6.9"],
                    evidence=evidence,
                    panel=mark.source.panel,
                ).model_copy(
                    update={
                        "question": "Is this product prepackaged fresh yeast (not dry yeast)?",
                        "fr": FindingText(
                            message="",
                            question="Ce produit est-il de la levure fraîche préemballée (non de la levure sèche)?",
                        ),
                    }
                )
            )
            continue
        if not is_fresh_yeast(context):
            out.append(
                F.failed(
                    R6_9,
                    f"'{mark.words}' is used on panel '{mark.source.panel}'; 'use by / employez avant' may replace "
                    "'best before / meilleur avant' only on prepackaged fresh yeast.",
                    CIT["6.9"],
                    evidence=evidence,
                    panel=mark.source.panel,
                )
            )
            continue
        missing = missing_words(mark, facts)
        verdict = F.failed if missing else F.passed
        text = (
            f"Fresh yeast: the date must be introduced by both 'use by' and 'employez avant' ({', '.join(missing)} "
            "missing)."
            if missing
            else "Fresh yeast may carry a 'use by / employez avant' date."
        )
        out.append(verdict(R6_9, text, CIT["6.9"], evidence=evidence, panel=mark.source.panel))
    return out


def _expiry(context: ProductContext, marks: list[DateMark]) -> list[Finding]:
    needed = expiry_category(context)
    if needed:
        if marks:
            return [
                F.passed(
                    R6_10,
                    f"An expiration date is shown, as required for a {needed}.",
                    CIT["6.10"],
                    evidence=f"{marks[0].words} {marks[0].date_text}".strip(),
                    panel=marks[0].source.panel,
                )
            ]
        return [F.failed(R6_10, f"A {needed} must show an expiration date; none was found.", CIT["6.10"])]
    return [
        F.review(
            R6_10,
            f"An expiration date ('{f'{m.words} {m.date_text}'.strip()}') is shown although the product kind "
            "(product_kind) is not one for which the FDR prescribes it; if it signals the durable life it must be a "
            "best-before date in the prescribed manner (B.01.007(6)).",
            CIT["6.10"],
            evidence=f"{m.words} {m.date_text}".strip(),
            panel=m.source.panel,
        )
        for m in marks
    ]


def _storage(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    statements = [s for s in storage_statements(facts) if not s.after_opening_only]
    languages = {s.language for s in statements}
    required = durable_life_required(context)
    if not context.requires_refrigeration:
        if context.requires_refrigeration is None and required is True and not statements:
            return [
                F.review(
                    R6_11,
                    "The context does not say whether the product needs refrigeration (requires_refrigeration); if it "
                    "does, 'Keep refrigerated / Garder réfrigéré' (or the like) must be on the label.",
                    CIT["6.11"],
                )
            ]
        return []
    evidence = " | ".join(s.text for s in statements)
    if languages >= {"en", "fr"}:
        return [F.passed(R6_11, "Storage instructions are shown in English and French.", CIT["6.11"], evidence)]
    if exemption(context) or required is False:
        return [
            F.review(
                R6_11,
                "The product needs refrigeration but its durable life is over 90 days (or it is exempt), so B.01.007 "
                "does not itself require storage instructions; low-acid foods in hermetically sealed containers need "
                "'Keep refrigerated / Garder réfrigéré' on the principal display panel (FDR B.27.002(2)).",
                CIT["6.11"],
                evidence,
            )
        ]
    if not statements:
        return [
            F.failed(
                R6_11,
                "The product requires refrigeration but no storage instruction such as 'Keep refrigerated / Garder "
                "réfrigéré' was found (an 'after opening' instruction does not cover the unopened product).",
                CIT["6.11"],
            )
        ]
    missing = "French" if "fr" not in languages else "English"
    return [
        F.failed(
            R6_11,
            f"The storage instruction is shown in one language only; the {missing} version is missing.",
            CIT["6.11"],
            evidence,
        )
    ]


_SEE_BOTTOM = re.compile(r"\b(?:bottom|base|underside|dessous|fond)\b", re.IGNORECASE)


def _bottom(facts: LabelFacts, marks: list[DateMark]) -> list[Finding]:
    """B.01.005(4): a durable life date on the bottom needs a reference to it elsewhere; a packaging date may not."""
    out: list[Finding] = []
    bottoms = {p.name for p in facts.panels if p.is_bottom}
    elsewhere = " ".join(p.text for p in facts.panels if p.name not in bottoms)
    for mark in marks:
        if mark.source.panel not in bottoms or not mark.date_text:
            continue
        evidence = f"{mark.words} {mark.date_text}".strip()
        if mark.kind == "packaged_on":
            out.append(
                F.failed(
                    R6_2,
                    f"The packaging date is on the bottom panel '{mark.source.panel}'; a packaging date may not be "
                    "shown on the bottom of the container.",
                    "FDR B.01.005(1),(4); CFIA ILT, date markings",
                    evidence=evidence,
                    panel=mark.source.panel,
                )
            )
        elif mark.kind in ("best_before", "use_by", "expiry"):
            referenced = _SEE_BOTTOM.search(elsewhere) is not None
            verdict = F.passed if referenced else F.failed
            text = (
                "The date on the bottom panel is referred to elsewhere on the label, as B.01.005(4) allows."
                if referenced
                else f"The date is only on the bottom panel '{mark.source.panel}' and no other panel says where it "
                "is (e.g. 'Best before: see bottom / Meilleur avant : voir le dessous')."
            )
            out.append(verdict(R6_3, text, "FDR B.01.005(4)", evidence=evidence, panel=mark.source.panel))
    return out


def _layout(facts: LabelFacts, marks: list[DateMark]) -> list[Finding]:
    out: list[Finding] = []
    for mark in marks:
        start = mark.source.line_start
        for ingredients in facts.ingredients:
            src = ingredients.source
            if src.panel != mark.source.panel or start is None or src.line_start is None or src.line_end is None:
                continue
            if src.column is not None and mark.source.column is not None and src.column != mark.source.column:
                continue
            if src.line_start <= start <= src.line_end:
                out.append(
                    F.review(
                        R6_12,
                        f"The date marking on panel '{mark.source.panel}' appears within the list of ingredients; "
                        "date, words and explanation must not be grouped with the list.",
                        CIT["6.12"],
                        evidence=f"{mark.words} {mark.date_text}".strip(),
                        panel=mark.source.panel,
                    )
                )
    return out


def _lot_codes(facts: LabelFacts) -> list[Finding]:
    return [
        F.review(
            R6_13,
            f"The lot code '{lot.code}' contains the letters BB or MA, which consumers may mistake for a best-before "
            "date; the CFIA recommends against it.",
            CIT["6.13"],
            evidence=lot.line,
            panel=lot.panel,
        )
        for lot in lot_codes_with_date_letters(facts)
    ]
