"""The four functions' HTTP contracts, against real functions-framework servers and the emulators.

These are the shapes the workflow YAML is written against; a retried call must answer exactly what the first
one did, and an error must be a status the workflow's retry predicate reads correctly, with a reason.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from devstack.stack import LocalStack
from labeliq.models import JobStatus
from tests.cloud.helpers import group_docs, log_events, new_id, out_objects, sample

pytestmark = pytest.mark.emulator


def post(stack: LocalStack, function: str, body: Any, raw: bytes | None = None) -> requests.Response:
    url = stack.functions[function].url
    if raw is not None:
        return requests.post(url, data=raw, headers={"Content-Type": "application/json"}, timeout=60)
    return requests.post(url, json=body, timeout=60)


def job_status(stack: LocalStack, job_id: str) -> tuple[JobStatus | None, str | None]:
    job = stack.client.job_store().get_job(job_id)
    return (job.status, job.error) if job is not None else (None, None)


@pytest.mark.parametrize(
    ("function", "extra"),
    [
        ("extract", {}),
        ("run_agent_group", {"group": "identity"}),
        ("assemble_report", {}),
        ("render_docx", {"version": 1}),
    ],
)
@pytest.mark.parametrize("bad_id", ["../etc", "a/b", "", "x" * 65, "-leading-dash"])
def test_an_unsafe_job_id_is_refused_with_400_and_stores_nothing(
    stack: LocalStack, function: str, extra: dict[str, Any], bad_id: str
) -> None:
    response = post(stack, function, {"job_id": bad_id, "execution_id": "e1", **extra})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert "job_id" in error["message"]
    if bad_id:
        assert stack.client.job_store().get_job(bad_id.replace("/", "_")) is None


@pytest.mark.parametrize("function", ["extract", "run_agent_group", "assemble_report", "render_docx"])
def test_a_body_that_is_not_a_json_object_is_400(stack: LocalStack, function: str) -> None:
    assert post(stack, function, None, raw=b"not json").status_code == 400
    assert post(stack, function, ["a list"]).status_code == 400


def test_unknown_keys_are_refused(stack: LocalStack) -> None:
    response = post(stack, "extract", {"job_id": new_id(), "execution_id": "e", "jobid": "typo"})
    assert response.status_code == 400
    assert "jobid" in response.json()["error"]["message"]


def test_extract_of_a_job_without_manifest_is_404_and_the_job_is_failed_with_the_reason(stack: LocalStack) -> None:
    job_id = new_id("nomanifest")
    response = post(stack, "extract", {"job_id": job_id, "execution_id": "e1"})
    assert response.status_code == 404
    assert f"incoming/{job_id}/job.json does not exist" in response.json()["error"]["message"]
    status, error = job_status(stack, job_id)
    assert status == JobStatus.FAILED
    assert error is not None and "manifest" in error and "does not exist" in error


def test_run_agent_group_of_an_unknown_job_is_404(stack: LocalStack) -> None:
    response = post(stack, "run_agent_group", {"job_id": new_id("ghost"), "execution_id": "e", "group": "tables"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_job"


def test_the_four_steps_answer_ids_and_uris_and_repeat_the_same_answer(stack: LocalStack) -> None:
    panels, context = sample("soup-nutrition-faults")
    job_id = new_id("contract")
    stack.client.upload_job(job_id, panels, context)
    out = stack.config.output_bucket

    first = post(stack, "extract", {"job_id": job_id, "execution_id": "e1"})
    assert first.status_code == 200, first.text
    assert first.json() == {"job_id": job_id, "status": "EXTRACTED", "facts_uri": f"gs://{out}/facts/{job_id}.json"}
    assert post(stack, "extract", {"job_id": job_id, "execution_id": "e2"}).json() == first.json()
    assert job_status(stack, job_id)[0] == JobStatus.EXTRACTED

    for group in ("identity", "content", "tables"):
        body = {"job_id": job_id, "execution_id": "e1", "group": group}
        answer = post(stack, "run_agent_group", body)
        assert answer.status_code == 200, answer.text
        assert answer.json() == {
            "job_id": job_id,
            "group": group,
            "status": "DONE",
            "result_uri": f"firestore://jobs/{job_id}/groups/{group}",
        }
        assert post(stack, "run_agent_group", body).json() == answer.json()
    assert group_docs(stack, job_id) == ["content", "identity", "tables"]
    assert job_status(stack, job_id)[0] == JobStatus.CHECKING

    assembled = post(stack, "assemble_report", {"job_id": job_id, "execution_id": "e1", "group_errors": {}})
    assert assembled.status_code == 200, assembled.text
    assert assembled.json() == {
        "job_id": job_id,
        "status": "ASSEMBLED",
        "version": 1,
        "report_uri": f"gs://{out}/reports/{job_id}/v1.json",
    }
    again = post(stack, "assemble_report", {"job_id": job_id, "execution_id": "e9", "group_errors": {}})
    assert again.json() == assembled.json()  # a second delivery gets version 1 again, not version 2

    rendered = post(stack, "render_docx", {"job_id": job_id, "execution_id": "e1", "version": 1})
    assert rendered.status_code == 200, rendered.text
    assert rendered.json() == {
        "job_id": job_id,
        "status": "DONE",
        "version": 1,
        "docx_uri": f"gs://{out}/reports/{job_id}/v1.docx",
    }
    assert post(stack, "render_docx", {"job_id": job_id, "execution_id": "e2", "version": 1}).json() == rendered.json()
    assert job_status(stack, job_id)[0] == JobStatus.DONE
    assert out_objects(stack, job_id) == [
        f"facts/{job_id}.json",
        f"reports/{job_id}/v1.docx",
        f"reports/{job_id}/v1.json",
    ]

    report = json.loads(stack.client.storage_client().bucket(out).blob(f"reports/{job_id}/v1.json").download_as_bytes())
    assert report["job_id"] == job_id and report["version"] == 1
    assert report["summary"]["failing_rules"], "the soup sample has known faults"
    # No work was done twice: no create-only write ever met an existing object or document.
    assert not [e for e in log_events(stack, job_id) if e.get("event") in ("object_exists", "group_exists")]


def test_a_group_error_becomes_visible_could_not_run_findings(stack: LocalStack) -> None:
    panels, context = sample("granola-compliant")
    job_id = new_id("grouperr")
    stack.client.upload_job(job_id, panels, context)
    assert post(stack, "extract", {"job_id": job_id, "execution_id": "e"}).status_code == 200
    for group in ("identity", "content"):
        assert post(stack, "run_agent_group", {"job_id": job_id, "execution_id": "e", "group": group}).ok
    reason = {
        "code": 503,
        "message": "HTTP server responded with error code 503",
        "body": {"error": {"message": "boom"}},
    }
    answer = post(stack, "assemble_report", {"job_id": job_id, "execution_id": "e", "group_errors": {"tables": reason}})
    assert answer.status_code == 200, answer.text
    blob = stack.client.storage_client().bucket(stack.config.output_bucket).blob(f"reports/{job_id}/v1.json")
    report = json.loads(blob.download_as_bytes())
    errors = report["summary"]["checker_errors"]
    assert errors, "the failed tables group must show up as checkers that could not run"
    assert all(report["results"][name]["group"] == "tables" for name in errors)
    assert any("boom" in (report["results"][name]["error"] or "") for name in errors)


def test_a_recorded_failure_is_forward_only_and_keeps_the_first_reason(stack: LocalStack) -> None:
    panels, context = sample()
    job_id = new_id("failure")
    stack.client.upload_job(job_id, panels, context)
    assert post(stack, "extract", {"job_id": job_id, "execution_id": "e"}).status_code == 200
    body = {"job_id": job_id, "execution_id": "e", "failure": {"step": "check_groups", "reason": "all branches died"}}
    first = post(stack, "assemble_report", body)
    assert first.status_code == 200 and first.json() == {"job_id": job_id, "status": "FAILED"}
    body["failure"] = {"step": "render", "reason": "second reason"}
    assert post(stack, "assemble_report", body).json() == {"job_id": job_id, "status": "FAILED"}
    assert job_status(stack, job_id) == (JobStatus.FAILED, "check_groups failed: all branches died")
    # A failed job is not resurrected by a late group call: 409 with the recorded reason.
    late = post(stack, "run_agent_group", {"job_id": job_id, "execution_id": "e", "group": "content"})
    assert late.status_code == 409 and "all branches died" in late.json()["error"]["message"]


def test_render_of_a_version_that_does_not_exist_is_404_and_fails_the_job(stack: LocalStack) -> None:
    panels, context = sample()
    job_id = new_id("norender")
    stack.client.upload_job(job_id, panels, context)
    assert post(stack, "extract", {"job_id": job_id, "execution_id": "e"}).status_code == 200
    answer = post(stack, "render_docx", {"job_id": job_id, "execution_id": "e", "version": 7})
    assert answer.status_code == 404
    assert "v7.json" in answer.json()["error"]["message"]
    assert job_status(stack, job_id)[0] == JobStatus.FAILED
