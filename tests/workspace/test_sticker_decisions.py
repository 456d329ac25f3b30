"""Sticker decisions applied to a relabel report as the API applies them: the new version's field states, the
author from the caller, the sticker drawn again, edits named as not re-checked, and refusals that name the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from labeliq.config import load_settings
from labeliq.label_files import load_inputs
from labeliq.models import ProductContext, Report
from labeliq.relabel.job import relabel_report
from labeliq.relabel.translate import GlossaryTranslator
from labeliq.workspace.decisions import DecisionsRequest, apply_decisions
from labeliq.workspace.errors import ApiError

SAUCE = Path(__file__).resolve().parents[2] / "samples-relabel" / "italian-sauce"
AT = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def report() -> Report:
    context = ProductContext.model_validate_json((SAUCE / "context.json").read_text("utf-8"))
    inputs = load_inputs(sorted(SAUCE.glob("*.txt")), load_settings())
    return relabel_report(inputs.panels, context, "job-1", GlossaryTranslator())


def _decide(report: Report, body: dict[str, object]) -> Report:
    request = DecisionsRequest.model_validate({"base_version": 1, **body})
    return apply_decisions(report, request, reviewer="ana@example.com", at=AT, version=2)


def test_approve_and_edit_make_the_next_version_and_leave_the_base_alone(report: Report) -> None:
    edit = {"field": "storage", "action": "edit", "en": "Keep cool.", "fr": "Garder au frais.", "reason": "spec"}
    decided = _decide(report, {"sticker": [{"field": "origin", "action": "approve"}, edit]})
    assert decided.version == 2 and decided.kind == "review" and decided.relabel is not None
    origin, storage = decided.relabel.fields["origin"], decided.relabel.fields["storage"]
    assert (origin.state, origin.decided_by, origin.decision_reason) == (
        "approved",
        "ana@example.com",
        "approved as proposed",
    )
    assert (storage.state, storage.machine_made, storage.en) == ("edited", False, "Keep cool.")
    assert "Garder au frais." in decided.relabel.sticker_panels["sticker"]
    assert any("storage was edited by ana@example.com" in u for u in decided.relabel.unsettled)
    assert report.relabel is not None and report.relabel.fields["storage"].state == "proposed"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"sticker": [{"field": "storage", "action": "edit", "en": "a", "fr": "b"}]}, "needs a reason"),
        ({"sticker": [{"field": "storage", "action": "edit", "en": "a", "reason": "r"}]}, "both English and French"),
        ({"sticker": [{"field": "origin", "action": "approve"}, {"field": "origin", "action": "approve"}]}, "twice"),
        ({}, "no decision"),
    ],
)
def test_a_malformed_sticker_decision_is_refused_before_anything(body: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        DecisionsRequest.model_validate({"base_version": 1, **body})


def test_an_unknown_field_is_refused_by_name(report: Report) -> None:
    with pytest.raises(ApiError) as refused:
        _decide(report, {"sticker": [{"field": "colour", "action": "approve"}]})
    assert refused.value.status == 422 and refused.value.code == "bad_sticker_decision"
    assert "colour" in refused.value.detail


def test_sticker_decisions_on_a_standard_report_are_refused(report: Report) -> None:
    standard = report.model_copy(update={"relabel": None, "mode": "check"})
    with pytest.raises(ApiError) as refused:
        _decide(standard, {"sticker": [{"field": "origin", "action": "approve"}]})
    assert refused.value.code == "no_sticker"
