"""The report split: a needs_review that only the physical package can settle is a checklist item (scope "package",
listed in summary.package_checks) and does not hold the overall verdict; everything else is scope "label"."""

from __future__ import annotations

import pytest

from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.rules_index import rule_for
from labeliq.models import CheckResult, Finding, Verdict
from labeliq.report import summarize
from labeliq.scope import scope_of, scoped


@pytest.mark.parametrize(
    ("finding", "scope"),
    [
        pytest.param(
            review(rule_for("1.3"), "Type height cannot be measured.", "SFCR 210(2)"), "package", id="1.3-type-size"
        ),
        pytest.param(
            review(rule_for("10.E9"), "Table colours.", "FDR B.01.450"), "package", id="10.E9-table-presentation"
        ),
        pytest.param(
            review(rule_for("4.2"), "The radura must be shown.", "FDR B.01.035(1)"), "package", id="4.2-radura"
        ),
        pytest.param(
            review(rule_for("7.12"), "Symbol appearance.", "FDR B.01.351"), "package", id="7.12-symbol-graphic"
        ),
        pytest.param(
            failed(rule_for("4.2"), "Statement off the PDP.", "FDR B.01.035(1)"), "label", id="4.2-fail-is-label"
        ),
        pytest.param(passed(rule_for("1.3"), "n/a", "SFCR 210(2)"), "label", id="pass-is-label"),
        pytest.param(
            review(rule_for("5.3"), "Order by weight needs the formulation.", "FDR B.01.008.2(3)"), "label", id="5.3"
        ),
        pytest.param(
            Finding(rule="1.30", verdict=Verdict.NEEDS_REVIEW, message="Not 1.3.", citation="x"),
            "label",
            id="1.30-is-not-1.3",
        ),
        pytest.param(
            review(rule_for("1.3"), "q", "x").model_copy(update={"source": "llm"}), "label", id="llm-question-is-label"
        ),
    ],
)
def test_scope_of_a_finding(finding: Finding, scope: str) -> None:
    assert scope_of(finding) == scope


def _result(*findings: Finding) -> CheckResult:
    return scoped(CheckResult.from_findings("common_name", "identity", list(findings)))


def test_a_label_with_only_package_checks_left_passes_with_its_checklist() -> None:
    results = {
        "common_name": _result(
            passed(rule_for("1.1"), "Shown on the PDP.", "FDR B.01.006(1)"),
            review(rule_for("1.3"), "Type height.", "SFCR 210(2)"),
        ),
        "nutrition_facts": _result(review(rule_for("10.E9"), "Table colours.", "FDR B.01.450")),
    }
    summary = summarize(results)
    assert summary.verdict == Verdict.PASS
    assert summary.package_checks == ["1.3", "10.E9"]
    assert summary.needs_review_rules == ["1.3", "10.E9"]
    assert [f.scope for f in results["common_name"].findings] == ["label", "package"]


def test_a_label_review_still_holds_the_verdict() -> None:
    results = {
        "common_name": _result(
            review(rule_for("1.3"), "Type height.", "x"), review(rule_for("1.5"), "True nature?", "x")
        )
    }
    summary = summarize(results)
    assert summary.verdict == Verdict.NEEDS_REVIEW and summary.package_checks == ["1.3"]


def test_a_fail_is_never_hidden_by_the_split() -> None:
    results = {
        "common_name": _result(
            failed(rule_for("1.1"), "Not on the PDP.", "x"), review(rule_for("1.3"), "Type height.", "x")
        )
    }
    assert summarize(results).verdict == Verdict.FAIL
