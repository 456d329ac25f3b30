"""What the job page shows, from a report's JSON: failures first grouped by rule, the package checklist, photos.

The page is rendered on the server from this view (one pass over the findings), which keeps the first render of a
report with hundreds of findings fast and readable without scripts. Findings are grouped by the machine's verdict,
so a finding stays where the reviewer found it after an override; the reviewer's decision is shown beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from labeliq.web.citations import CitationPart, citation_parts

VERDICT_ORDER = ("fail", "needs_review", "pass", "not_applicable")
VERDICT_LABEL = {"fail": "Fail", "needs_review": "Needs review", "pass": "Pass", "not_applicable": "Not applicable"}

# Reports made before findings carried a `scope`: a needs-review finding whose message asks for these can only be
# settled with the physical package in hand.
_PACKAGE_ONLY = re.compile(
    r"type (?:size|height)|x-height|\bmm\b|\bcolou?rs?\b|\bsymbol\b|\bfont\b|sans-serif|leading|bold|italic|"
    r"legib|contrast|prominen|proximity|close to|adjacent|\blayout\b|\bsize of\b|physical package|on the package",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def attr(self) -> str:
        return f"{self.x0:.0f},{self.y0:.0f},{self.x1:.0f},{self.y1:.0f}"


@dataclass
class FindingView:
    finding_id: str
    rule: str
    verdict: str
    message: str
    evidence: str
    citation: list[CitationPart]
    panel: str | None
    box: Box | None
    checker: str
    group: str
    language: str  # "EN", "FR" or "" from the message, so EN and FR findings of a rule sit together in that order
    review: dict[str, Any] | None
    package_only: bool
    dom_id: str = ""  # the element id on the page (finding ids may hold characters ids should not)

    @property
    def decision_value(self) -> str:
        """The saved decision as the Decision select's value ("" when none)."""
        if not self.review:
            return ""
        action = str(self.review.get("action", ""))
        if action == "override":
            return f"override:{self.review.get('verdict', '')}"
        return action


@dataclass
class RuleGroup:
    rule: str
    verdict: str
    findings: list[FindingView] = field(default_factory=list)


@dataclass
class PanelView:
    name: str
    is_photo: bool
    width: int | None
    height: int | None
    text: str


@dataclass
class ReportView:
    job_id: str
    version: int
    product: str
    judged_on: str
    verdict: str
    counts: dict[str, int]
    failing: list[RuleGroup]
    review: list[RuleGroup]
    checklist: list[FindingView]
    passed: list[RuleGroup]
    not_applicable: list[RuleGroup]
    panels: list[PanelView]
    not_built: list[str]
    checker_errors: list[str]
    total: int
    reviewed: int
    sign_off: dict[str, Any] | None


def _language(message: str) -> str:
    head = message[:120]
    if "English" in head and "French" not in head:
        return "EN"
    if "French" in head and "English" not in head:
        return "FR"
    return ""


def _box(raw: Any) -> Box | None:
    if not isinstance(raw, dict):
        return None
    try:
        return Box(float(raw["x0"]), float(raw["y0"]), float(raw["x1"]), float(raw["y1"]))
    except (KeyError, TypeError, ValueError):
        return None


def finding_view(raw: dict[str, Any], checker: str, group: str, index: int) -> FindingView:
    verdict = str(raw.get("verdict", "needs_review"))
    message = str(raw.get("message", ""))
    return FindingView(
        finding_id=str(raw.get("finding_id") or f"{checker}:{index}"),
        rule=str(raw.get("rule", "")),
        verdict=verdict,
        message=message,
        evidence=str(raw.get("evidence") or ""),
        citation=citation_parts(str(raw.get("citation") or "")),
        panel=raw.get("panel"),
        box=_box(raw.get("location")),
        checker=checker,
        group=group,
        language=_language(message),
        review=raw.get("review") if isinstance(raw.get("review"), dict) else None,
        package_only=_package_only(raw, verdict, message),
    )


def _package_only(raw: dict[str, Any], verdict: str, message: str) -> bool:
    """A finding the physical package must settle: the report's own `scope` when it carries one, else its words."""
    if "scope" in raw:
        return bool(raw["scope"] == "package")
    return verdict == "needs_review" and bool(_PACKAGE_ONLY.search(message))


def _grouped(findings: list[FindingView], rule_order: dict[str, int]) -> list[RuleGroup]:
    groups: dict[str, RuleGroup] = {}
    for item in findings:
        group = groups.setdefault(item.rule, RuleGroup(item.rule, item.verdict))
        group.findings.append(item)
    for group in groups.values():
        group.findings.sort(key=lambda f: {"EN": 0, "FR": 1}.get(f.language, 2))
    return sorted(groups.values(), key=lambda g: (rule_order.get(g.rule, len(rule_order)), _rule_key(g.rule)))


def _rule_key(rule: str) -> list[tuple[int, int | str]]:
    """Reading order of rule ids: 6.5 < 9.3 < 9.10 < 10.B."""
    return [(0, int(p)) if p.isdigit() else (1, p) for p in rule.split(".")]


def build_report_view(report: dict[str, Any], sign_off: dict[str, Any] | None = None) -> ReportView:
    by_verdict: dict[str, list[FindingView]] = {v: [] for v in VERDICT_ORDER}
    for checker, result in (report.get("results") or {}).items():
        for index, raw in enumerate(result.get("findings") or []):
            item = finding_view(raw, checker, str(result.get("group", "")), index)
            by_verdict.setdefault(item.verdict, []).append(item)
    summary = report.get("summary") or {}
    failing_order = {rule: i for i, rule in enumerate(summary.get("failing_rules") or [])}
    review_order = {rule: i for i, rule in enumerate(summary.get("needs_review_rules") or [])}
    review_items = [f for f in by_verdict["needs_review"] if not f.package_only]
    checklist = sorted((f for f in by_verdict["needs_review"] if f.package_only), key=lambda f: _rule_key(f.rule))
    everything = [f for items in by_verdict.values() for f in items]
    for number, item in enumerate(everything, start=1):
        item.dom_id = f"f{number}"
    facts = report.get("label_facts") or {}
    panels = [
        PanelView(
            name=str(p.get("name")),
            is_photo=p.get("width_px") is not None,
            width=p.get("width_px"),
            height=p.get("height_px"),
            text=str(p.get("text") or ""),
        )
        for p in facts.get("panels") or []
    ]
    counts = {v: int((summary.get("counts") or {}).get(v, 0)) for v in VERDICT_ORDER}
    return ReportView(
        job_id=str(report.get("job_id", "")),
        version=int(report.get("version", 1)),
        product=str(report.get("product", "")),
        judged_on=str(report.get("judged_on", "")),
        verdict=str(summary.get("verdict", "needs_review")),
        counts=counts,
        failing=_grouped(by_verdict["fail"], failing_order),
        review=_grouped(review_items, review_order),
        checklist=checklist,
        passed=_grouped(by_verdict["pass"], {}),
        not_applicable=_grouped(by_verdict["not_applicable"], {}),
        panels=panels,
        not_built=list(summary.get("not_built") or []),
        checker_errors=list(summary.get("checker_errors") or []),
        total=len(everything),
        reviewed=sum(1 for f in everything if f.review),
        sign_off=sign_off,
    )
