"""Small constructors so every checker writes findings the same way: from a Rule object (rules.py of its checker).

The rule gives the finding its id and, unless the finding cites the exact paragraph it rests on, its citation.
`term` names the words of the label the verdict rests on ("JU", "sulphur dioxide"): the evidence is quoted around
them (common/evidence.py) and they are highlighted, and the rule's fix or question (checks/<name>/fixes.py) names
them when the report is assembled. A checker that can say more exactly what to do passes `fix` or `question`.
"""

from __future__ import annotations

from labeliq.checks.common.evidence import quote
from labeliq.checks.common.rule import Rule
from labeliq.models import Finding, FindingText, Verdict


def _finding(
    rule: Rule,
    verdict: Verdict,
    message: str,
    citation: str | None,
    evidence: str,
    panel: str | None,
    term: str | None = None,
    fix: str = "",
    question: str = "",
    fix_fr: str = "",
    question_fr: str = "",
) -> Finding:
    quoted = quote(evidence, term)
    # The French message is written when the report is assembled (common/advice.py); a checker gives the French of
    # its own fix or question here.
    fr = FindingText(message="", fix=fix_fr, question=question_fr) if fix_fr or question_fr else None
    return Finding(
        rule=rule.finding_id,
        verdict=verdict,
        message=message,
        evidence=quoted.text,
        highlight=quoted.highlight,
        citation=rule.citation if citation is None else citation,
        panel=panel,
        fix=fix,
        question=question,
        fr=fr,
    )


def passed(
    rule: Rule,
    message: str,
    citation: str | None = None,
    evidence: str = "",
    panel: str | None = None,
    *,
    term: str | None = None,
) -> Finding:
    return _finding(rule, Verdict.PASS, message, citation, evidence, panel, term)


def failed(
    rule: Rule,
    message: str,
    citation: str | None = None,
    evidence: str = "",
    panel: str | None = None,
    *,
    term: str | None = None,
    fix: str = "",
    fix_fr: str = "",
) -> Finding:
    return _finding(rule, Verdict.FAIL, message, citation, evidence, panel, term, fix=fix, fix_fr=fix_fr)


def review(
    rule: Rule,
    message: str,
    citation: str | None = None,
    evidence: str = "",
    panel: str | None = None,
    *,
    term: str | None = None,
    question: str = "",
    question_fr: str = "",
) -> Finding:
    return _finding(
        rule, Verdict.NEEDS_REVIEW, message, citation, evidence, panel, term, question=question, question_fr=question_fr
    )


def not_applicable(
    rule: Rule,
    message: str,
    citation: str | None = None,
    evidence: str = "",
    panel: str | None = None,
    *,
    term: str | None = None,
) -> Finding:
    return _finding(rule, Verdict.NOT_APPLICABLE, message, citation, evidence, panel, term)
