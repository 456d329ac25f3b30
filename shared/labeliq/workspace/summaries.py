"""A report as the reviewer left it: each finding's effective verdict (the reviewer's when there is one).

The machine verdict stays in `Finding.verdict`; the summary of a review version counts the effective verdicts, and
the Word rendering of a version shows them with the reviewer's name and reason.
"""

from __future__ import annotations

from labeliq.models import CheckResult, Finding, Report, Summary, Verdict, worst_verdict


def effective_verdict(finding: Finding) -> Verdict:
    return finding.review.verdict if finding.review is not None else finding.verdict


def effective_results(report: Report) -> dict[str, CheckResult]:
    out: dict[str, CheckResult] = {}
    for name, result in report.results.items():
        findings = [f.model_copy(update={"verdict": effective_verdict(f)}) for f in result.findings]
        verdicts = [f.verdict for f in findings]
        out[name] = result.model_copy(update={"findings": findings, "verdict": worst_verdict(verdicts)})
    return out


def effective_summary(report: Report) -> Summary:
    from labeliq.report import summarize

    return summarize(effective_results(report))


def _reviewed_message(finding: Finding) -> str:
    review = finding.review
    if review is None:
        return finding.message
    if review.action == "override":
        what = f"overridden by {review.reviewer}: machine verdict {finding.verdict.value}, now {review.verdict.value}"
    elif review.action == "accept":
        what = f"accepted by {review.reviewer}"
    else:
        what = f"deferred by {review.reviewer}"
    reason = f" ({review.reason})" if review.reason else ""
    return f"{finding.message} [Review: {what}{reason}]"


def _corrected_message(finding: Finding) -> str:
    if not finding.corrected_facts:
        return finding.message
    names = "; ".join(f"{c.path} corrected by {c.by} ({c.reason})" for c in finding.corrected_facts)
    return f"{finding.message} [Facts: {names}]"


def rendering_view(report: Report) -> Report:
    """The report the Word file shows for a version: effective verdicts, with who decided what and why."""
    results: dict[str, CheckResult] = {}
    for name, result in effective_results(report).items():
        originals = report.results[name].findings
        findings = [
            shown.model_copy(
                update={
                    "message": _corrected_message(original.model_copy(update={"message": _reviewed_message(original)}))
                }
            )
            for shown, original in zip(result.findings, originals, strict=True)
        ]
        results[name] = result.model_copy(update={"findings": findings})
    return report.model_copy(update={"results": results, "summary": effective_summary(report)})
