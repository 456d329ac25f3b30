"""Relabel mode through the jobs API on the local stack: `mode=relabel` chosen at upload, the sticker in the
report, each field approved or edited through the decisions (a new version each time, the base untouched, the
reviewer as author, a reason for every edit), and a relabel job refused at creation when translation is not
configured, before anything is stored."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from docx import Document

from devstack.function_servers import FunctionServer
from devstack.iap_proxy import LocalIapProxy
from devstack.stack import LocalStack
from devstack.workspace_stack import API_AUDIENCE
from tests.api.client import REPO, ApiClient
from tests.conftest import API_ENV

pytestmark = [pytest.mark.emulator, pytest.mark.slow]

MakeClient = Callable[[str], ApiClient]
SAMPLE = REPO / "samples-relabel" / "italian-sauce"


def _email(role: str) -> str:
    return f"{role}-{uuid.uuid4().hex[:8]}@example.com"


def _sample() -> tuple[dict[str, bytes], dict[str, Any]]:
    context = json.loads((SAMPLE / "context.json").read_text(encoding="utf-8"))
    return {p.name: p.read_bytes() for p in sorted(SAMPLE.glob("*.txt"))}, context


class RelabelFlow:
    def __init__(self, as_user: MakeClient) -> None:
        self.reviewer_email = _email("rev")
        self.owner = as_user(_email("owner"))
        self.reviewer = as_user(self.reviewer_email)
        self.project_id = self.owner.project("Imports", **{self.reviewer_email: "reviewer"})
        panels, context = _sample()
        created = self.owner.upload(self.project_id, panels, context, mode="relabel")
        assert created.status_code == 202, created.text
        self.job_id: str = created.json()["job_id"]
        self.final = self.owner.wait_done(self.job_id)

    def report(self, version: int) -> dict[str, Any]:
        response = self.owner.get(f"/api/v1/jobs/{self.job_id}/report", params={"version": version})
        assert response.status_code == 200, response.text
        report: dict[str, Any] = response.json()
        return report

    def decide(self, client: ApiClient, base: int, sticker: list[dict[str, Any]]) -> Any:
        return client.post(f"/api/v1/jobs/{self.job_id}/decisions", json={"base_version": base, "sticker": sticker})


@pytest.fixture(scope="module")
def relabel(as_user: MakeClient) -> RelabelFlow:
    return RelabelFlow(as_user)


def test_a_relabel_upload_runs_to_done_with_the_sticker_in_its_report(relabel: RelabelFlow) -> None:
    assert relabel.final["status"] == "DONE", relabel.final
    assert relabel.final["mode"] == "relabel"
    report = relabel.report(1)
    assert report["mode"] == "relabel" and report["relabel"]["source_language"] == "it"
    assert {f["state"] for f in report["relabel"]["fields"].values()} == {"proposed"}


def test_sticker_fields_are_approved_and_edited_as_new_versions_by_the_signed_in_reviewer(
    relabel: RelabelFlow,
) -> None:
    before = relabel.report(1)["relabel"]["fields"]
    edited_en = "Ingredients: Tomatoes (62%), Tomato paste, Basil (3%), Sunflower oil, Onions, Salt."
    edited_fr = "Ingrédients : Tomates (62 %), Pâte de tomates, Basilic (3 %), Huile de tournesol, Oignons, Sel."
    answer = relabel.decide(
        relabel.reviewer,
        1,
        [
            {"field": "common_name", "action": "approve"},
            {"field": "ingredients", "action": "edit", "en": edited_en, "fr": edited_fr, "reason": "supplier spec"},
        ],
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["n"] == 2 and answer.json()["kind"] == "review"
    fields = relabel.report(2)["relabel"]["fields"]
    assert fields["common_name"]["state"] == "approved" and fields["common_name"]["en"] == before["common_name"]["en"]
    assert fields["common_name"]["decided_by"] == relabel.reviewer_email
    ingredients = fields["ingredients"]
    assert (ingredients["state"], ingredients["machine_made"], ingredients["en"]) == ("edited", False, edited_en)
    assert (ingredients["decided_by"], ingredients["decision_reason"]) == (relabel.reviewer_email, "supplier spec")
    assert edited_fr in relabel.report(2)["relabel"]["sticker_panels"]["sticker"], "the sticker is drawn again"
    checked = relabel.report(2)["label_facts"]["ingredients"][0]["text"]
    assert "Sunflower oil" in checked, "the edited sticker is checked again: its facts are the version's"
    assert relabel.report(1)["relabel"]["fields"] == before, "version 1 is never rewritten"
    docx = relabel.owner.get(f"/api/v1/jobs/{relabel.job_id}/report.docx", params={"version": 2})
    cells = [c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells]
    assert any(edited_en in c for c in cells), "the new version's DOCX shows the edit"

    # an edit with no reason, an unknown field, or a stale base: refused by name, no version made
    no_reason = relabel.decide(relabel.reviewer, 2, [{"field": "storage", "action": "edit", "en": "a", "fr": "b"}])
    assert no_reason.status_code == 422 and "needs a reason" in no_reason.text
    unknown = relabel.decide(relabel.reviewer, 2, [{"field": "colour", "action": "approve"}])
    assert unknown.status_code == 422 and "colour" in unknown.json()["detail"]
    stale = relabel.decide(relabel.owner, 1, [{"field": "storage", "action": "approve"}])
    assert stale.status_code == 409 and stale.json()["error"] == "stale_base_version"
    correction = {"path": "net_quantity.0.text", "value": "Net 400 g / Net 400 g", "reason": "typo"}
    facts = relabel.reviewer.post(
        f"/api/v1/jobs/{relabel.job_id}/facts", json={"base_version": 2, "corrections": [correction]}
    )
    assert facts.status_code == 422 and facts.json()["error"] == "relabel_facts", facts.text
    versions = relabel.owner.get(f"/api/v1/jobs/{relabel.job_id}/versions").json()["versions"]
    assert [v["n"] for v in versions] == [1, 2]


def test_an_unknown_mode_is_refused(as_user: MakeClient) -> None:
    owner = as_user(_email("owner"))
    panels, context = _sample()
    answer = owner.upload(owner.project("Imports"), panels, context, mode="translate")
    assert answer.status_code == 422 and answer.json()["error"] == "bad_mode"
    assert "standard, relabel" in answer.json()["detail"]


@pytest.fixture(scope="module")
def untranslated_api(api_stack: LocalStack) -> Iterator[ApiClient]:
    """A second API process on the same stack whose translation is not configured (LLM chosen, no credentials)."""
    workspace = api_stack.workspace
    assert workspace.issuer is not None
    env = {k: v for k, v in api_stack.function_env().items() if not k.startswith("LABELIQ_LLM_")}
    env = workspace.api_env(env, API_ENV) | {"LABELIQ_TRANSLATOR": "llm"}
    log_dir = api_stack.config.log_dir / "untranslated"
    log_dir.mkdir(exist_ok=True)
    server = FunctionServer("api", log_dir, env, source=REPO / "functions" / "api" / "main.py")
    server.start()
    proxy = None
    try:
        server.wait_ready()
        proxy = LocalIapProxy(workspace.issuer, server.url, API_AUDIENCE).start()
        yield ApiClient(proxy.url, workspace.issuer.user_token(_email("owner")))
    finally:
        if proxy is not None:
            proxy.stop()
        server.stop()


def test_a_relabel_job_whose_translation_is_not_configured_is_refused_at_creation(
    untranslated_api: ApiClient, api_stack: LocalStack
) -> None:
    project = untranslated_api.project("Imports")
    panels, context = _sample()
    answer = untranslated_api.upload(project, panels, context, mode="relabel")
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["error"] == "translation_not_configured"
    assert "LABELIQ_TRANSLATOR=llm" in body["detail"] and "LABELIQ_LLM_API_KEY" in body["detail"]
    jobs = untranslated_api.get(f"/api/v1/projects/{project}/jobs").json()["jobs"]
    assert jobs == [], "nothing was stored: no job, no panel, no manifest"
    standard = untranslated_api.upload(project, panels, context)
    assert standard.status_code == 202, "a standard check needs no translation"
