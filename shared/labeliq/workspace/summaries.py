"""A report as the reviewer left it: each finding's effective verdict (the reviewer's when there is one).

The machine verdict stays in `Finding.verdict`; the summary of a review version counts the effective verdicts, and
the Word rendering of a version shows them with the reviewer's name and reason.
"""

from __future__ import annotations

from labeliq.models import CheckResult, Finding, Report, Summary, Verdict, worst_verdict
from labeliq.scope import scope_of


def effective_verdict(finding: Finding) -> Verdict:
    return finding.review.verdict if finding.review is not None else finding.verdict


def effective_results(report: Report) -> dict[str, CheckResult]:
    """Each finding with its effective verdict and the scope that verdict gives it: a package check a reviewer
    decided (pass or fail) is no longer an open checklist item, so it counts in the label's verdict."""
    out: dict[str, CheckResult] = {}
    for name, result in report.results.items():
        decided = [f.model_copy(update={"verdict": effective_verdict(f)}) for f in result.findings]
        findings = [f.model_copy(update={"scope": scope_of(f)}) for f in decided]
        verdicts = [f.verdict for f in findings]
        out[name] = result.model_copy(update={"findings": findings, "verdict": worst_verdict(verdicts)})
    return out


def effective_summary(report: Report) -> Summary:
    from labeliq.report import summarize

    return summarize(effective_results(report))


def _corrected_message(finding: Finding) -> str:
    if not finding.corrected_facts:
        return finding.message
    names = "; ".join(f"{c.path} corrected by {c.by} ({c.reason})" for c in finding.corrected_facts)
    return f"{finding.message} [Facts: {names}]"


def rendering_view(report: Report) -> Report:
    """The report the Word file shows for a version: the machine's verdicts kept on the findings beside each
    reviewer's decision (the renderer shows both and counts the reviewer's), corrected facts named on the
    findings that use them, and the summary of the effective verdicts."""
    results = {
        name: result.model_copy(
            update={"findings": [f.model_copy(update={"message": _corrected_message(f)}) for f in result.findings]}
        )
        for name, result in report.results.items()
    }
    return report.model_copy(update={"results": results, "summary": effective_summary(report)})
