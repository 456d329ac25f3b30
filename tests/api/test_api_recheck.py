"""A reviewer's fact correction re-runs the checks through the workflow into a recheck version; deleting a project
removes its jobs, documents and objects, and is refused while a job runs."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from devstack.stack import LocalStack
from tests.api.client import ApiClient, sample

pytestmark = [pytest.mark.emulator, pytest.mark.slow]
MakeClient = Callable[[str], ApiClient]


def _wait_version(client: ApiClient, job_id: str, n: int, timeout_s: float = 240.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        versions = client.get(f"/api/v1/jobs/{job_id}/versions").json()["versions"]
        version: dict[str, Any] = next(v for v in versions if v["n"] == n)
        if version["state"] != "running":
            return version
        assert time.monotonic() < deadline, f"version {n} still running"
        time.sleep(0.5)


def test_a_fact_correction_gives_a_recheck_version(api_stack: LocalStack, as_user: MakeClient) -> None:
    email = f"fixer-{uuid.uuid4().hex[:8]}@example.com"
    client = as_user(email)
    project_id = client.project("Crackers")
    panels, context = sample("crackers-date-allergen-faults")
    job_id = client.upload(project_id, panels, context).json()["job_id"]
    assert client.wait_done(job_id)["status"] == "DONE"
    v1 = client.get(f"/api/v1/jobs/{job_id}/report?version=1")
    facts = v1.json()["label_facts"]
    assert facts["net_quantity"], "the sample has a net quantity to correct"
    corrected = "Net 200 g / Net 200 g"
    body = {
        "base_version": 1,
        "corrections": [{"path": "net_quantity.0.text", "value": corrected, "reason": "OCR read 2OO g"}],
    }
    started = client.post(f"/api/v1/jobs/{job_id}/facts", json=body)
    assert started.status_code == 202, started.text
    assert started.json()["kind"] == "recheck" and started.json()["state"] == "running"
    run_id = started.json()["recheck_job"]
    stale = client.post(
        f"/api/v1/jobs/{job_id}/decisions",
        json={"base_version": 1, "decisions": [{"finding_id": "x", "action": "accept"}]},
    )
    assert stale.status_code == 409  # the recheck is now the latest version

    version = _wait_version(client, job_id, 2)
    assert version["state"] == "ready", version
    report = client.get(f"/api/v1/jobs/{job_id}/report?version=2").json()
    assert report["kind"] == "recheck" and report["base_version"] == 1 and report["version"] == 2
    assert report["job_id"] == job_id
    assert report["label_facts"]["net_quantity"][0]["text"] == corrected
    assert report["fact_corrections"][0]["by"] == email and report["fact_corrections"][0]["previous"]
    noted = [f for r in report["results"].values() for f in r["findings"] if f["corrected_facts"]]
    assert noted and all(f["corrected_facts"][0]["by"] == email for f in noted)
    assert client.get(f"/api/v1/jobs/{job_id}/report.docx?version=2").status_code == 200
    assert client.get(f"/api/v1/jobs/{job_id}/report?version=1").content == v1.content
    # The run went through the workflow (its own job, steps claimed by the functions), not inline in the API.
    steps = api_stack.client.job_store().list_steps(run_id)
    assert {"extract", "group:identity", "group:content", "group:tables", "assemble"} <= set(steps)


def test_a_bad_correction_is_refused_and_burns_no_version(as_user: MakeClient) -> None:
    client = as_user(f"typo-{uuid.uuid4().hex[:8]}@example.com")
    project_id = client.project("Soup")
    panels, context = sample("soup-nutrition-faults")
    job_id = client.upload(project_id, panels, context).json()["job_id"]
    assert client.wait_done(job_id)["status"] == "DONE"
    for path, value in (("no_such_field", "x"), ("net_quantity.99.text", "x"), ("nutrition_facts.calories", "lots")):
        body = {"base_version": 1, "corrections": [{"path": path, "value": value, "reason": "test"}]}
        response = client.post(f"/api/v1/jobs/{job_id}/facts", json=body)
        assert response.status_code == 422, (path, response.text)
    assert [v["n"] for v in client.get(f"/api/v1/jobs/{job_id}/versions").json()["versions"]] == [1]

    # Deleting while nothing runs removes everything of the project.
    deleted = client.request("DELETE", f"/api/v1/projects/{project_id}")
    assert deleted.status_code == 200, deleted.text
    assert client.get(f"/api/v1/projects/{project_id}").status_code == 404
    assert client.get(f"/api/v1/jobs/{job_id}").status_code == 404


def test_deleting_a_project_removes_its_jobs_or_says_why_not(api_stack: LocalStack, as_user: MakeClient) -> None:
    client = as_user(f"tidy-{uuid.uuid4().hex[:8]}@example.com")
    project_id = client.project("Pita")
    panels, context = sample("pita-halal-side-by-side")
    job_id = client.upload(project_id, panels, context).json()["job_id"]
    refused = client.request("DELETE", f"/api/v1/projects/{project_id}")
    assert refused.status_code == 409 and job_id in refused.json()["detail"], refused.text
    assert client.get(f"/api/v1/projects/{project_id}").status_code == 200  # nothing was deleted
    assert client.wait_done(job_id)["status"] == "DONE"
    deleted = client.request("DELETE", f"/api/v1/projects/{project_id}")
    assert deleted.status_code == 200 and deleted.json()["jobs"] == 1
    storage = api_stack.client.storage_client()
    leftovers = [
        b.name
        for bucket in (api_stack.config.input_bucket, api_stack.config.output_bucket)
        for b in storage.list_blobs(bucket)
        if job_id in b.name
    ]
    assert leftovers == []
    assert api_stack.client.job_store().get_job(job_id) is None
    assert client.get(f"/api/v1/jobs/{job_id}").status_code == 404
    assert client.upload(project_id, panels, context).status_code == 404  # no uploads into a deleted project
