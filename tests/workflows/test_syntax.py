"""Steps, control flow, subworkflows, sys.*, and loud failure on anything the runner does not implement."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from devstack.wf_stdlib import RecordingSleeper
from devstack.workflow_runner import WorkflowDefinitionError, WorkflowError, run_workflow


def run(source: str, argument: Any = None, env: dict[str, str] | None = None, logs: list[Any] | None = None) -> Any:
    sink = logs.append if logs is not None else (lambda r: None)
    return run_workflow(textwrap.dedent(source), argument, env or {}, sleeper=RecordingSleeper(), log_sink=sink)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param(
            """
            - fetch:
                call: http.post
                args:
                  url: http://127.0.0.1:9/
                retry:
                  predicate: ${http.default_retry_predicate}
                  max_retries: 1
                  backoff:
                    initial_delay: 1
                    max_delay: 1
                    multiplier: 1
            """,
            r"step 'fetch': unsupported keyword 'retry' in a 'call' step",
            id="retry-without-try",
        ),
        pytest.param(
            """
            - wait:
                sleep: 5
            """,
            r"step 'wait': unsupported keyword 'sleep'",
            id="unknown-keyword",
        ),
        pytest.param(
            """
            - both:
                assign:
                  - x: 1
                return: ${x}
            """,
            r"step 'both': more than one action",
            id="two-actions",
        ),
        pytest.param(
            """
            - store:
                call: googleapis.firestore.v1.projects.databases.documents.get
                args:
                  name: x
            """,
            r"step 'store': call of unknown or unsupported function",
            id="connector-not-implemented",
        ),
        pytest.param(
            """
            - calc:
                assign:
                  - x: ${math.sqrt(4)}
            """,
            r"step 'calc': unknown function 'math.sqrt'",
            id="unknown-expression-function",
        ),
        pytest.param(
            """
            - calc:
                assign:
                  - x: ${1 +}
            """,
            r"step 'calc': invalid expression",
            id="malformed-expression",
        ),
        pytest.param(
            """
            - choose:
                switch:
                  - condition: true
                    otherwise: 1
            """,
            r"step 'choose': unsupported keyword",
            id="unknown-switch-keyword",
        ),
        pytest.param(
            """
            - go:
                next: nowhere
            """,
            r"step 'go': next target 'nowhere' not found",
            id="jump-to-missing-step",
        ),
        pytest.param(
            """
            - fetch:
                try:
                  call: http.post
                  args:
                    url: http://127.0.0.1:9/
                retry: ${http.default_retry}
            """,
            r"step 'fetch': retry must be a map",
            id="retry-policy-value-not-supported",
        ),
        pytest.param(
            """
            - fetch:
                call: http.get
                args:
                  url: http://127.0.0.1:9/
            """,
            r"step 'fetch': call of unknown or unsupported function 'http.get'",
            id="stdlib-function-the-yaml-does-not-use",
        ),
        pytest.param(
            """
            - log:
                call: sys.log
                args:
                  text: hi
                  colour: red
            """,
            r"step 'log': sys.log does not take argument",
            id="unknown-stdlib-argument",
        ),
    ],
)
def test_unsupported_or_invalid_syntax_fails_naming_the_step(source: str, message: str) -> None:
    with pytest.raises(WorkflowDefinitionError, match=message):
        run(source)


def test_definition_errors_cannot_be_caught_by_except() -> None:
    source = """
    - guarded:
        try:
          steps:
            - wait:
                sleep: 1
        except:
          as: e
          steps:
            - swallow:
                return: caught
    """
    with pytest.raises(WorkflowDefinitionError, match="wait"):
        run(source)


def test_switch_next_and_end() -> None:
    # syntax/conditions: the first condition that is true wins; next jumps; "end" stops the workflow.
    source = """
    main:
      params: [args]
      steps:
        - init:
            assign:
              - path: ""
        - choose:
            switch:
              - condition: ${args.n > 10}
                next: big
              - condition: ${args.n > 0}
                steps:
                  - mark_small:
                      assign:
                        - path: ${path + "small"}
            next: finish
        - zero:
            assign:
              - path: ${path + "zero"}
            next: finish
        - big:
            assign:
              - path: ${path + "big"}
        - finish:
            return: ${path}
    """
    assert run(source, {"n": 20}) == "big"
    assert run(source, {"n": 5}) == "small"
    # no condition true: the switch step's own next applies
    assert run(source, {"n": 0}) == ""


def test_next_end_returns_null() -> None:
    source = """
    - stop:
        next: end
    - never:
        return: reached
    """
    assert run(source) is None


def test_subworkflow_params_with_defaults_and_call_result() -> None:
    # syntax/subworkflows: params may have default values; call a subworkflow with args and keep its result.
    source = """
    main:
      steps:
        - greet:
            call: greeting
            args:
              name: Ada
            result: first
        - greet_in_french:
            call: greeting
            args:
              name: Ada
              word: Bonjour
            result: second
        - in_expression:
            assign:
              - third: ${greeting("Grace", "Hi")}
        - done:
            return: [ "${first}", "${second}", "${third}" ]
    greeting:
      params: [name, word: Hello]
      steps:
        - build:
            return: ${word + ", " + name}
    """
    assert run(source) == ["Hello, Ada", "Bonjour, Ada", "Hi, Grace"]


def test_subworkflow_does_not_see_the_callers_variables() -> None:
    source = """
    main:
      steps:
        - init:
            assign:
              - secret: 1
        - peek:
            call: peeker
            result: r
    peeker:
      steps:
        - read:
            return: ${secret}
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert "KeyError" in info.value.error["tags"]


def test_main_receives_the_execution_argument() -> None:
    source = """
    main:
      params: [event]
      steps:
        - echo:
            return: ${event.data.name}
    """
    assert run(source, {"data": {"name": "incoming/J/job.json"}}) == "incoming/J/job.json"


def test_sys_get_env_and_structured_sys_log() -> None:
    source = """
    - read:
        assign:
          - url: ${sys.get_env("EXTRACT_URL")}
          - missing: ${sys.get_env("NOT_SET")}
          - fallback: ${sys.get_env("NOT_SET", "dflt")}
          - execution: ${sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID")}
    - log_map:
        call: sys.log
        args:
          severity: ERROR
          json:
            url: ${url}
    - log_text:
        call: sys.log
        args:
          data: plain text
    - done:
        return: [ "${url}", "${missing}", "${fallback}", "${execution}" ]
    """
    logs: list[dict[str, Any]] = []
    env = {"EXTRACT_URL": "http://127.0.0.1:1/extract", "GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID": "exec-1"}
    assert run(source, env=env, logs=logs) == ["http://127.0.0.1:1/extract", None, "dflt", "exec-1"]
    assert logs[0]["severity"] == "ERROR"
    assert logs[0]["jsonPayload"] == {"url": "http://127.0.0.1:1/extract"}
    assert logs[0]["logging.googleapis.com/labels"]["workflows.googleapis.com/execution_id"] == "exec-1"
    assert logs[1]["severity"] == "DEFAULT"
    assert logs[1]["textPayload"] == "plain text"


def test_sys_log_refuses_unknown_severity() -> None:
    source = """
    - log:
        call: sys.log
        args:
          severity: LOUD
          text: x
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert info.value.error["tags"] == ["ValueError"]


def test_assignments_copy_values() -> None:
    # Variables hold values (JSON-like), so changing a copy leaves the original alone.
    source = """
    - init:
        assign:
          - a:
              inner:
                x: 1
          - b: ${a}
          - b.inner.x: 2
          - a.list: [1, 2, 3]
          - a.list[1]: 20
    - done:
        return:
          a: ${a}
          b: ${b}
    """
    assert run(source) == {"a": {"inner": {"x": 1}, "list": [1, 20, 3]}, "b": {"inner": {"x": 2}}}


def test_for_loop_with_break_continue_and_outer_updates() -> None:
    # syntax/iteration: variables created in a loop do not exist outside it; outer ones can be updated.
    source = """
    - init:
        assign:
          - total: 0
    - loop:
        for:
          value: v
          in: [1, 2, 3, 4, 5]
          steps:
            - skip_two:
                switch:
                  - condition: ${v == 2}
                    next: continue
                  - condition: ${v == 5}
                    next: break
            - add:
                assign:
                  - total: ${total + v}
                  - inside: true
    - done:
        return: ${total}
    """
    assert run(source) == 1 + 3 + 4


def test_step_limit_stops_an_endless_loop() -> None:
    source = """
    - spin:
        next: spin
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert info.value.error["tags"] == ["ResourceLimitError"]


def test_dynamic_map_keys() -> None:
    # syntax/maps: "when using dynamic keys in a map defined with braces, wrap the expression in quotes":
    # myMap: {"${dynamicKey}": "myValue"}.
    source = """
    - build:
        assign:
          - dynamicKey: myKey
          - myMap: {"${dynamicKey}": "myValue"}
          - myMap2: {'${dynamicKey + "Apple"}': "myValue"}
    - done:
        return: [ "${myMap}", "${myMap2}" ]
    """
    assert run(source) == [{"myKey": "myValue"}, {"myKeyApple": "myValue"}]


def test_map_get_is_a_safe_lookup() -> None:
    # stdlib map.get: "If the input is not a map or if the map does not contain the key, returns null";
    # "TypeError: If the key is not a string or a list of strings".
    source = """
    - look:
        return:
          - ${map.get(null, "k")}
          - '${map.get({"k": "v"}, "k")}'
          - '${map.get({"a": "text"}, ["a", "b"])}'
    """
    assert run(source) == [None, "v", None]
    with pytest.raises(WorkflowError) as info:
        run("""
        - look:
            return: '${map.get({"k": 1}, 1)}'
        """)
    assert info.value.error["tags"] == ["TypeError"]


def test_sys_get_env_default_must_be_a_string() -> None:
    # stdlib sys.get_env: "TypeError: If either name or default is not a string."
    with pytest.raises(WorkflowError) as info:
        run("""
        - read:
            return: ${sys.get_env("NOT_SET", 5)}
        """)
    assert info.value.error["tags"] == ["TypeError"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param("args:\n              name: Ada", "missing argument 'word'", id="missing"),
        pytest.param(
            "args:\n              name: Ada\n              word: Hi\n              extra: 1", "unknown", id="unknown"
        ),
    ],
)
def test_a_subworkflow_call_with_a_missing_or_unknown_argument_is_a_type_error(args: str, message: str) -> None:
    # syntax/subworkflows: a parameter without a default must be given; an argument it does not declare is refused.
    source = f"""
    main:
      steps:
        - greet:
            call: greeting
            {args}
            result: said
        - done:
            return: ${{said}}
    greeting:
      params: [name, word]
      steps:
        - build:
            return: ${{word + ", " + name}}
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert info.value.error["tags"] == ["TypeError"]
    assert message in info.value.error["message"]
