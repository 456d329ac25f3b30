"""The workspace's pure logic: finding ids, decisions applied to a version, fact corrections, upload validation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from labeliq.config import Settings
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel, ProductContext, Report, Verdict
from labeliq.pipeline import check_label
from labeliq.workspace.corrections import CorrectionIn, apply_corrections, recheck_report
from labeliq.workspace.decisions import Decision, DecisionsRequest, apply_decisions
from labeliq.workspace.errors import ApiError
from labeliq.workspace.uploads import dedup_key, parse_context, validate_panels

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "crackers-date-allergen-faults"
AT = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def report() -> Report:
    panels = [
        Panel(name=p.stem, text=p.read_text(encoding="utf-8"), is_principal_display=p.stem.startswith("front"))
        for p in sorted(SAMPLE.glob("*.txt"))
    ]
    context = ProductContext.model_validate(json.loads((SAMPLE / "context.json").read_text(encoding="utf-8")))
    return check_label(parse_label(panels), context, "job-unit")


def _findings(report: Report) -> list:  # type: ignore[type-arg]
    return [f for result in report.results.values() for f in result.findings]


def test_finding_ids_are_unique_and_stable_across_runs(report: Report) -> None:
    ids = [f.finding_id for f in _findings(report)]
    assert all(ids) and len(ids) == len(set(ids))
    again = check_label(report.label_facts, report.context, "job-other")
    assert [f.finding_id for f in _findings(again)] == ids


def test_a_decision_keeps_the_machine_verdict_and_recomputes_the_summary(report: Report) -> None:
    failing = next(f for f in _findings(report) if f.verdict == Verdict.FAIL)
    request = DecisionsRequest(
        base_version=1,
        decisions=[
            Decision(finding_id=failing.finding_id, action="override", verdict=Verdict.PASS, reason="artwork differs")
        ],
    )
    reviewed = apply_decisions(report, request, reviewer="rev@example.com", at=AT, version=2)
    decided = next(f for f in _findings(reviewed) if f.finding_id == failing.finding_id)
    assert decided.verdict == Verdict.FAIL and decided.review is not None
    assert (decided.review.verdict, decided.review.reviewer, decided.review.reason) == (
        Verdict.PASS,
        "rev@example.com",
        "artwork differs",
    )
    assert reviewed.version == 2 and reviewed.kind == "review" and reviewed.base_version == 1
    assert reviewed.summary.counts[Verdict.FAIL] == report.summary.counts[Verdict.FAIL] - 1
    assert next(f for f in _findings(report) if f.finding_id == failing.finding_id).review is None  # base untouched


def test_an_override_needs_a_verdict_and_a_reason() -> None:
    with pytest.raises(ValueError, match="reason"):
        Decision(finding_id="6.5-a", action="override", verdict=Verdict.PASS)
    with pytest.raises(ValueError, match="verdict"):
        Decision(finding_id="6.5-a", action="override", reason="why")
    with pytest.raises(ValueError, match="twice"):
        DecisionsRequest(base_version=1, decisions=[Decision(finding_id="a", action="accept")] * 2)


def test_an_unknown_finding_is_named(report: Report) -> None:
    request = DecisionsRequest(base_version=1, decisions=[Decision(finding_id="9.9-nothing", action="defer")])
    with pytest.raises(ApiError) as refused:
        apply_decisions(report, request, reviewer="r@example.com", at=AT, version=2)
    assert refused.value.status == 422 and "9.9-nothing" in refused.value.detail


def test_a_correction_changes_one_fact_and_is_recorded(report: Report) -> None:
    corrections = [CorrectionIn(path="net_quantity.0.text", value="200 g", reason="OCR misread")]
    facts, applied = apply_corrections(report.label_facts, corrections, by="r@example.com", at=AT)
    assert facts.net_quantity[0].text == "200 g"
    assert applied[0].previous == report.label_facts.net_quantity[0].text and applied[0].by == "r@example.com"
    rechecked = recheck_report(report, applied, job_id="job-unit", version=3, base_version=1, by="r@example.com")
    assert rechecked.kind == "recheck" and rechecked.fact_corrections == applied


@pytest.mark.parametrize(
    ("path", "value", "names"),
    [
        pytest.param("colour", "red", "colour", id="unknown-field"),
        pytest.param("net_quantity.40.text", "x", "40", id="index-out-of-range"),
        pytest.param("nutrition_facts.calories", "lots", "calories", id="wrong-type"),
    ],
)
def test_a_correction_that_does_not_fit_is_refused(report: Report, path: str, value: str, names: str) -> None:
    with pytest.raises(ApiError) as refused:
        apply_corrections(report.label_facts, [CorrectionIn(path=path, value=value, reason="r")], by="r", at=AT)
    assert refused.value.status == 422 and names in refused.value.detail


def test_uploads_are_sniffed_and_the_dedup_key_ignores_order() -> None:
    settings = Settings()
    panels = validate_panels([("front.txt", b"Granola"), ("back.txt", b"Ingredients: oats")], settings)
    reversed_panels = validate_panels([("back.txt", b"Ingredients: oats"), ("front.txt", b"Granola")], settings)
    context = parse_context('{"durable_life_days": 200}')
    assert dedup_key("p", panels, context) == dedup_key("p", reversed_panels, context)
    assert dedup_key("p", panels, context) != dedup_key("q", panels, context)
    assert dedup_key("p", panels, context) != dedup_key("p", panels, parse_context("{}"))
    assert dedup_key("p", panels, context) == dedup_key("p", panels, context, "standard")
    assert dedup_key("p", panels, context) != dedup_key("p", panels, context, "relabel")
    with pytest.raises(ApiError, match=r"front\.jpg"):
        validate_panels([("front.jpg", b"Granola")], settings)


def test_a_recheck_names_the_correction_on_findings_that_quote_it(report: Report) -> None:
    quoted = next(f for f in _findings(report) if len(f.evidence) > 4)
    corrections = [CorrectionIn(path="brand", value=[], reason="r")]
    _, applied = apply_corrections(report.label_facts, corrections, by="r@example.com", at=AT)
    applied[0] = applied[0].model_copy(update={"value": f"{quoted.evidence} (as printed)"})
    rechecked = recheck_report(report, applied, job_id="j", version=2, base_version=1, by="r@example.com")
    noted = next(f for f in _findings(rechecked) if f.finding_id == quoted.finding_id)
    assert noted.corrected_facts and noted.corrected_facts[0].by == "r@example.com"
    assert not any(f.corrected_facts for f in _findings(rechecked) if not f.evidence.strip())


def test_a_package_check_the_reviewer_settles_counts_in_the_label_verdict(report: Report) -> None:
    """Package-scope findings stay out of summary.verdict while open; once a person holding the package overrides one
    to fail, the review version's summary fails on it and no longer lists it in the checklist."""
    findings = _findings(report)
    package = next(
        f
        for f in findings
        if f.scope == "package" and sum(g.rule == f.rule and g.scope == "package" for g in findings) == 1
    )
    label_fails = [
        Decision(finding_id=f.finding_id, action="override", verdict=Verdict.PASS, reason="artwork differs")
        for f in findings
        if f.verdict == Verdict.FAIL
    ]
    deferred = apply_decisions(
        report,
        DecisionsRequest(
            base_version=1, decisions=[*label_fails, Decision(finding_id=package.finding_id, action="defer")]
        ),
        reviewer="rev@example.com",
        at=AT,
        version=2,
    )
    assert package.rule in deferred.summary.package_checks
    assert deferred.summary.verdict != Verdict.FAIL
    settled = Decision(finding_id=package.finding_id, action="override", verdict=Verdict.FAIL, reason="type is 1 mm")
    failed = apply_decisions(
        report,
        DecisionsRequest(base_version=1, decisions=[*label_fails, settled]),
        reviewer="rev@example.com",
        at=AT,
        version=2,
    )
    assert failed.summary.verdict == Verdict.FAIL
    assert failed.summary.failing_rules == [package.rule]
    assert package.rule not in failed.summary.package_checks
