"""Order of the allergen blocks (cfia-rules.md 9.8, 9.9): list, phenylalanine statement, Contains, May contain.

B.01.010.3(1)(a.1) and B.01.010.4(1)(a),(d) require each block to follow the previous one in the same
language with nothing printed between them. Panel text gives the line order; type size and borders it
does not, so those stay with a reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from labeliq.checks.allergens_gluten.rules import R9_8, R9_9, R9_10
from labeliq.checks.allergens_gluten.sources import Lang
from labeliq.checks.allergens_gluten.statements import intervening_lines, list_languages, statements_for
from labeliq.checks.common import findings as F
from labeliq.models import Finding, LabelFacts, Provenance

CITATION = "FDR B.01.010.3(1)(a.1),(a.2); B.01.010.4(1)(a),(c),(d)"


@dataclass(frozen=True)
class _Block:
    name: str
    source: Provenance
    text: str


def order_findings(facts: LabelFacts) -> list[Finding]:
    findings: list[Finding] = []
    for lang in ("en", "fr"):
        findings += _order(facts, lang)
    return findings


def _blocks(facts: LabelFacts, lang: Lang) -> list[_Block] | None:
    lists = [i for i in facts.ingredients if list_languages(i) == (lang,)]
    if len(lists) != 1:
        return None  # no list, a bilingual list, or several panels: the order cannot be read reliably
    blocks = [_Block("list of ingredients", lists[0].source, lists[0].text)]
    phe = [p for p in facts.phenylalanine_statements if p.language == lang]
    blocks += [_Block("phenylalanine statement", p.source, p.text) for p in phe[:1]]
    contains = [s for s in statements_for(facts, "contains", lang) if s.language == lang]
    blocks += [_Block("Contains statement", s.source, s.text) for s in contains[:1]]
    may = [s for s in statements_for(facts, "may_contain", lang) if s.language == lang]
    blocks += [_Block("'may contain' statement", s.source, s.text) for s in may[:1]]
    return blocks if len(blocks) > 1 else None


def _order(facts: LabelFacts, lang: Lang) -> list[Finding]:
    blocks = _blocks(facts, lang)
    if blocks is None:
        return []
    language = "English" if lang == "en" else "French"
    problems: list[str] = []
    unknown = False
    for before, after in pairwise(blocks):
        if before.source.panel != after.source.panel:
            problems.append(f"the {after.name} is on panel '{after.source.panel}', not beside the {before.name}")
            continue
        if before.source.line_start is None or after.source.line_start is None:
            unknown = True
            continue
        if after.source.line_start < before.source.line_start:
            problems.append(f"the {after.name} comes before the {before.name}")
            continue
        between = intervening_lines(facts, before.source, after.source)
        if between:
            problems.append(f"'{between[0]}' is printed between the {before.name} and the {after.name}")
    findings = _same_line_reviews(facts, lang, blocks)
    panel = blocks[0].source.panel
    if problems:
        findings.append(
            F.failed(
                R9_8,
                f"In {language} (panel '{panel}'): {'; '.join(problems)}. The Contains statement must immediately "
                "follow the list (or the phenylalanine statement) in the same language, and the 'may contain' "
                "statement must immediately follow it, with no intervening material.",
                CITATION,
                evidence=" | ".join(b.text[:60] for b in blocks),
                panel=panel,
            )
        )
    elif unknown:
        findings.append(
            F.review(
                R9_8,
                f"The position of the {language} allergen statements relative to the list could not be read; check "
                "that they follow the list with no intervening material.",
                CITATION,
                panel=panel,
            )
        )
    else:
        findings.append(
            F.passed(
                R9_8,
                f"In {language} (panel '{panel}'), " + " → ".join(b.name for b in blocks) + " follow one another with "
                "nothing printed between them (borders, background and continuous surface need a look at the "
                "artwork).",
                CITATION,
                panel=panel,
            )
        )
    return findings


def _same_line_reviews(facts: LabelFacts, lang: Lang, blocks: list[_Block]) -> list[Finding]:
    """9.9 and the bold rule of 9.10 only matter when a block starts on the line where the previous one ends."""
    out: list[Finding] = []
    for before, after in pairwise(blocks):
        if before.source.panel != after.source.panel or before.source.line_end is None:
            continue
        if after.source.line_start != before.source.line_end:
            continue
        if before.name == "phenylalanine statement":
            out.append(
                F.review(
                    R9_9,
                    f"The {after.name} starts on the line where the phenylalanine statement ends; its title must be "
                    "at least 0.2 mm taller than that statement's type, which text cannot show.",
                    "FDR B.01.010.3(1)(a)(iv), B.01.010.4(1)(g)",
                    panel=after.source.panel,
                )
            )
        if after.name == "'may contain' statement":
            out.append(
                F.review(
                    R9_10,
                    "The 'may contain' statement starts on the line where the previous statement ends, so its title "
                    "(or the statement, if untitled) must be in bold type, which text cannot show.",
                    "FDR B.01.010.4(1)(e),(f)",
                    panel=after.source.panel,
                )
            )
    return out
