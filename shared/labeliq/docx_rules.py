"""The report's findings gathered by rule, so each rule shows once, under one verdict, with all its findings.

A rule is often judged several times (once per language, per statement, per nutrient list): a reader who sees
"9.4 FAIL" and then "Passed: 9.4" cannot tell which is true. Here the findings of one rule id (across checkers)
become one RuleGroup whose verdict is the worst of its findings' effective verdicts (a reviewer's decision, when
there is one, counts over the machine's). Package checks (scope "package": only the physical package can settle
them) are kept apart as the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from labeliq.docx_text import ReportLanguage
from labeliq.models import VERDICT_SEVERITY, Finding, Report, Verdict, worst_verdict
from labeliq.report import rule_sort_key
from labeliq.scope import scope_of


def effective(finding: Finding) -> Verdict:
    """The verdict the report stands by: the reviewer's when a reviewer decided, else the machine's."""
    return finding.review.verdict if finding.review is not None else finding.verdict


def is_package_check(finding: Finding) -> bool:
    """Still open, and only the physical package can settle it (a decided package check is an ordinary verdict)."""
    verdict = effective(finding)
    return verdict == Verdict.NEEDS_REVIEW and scope_of(finding.model_copy(update={"verdict": verdict})) == "package"


@dataclass
class RuleGroup:
    rule: str
    checker: str
    findings: list[Finding] = field(default_factory=list)
    number: int = 0  # the marker on the photos and in the table (open items only)

    @property
    def verdict(self) -> Verdict:
        return worst_verdict([effective(f) for f in self.findings if not is_package_check(f)])

    @property
    def open_findings(self) -> list[Finding]:
        """Fails and questions, worst first (package checks last: the checklist's kind of question)."""
        found = [f for f in self.findings if effective(f) in (Verdict.FAIL, Verdict.NEEDS_REVIEW)]
        return sorted(found, key=lambda f: (is_package_check(f), -VERDICT_SEVERITY[effective(f)]))

    @property
    def settled_findings(self) -> list[Finding]:
        return [f for f in self.findings if effective(f) in (Verdict.PASS, Verdict.NOT_APPLICABLE)]

    @property
    def needs_action(self) -> bool:
        """A fail or a question about the label itself (not only the package)."""
        return any(not is_package_check(f) for f in self.open_findings)


def rule_groups(report: Report) -> list[RuleGroup]:
    """Every rule judged in the report, in rule order, each with all its findings (whatever checker made them)."""
    groups: dict[str, RuleGroup] = {}
    for result in report.results.values():
        for finding in result.findings:
            groups.setdefault(finding.rule, RuleGroup(finding.rule, result.checker)).findings.append(finding)
    return [groups[rule] for rule in sorted(groups, key=rule_sort_key)]


@dataclass(frozen=True)
class Layout:
    """Where each rule goes, once: open items (fails, then questions), the package checklist, the settled rules."""

    open_items: list[RuleGroup]
    package_checks: list[RuleGroup]
    settled: list[RuleGroup]

    def numbered(self) -> list[RuleGroup]:
        return [*self.open_items, *self.package_checks]


def layout(report: Report) -> Layout:
    groups = rule_groups(report)
    open_items = sorted(
        (g for g in groups if g.needs_action), key=lambda g: (-VERDICT_SEVERITY[g.verdict], rule_sort_key(g.rule))
    )
    package = [g for g in groups if not g.needs_action and g.open_findings]
    settled = [g for g in groups if not g.open_findings]
    for number, group in enumerate([*open_items, *package], start=1):
        group.number = number
    return Layout(open_items, package, settled)


@cache
def rule_title(rule: str, language: ReportLanguage) -> tuple[str, bool]:
    """The rule's one-line title in the language, and whether it is the English shown for want of a French one."""
    from labeliq.checks.rules_index import UnknownRule, rule_for

    try:
        declared = rule_for(rule)
    except UnknownRule:
        return "", False
    if language == "fr":
        from labeliq.checks.common.advice import rule_title_fr

        french = rule_title_fr(rule)
        return (french, False) if french else (declared.title, True)
    return declared.title, False
