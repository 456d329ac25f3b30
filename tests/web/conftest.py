"""Fixtures for the page tests: a real report (the pipeline on a sample) served by a fake of the API contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import flask
import pytest

from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel, ProductContext
from labeliq.pipeline import check_label
from labeliq.web import serve
from tests.web.fake_api import FakeApi

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_report(name: str) -> dict[str, Any]:
    folder = SAMPLES / name
    panels = [
        Panel(name=p.stem, is_principal_display=p.stem.startswith("front"), text=p.read_text("utf-8"))
        for p in sorted(folder.glob("*.txt"))
    ]
    context = ProductContext.model_validate(json.loads((folder / "context.json").read_text("utf-8")))
    report = check_label(parse_label(panels), context, job_id="job-1")
    data: dict[str, Any] = report.model_dump(mode="json")
    return data


@pytest.fixture(scope="session")
def soup_report() -> dict[str, Any]:
    return sample_report("soup-nutrition-faults")


@pytest.fixture
def fake_api(soup_report: dict[str, Any]) -> FakeApi:
    return FakeApi(report=json.loads(json.dumps(soup_report)))


@pytest.fixture
def page_client(fake_api: FakeApi) -> Iterator[flask.testing.FlaskClient]:
    app = flask.Flask("pages-under-test", static_folder=None)

    @app.route("/", defaults={"path": ""})
    @app.route("/<path:path>")
    def page(path: str) -> flask.Response:
        return serve(flask.request, fake_api, email=flask.request.headers.get("X-Test-User", ""))

    with app.test_client() as client:
        yield client
