"""Full runs of workflows/label_compliance.yaml on our runner against fake functions on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from devstack.wf_stdlib import RecordingSleeper
from devstack.workflow_runner import WorkflowError, run_workflow
from tests.workflows.fake_functions import FakeFunctions

WORKFLOW = Path(__file__).resolve().parents[2] / "workflows" / "label_compliance.yaml"
EXECUTION_ID = "exec-test-1"
GROUPS = ["content", "identity", "tables"]


def storage_event(name: str, bucket: str = "labeliq-in") -> dict[str, Any]:
    """The CloudEvent Eventarc passes as the execution argument for an object finalized in Cloud Storage."""
    return {
        "specversion": "1.0",
        "id": "8571201853716352",
        "source": f"//storage.googleapis.com/projects/_/buckets/{bucket}",
        "type": "google.cloud.storage.object.v1.finalized",
        "subject": f"objects/{name}",
        "time": "2026-11-24T00:00:00.000Z",
        "datacontenttype": "application/json",
        "data": {
            "bucket": bucket,
            "name": name,
            "generation": "1700000000000000",
            "contentType": "application/json",
            "size": "512",
        },
    }


def execute(
    functions: FakeFunctions, argument: Any, sleeper: RecordingSleeper | None = None, logs: list[Any] | None = None
) -> Any:
    env = {**functions.env, "GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID": EXECUTION_ID}
    return run_workflow(
        WORKFLOW,
        argument,
        env,
        sleeper=sleeper or RecordingSleeper(),
        log_sink=(logs.append if logs is not None else lambda r: None),
    )


def assert_complete_run(functions: FakeFunctions, job_id: str, result: Any) -> None:
    assert result == {
        "job_id": job_id,
        "status": "DONE",
        "report_uri": f"gs://out/reports/{job_id}/v1.json",
        "docx_uri": f"gs://out/reports/{job_id}/v1.docx",
    }
    assert functions.calls("extract") == [{"job_id": job_id, "execution_id": EXECUTION_ID}]
    groups = functions.calls("run_agent_group")
    assert sorted(c["group"] for c in groups) == GROUPS
    assert all(c["job_id"] == job_id and c["execution_id"] == EXECUTION_ID for c in groups)
    assert functions.calls("assemble_report") == [{"job_id": job_id, "execution_id": EXECUTION_ID, "group_errors": {}}]
    assert functions.calls("render_docx") == [{"job_id": job_id, "execution_id": EXECUTION_ID, "version": 1}]


def test_upload_event_of_a_manifest_runs_the_job(functions: FakeFunctions) -> None:
    result = execute(functions, storage_event("incoming/job-42/job.json"))
    assert_complete_run(functions, "job-42", result)


def test_calls_happen_in_order(functions: FakeFunctions) -> None:
    execute(functions, storage_event("incoming/job-7/job.json"))
    order = [r.function for r in functions.requests]
    assert order[0] == "extract"
    assert sorted(order[1:4]) == ["run_agent_group"] * 3
    assert order[4:] == ["assemble_report", "render_docx"]


def test_manual_run_with_a_job_id(functions: FakeFunctions) -> None:
    result = execute(functions, {"job_id": "manual-1"})
    assert_complete_run(functions, "manual-1", result)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("incoming/job-42/front.png", id="panel-image"),
        pytest.param("incoming/job-42/nested/job.json", id="manifest-too-deep"),
        pytest.param("outgoing/job-42/job.json", id="other-prefix"),
        pytest.param("incoming/job-42/job.json.tmp", id="temporary-file"),
        pytest.param("incoming//job.json", id="empty-job-id"),
    ],
)
def test_objects_that_are_not_a_manifest_are_ignored(functions: FakeFunctions, name: str) -> None:
    result = execute(functions, storage_event(name))
    assert result["status"] == "IGNORED"
    assert result["object"] == name
    assert functions.requests == []


def test_other_event_types_are_ignored(functions: FakeFunctions) -> None:
    event = storage_event("incoming/job-42/job.json")
    event["type"] = "google.cloud.storage.object.v1.deleted"
    assert execute(functions, event)["status"] == "IGNORED"
    assert functions.requests == []


@pytest.mark.parametrize(
    "argument",
    [
        pytest.param(None, id="no-argument"),
        pytest.param({"job_id": 12}, id="numeric-job-id"),
        pytest.param({"job_id": ""}, id="empty-job-id"),
    ],
)
def test_unusable_arguments_fail_before_any_call(functions: FakeFunctions, argument: Any) -> None:
    with pytest.raises(WorkflowError) as info:
        execute(functions, argument)
    assert info.value.error["tags"] == ["ValueError"]
    assert functions.requests == []


def test_missing_configuration_fails_before_any_call(functions: FakeFunctions) -> None:
    env = {k: v for k, v in functions.env.items() if k != "RENDER_DOCX_URL"}
    with pytest.raises(WorkflowError) as info:
        run_workflow(WORKFLOW, {"job_id": "j"}, env, sleeper=RecordingSleeper(), log_sink=lambda r: None)
    assert info.value.error["tags"] == ["ConfigurationError"]
    assert functions.requests == []


def test_a_transient_503_is_retried_with_backoff(functions: FakeFunctions) -> None:
    functions.fail("extract", 503, {"error": {"code": "UNAVAILABLE", "message": "Firestore contention"}})
    sleeper = RecordingSleeper()
    result = execute(functions, storage_event("incoming/job-9/job.json"), sleeper)
    assert result["status"] == "DONE"
    assert len(functions.calls("extract")) == 2
    assert sleeper.delays == [2]


def test_a_429_in_one_group_is_retried_and_the_job_completes(functions: FakeFunctions) -> None:
    functions.fail(
        "run_agent_group", 429, {"error": {"code": "RATE", "message": "LLM quota"}}, times=2, group="content"
    )
    sleeper = RecordingSleeper()
    result = execute(functions, {"job_id": "job-429"}, sleeper)
    assert result["status"] == "DONE"
    assert [c["group"] for c in functions.calls("run_agent_group")].count("content") == 3
    assert sleeper.delays == [2, 4]
    assert functions.calls("assemble_report")[0]["group_errors"] == {}


def test_a_permanent_400_is_not_retried_and_the_failure_is_recorded(functions: FakeFunctions) -> None:
    functions.fail("extract", 400, {"error": {"code": "INVALID_MANIFEST", "message": "job.json is not valid JSON"}})
    sleeper = RecordingSleeper()
    logs: list[dict[str, Any]] = []
    with pytest.raises(WorkflowError) as info:
        execute(functions, storage_event("incoming/job-bad/job.json"), sleeper, logs)
    assert len(functions.calls("extract")) == 1
    assert sleeper.delays == []
    assert functions.calls("run_agent_group") == []
    assert functions.calls("render_docx") == []
    assert functions.calls("assemble_report") == [
        {
            "job_id": "job-bad",
            "execution_id": EXECUTION_ID,
            "failure": {"step": "extract", "reason": "HTTP 400 - job.json is not valid JSON"},
        }
    ]
    error = info.value.error
    assert error["tags"] == ["JobFailed"]
    assert error["step"] == "extract"
    assert error["reason"] == "HTTP 400 - job.json is not valid JSON"
    assert error["cause"]["code"] == 400
    errors = [r for r in logs if r["severity"] == "ERROR"]
    assert errors and errors[0]["jsonPayload"]["job_id"] == "job-bad"


def test_transient_faults_that_outlast_the_retries_fail_the_job(functions: FakeFunctions) -> None:
    functions.fail("render_docx", 503, {"error": {"code": "UNAVAILABLE", "message": "storage 503"}}, times=6)
    sleeper = RecordingSleeper()
    with pytest.raises(WorkflowError) as info:
        execute(functions, {"job_id": "job-r"}, sleeper)
    assert len(functions.calls("render_docx")) == 6  # 1 + max_retries 5
    assert sleeper.delays == [2, 4, 8, 16, 32]
    assert info.value.error["step"] == "render"
    assert functions.calls("assemble_report")[-1]["failure"] == {"step": "render", "reason": "HTTP 503 - storage 503"}


def test_a_failed_group_is_caught_in_its_branch_and_passed_to_assemble(functions: FakeFunctions) -> None:
    functions.fail(
        "run_agent_group",
        422,
        {"error": {"code": "UNREADABLE", "message": "nutrition table unreadable"}},
        group="tables",
    )
    logs: list[dict[str, Any]] = []
    result = execute(functions, {"job_id": "job-g"}, logs=logs)
    assert result["status"] == "DONE"
    assert functions.calls("assemble_report") == [
        {
            "job_id": "job-g",
            "execution_id": EXECUTION_ID,
            "group_errors": {"tables": "HTTP 422 - nutrition table unreadable"},
        }
    ]
    logged = [r["jsonPayload"] for r in logs if r["severity"] == "ERROR"]
    assert [(entry["group"], entry["error"]["code"]) for entry in logged] == [("tables", 422)]


def test_every_group_failing_still_reaches_assemble_with_all_errors(functions: FakeFunctions) -> None:
    for group in ("identity", "content", "tables"):
        functions.fail("run_agent_group", 400, {"error": {"code": "BAD", "message": f"{group} broke"}}, group=group)
    execute(functions, {"job_id": "job-all"})
    assert functions.calls("assemble_report")[0]["group_errors"] == {
        "identity": "HTTP 400 - identity broke",
        "content": "HTTP 400 - content broke",
        "tables": "HTTP 400 - tables broke",
    }


def test_a_function_that_is_down_is_a_connection_failure_recorded_on_the_job(functions: FakeFunctions) -> None:
    env = {**functions.env, "EXTRACT_URL": "http://127.0.0.1:9/extract", "GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID": "e"}
    sleeper = RecordingSleeper()
    with pytest.raises(WorkflowError) as info:
        run_workflow(WORKFLOW, {"job_id": "job-down"}, env, sleeper=sleeper, log_sink=lambda r: None)
    assert sleeper.delays == [2, 4, 8, 16, 32]  # ConnectionFailedError is retried by the default predicate
    assert info.value.error["cause"]["tags"] == ["ConnectionFailedError"]
    assert functions.calls("assemble_report")[0]["failure"]["step"] == "extract"
