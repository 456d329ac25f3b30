"""Sticker decisions applied to a relabel report as the API applies them: the new version's field states, the
author from the caller, the sticker drawn again, an edited sticker checked again (its findings judge the edit), and
refusals that name the field."""

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
    assert "Garder au frais." in decided.label_facts.panels[-1].text, "the new version judges the edited sticker"
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


def _rule_verdicts(report: Report) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for result in report.results.values():
        for finding in result.findings:
            out.setdefault(finding.rule, set()).add(finding.verdict.value)
    return out


WHEAT_EN = "Ingredients: Tomato pulp, Wheat flour, Onions, Cheese (milk, salt, rennet, lysozyme (egg)), Basil, Salt."
WHEAT_FR = (
    "Ingrédients : Pulpe de tomate, Farine de blé, Oignons, Fromage (lait, sel, présure, lysozyme (œuf)), Basilic, Sel."
)


def test_an_edited_field_is_checked_again_so_the_new_version_judges_the_edit(report: Report) -> None:
    """9.7: wheat added to the ingredients by an edit, with Contains left as "Eggs, Milk", is a fail of the new
    version (FDR B.01.010.1(8)), though the proposed sticker passed it; the base version keeps its findings."""
    assert "fail" not in _rule_verdicts(report).get("9.7", set()) and report.summary.verdict.value == "pass"
    edit = {"field": "ingredients", "action": "edit", "en": WHEAT_EN, "fr": WHEAT_FR, "reason": "supplier spec"}
    decided = _decide(report, {"sticker": [edit]})
    assert "fail" in _rule_verdicts(decided)["9.7"]
    assert "9.7" in decided.summary.failing_rules and decided.summary.verdict.value == "fail"
    assert decided.relabel is not None and decided.relabel.check is not None
    assert decided.relabel.check.failing_rules == ["9.7"], "the sticker check is the edited sticker's"
    assert "checker fail on the proposed sticker: rule 9.7" in decided.relabel.unsettled
    assert "Wheat flour" in decided.label_facts.ingredients[0].text, "the facts are the edited sticker's"
    assert not any("not the edited text" in u for u in decided.relabel.unsettled)
    assert report.summary.verdict.value == "pass" and "Wheat" not in report.label_facts.ingredients[0].text


def test_decisions_on_findings_carry_over_a_recheck_and_a_vanished_one_is_named(report: Report) -> None:
    findings = [f for result in report.results.values() for f in result.findings]
    ids = {f.rule: f.finding_id for f in findings}
    # the type of the English list, quoted as proposed: the edit changes the list, so that finding is a new one
    list_type = next(f.finding_id for f in findings if f.rule == "5.14" and f.evidence.startswith("Ingredients:"))
    ids["5.14"] = list_type
    kept = {"finding_id": ids["1.3"], "action": "override", "verdict": "pass", "reason": "type measured"}
    vanished = {"finding_id": list_type, "action": "override", "verdict": "pass", "reason": "type measured"}
    edit = {"field": "ingredients", "action": "edit", "en": WHEAT_EN, "fr": WHEAT_FR, "reason": "supplier spec"}
    decided = _decide(report, {"decisions": [kept, vanished], "sticker": [edit]})
    reviews = {f.finding_id: f.review for result in decided.results.values() for f in result.findings if f.review}
    assert ids["1.3"] in reviews and reviews[ids["1.3"]].verdict.value == "pass"
    assert decided.relabel is not None
    assert list_type not in reviews
    assert any(list_type in u and "no longer applies" in u for u in decided.relabel.unsettled)


def test_approvals_alone_keep_the_checked_findings(report: Report) -> None:
    decided = _decide(report, {"sticker": [{"field": "origin", "action": "approve"}]})
    assert decided.results == report.results and decided.label_facts == report.label_facts


def test_an_edited_nutrition_symbol_is_printed_and_checked_as_edited(report: Report) -> None:
    edit = {
        "field": "nutrition_symbol",
        "action": "edit",
        "en": "High in Sugars",
        "fr": "Élevé en sucres",
        "reason": "artwork",
    }
    decided = _decide(report, {"sticker": [edit]})
    assert decided.relabel is not None
    front = decided.relabel.sticker_panels["front"]
    assert "High in Sugars" in front and "Élevé en sucres" in front and "Sodium" not in front
    assert decided.label_facts.panels[0].text == front
