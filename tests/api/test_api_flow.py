"""The jobs API end to end on the local stack: upload through the real trigger, progress, versions, decisions,
sign-off, dedup, a recheck after a fact correction, and membership (a non-member gets 404 on every route)."""

from __future__ import annotations

import io
import json
import re
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from devstack.stack import LocalStack
from labeliq.api.routes import ROUTES
from labeliq.models import JOB_STATUS_ORDER, JobStatus
from tests.api.client import ApiClient, sample

pytestmark = [pytest.mark.emulator, pytest.mark.slow]

STEP_ORDER = {"pending": 0, "running": 1, "done": 2, "failed": 2}
MakeClient = Callable[[str], ApiClient]


def _email(role: str) -> str:
    return f"{role}-{uuid.uuid4().hex[:8]}@example.com"


class Flow:
    def __init__(self, as_user: MakeClient) -> None:
        self.owner_email, self.reviewer_email, self.viewer_email = _email("owner"), _email("rev"), _email("viewer")
        self.owner = as_user(self.owner_email)
        self.reviewer = as_user(self.reviewer_email)
        self.viewer = as_user(self.viewer_email)
        self.outsider = as_user(_email("outsider"))
        self.project_id = self.owner.project(**{self.reviewer_email: "reviewer", self.viewer_email: "viewer"})
        self.panels, self.context = sample("granola-compliant")
        created = self.owner.upload(self.project_id, self.panels, self.context)
        assert created.status_code == 202, created.text
        self.created = created.json()
        self.job_id: str = self.created["job_id"]
        self.seen: list[dict[str, Any]] = []
        self.final = self.owner.wait_done(self.job_id, seen=self.seen)


@pytest.fixture(scope="module")
def flow(as_user: MakeClient) -> Flow:
    return Flow(as_user)


def _findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for result in report["results"].values() for f in result["findings"]]


def test_the_upload_is_accepted_then_done_through_the_trigger(flow: Flow) -> None:
    assert flow.created["status"] == "QUEUED"
    assert flow.final["status"] == "DONE", flow.final
    assert flow.final["steps"] == dict.fromkeys(
        ("extract", "identity", "content", "tables", "assemble", "render"), "done"
    )
    assert [v["n"] for v in flow.final["versions"]] == [1]
    assert flow.final["versions"][0]["kind"] == "machine"


def test_status_and_steps_never_go_back(flow: Flow) -> None:
    for before, after in zip(flow.seen, flow.seen[1:], strict=False):
        assert JOB_STATUS_ORDER[JobStatus(after["status"])] >= JOB_STATUS_ORDER[JobStatus(before["status"])]
        for step, state in before["steps"].items():
            assert STEP_ORDER[after["steps"][step]] >= STEP_ORDER[state], (step, before, after)


def test_every_finding_has_a_stable_id(flow: Flow) -> None:
    report = flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report").json()
    ids = [f["finding_id"] for f in _findings(report)]
    assert all(ids) and len(set(ids)) == len(ids)
    again = flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report?version=1").json()
    assert [f["finding_id"] for f in _findings(again)] == ids


def test_panels_are_served_through_the_api(flow: Flow) -> None:
    response = flow.viewer.get(f"/api/v1/jobs/{flow.job_id}/panels/front.txt")
    assert response.status_code == 200
    assert response.content == flow.panels["front.txt"]
    assert flow.viewer.get(f"/api/v1/jobs/{flow.job_id}/panels/side.txt").status_code == 404


def test_viewers_cannot_decide_or_sign_off(flow: Flow) -> None:
    body = {"base_version": 1, "decisions": [{"finding_id": "x", "action": "accept"}]}
    for path, payload in (("decisions", body), ("sign-off", {}), ("facts", {"base_version": 1, "corrections": []})):
        response = flow.viewer.post(f"/api/v1/jobs/{flow.job_id}/{path}", json=payload)
        assert response.status_code == 403, (path, response.text)
        assert response.json()["error"] == "forbidden"


def test_two_reviewers_on_one_base_one_wins_and_v1_is_unchanged(flow: Flow) -> None:
    v1_json = flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report?version=1").content
    v1_docx = flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report.docx?version=1").content
    report = json.loads(v1_json)
    target = next(f for f in _findings(report) if f["verdict"] == "needs_review")
    answers: list[requests.Response] = []

    def decide(client: ApiClient, verdict: str) -> None:
        decision = {
            "finding_id": target["finding_id"],
            "action": "override",
            "verdict": verdict,
            "reason": f"checked on the artwork: {verdict}",
        }
        answers.append(
            client.post(f"/api/v1/jobs/{flow.job_id}/decisions", json={"base_version": 1, "decisions": [decision]})
        )

    threads = [
        threading.Thread(target=decide, args=(flow.owner, "pass")),
        threading.Thread(target=decide, args=(flow.reviewer, "fail")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
    won = next(a for a in answers if a.status_code == 201).json()
    lost = next(a for a in answers if a.status_code == 409).json()
    assert won["n"] == 2 and won["kind"] == "review" and won["base_version"] == 1
    assert lost["error"] == "stale_base_version" and lost["request_id"]

    v2 = flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report?version=2").json()
    decided = next(f for f in _findings(v2) if f["finding_id"] == target["finding_id"])
    assert decided["verdict"] == "needs_review"  # the machine's, kept
    assert decided["review"]["action"] == "override" and decided["review"]["reviewer"] in (
        flow.owner_email,
        flow.reviewer_email,
    )
    assert v2["kind"] == "review" and v2["base_version"] == 1

    import docx

    document = docx.Document(io.BytesIO(flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report.docx?version=2").content))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert decided["review"]["reason"] in text
    assert flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report?version=1").content == v1_json
    assert flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report.docx?version=1").content == v1_docx
    assert flow.owner.get(f"/api/v1/jobs/{flow.job_id}/report").json()["version"] == 2  # latest by default


def test_an_override_needs_a_reason_and_a_known_finding(flow: Flow) -> None:
    latest = flow.owner.get(f"/api/v1/jobs/{flow.job_id}/versions").json()["versions"][-1]["n"]
    no_reason = {
        "base_version": latest,
        "decisions": [{"finding_id": "1.2-x", "action": "override", "verdict": "pass"}],
    }
    response = flow.owner.post(f"/api/v1/jobs/{flow.job_id}/decisions", json=no_reason)
    assert response.status_code == 422 and "reason" in response.json()["detail"]
    unknown = {"base_version": latest, "decisions": [{"finding_id": "9.9-nope", "action": "accept"}]}
    response = flow.owner.post(f"/api/v1/jobs/{flow.job_id}/decisions", json=unknown)
    assert response.status_code == 422 and "9.9-nope" in response.json()["detail"]


def test_the_same_upload_returns_the_existing_job(flow: Flow) -> None:
    again = flow.reviewer.upload(flow.project_id, dict(reversed(list(flow.panels.items()))), flow.context)
    assert again.status_code == 200, again.text
    assert again.json()["job_id"] == flow.job_id and again.json()["deduplicated"] is True


def test_a_non_member_gets_404_on_every_route(flow: Flow, api_stack: LocalStack) -> None:
    values = {"project_id": flow.project_id, "job_id": flow.job_id, "name": "front.txt", "n": "1"}
    checked = 0
    for method, pattern, _ in ROUTES:
        if "(?P<" not in pattern:
            continue
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], pattern)
        response = flow.outsider.request(method, path, json={})
        assert response.status_code == 404, (method, path, response.status_code, response.text)
        assert response.json()["error"] == "not_found" and response.headers["X-Request-Id"]
        checked += 1
    assert checked >= 12
    upload = flow.outsider.upload(flow.project_id, flow.panels, flow.context)
    assert upload.status_code == 404
    assert flow.project_id not in {p["id"] for p in flow.outsider.get("/api/v1/projects").json()["projects"]}
    lists = flow.outsider.get(f"/api/v1/projects/{flow.project_id}/jobs")
    assert lists.status_code == 404


def test_sign_off_locks_the_job(flow: Flow) -> None:
    signed = flow.reviewer.post(f"/api/v1/jobs/{flow.job_id}/sign-off")
    assert signed.status_code == 200, signed.text
    latest = signed.json()["signed_off"]["version"]
    assert signed.json()["signed_off"]["by"] == flow.reviewer_email
    body = {"base_version": latest, "decisions": [{"finding_id": "x", "action": "accept"}]}
    after = flow.owner.post(f"/api/v1/jobs/{flow.job_id}/decisions", json=body)
    assert after.status_code == 409 and after.json()["error"] == "signed_off"
    assert flow.owner.post(f"/api/v1/jobs/{flow.job_id}/sign-off").status_code == 409
    assert flow.owner.get(f"/api/v1/jobs/{flow.job_id}").json()["signed_off"]["version"] == latest


def _docx_paragraphs(response: requests.Response) -> list[str]:
    import docx

    assert response.status_code == 200, response.text
    return [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]


def test_the_signed_off_word_report_says_by_whom_and_comes_in_french(flow: Flow) -> None:
    latest = flow.owner.get(f"/api/v1/jobs/{flow.job_id}").json()["signed_off"]["version"]
    path = f"/api/v1/jobs/{flow.job_id}/report.docx"
    english = _docx_paragraphs(flow.viewer.get(path, params={"version": latest}))
    assert any(p.startswith("Overall verdict:") and f"Signed off by {flow.reviewer_email} on " in p for p in english)
    french = flow.viewer.get(path, params={"version": latest, "language": "fr"})
    assert f"-v{latest}-fr.docx" in french.headers["Content-Disposition"]
    first = _docx_paragraphs(french)
    assert first[0].startswith("Rapport de conformité de l'étiquette")
    assert any(p.startswith("Verdict global :") and f"Approuvé par {flow.reviewer_email} le " in p for p in first)
    refused = flow.viewer.get(path, params={"language": "de"})
    assert refused.status_code == 400 and "language must be one of en, fr" in refused.json()["detail"]


def test_the_report_language_chosen_at_creation_is_the_workflows_docx_and_the_download_default(
    flow: Flow, api_stack: LocalStack
) -> None:
    import docx

    project = flow.owner.project("Soup line", **{flow.viewer_email: "viewer"})  # the flow's project keeps one job
    panels, context = sample("soup-nutrition-faults")
    refused = flow.owner.upload(project, panels, context, report_language="de")
    assert refused.status_code == 422 and refused.json()["error"] == "bad_report_language", refused.text
    assert "report_language 'de' is not one of en, fr" in refused.json()["detail"]
    created = flow.owner.upload(project, panels, context, report_language="fr")
    assert created.status_code == 202, created.text
    job_id = created.json()["job_id"]
    final = flow.owner.wait_done(job_id)
    assert final["status"] == "DONE" and final["report_language"] == "fr"
    stored = api_stack.client.storage_client().bucket(api_stack.config.output_bucket).blob(f"reports/{job_id}/v1.docx")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(stored.download_as_bytes())).paragraphs]
    assert paragraphs[0].startswith("Rapport de conformité de l'étiquette"), "the workflow rendered it in French"
    path = f"/api/v1/jobs/{job_id}/report.docx"
    default = flow.viewer.get(path)
    assert _docx_paragraphs(default)[0].startswith("Rapport de conformité de l'étiquette")
    assert f"{job_id}-v1-fr.docx" in default.headers["Content-Disposition"]
    english = flow.viewer.get(path, params={"language": "en"})
    assert not _docx_paragraphs(english)[0].startswith("Rapport"), "?language= still overrides"
    assert f"{job_id}-v1.docx" in english.headers["Content-Disposition"]


def test_jobs_are_listed_with_filters(flow: Flow) -> None:
    path = f"/api/v1/projects/{flow.project_id}/jobs"
    assert [j["job_id"] for j in flow.viewer.get(path, params={"status": "DONE"}).json()["jobs"]] == [flow.job_id]
    assert flow.viewer.get(path, params={"status": "FAILED"}).json()["jobs"] == []
    assert flow.viewer.get(path, params={"rule": "0.0"}).json()["jobs"] == []
    assert flow.viewer.get(path, params={"verdict": "maybe"}).status_code == 400


def test_a_duplicate_upload_event_changes_nothing(flow: Flow, api_stack: LocalStack) -> None:
    """Pub/Sub may deliver the manifest's notification again, late: the job keeps its one machine version."""
    import base64

    adapter = api_stack.workspace.adapter
    assert adapter is not None
    name = f"incoming/{flow.job_id}/job.json"
    blob = api_stack.client.storage_client().bucket(api_stack.config.input_bucket).get_blob(name)
    data = {
        "bucket": api_stack.config.input_bucket,
        "name": name,
        "generation": str(blob.generation),
        "size": str(blob.size),
        "contentType": "application/json",
    }
    message = {
        "data": base64.b64encode(json.dumps(data).encode()).decode(),
        "messageId": "dup-1",
        "attributes": {"eventType": "OBJECT_FINALIZE", "bucketId": data["bucket"], "objectId": name},
    }
    before = len(adapter.runs)
    for _ in range(2):
        assert requests.post(adapter.url, json={"message": message, "subscription": "s"}, timeout=30).status_code == 204
    for run in adapter.runs[before:]:
        run.join(timeout=120)
    view = flow.owner.get(f"/api/v1/jobs/{flow.job_id}").json()
    assert view["status"] == "DONE" and [v["kind"] for v in view["versions"]].count("machine") == 1
    outputs = [
        b.name
        for b in api_stack.client.storage_client().list_blobs(
            api_stack.config.output_bucket, prefix=f"reports/{flow.job_id}/v1"
        )
    ]
    assert sorted(outputs) == [f"reports/{flow.job_id}/v1.docx", f"reports/{flow.job_id}/v1.json"]


def test_dev_token_gives_a_token_the_proxy_accepts(api_stack: LocalStack, tmp_path: Any) -> None:
    import subprocess
    import sys

    stack_file = tmp_path / "stack.json"
    api_stack.client.save(stack_file)
    saved = json.loads(stack_file.read_text())
    assert saved["api_url"] == api_stack.client.api_url
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("labeliq")),
            "dev-token",
            "--user",
            "script@example.com",
            "--stack",
            str(stack_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    client = ApiClient(saved["api_url"], done.stdout.strip())
    assert client.get("/api/v1/projects").status_code == 200
    missing = subprocess.run(
        [
            str(Path(sys.executable).with_name("labeliq")),
            "dev-token",
            "--user",
            "a@example.com",
            "--stack",
            str(tmp_path / "no"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert missing.returncode == 2 and "make serve" in missing.stderr
