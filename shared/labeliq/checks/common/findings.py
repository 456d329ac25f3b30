"""Small constructors so every checker writes findings the same way: from a Rule object (rules.py of its checker).

The rule gives the finding its id and, unless the finding cites the exact paragraph it rests on, its citation.
"""

from __future__ import annotations

from labeliq.checks.common.rule import Rule
from labeliq.models import Finding, Verdict


def _finding(
    rule: Rule, verdict: Verdict, message: str, citation: str | None, evidence: str, panel: str | None
) -> Finding:
    return Finding(
        rule=rule.finding_id,
        verdict=verdict,
        message=message,
        evidence=evidence,
        citation=rule.citation if citation is None else citation,
        panel=panel,
    )


def passed(
    rule: Rule, message: str, citation: str | None = None, evidence: str = "", panel: str | None = None
) -> Finding:
    return _finding(rule, Verdict.PASS, message, citation, evidence, panel)


def failed(
    rule: Rule, message: str, citation: str | None = None, evidence: str = "", panel: str | None = None
) -> Finding:
    return _finding(rule, Verdict.FAIL, message, citation, evidence, panel)


def review(
    rule: Rule, message: str, citation: str | None = None, evidence: str = "", panel: str | None = None
) -> Finding:
    return _finding(rule, Verdict.NEEDS_REVIEW, message, citation, evidence, panel)


def not_applicable(
    rule: Rule, message: str, citation: str | None = None, evidence: str = "", panel: str | None = None
) -> Finding:
    return _finding(rule, Verdict.NOT_APPLICABLE, message, citation, evidence, panel)
