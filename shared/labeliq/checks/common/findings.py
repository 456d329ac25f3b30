"""Small constructors so every checker writes findings the same way."""

from __future__ import annotations

from labeliq.models import Finding, Verdict


def passed(rule: str, message: str, citation: str, evidence: str = "", panel: str | None = None) -> Finding:
    return Finding(rule=rule, verdict=Verdict.PASS, message=message, evidence=evidence, citation=citation, panel=panel)


def failed(rule: str, message: str, citation: str, evidence: str = "", panel: str | None = None) -> Finding:
    return Finding(rule=rule, verdict=Verdict.FAIL, message=message, evidence=evidence, citation=citation, panel=panel)


def review(rule: str, message: str, citation: str, evidence: str = "", panel: str | None = None) -> Finding:
    return Finding(
        rule=rule, verdict=Verdict.NEEDS_REVIEW, message=message, evidence=evidence, citation=citation, panel=panel
    )


def not_applicable(rule: str, message: str, citation: str, evidence: str = "", panel: str | None = None) -> Finding:
    return Finding(
        rule=rule, verdict=Verdict.NOT_APPLICABLE, message=message, evidence=evidence, citation=citation, panel=panel
    )
