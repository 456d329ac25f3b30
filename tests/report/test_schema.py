"""report.json is described by docs/report.schema.json: the file matches the model and every report validates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.rules_index import rule_for
from labeliq.models import Finding, LabelFacts, Panel, ProductContext, Provenance, Quantity, Summary, TextFact
from labeliq.pipeline import check_label
from labeliq.report import report_json, report_schema, report_schema_json
from tests.report.conftest import Installer

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "report.schema.json"


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schema_is_up_to_date_with_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == report_schema_json(), (
        "docs/report.schema.json is stale: run `.venv/bin/labeliq schema --out docs/report.schema.json`"
    )


def test_schema_has_the_contract_fields() -> None:
    schema = report_schema()
    for key in ("schema_version", "job_id", "label_facts", "results", "summary"):
        assert key in schema["required"]
    finding = schema["$defs"]["Finding"]
    assert {"rule", "verdict", "message", "evidence", "citation"} <= set(finding["required"])
    assert schema["$defs"]["Verdict"]["enum"] == ["pass", "fail", "needs_review", "not_applicable"]


def _every_verdict(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        failed(rule_for("6.5"), "JU is not a month code.", "CFIA ILT, date markings", "27 JU 28", "side"),
        passed(rule_for("6.1"), "Shown.", "FDR B.01.007(1.1)"),
        review(rule_for("6.2"), "Needs the product.", "FDR B.01.007(1.1)"),
        not_applicable(rule_for("6.7"), "Not packaged at retail.", "FDR B.01.007(1.2)"),
    ]


def _boom(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    raise RuntimeError("lexicon missing")


def test_reports_validate_including_errors_not_built_and_full_context(fake_checkers: Installer) -> None:
    fake_checkers(
        {
            "date_marking": ("content", _every_verdict),
            "nutrition_facts": ("tables", _boom),
            "sweeteners": ("tables", None),
        }
    )
    facts = LabelFacts(
        panels=[Panel(name="front", is_principal_display=True, text="Crackers\nCraquelins")],
        common_names=[TextFact(text="Crackers", language="en", source=Provenance(panel="front", line_start=0))],
    )
    context = ProductContext(
        category="crackers",
        reference_amount=Quantity(value=20, unit="g"),
        durable_life_days=180,
        date=dt.date(2026, 11, 24),
    )
    report = check_label(facts, context, "job-schema")
    data = json.loads(report_json(report))
    _validator().validate(data)
    assert data["results"]["date_marking"]["findings"][0]["verdict"] == "fail"
    assert data["results"]["sweeteners"]["error"].startswith("checker sweeteners is not built")
    assert "not_built" not in data["summary"]


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: d.pop("schema_version"), id="missing-schema-version"),
        pytest.param(lambda d: d["summary"].update(verdict="ok"), id="unknown-verdict"),
        pytest.param(lambda d: d.update(colour="red"), id="unknown-top-level-key"),
        pytest.param(lambda d: d["results"]["date_marking"]["findings"][0].pop("citation"), id="finding-no-citation"),
    ],
)
def test_schema_rejects_malformed_reports(fake_checkers: Installer, mutate: object) -> None:
    fake_checkers({"date_marking": ("content", _every_verdict)})
    data = json.loads(report_json(check_label(LabelFacts(), ProductContext(), "job-bad")))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(data)


def test_a_stored_schema_1_0_summary_with_not_built_still_loads() -> None:
    """Reports written before schema 2.0 carry `summary.not_built`; the render step must still read them."""
    legacy = {
        "verdict": "fail",
        "counts": {"pass": 1, "fail": 1, "needs_review": 0, "not_applicable": 0},
        "failing_rules": ["9.7"],
        "needs_review_rules": [],
        "not_built": [],
        "checker_errors": [],
    }
    summary = Summary.model_validate(legacy)
    assert summary.failing_rules == ["9.7"]
    assert "not_built" not in summary.model_dump()
