"""What `make run` prints for a finished job: the verdict and the failing rules from the downloaded report."""

from __future__ import annotations

import json
from pathlib import Path

from devstack.stack import report_verdict_line


def test_verdict_line_names_the_failing_rules(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"summary": {"verdict": "fail", "failing_rules": ["6.5", "9.7"]}}))
    assert report_verdict_line([tmp_path / "report.docx", report]) == "verdict: fail; failing rules: 6.5, 9.7"


def test_verdict_line_says_none_when_nothing_fails(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"summary": {"verdict": "needs_review", "failing_rules": []}}))
    assert report_verdict_line([report]) == "verdict: needs_review; failing rules: none"


def test_no_line_without_a_report(tmp_path: Path) -> None:
    assert report_verdict_line([tmp_path / "report.docx"]) == ""
