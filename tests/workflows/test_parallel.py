"""Parallel branches and parallel for, pinned to the Workflows reference (syntax/parallel-steps)."""

from __future__ import annotations

import textwrap
import threading
import time
from typing import Any

import pytest

from devstack.wf_http import HttpResponse
from devstack.wf_stdlib import RecordingSleeper
from devstack.workflow_runner import WorkflowDefinitionError, WorkflowError, run_workflow


def run(source: str, argument: Any = None, http: Any = None) -> Any:
    return run_workflow(
        textwrap.dedent(source), argument, {}, http=http, sleeper=RecordingSleeper(), log_sink=lambda r: None
    )


def test_shared_variable_written_in_branches_is_visible_after() -> None:
    # parallel-steps: "shared: a list of writable variables with parent scope that allow assignments within the
    # parallel step" (sample: my_result["getStock"] assigned in a branch).
    source = """
    - init:
        assign:
          - my_result: {}
    - par:
        parallel:
          shared: [my_result]
          branches:
            - getStock:
                steps:
                  - a:
                      assign:
                        - my_result["getStock"]: 1
            - orderStock:
                steps:
                  - b:
                      assign:
                        - my_result["orderStock"]: 2
    - done:
        return: ${my_result}
    """
    assert run(source) == {"getStock": 1, "orderStock": 2}


def test_variable_created_in_a_branch_is_not_visible_after() -> None:
    # parallel-steps sample: "temp: 1  # ok, variable is local to branch scope".
    source = """
    - init:
        assign:
          - shared_map: {}
    - par:
        parallel:
          shared: [shared_map]
          branches:
            - one:
                steps:
                  - a:
                      assign:
                        - temp: 1
            - two:
                steps:
                  - b:
                      assign:
                        - temp: 2
    - read_temp:
        return: ${temp}
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert "KeyError" in info.value.error["tags"]


def test_writing_an_outer_variable_that_is_not_shared_fails_loudly() -> None:
    # parallel-steps sample: "# - input: 5  # deployment error, defined in the parent scope but not marked shared".
    source = """
    - init:
        assign:
          - input: ["apples"]
          - counted: {}
    - par:
        parallel:
          shared: [counted]
          branches:
            - one:
                steps:
                  - overwrite_input:
                      assign:
                        - input: 5
            - two:
                steps:
                  - fine:
                      assign:
                        - counted.two: 1
    """
    with pytest.raises(WorkflowDefinitionError, match=r"overwrite_input.*'input'.*shared"):
        run(source)


def test_branches_read_outer_variables() -> None:
    source = """
    - init:
        assign:
          - input: ["apples", "oranges"]
          - out: []
          - seen: {}
    - par:
        parallel:
          shared: [seen]
          branches:
            - first:
                steps:
                  - a:
                      assign:
                        - seen.first: ${input[0]}
            - second:
                steps:
                  - b:
                      assign:
                        - seen.second: ${input[1]}
    - done:
        return: ${seen}
    """
    assert run(source) == {"first": "apples", "second": "oranges"}


class CountingClient:
    """An HTTP transport that records how many requests are in flight at once."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()

    def request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None, timeout_s: float
    ) -> HttpResponse:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        time.sleep(0.05)  # a real blocking call in a worker thread, long enough for branches to overlap
        with self.lock:
            self.in_flight -= 1
        return HttpResponse(200, {"Content-Type": "application/json"}, b'{"ok": true}')


def test_shared_counter_updates_are_atomic() -> None:
    # The runner applies each assignment to a shared variable atomically (evaluate and write under one lock), as
    # the parallel-steps page describes for shared variables (recalled; its "Shared variables" section was not in
    # the stored copy searched here). Each update reads `total`, waits inside a subworkflow (a slow HTTP call), then
    # writes: without atomic assignment, concurrent iterations lose updates (checked by disabling the lock).
    source = """
    main:
      steps:
        - init:
            assign:
              - total: 0
        - par:
            parallel:
              shared: [total]
              concurrency_limit: 8
              for:
                value: i
                range: [1, 24]
                steps:
                  - add:
                      assign:
                        - total: ${total + slowly(i)}
        - done:
            return: ${total}
    slowly:
      params: [n]
      steps:
        - wait:
            call: http.post
            args:
              url: http://127.0.0.1:9/wait
        - give:
            return: ${n}
    """
    assert run(source, http=CountingClient()) == sum(range(1, 25))


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_concurrency_limit_bounds_branches_in_flight(limit: int) -> None:
    # parallel-steps: "CONCURRENCY_LIMIT: the maximum number of branches and iterations that can concurrently
    # execute ... before further branches and iterations are queued to wait."
    source = f"""
    - init:
        assign:
          - done: 0
    - par:
        parallel:
          shared: [done]
          concurrency_limit: {limit}
          for:
            value: item
            in: [1, 2, 3, 4, 5, 6]
            steps:
              - get:
                  call: http.post
                  args:
                    url: http://127.0.0.1:9/item
                  result: r
              - count:
                  assign:
                    - done: ${{done + 1}}
    - finish:
        return: ${{done}}
    """
    client = CountingClient()
    assert run(source, http=client) == 6
    assert client.max_in_flight == limit


def test_continue_all_runs_every_branch_then_raises_unhandled_branch_error() -> None:
    # parallel-steps: "The default policy, continueAll, results in no further action, and all other branches will
    # attempt to run."
    source = """
    - init:
        assign:
          - finished: {}
    - par:
        parallel:
          shared: [finished]
          branches:
            - broken:
                steps:
                  - boom:
                      raise:
                        message: broken branch
                        tags: [Custom]
            - healthy:
                steps:
                  - slow_but_fine:
                      call: http.post
                      args:
                        url: http://127.0.0.1:9/slow
                  - ok:
                      call: sys.log
                      args:
                        text: healthy branch finished
    """
    logs: list[dict[str, Any]] = []
    with pytest.raises(WorkflowError) as info:
        run_workflow(
            textwrap.dedent(source), None, {}, http=CountingClient(), sleeper=RecordingSleeper(), log_sink=logs.append
        )
    assert [r["textPayload"] for r in logs] == ["healthy branch finished"]
    error = info.value.error
    assert "UnhandledBranchError" in error["tags"]
    assert error["branches"] == [{"id": "broken", "error": {"message": "broken branch", "tags": ["Custom"]}}]


def test_an_error_caught_inside_a_branch_does_not_fail_the_step() -> None:
    source = """
    - init:
        assign:
          - errors: {}
    - par:
        parallel:
          shared: [errors]
          branches:
            - flaky:
                steps:
                  - attempt:
                      try:
                        raise:
                          message: bad input
                          tags: [ValueError]
                      except:
                        as: e
                        steps:
                          - record:
                              assign:
                                - errors["flaky"]: ${e.message}
            - fine:
                steps:
                  - nothing:
                      assign:
                        - x: 1
    - done:
        return: ${errors}
    """
    assert run(source) == {"flaky": "bad input"}


def test_parallel_for_has_its_own_loop_variable_per_iteration() -> None:
    source = """
    - init:
        assign:
          - squares: {}
    - par:
        parallel:
          shared: [squares]
          for:
            value: n
            index: i
            in: [3, 4, 5]
            steps:
              - square:
                  assign:
                    - squares[string(i)]: ${n * n}
    - done:
        return: ${squares}
    """
    assert run(source) == {"0": 9, "1": 16, "2": 25}


def test_shared_variable_must_exist_before_the_parallel_step() -> None:
    source = """
    - par:
        parallel:
          shared: [nothing_yet]
          branches:
            - a:
                steps:
                  - s:
                      assign:
                        - x: 1
            - b:
                steps:
                  - t:
                      assign:
                        - y: 1
    """
    with pytest.raises(WorkflowDefinitionError, match="nothing_yet"):
        run(source)


def test_only_continue_all_is_accepted() -> None:
    # parallel-steps: "Note that continueAll is the only policy currently supported."
    source = """
    - par:
        parallel:
          exception_policy: stopAll
          branches:
            - a:
                steps:
                  - s:
                      assign:
                        - x: 1
            - b:
                steps:
                  - t:
                      assign:
                        - y: 1
    """
    with pytest.raises(WorkflowDefinitionError, match="continueAll"):
        run(source)


def test_parallel_for_calls_a_subworkflow_per_iteration_and_records_results_by_key() -> None:
    # The shape label_compliance.yaml uses for its check groups: each iteration calls a subworkflow with its loop
    # value, keeps the result in its own variable, and writes a shared map under its own key.
    source = """
    main:
      steps:
        - init:
            assign:
              - failures: {}
        - groups:
            parallel:
              shared: [failures]
              concurrency_limit: 2
              for:
                value: group
                in: ["identity", "content", "tables"]
                steps:
                  - check:
                      call: check_one
                      args:
                        group: ${group}
                      result: checked
                  - record:
                      switch:
                        - condition: ${"error" in checked}
                          assign:
                            - failures[group]: ${checked.error}
        - done:
            return: ${failures}
    check_one:
      params: [group]
      steps:
        - judge:
            switch:
              - condition: ${group == "content"}
                return:
                  error: ${group + " broke"}
        - fine:
            return:
              code: 200
    """
    assert run(source) == {"content": "content broke"}


def test_an_iteration_variable_is_not_visible_after_the_parallel_for() -> None:
    source = """
    main:
      steps:
        - groups:
            parallel:
              for:
                value: group
                in: ["a", "b"]
                steps:
                  - keep:
                      assign:
                        - checked: ${group}
        - done:
            return: ${checked}
    """
    with pytest.raises(WorkflowError) as info:
        run(source)
    assert "KeyError" in info.value.error["tags"]
