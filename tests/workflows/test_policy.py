"""The workflow YAML against the public Workflows JSON Schema and our production policy.

Policy (../shared/docs/architecture.md, "Workflows facts"; ../shared/docs/style.md): every http.* call has
`auth: {type: OIDC}` and an explicit `timeout` of at most 1800 s; every call of a function sits in a `try` with a
`retry`; every `except` logs with sys.log; URLs come from sys.get_env, never hard-coded; a parallel step sets
`concurrency_limit` and `shared`. The YAML says the call once (the subworkflow call_function, the only http.*
call); so the policy is checked on that call and on every call of call_function (URL, timeout, ids).

The JSON Schema is a copy of GoogleCloudPlatform/workflows-samples jsonschema/workflows.json (commit 127ed786,
Apache-2.0), kept beside this test so a plain clone checks it too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.terraform.hcl_model import load_terraform

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "workflows" / "label_compliance.yaml"
SCHEMA = Path(__file__).with_name("workflows.schema.json")
CALLER = "call_function"
FUNCTION_URL_ENV = {"EXTRACT_URL", "RUN_AGENT_GROUP_URL", "ASSEMBLE_REPORT_URL", "RENDER_DOCX_URL"}
URL_FROM_ENV = re.compile(r'^\$\{sys\.get_env\("([A-Z_]+)"\)\}$')


def load() -> dict[str, Any]:
    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def walk_steps(steps: list[Any], trail: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str, dict[str, Any]]]:
    """Every step with its ancestry: (('main', 'extract', 'try'), step_name, body)."""
    for item in steps:
        ((name, body),) = item.items()
        here = (*trail, name)
        yield trail, name, body
        if "try" in body:
            tried = body["try"]
            if "steps" in tried:
                yield from walk_steps(tried["steps"], (*here, "try"))
            else:
                yield (*here, "try"), name, tried
        if "except" in body:
            yield from walk_steps(body["except"]["steps"], (*here, "except"))
        if "steps" in body:
            yield from walk_steps(body["steps"], here)
        for cond in body.get("switch", []):
            if "steps" in cond:
                yield from walk_steps(cond["steps"], here)
        if "for" in body:
            yield from walk_steps(body["for"]["steps"], here)
        parallel = body.get("parallel", {})
        for branch in parallel.get("branches", []):
            ((bname, bbody),) = branch.items()
            yield from walk_steps(bbody["steps"], (*here, "branch", bname))
        if "for" in parallel:
            yield from walk_steps(parallel["for"]["steps"], (*here, "for"))


def all_steps() -> list[tuple[tuple[str, ...], str, dict[str, Any]]]:
    return [step for sub, spec in load().items() for step in walk_steps(spec["steps"], (sub,))]


def http_calls() -> list[tuple[tuple[str, ...], str, dict[str, Any]]]:
    return [s for s in all_steps() if str(s[2].get("call", "")).startswith("http.")]


def tries_with_retry(document: dict[str, Any]) -> set[tuple[str, ...]]:
    """Trails of `try` blocks that have a retry policy."""
    found: set[tuple[str, ...]] = set()
    for trail, name, body in all_steps():
        if "try" in body and "retry" in body:
            found.add((*trail, name, "try"))
    return found


def function_calls() -> list[tuple[tuple[str, ...], str, dict[str, Any]]]:
    """Every call of the subworkflow that calls a function."""
    return [s for s in all_steps() if s[2].get("call") == CALLER]


def test_validates_against_the_workflows_json_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(load()))
    assert errors == [], [e.message for e in errors]


def test_the_policy_walker_sees_every_function_call() -> None:
    # Guards the other tests against a walker that silently finds nothing: extract, the group loop, assemble,
    # render and the failure record go through call_function, which holds the one http.post.
    assert len(function_calls()) == 5
    assert [(trail, name) for trail, name, _ in http_calls()] == [((CALLER, "post", "try"), "post")]


def test_the_http_call_has_oidc_and_a_bounded_timeout() -> None:
    ((_, _, call),) = http_calls()
    assert call["call"] == "http.post"
    assert call["args"]["auth"] == {"type": "OIDC"}
    assert call["args"]["url"] == "${url}"
    assert call["args"]["body"] == "${body}"
    timeout = call["args"].get("timeout")
    assert isinstance(timeout, int) and 0 < timeout <= 1800  # 1800 s is the documented maximum
    # The workflow waits as long as the slowest function may run; a faster one ends its own request first.
    functions = load_terraform().variables["functions"]["default"]
    assert timeout == max(f["timeout_s"] for f in functions.values())
    assert load()[CALLER]["params"] == ["url", "step", "fail_job_on_error", "body"]  # every caller says each


def test_every_function_call_is_inside_a_try_with_retry() -> None:
    ((trail, _, _),) = http_calls()
    protected = tries_with_retry(load())
    assert any(trail[: len(t)] == t for t in protected), f"{'/'.join(trail)} is not inside try/retry"
    retry_steps = [b for tr, n, b in all_steps() if (*tr, n, "try") == trail]
    assert retry_steps, "the call must be the body of a try step"
    retry = retry_steps[0]["retry"]
    assert isinstance(retry, dict)
    assert retry["predicate"] in (
        "${http.default_retry_predicate}",
        "${http.default_retry_predicate_non_idempotent}",
    )
    assert retry["max_retries"] >= 1
    assert set(retry["backoff"]) == {"initial_delay", "max_delay", "multiplier"}


@pytest.mark.parametrize("call", function_calls(), ids=lambda c: "/".join((*c[0], c[1])))
def test_function_urls_come_from_the_environment(call: tuple[tuple[str, ...], str, dict[str, Any]]) -> None:
    url = call[2]["args"]["url"]
    match = URL_FROM_ENV.match(url)
    assert match and match.group(1) in FUNCTION_URL_ENV, url


@pytest.mark.parametrize("call", function_calls(), ids=lambda c: "/".join((*c[0], c[1])))
def test_every_function_gets_the_execution_id(call: tuple[tuple[str, ...], str, dict[str, Any]]) -> None:
    body = call[2]["args"]["body"]
    assert body["execution_id"] == "${execution_id}"
    assert body["job_id"] == "${job_id}"


def test_no_hard_coded_urls_anywhere() -> None:
    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield str(k)
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    assert [s for s in strings(load()) if re.search(r"[a-z]+://", s)] == []


def test_every_except_logs_with_sys_log() -> None:
    excepts = [(trail, name, body["except"]) for trail, name, body in all_steps() if "except" in body]
    assert excepts
    for trail, name, handler in excepts:
        calls = [next(iter(s.values())).get("call") for s in handler["steps"]]
        assert "sys.log" in calls, f"except of {'/'.join((*trail, name))} does not log"
        assert "as" in handler


def test_parallel_steps_bound_concurrency_and_share_only_what_they_write() -> None:
    parallels = [(name, body["parallel"]) for _, name, body in all_steps() if "parallel" in body]
    assert [name for name, _ in parallels] == ["check_groups"]
    for _, spec in parallels:
        assert isinstance(spec.get("concurrency_limit"), int) and spec["concurrency_limit"] >= 1
        assert spec["shared"] == ["group_errors"]
        assert spec["for"]["in"] == ["identity", "content", "tables"]


def test_failures_are_logged_at_error_severity() -> None:
    logs = [body for _, _, body in all_steps() if body.get("call") == "sys.log"]
    assert logs and all(b["args"]["severity"] == "ERROR" for b in logs)
