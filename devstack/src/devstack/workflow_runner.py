"""Our local runner for the Cloud Workflows YAML: a small interpreter of the documented semantics the YAML uses.

No third-party emulator is trusted (see ../shared/docs/architecture.md), so this follows the Workflows reference:
steps run in order unless `next` jumps; `try/retry` re-runs the block while the predicate accepts the error and
fewer than `max_retries` retries were made, waiting `initial_delay`, then each delay times `multiplier`, capped at
`max_delay` (retrying goes on at the cap); `parallel` runs branches on threads, at most `concurrency_limit` at once,
where a branch may write only the outer variables listed in `shared` and everything else it assigns is its own.
Sleeping goes through an injectable sleeper, so tests run in no time and can assert every delay.
"""

from __future__ import annotations

import copy
import functools
import os
import threading
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from devstack.wf_errors import WfRaised, WorkflowDefinitionError, WorkflowError, error_map, raised
from devstack.wf_expr import (
    Attr,
    FunctionRef,
    Index,
    ModuleRef,
    Name,
    index_value,
    is_expression,
    is_number,
    type_name,
)
from devstack.wf_http import HttpClient, UrllibHttpClient
from devstack.wf_program import MISSING, Program, Step, Subworkflow, load_program
from devstack.wf_stdlib import (
    CONSTANTS,
    FUNCTIONS,
    MODULES,
    LogSink,
    RealSleeper,
    RetryPolicy,
    Runtime,
    Sleeper,
    bind_arguments,
    stderr_log_sink,
)

__all__ = ["WfRaised", "WorkflowDefinitionError", "WorkflowError", "WorkflowRunner", "run_workflow"]

MAX_STEPS = 100_000  # Workflows quota: steps per execution
DEFAULT_CONCURRENCY = 20  # Workflows quota: concurrent branches and iterations per execution


class _Return(Exception):
    def __init__(self, value: Any, step: str) -> None:
        super().__init__(step)
        self.value = value
        self.step = step


class _End(Exception):
    def __init__(self, step: str) -> None:
        super().__init__(step)
        self.step = step


class _Jump(Exception):
    def __init__(self, target: str, step: str) -> None:
        super().__init__(target)
        self.target = target
        self.step = step


class _LoopControl(Exception):
    def __init__(self, action: str, step: str) -> None:
        super().__init__(action)
        self.action = action
        self.step = step


class Scope:
    """Variables of a subworkflow, a loop iteration or a parallel branch.

    A loop iteration may update variables of its parent; a branch only those listed in `shared` (anything else
    defined outside is read-only, a deploy error in the cloud). New variables stay local and vanish at the end.
    """

    def __init__(self, parent: Scope | None = None, kind: str = "root", shared: frozenset[str] = frozenset()) -> None:
        self.parent = parent
        self.kind = kind
        self.shared = shared
        self.vars: dict[str, Any] = {}

    def owner(self, name: str) -> Scope | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.vars:
                return scope
            scope = scope.parent
        return None

    def get(self, name: str) -> Any:
        owner = self.owner(name)
        if owner is None:
            raise raised("KeyError", f"variable '{name}' is not defined")
        return owner.vars[name]

    def crosses_branch(self, name: str) -> bool:
        """Whether writing `name` writes a variable shared with other branches (so it needs the lock)."""
        scope: Scope | None = self
        while scope is not None and name not in scope.vars:
            if scope.kind == "branch":
                return scope.parent is not None and scope.parent.owner(name) is not None
            scope = scope.parent
        return False

    def set(self, name: str, value: Any, step: str) -> None:
        if name in self.vars or self.parent is None or self.parent.owner(name) is None:
            self.vars[name] = value
            return
        if self.kind == "branch" and name not in self.shared:
            raise WorkflowDefinitionError(
                f"step '{step}': variable '{name}' is defined outside the parallel step and is not listed in 'shared'"
            )
        self.parent.set(name, value, step)


class _Context:
    """The expression context for one scope."""

    def __init__(self, runner: WorkflowRunner, scope: Scope, step: str) -> None:
        self.runner = runner
        self.scope = scope
        self.step = step

    def lookup(self, name: str) -> Any:
        if self.scope.owner(name) is not None:
            return self.scope.get(name)
        if name in self.runner.program.subworkflows:
            return FunctionRef(name)
        if name in MODULES:
            return ModuleRef(name)
        if name in FUNCTIONS:
            return FunctionRef(name)
        return self.scope.get(name)

    def symbol(self, dotted: str) -> Any:
        if dotted in CONSTANTS:
            return CONSTANTS[dotted]
        if dotted in FUNCTIONS:
            return FunctionRef(dotted)
        raise raised("KeyError", f"unknown symbol '{dotted}'")

    def call(self, dotted: str, args: list[Any]) -> Any:
        return self.runner.call_function(dotted, args, None, self.step)


class WorkflowRunner:
    """One loaded workflow; `run` is one execution."""

    def __init__(
        self,
        program: Program,
        env: Mapping[str, str],
        http: HttpClient | None = None,
        sleeper: Sleeper | None = None,
        log_sink: LogSink | None = None,
    ) -> None:
        self.program = program
        full_env = dict(env)
        full_env.setdefault("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID", str(uuid.uuid4()))
        self.runtime = Runtime(
            env=full_env,
            http=http or UrllibHttpClient(),
            sleeper=sleeper or RealSleeper(),
            log_sink=log_sink or stderr_log_sink(),
        )
        self._lock = threading.RLock()
        self._steps_run = 0

    # ------------------------------------------------------------ entry points

    def run(self, argument: Any) -> Any:
        main = self.program.subworkflows["main"]
        try:
            return self.call_subworkflow(main, [argument] if main.params else [], None, "main")
        except WfRaised as err:
            raise WorkflowError(err.value) from err

    def call_function(self, name: str, positional: list[Any] | None, named: dict[str, Any] | None, step: str) -> Any:
        if name in FUNCTIONS:
            fn = FUNCTIONS[name]
            return fn.impl(self.runtime, bind_arguments(name, fn, positional, named))
        if name in self.program.subworkflows:
            return self.call_subworkflow(self.program.subworkflows[name], positional, named, step)
        raise WorkflowDefinitionError(f"step '{step}': unknown function '{name}'")

    def call_subworkflow(
        self, sub: Subworkflow, positional: list[Any] | None, named: dict[str, Any] | None, step: str
    ) -> Any:
        scope = Scope()
        names = [p for p, _ in sub.params]
        if named is not None:
            unknown = set(named) - set(names)
            if unknown:
                raise raised("TypeError", f"{sub.name}: unknown argument(s) {sorted(unknown)}")
            given = named
        else:
            args = positional or []
            if len(args) > len(names):
                raise raised("TypeError", f"{sub.name}: expected at most {len(names)} arguments, got {len(args)}")
            given = dict(zip(names, args, strict=False))
        for pname, default in sub.params:
            if pname in given:
                scope.vars[pname] = given[pname]
            elif default is not MISSING:
                scope.vars[pname] = default
            else:
                raise raised("TypeError", f"{sub.name}: missing argument '{pname}'")
        try:
            self.run_steps(sub.steps, scope)
        except _Return as ret:
            return ret.value
        except _End:
            return None
        except _Jump as jump:
            raise WorkflowDefinitionError(f"step '{jump.step}': next target '{jump.target}' not found") from jump
        except _LoopControl as ctl:
            raise WorkflowDefinitionError(f"step '{ctl.step}': next: {ctl.action} outside a for loop") from ctl
        return None

    # ------------------------------------------------------------ steps

    def run_steps(self, steps: list[Step], scope: Scope) -> None:
        positions = {s.name: i for i, s in enumerate(steps)}
        i = 0
        while i < len(steps):
            step = steps[i]
            try:
                target = self.run_step(step, scope)
            except _Jump as jump:
                if jump.target not in positions:
                    raise
                i = positions[jump.target]
                continue
            if target is None:
                i += 1
            elif target == "end":
                raise _End(step.name)
            elif target in ("break", "continue"):
                raise _LoopControl(target, step.name)
            elif target in positions:
                i = positions[target]
            else:
                raise _Jump(target, step.name)

    def _count_step(self, step: Step) -> None:
        with self._lock:
            self._steps_run += 1
            if self._steps_run > MAX_STEPS:
                raise raised("ResourceLimitError", f"more than {MAX_STEPS} steps executed (at step '{step.name}')")

    def run_step(self, step: Step, scope: Scope) -> str | None:
        """Run one step; return the `next` target it names, if any."""
        self._count_step(step)
        body = step.body
        handler: Callable[[Step, Scope], str | None] | None = {
            "assign": self._assign,
            "call": self._call,
            "switch": self._switch,
            "for": self._for,
            "parallel": self._parallel,
            "raise": self._raise,
            "try": self._try,
            "return": self._return,
            "steps": self._steps,
            None: None,
        }[step.kind]
        nxt = handler(step, scope) if handler else None
        return nxt if nxt is not None else body.get("next")

    def evaluate(self, value: Any, scope: Scope, step: str) -> Any:
        """Evaluate a value: a whole-string `${...}` expression, or a map/list holding some."""
        if is_expression(value):
            return self.program.expression(value, step).evaluate(_Context(self, scope, step))
        if isinstance(value, dict):
            return {self._map_key(k, scope, step): self.evaluate(v, scope, step) for k, v in value.items()}
        if isinstance(value, list):
            return [self.evaluate(v, scope, step) for v in value]
        return value

    def _map_key(self, key: Any, scope: Scope, step: str) -> str:
        # syntax/maps: "when using dynamic keys in a map ... wrap the expression in quotes": {"${key}": value}.
        if not is_expression(key):
            return str(key)
        evaluated = self.program.expression(key, step).evaluate(_Context(self, scope, step))
        if not isinstance(evaluated, str):
            raise raised("TypeError", f"step '{step}': a map key must be a string, got {type_name(evaluated)}")
        return evaluated

    def assign(self, target: str, value: Any, scope: Scope, step: str) -> None:
        """Assign to `name`, `name.key`, `name["key"]` or `name[i]`, copying on write (values, not references)."""
        node = self.program.expression("${" + target + "}", step)
        path: list[Attr | Index] = []
        while isinstance(node, Attr | Index):
            path.append(node)
            node = node.target
        if not isinstance(node, Name):
            raise WorkflowDefinitionError(f"step '{step}': cannot assign to {target!r}")
        if not path:
            scope.set(node.name, value, step)
            return
        ctx = _Context(self, scope, step)
        keys = [
            p.name if isinstance(p, Attr) else p.index.evaluate(ctx)
            for p in reversed(path)
            if isinstance(p, Attr | Index)
        ]
        root = copy.deepcopy(scope.get(node.name))
        container = root
        for key in keys[:-1]:
            if isinstance(container, dict) and isinstance(key, str) and key not in container:
                container[key] = {}
            container = index_value(container, key)
        last = keys[-1]
        if isinstance(container, dict) and isinstance(last, str):
            container[last] = value
        elif isinstance(container, list) and isinstance(last, int) and not isinstance(last, bool):
            index_value(container, last)  # raises IndexError when out of range
            container[last] = value
        else:
            raise raised("TypeError", f"cannot assign {target!r}: {type_name(container)} indexed by {type_name(last)}")
        scope.set(node.name, root, step)

    def _assign_items(self, items: list[dict[str, Any]], scope: Scope, step: str) -> None:
        for item in items:
            ((target, raw),) = item.items()
            root = str(target).split(".")[0].split("[")[0]
            if scope.crosses_branch(root):
                # Shared variables are updated atomically: evaluate and write under one lock.
                with self._lock:
                    self.assign(str(target), self.evaluate(raw, scope, step), scope, step)
            else:
                self.assign(str(target), self.evaluate(raw, scope, step), scope, step)

    def _assign(self, step: Step, scope: Scope) -> str | None:
        self._assign_items(step.body["assign"], scope, step.name)
        return None

    def _call(self, step: Step, scope: Scope) -> str | None:
        args = self.evaluate(step.body.get("args", {}), scope, step.name)
        result = self.call_function(step.body["call"], None, args, step.name)
        if "result" in step.body:
            self.assign(str(step.body["result"]), result, scope, step.name)
        return None

    def _condition(self, raw: Any, scope: Scope, step: str) -> bool:
        value = self.evaluate(raw, scope, step)
        if not isinstance(value, bool):
            raise raised("TypeError", f"step '{step}': condition must be a boolean, got {type_name(value)}")
        return value

    def _switch(self, step: Step, scope: Scope) -> str | None:
        for cond in step.body["switch"]:
            if not self._condition(cond["condition"], scope, step.name):
                continue
            if "assign" in cond:
                self._assign_items(cond["assign"], scope, step.name)
            if "_steps" in cond:
                self.run_steps(cond["_steps"], scope)
            if "raise" in cond:
                raise WfRaised(self.evaluate(cond["raise"], scope, step.name))
            if "return" in cond:
                raise _Return(self.evaluate(cond["return"], scope, step.name), step.name)
            nxt = cond.get("next")
            return str(nxt) if nxt is not None else None
        return None

    def _iterations(self, spec: dict[str, Any], scope: Scope, step: str) -> list[Any]:
        if "in" in spec:
            items = self.evaluate(spec["in"], scope, step)
            if not isinstance(items, list):
                raise raised("TypeError", f"step '{step}': for 'in' needs a list, got {type_name(items)}")
            return list(items)
        bounds = self.evaluate(spec["range"], scope, step)
        if not (isinstance(bounds, list) and len(bounds) == 2 and all(is_number(b) for b in bounds)):
            raise raised("TypeError", f"step '{step}': range needs [start, end]")
        start, end = bounds
        out: list[Any] = []
        value = start
        while value <= end:  # "range: inclusive of both ends"
            out.append(value)
            value += 1
        return out

    def _loop_scope(
        self, spec: dict[str, Any], parent: Scope, kind: str, shared: frozenset[str], i: int, v: Any
    ) -> Scope:
        scope = Scope(parent, kind, shared)
        scope.vars[str(spec["value"])] = v
        if "index" in spec:
            scope.vars[str(spec["index"])] = i
        return scope

    def _for(self, step: Step, scope: Scope) -> str | None:
        spec = step.body["for"]
        for i, value in enumerate(self._iterations(spec, scope, step.name)):
            try:
                self.run_steps(step.body["_steps"], self._loop_scope(spec, scope, "loop", frozenset(), i, value))
            except _LoopControl as ctl:
                if ctl.action == "break":
                    break
            except _Jump as jump:
                raise WorkflowDefinitionError(f"step '{jump.step}': cannot jump out of a for loop") from jump
        return None

    def _parallel(self, step: Step, scope: Scope) -> str | None:
        spec = step.body["parallel"]
        shared = frozenset(spec.get("shared", []))
        for name in shared:
            if scope.owner(name) is None:
                raise WorkflowDefinitionError(f"step '{step.name}': shared variable '{name}' must be assigned before")
        tasks: list[tuple[Any, list[Step], Scope]] = []
        if "_branches" in spec:
            for bname, bsteps in spec["_branches"]:
                tasks.append((bname, bsteps, Scope(scope, "branch", shared)))
        else:
            loop = spec["for"]
            for i, value in enumerate(self._iterations(loop, scope, step.name)):
                tasks.append((i, spec["_steps"], self._loop_scope(loop, scope, "branch", shared, i, value)))
        limit = self.evaluate(spec.get("concurrency_limit", DEFAULT_CONCURRENCY), scope, step.name)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise raised("ValueError", f"step '{step.name}': concurrency_limit must be a positive integer")
        if not tasks:
            return None
        with ThreadPoolExecutor(max_workers=min(limit, len(tasks)), thread_name_prefix=f"wf-{step.name}") as pool:
            futures = [(tid, pool.submit(self._run_branch, bsteps, bscope, step.name)) for tid, bsteps, bscope in tasks]
            outcomes = [(tid, f.result()) for tid, f in futures]
        definition_errors = [o for _, o in outcomes if isinstance(o, WorkflowDefinitionError)]
        if definition_errors:
            raise definition_errors[0]
        failed = [{"id": str(tid), "error": o.value} for tid, o in outcomes if isinstance(o, WfRaised)]
        if failed:
            # continueAll: every branch ran to its end; then the step fails with the branches' errors.
            raise WfRaised(
                error_map(
                    "UnhandledBranchError",
                    "UnhandledBranchError: One or more branches or iterations encountered an unhandled runtime error",
                    branches=failed,
                )
            )
        return None

    def _run_branch(self, steps: list[Step], scope: Scope, step: str) -> Exception | None:
        try:
            self.run_steps(steps, scope)
        except (WfRaised, WorkflowDefinitionError) as exc:
            return exc
        except _Return as ret:
            return WorkflowDefinitionError(f"step '{ret.step}': return inside a parallel branch is not supported")
        except _End as end:
            return WorkflowDefinitionError(f"step '{end.step}': next: end inside a parallel branch is not supported")
        except _Jump as jump:
            return WorkflowDefinitionError(f"step '{jump.step}': cannot jump out of a parallel branch")
        except _LoopControl as ctl:
            if ctl.action == "continue":
                return None
            return WorkflowDefinitionError(f"step '{ctl.step}': break inside a parallel for is not supported")
        return None

    def _raise(self, step: Step, scope: Scope) -> str | None:
        raise WfRaised(self.evaluate(step.body["raise"], scope, step.name))

    def _return(self, step: Step, scope: Scope) -> str | None:
        raise _Return(self.evaluate(step.body["return"], scope, step.name), step.name)

    def _steps(self, step: Step, scope: Scope) -> str | None:
        self.run_steps(step.body["_steps"], scope)
        return None

    # ------------------------------------------------------------ try / retry / except

    def _retry_policy(self, raw: Any, scope: Scope, step: str) -> RetryPolicy:
        value = self.evaluate(raw, scope, step)
        if not isinstance(value, dict):
            raise raised("TypeError", f"step '{step}': retry must be a map, got {type_name(value)}")
        predicate = value["predicate"]
        if not isinstance(predicate, FunctionRef):
            raise raised("TypeError", f"step '{step}': retry predicate must be a function, got {type_name(predicate)}")
        backoff = value["backoff"]
        numbers = [value["max_retries"], backoff["initial_delay"], backoff["max_delay"], backoff["multiplier"]]
        if not all(is_number(x) and x >= 0 for x in numbers) or not isinstance(value["max_retries"], int):
            raise raised("ValueError", f"step '{step}': max_retries and backoff values must be non-negative numbers")
        return RetryPolicy(predicate, value["max_retries"], *numbers[1:])

    def _should_retry(self, policy: RetryPolicy, error: Any, step: str) -> bool:
        verdict = self.call_function(policy.predicate.name, [error], None, step)
        if not isinstance(verdict, bool):
            raise raised("TypeError", f"step '{step}': retry predicate returned {type_name(verdict)}, not a boolean")
        return verdict

    def _try(self, step: Step, scope: Scope) -> str | None:
        inner: Step = step.body["_try"]
        policy = self._retry_policy(step.body["retry"], scope, step.name) if "retry" in step.body else None
        retries = 0
        delay = policy.initial_delay if policy else 0.0
        while True:
            try:
                return self.run_step(inner, scope)
            except WfRaised as err:
                if (
                    policy is not None
                    and retries < policy.max_retries
                    and self._should_retry(policy, err.value, step.name)
                ):
                    # "The delays between subsequent attempts are: 1, 2, 4, 8, 16, 32, 60, and 60" (retrying doc):
                    # each delay is the previous one times the multiplier, capped at max_delay; the cap does not
                    # end the retries, only max_retries does.
                    self.runtime.sleeper.sleep(min(delay, policy.max_delay))
                    delay = min(delay * policy.multiplier, policy.max_delay)
                    retries += 1
                    continue
                handler = step.body.get("except")
                if handler is None:
                    raise
                if "as" in handler:
                    self.assign(str(handler["as"]), err.value, scope, step.name)
                self.run_steps(handler["_steps"], scope)
                return None


@functools.lru_cache(maxsize=8)
def _program_of_text(text: str) -> Program:
    """A workflow's text is loaded and checked once per process: a run only reads the program (a batch of jobs
    paid about 0.2 s each for parsing the same YAML again)."""
    return load_program(text)


def run_workflow(
    source: str | Path,
    argument: Any,
    env: Mapping[str, str] | None = None,
    http: HttpClient | None = None,
    sleeper: Sleeper | None = None,
    log_sink: LogSink | None = None,
) -> Any:
    """Run one execution of a workflow (a YAML/JSON path or text) with `argument`, as `gcloud workflows run` would.

    Returns the workflow's result, or raises `WorkflowError` (with `.error`, the uncaught error value) or
    `WorkflowDefinitionError` (invalid or unsupported syntax, naming the step). `env` is what `sys.get_env` sees;
    the process environment is never read, so a run is reproducible.
    """
    program = _program_of_text(source) if isinstance(source, str) and "\n" in source else load_program(source)
    return WorkflowRunner(program, env if env is not None else {}, http, sleeper, log_sink).run(argument)


def env_from_process(names: list[str]) -> dict[str, str]:
    """The given variables from the process environment, for callers that want them passed through."""
    return {n: os.environ[n] for n in names if n in os.environ}
