"""The job page of a relabel job: the proposed sticker with each field's source text, machine-made mark and state,
Approve / Edit controls for a reviewer on the latest version only; and the new-check form's mode switch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import flask
import pytest

from labeliq.label_files import load_inputs
from labeliq.models import ProductContext
from labeliq.relabel.decisions import FieldDecision, apply_decision
from labeliq.relabel.job import relabel_report
from labeliq.relabel.translate import GlossaryTranslator
from labeliq.web import serve
from labeliq.web.sticker_view import build_sticker_view
from tests.web.fake_api import FakeApi

SAUCE = Path(__file__).resolve().parents[2] / "samples-relabel" / "italian-sauce"
ALICE = {"X-Test-User": "alice@example.com"}


@pytest.fixture(scope="module")
def sauce_report() -> dict[str, Any]:
    from labeliq.config import load_settings

    context = ProductContext.model_validate_json((SAUCE / "context.json").read_text("utf-8"))
    inputs = load_inputs(sorted(SAUCE.glob("*.txt")), load_settings())
    report = relabel_report(inputs.panels, context, "job-1", GlossaryTranslator())
    assert report.relabel is not None
    decided = apply_decision(
        report.relabel, FieldDecision(field="origin", action="approve", author="bob@example.com", reason="checked")
    )
    data: dict[str, Any] = report.model_copy(update={"relabel": decided}).model_dump(mode="json")
    return data


@pytest.fixture
def fake_api(sauce_report: dict[str, Any]) -> FakeApi:
    return FakeApi(report=json.loads(json.dumps(sauce_report)))


@pytest.fixture
def page_client(fake_api: FakeApi) -> Iterator[flask.testing.FlaskClient]:
    app = flask.Flask("sticker-page-under-test", static_folder=None)

    @app.route("/", defaults={"path": ""})
    @app.route("/<path:path>")
    def page(path: str) -> flask.Response:
        return serve(flask.request, fake_api, email=flask.request.headers.get("X-Test-User", ""))

    with app.test_client() as client:
        yield client


def test_the_sticker_view_keeps_each_fields_source_machine_mark_and_state(sauce_report: dict[str, Any]) -> None:
    view = build_sticker_view(sauce_report)
    assert view is not None and view.source_language == "it"
    by_key = {f.key: f for f in view.fields}
    assert list(by_key)[:3] == ["common_name", "net_quantity", "ingredients"]
    assert by_key["common_name"].source_text.startswith("Salsa di pomodoro") and by_key["common_name"].needs_person
    assert by_key["imported_by"].machine_made is False and by_key["contains"].machine_made is True
    assert (by_key["origin"].state, by_key["origin"].decided_by) == ("approved", "bob@example.com")
    assert not by_key["may_contain"].approvable, "nothing proposed in both languages: edit only"
    assert view.counts["approved"] == 1
    assert build_sticker_view({"relabel": None}) is None


def test_a_reviewer_sees_the_sticker_with_approve_and_edit_for_each_field(page_client: Any) -> None:
    html = page_client.get("/jobs/job-1", headers=ALICE).get_data(as_text=True)
    assert '<h2 id="sticker-h">Proposed sticker</h2>' in html
    assert html.index('id="sticker-h"') < html.index('id="failing-h"'), "the sticker comes before the findings"
    assert '<span class="machine-mark">Machine-made</span>' in html and "State: Proposed" in html
    assert "State: Approved" in html and "Approved by bob@example.com" in html
    assert 'lang="it">Salsa di pomodoro con basilico' in html
    assert ">Approve Common name</button>" in html and ">Edit Ingredients</button>" in html
    assert ">Approve May contain</button>" not in html and ">Edit May contain</button>" in html
    assert '<label for="sticker-ingredients-why">Reason for editing Ingredients</label>' in html
    assert "/assets/js/sticker.js?v=" in html
    assert "Correct an extracted fact" not in html, "a relabel job's facts are the sticker's: decided, not corrected"


def test_no_sticker_controls_for_a_viewer_or_an_earlier_version(page_client: Any, fake_api: FakeApi) -> None:
    fake_api.members["val@example.com"] = "viewer"
    html = page_client.get("/jobs/job-1", headers={"X-Test-User": "val@example.com"}).get_data(as_text=True)
    assert "Proposed sticker" in html and ">Approve Common name</button>" not in html
    fake_api.reports[2] = fake_api.report | {"version": 2}
    fake_api.versions.append(fake_api._version(2, "review", 1, "bob@example.com"))
    earlier = page_client.get("/jobs/job-1?version=1", headers=ALICE).get_data(as_text=True)
    assert "Proposed sticker" in earlier and ">Edit Ingredients</button>" not in earlier


def test_the_new_check_form_has_a_labelled_mode_switch(page_client: Any) -> None:
    html = page_client.get("/projects/p1", headers=ALICE).get_data(as_text=True)
    assert "<legend>What to do with this label</legend>" in html
    assert '<input type="radio" id="mode-standard" name="mode" value="standard" checked>' in html
    assert '<label for="mode-standard">Check a Canadian label</label>' in html
    assert '<label for="mode-relabel">Relabel a foreign label</label>' in html
