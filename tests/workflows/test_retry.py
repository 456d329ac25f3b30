"""try/retry/except/raise, each pinned to a sentence of the Workflows reference (syntax/retrying, error-types)."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from devstack.wf_stdlib import RecordingSleeper
from devstack.workflow_runner import WorkflowError, run_workflow


def run(source: str, argument: Any = None, sleeper: RecordingSleeper | None = None) -> Any:
    return run_workflow(
        textwrap.dedent(source), argument, {}, sleeper=sleeper or RecordingSleeper(), log_sink=lambda r: None
    )


# A workflow whose try block counts its attempts and then raises the error given as argument.
FAILING = """
main:
  params: [args]
  steps:
    - init:
        assign:
          - attempts: 0
    - flaky:
        try:
          steps:
            - count:
                assign:
                  - attempts: ${{attempts + 1}}
            - fail:
                raise: ${{args.error}}
        retry: {retry}
        except:
          as: e
          steps:
            - give_up:
                return:
                  attempts: ${{attempts}}
                  error: ${{e}}
"""

HTTP_503 = {"code": 503, "message": "HTTP server responded with error code 503", "tags": ["HttpError"]}


def failing(retry: str) -> str:
    return FAILING.format(retry=retry)


def test_backoff_doubles_and_is_capped_while_retries_continue() -> None:
    # syntax/retrying: "the steps are retried a maximum of eight times. The delays between subsequent attempts are:
    # 1, 2, 4, 8, 16, 32, 60, and 60 (time given in seconds). After eight retry attempts, the step is considered
    # failed, and an exception is raised. Counting the initial execution, the step is executed nine times."
    retry = """
          predicate: ${http.default_retry_predicate}
          max_retries: 8
          backoff:
            initial_delay: 1
            max_delay: 60
            multiplier: 2"""
    sleeper = RecordingSleeper()
    result = run(failing(retry), {"error": HTTP_503}, sleeper)
    assert sleeper.delays == [1, 2, 4, 8, 16, 32, 60, 60]
    assert result["attempts"] == 9
    assert result["error"] == HTTP_503


DEFAULT_RETRY = """
          predicate: ${http.default_retry_predicate}
          max_retries: 5
          backoff:
            initial_delay: 1
            max_delay: 60
            multiplier: 1.25"""


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        pytest.param({"code": 429, "tags": ["HttpError"], "message": "x"}, True, id="429-retried"),
        pytest.param({"code": 502, "tags": ["HttpError"], "message": "x"}, True, id="502-retried"),
        pytest.param({"code": 503, "tags": ["HttpError"], "message": "x"}, True, id="503-retried"),
        pytest.param({"code": 504, "tags": ["HttpError"], "message": "x"}, True, id="504-retried"),
        pytest.param({"tags": ["ConnectionError"], "message": "x"}, True, id="connection-error-retried"),
        pytest.param({"tags": ["ConnectionFailedError"], "message": "x"}, True, id="connection-failed-retried"),
        pytest.param({"tags": ["TimeoutError"], "message": "x"}, True, id="timeout-retried"),
        pytest.param({"code": 400, "tags": ["HttpError"], "message": "x"}, False, id="400-not-retried"),
        pytest.param({"code": 404, "tags": ["HttpError"], "message": "x"}, False, id="404-not-retried"),
        pytest.param({"code": 500, "tags": ["HttpError"], "message": "x"}, False, id="500-not-retried"),
        pytest.param({"tags": ["KeyError"], "message": "x"}, False, id="key-error-not-retried"),
        pytest.param("a string error", False, id="string-not-retried"),
    ],
)
def test_default_retry_predicate(error: Any, retried: bool) -> None:
    # stdlib http.default_retry_predicate: "Retries on 429 (Too Many Requests), 502 (Bad Gateway), 503 (Service
    # unavailable), and 504 (Gateway Timeout), as well as on any ConnectionError, ConnectionFailedError, and
    # TimeoutError."
    result = run(failing(DEFAULT_RETRY), {"error": error})
    assert result["attempts"] == (6 if retried else 1)


def test_custom_predicate_subworkflow_receives_the_error() -> None:
    # syntax/retrying, custom retry policy: "a custom predicate is defined as a subworkflow"; it gets the error and
    # returns true to retry.
    source = (
        failing("""
          predicate: ${only_teapots}
          max_retries: 3
          backoff:
            initial_delay: 5
            max_delay: 7
            multiplier: 1.5""")
        + """
only_teapots:
  params: [e]
  steps:
    - decide:
        return: ${e.code == 418}
"""
    )
    sleeper = RecordingSleeper()
    teapot = run(source, {"error": {"code": 418, "tags": ["HttpError"], "message": "x"}}, sleeper)
    assert teapot["attempts"] == 4
    assert sleeper.delays == [5, 7, 7]  # 5, then 7.5 capped at 7, then capped again
    assert run(source, {"error": {"code": 503, "tags": ["HttpError"], "message": "x"}})["attempts"] == 1


def test_success_after_a_retry_stops_retrying() -> None:
    source = """
    main:
      steps:
        - init:
            assign:
              - attempts: 0
        - flaky:
            try:
              steps:
                - count:
                    assign:
                      - attempts: ${attempts + 1}
                - fail_first_two:
                    switch:
                      - condition: ${attempts < 3}
                        raise:
                          code: 503
                          tags: [HttpError]
                          message: busy
            retry:
              predicate: ${http.default_retry_predicate}
              max_retries: 5
              backoff:
                initial_delay: 1
                max_delay: 60
                multiplier: 1.25
        - done:
            return: ${attempts}
    """
    sleeper = RecordingSleeper()
    assert run(source, sleeper=sleeper) == 3
    assert sleeper.delays == [1, 1.25]


def test_raise_of_a_map_reaches_the_caller_unchanged() -> None:
    # syntax/raising-errors: "raise a custom error ... as a string or as a map"; an uncaught error fails the execution.
    source = """
    main:
      steps:
        - fail:
            raise:
              code: 55
              message: custom
              tags: [Custom]
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert info.value.error == {"code": 55, "message": "custom", "tags": ["Custom"]}


def test_raise_of_a_string() -> None:
    with pytest.raises(WorkflowError) as info:
        run("""
        - fail:
            raise: "plain words"
        """)
    assert info.value.error == "plain words"


def test_except_without_retry_catches_and_continues() -> None:
    # syntax/catching-errors: "as: the name of a variable that contains the error map"; execution continues after.
    source = """
    main:
      steps:
        - try_it:
            try:
              raise:
                message: nope
                tags: [ValueError]
            except:
              as: err
              steps:
                - keep:
                    assign:
                      - caught: ${err.message + " / " + err.tags[0]}
        - after:
            return: ${caught}
    """
    assert run(source) == "nope / ValueError"


def test_an_error_inside_except_propagates() -> None:
    source = """
    - try_it:
        try:
          raise: first
        except:
          as: e
          steps:
            - again:
                raise: ${"second after " + e}
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert info.value.error == "second after first"
