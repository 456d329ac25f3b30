"""Loading a workflow: YAML/JSON to subworkflows and steps, checked as a deploy would check them.

Every step keyword, every call target and every `${...}` expression is checked here, before anything runs, so a
construct the runner does not implement fails at once with the step's name instead of being skipped at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from devstack.wf_errors import WorkflowDefinitionError
from devstack.wf_expr import Node, called_functions, compile_expression, is_expression
from devstack.wf_stdlib import FUNCTIONS

PRIMARY = ("assign", "call", "switch", "for", "parallel", "raise", "try", "return", "steps")
ALLOWED_WITH = {
    "assign": {"next"},
    "call": {"args", "result", "next"},
    "switch": {"next"},
    "for": set(),
    "parallel": set(),
    "raise": set(),
    "try": {"retry", "except", "next"},
    "return": set(),
    "steps": {"next"},
    None: {"next"},
}
SWITCH_KEYS = {"condition", "next", "steps", "assign", "return", "raise"}
FOR_KEYS = {"value", "index", "in", "range", "steps"}
PARALLEL_KEYS = {"exception_policy", "shared", "concurrency_limit", "branches", "for"}
RETRY_KEYS = {"predicate", "max_retries", "backoff"}
BACKOFF_KEYS = {"initial_delay", "max_delay", "multiplier"}
MISSING = object()


@dataclass
class Step:
    """One named step; `body` is the raw mapping, already validated."""

    name: str
    kind: str | None
    body: dict[str, Any]


@dataclass
class Subworkflow:
    name: str
    params: list[tuple[str, Any]]  # (name, default or MISSING)
    steps: list[Step]


@dataclass
class Program:
    subworkflows: dict[str, Subworkflow]
    expressions: dict[str, Node] = field(default_factory=dict)

    def expression(self, source: str, where: str) -> Node:
        node = self.expressions.get(source)
        if node is None:
            node = compile_expression(source, where)
            self.expressions[source] = node
        return node


def read_source(source: str | Path) -> Any:
    if isinstance(source, Path):
        text = source.read_text(encoding="utf-8")
    elif "\n" not in source and Path(source).is_file():
        text = Path(source).read_text(encoding="utf-8")
    else:
        text = source
    try:
        return yaml.safe_load(text)  # YAML 1.1 is a superset of the JSON a workflow may also be written in
    except yaml.YAMLError as exc:
        raise WorkflowDefinitionError(f"the workflow is not valid YAML: {exc}") from exc


def load_program(source: str | Path) -> Program:
    document = read_source(source)
    if isinstance(document, list):
        document = {"main": {"steps": document}}
    if not isinstance(document, dict) or "main" not in document:
        raise WorkflowDefinitionError("a workflow is a list of steps or a map with a 'main' subworkflow")
    program = Program({})
    for name, spec in document.items():
        program.subworkflows[str(name)] = _load_subworkflow(str(name), spec)
    if len(program.subworkflows["main"].params) > 1:
        raise WorkflowDefinitionError("main takes at most one parameter (the execution argument)")
    _Checker(program).check()
    return program


def _load_subworkflow(name: str, spec: Any) -> Subworkflow:
    if not isinstance(spec, dict) or set(spec) - {"params", "steps"} or "steps" not in spec:
        raise WorkflowDefinitionError(f"subworkflow '{name}' must be a map with 'steps' and optional 'params'")
    params: list[tuple[str, Any]] = []
    for param in spec.get("params") or []:
        if isinstance(param, str):
            params.append((param, MISSING))
        elif isinstance(param, dict) and len(param) == 1:
            ((pname, default),) = param.items()
            params.append((str(pname), default))
        else:
            raise WorkflowDefinitionError(f"subworkflow '{name}': invalid parameter {param!r}")
    return Subworkflow(name, params, load_steps(spec["steps"], name))


def load_steps(raw: Any, where: str) -> list[Step]:
    if not isinstance(raw, list) or not raw:
        raise WorkflowDefinitionError(f"'{where}': 'steps' must be a non-empty list")
    steps: list[Step] = []
    for item in raw:
        if not isinstance(item, dict) or len(item) != 1:
            raise WorkflowDefinitionError(f"'{where}': each step is a map with exactly one step name, got {item!r}")
        ((name, body),) = item.items()
        steps.append(make_step(str(name), body))
    names = [s.name for s in steps]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise WorkflowDefinitionError(f"'{where}': duplicate step names {sorted(duplicates)}")
    return steps


def make_step(name: str, body: Any) -> Step:
    if not isinstance(body, dict):
        raise WorkflowDefinitionError(f"step '{name}': a step body must be a map, got {body!r}")
    primaries = [k for k in body if k in PRIMARY]
    if len(primaries) > 1:
        raise WorkflowDefinitionError(f"step '{name}': more than one action ({', '.join(primaries)})")
    kind = primaries[0] if primaries else None
    for key in body:
        if key != kind and key not in ALLOWED_WITH[kind]:
            raise WorkflowDefinitionError(
                f"step '{name}': unsupported keyword '{key}'" + (f" in a '{kind}' step" if kind else "")
            )
    if kind is None and "next" not in body:
        raise WorkflowDefinitionError(f"step '{name}': a step needs an action")
    return Step(name, kind, body)


class _Checker:
    """Walks every step once: nested blocks, call targets and expressions."""

    def __init__(self, program: Program) -> None:
        self.program = program

    def check(self) -> None:
        for sub in self.program.subworkflows.values():
            self.steps(sub.steps)

    def steps(self, steps: list[Step]) -> None:
        for step in steps:
            self.step(step)

    def value(self, value: Any, where: str) -> None:
        if is_expression(value):
            node = self.program.expression(value, where)
            for fn in called_functions(node):
                if fn not in FUNCTIONS and fn not in self.program.subworkflows:
                    raise WorkflowDefinitionError(f"step '{where}': unknown function '{fn}' in {value!r}")
        elif isinstance(value, dict):
            for k, v in value.items():
                self.value(k, where)
                self.value(v, where)
        elif isinstance(value, list):
            for v in value:
                self.value(v, where)

    def assign_key(self, key: str, where: str) -> None:
        if is_expression(key):
            raise WorkflowDefinitionError(f"step '{where}': an assignment target cannot be an expression: {key!r}")
        self.program.expression("${" + key + "}", where)

    def step(self, step: Step) -> None:
        b, n = step.body, step.name
        if "next" in b and not isinstance(b["next"], str):
            raise WorkflowDefinitionError(f"step '{n}': next must be a step name")
        handler = getattr(self, f"_{step.kind}", None) if step.kind else None
        if handler is not None:
            handler(step)

    def _assign(self, step: Step) -> None:
        items = step.body["assign"]
        if not isinstance(items, list) or not items:
            raise WorkflowDefinitionError(f"step '{step.name}': assign takes a list of single-key maps")
        for item in items:
            if not isinstance(item, dict) or len(item) != 1:
                raise WorkflowDefinitionError(f"step '{step.name}': each assignment is a single-key map")
            ((key, value),) = item.items()
            self.assign_key(str(key), step.name)
            self.value(value, step.name)

    def _call(self, step: Step) -> None:
        target = step.body["call"]
        if target not in FUNCTIONS and target not in self.program.subworkflows:
            raise WorkflowDefinitionError(f"step '{step.name}': call of unknown or unsupported function '{target}'")
        args = step.body.get("args", {})
        if not isinstance(args, dict):
            raise WorkflowDefinitionError(f"step '{step.name}': args must be a map")
        if target in FUNCTIONS:
            unknown = set(args) - set(FUNCTIONS[target].params)
            if unknown:
                raise WorkflowDefinitionError(
                    f"step '{step.name}': {target} does not take argument(s) {sorted(unknown)}"
                )
        self.value(args, step.name)
        if "result" in step.body:
            self.assign_key(str(step.body["result"]), step.name)

    def _switch(self, step: Step) -> None:
        conditions = step.body["switch"]
        if not isinstance(conditions, list) or not conditions:
            raise WorkflowDefinitionError(f"step '{step.name}': switch takes a non-empty list of conditions")
        for cond in conditions:
            if not isinstance(cond, dict) or "condition" not in cond:
                raise WorkflowDefinitionError(f"step '{step.name}': each switch item needs a 'condition'")
            unknown = set(cond) - SWITCH_KEYS
            if unknown:
                raise WorkflowDefinitionError(f"step '{step.name}': unsupported keyword(s) {sorted(unknown)} in switch")
            self.value(cond["condition"], step.name)
            for key in ("return", "raise"):
                if key in cond:
                    self.value(cond[key], step.name)
            if "assign" in cond:
                self._assign(Step(step.name, "assign", {"assign": cond["assign"]}))
            if "steps" in cond:
                cond["_steps"] = load_steps(cond["steps"], step.name)
                self.steps(cond["_steps"])

    def _for(self, step: Step) -> None:
        spec = step.body["for"]
        self._loop(spec, step.name)
        step.body["_steps"] = load_steps(spec["steps"], step.name)
        self.steps(step.body["_steps"])

    def _loop(self, spec: Any, where: str) -> None:
        if not isinstance(spec, dict) or "value" not in spec or "steps" not in spec:
            raise WorkflowDefinitionError(f"step '{where}': for needs 'value', 'steps' and 'in' or 'range'")
        unknown = set(spec) - FOR_KEYS
        if unknown:
            raise WorkflowDefinitionError(f"step '{where}': unsupported keyword(s) {sorted(unknown)} in for")
        if ("in" in spec) == ("range" in spec):
            raise WorkflowDefinitionError(f"step '{where}': for needs exactly one of 'in' or 'range'")
        self.value(spec.get("in", spec.get("range")), where)

    def _parallel(self, step: Step) -> None:
        spec = step.body["parallel"]
        n = step.name
        if not isinstance(spec, dict):
            raise WorkflowDefinitionError(f"step '{n}': parallel takes a map")
        unknown = set(spec) - PARALLEL_KEYS
        if unknown:
            raise WorkflowDefinitionError(f"step '{n}': unsupported keyword(s) {sorted(unknown)} in parallel")
        if spec.get("exception_policy", "continueAll") != "continueAll":
            raise WorkflowDefinitionError(f"step '{n}': continueAll is the only exception_policy")
        shared = spec.get("shared", [])
        if not isinstance(shared, list) or not all(isinstance(s, str) for s in shared):
            raise WorkflowDefinitionError(f"step '{n}': shared must be a list of variable names")
        self.value(spec.get("concurrency_limit"), n)
        if ("branches" in spec) == ("for" in spec):
            raise WorkflowDefinitionError(f"step '{n}': parallel needs exactly one of 'branches' or 'for'")
        if "for" in spec:
            self._loop(spec["for"], n)
            spec["_steps"] = load_steps(spec["for"]["steps"], n)
            self.steps(spec["_steps"])
            return
        branches = spec["branches"]
        if not isinstance(branches, list) or len(branches) < 2:
            raise WorkflowDefinitionError(f"step '{n}': parallel branches must be a list of at least two")
        loaded: list[tuple[str, list[Step]]] = []
        for branch in branches:
            if not isinstance(branch, dict) or len(branch) != 1:
                raise WorkflowDefinitionError(f"step '{n}': each branch is a map with one branch name")
            ((bname, bbody),) = branch.items()
            if not isinstance(bbody, dict) or set(bbody) != {"steps"}:
                raise WorkflowDefinitionError(f"step '{n}': branch '{bname}' must contain only 'steps'")
            loaded.append((str(bname), load_steps(bbody["steps"], str(bname))))
        spec["_branches"] = loaded
        for _, bsteps in loaded:
            self.steps(bsteps)

    def _raise(self, step: Step) -> None:
        self.value(step.body["raise"], step.name)

    def _return(self, step: Step) -> None:
        self.value(step.body["return"], step.name)

    def _steps(self, step: Step) -> None:
        step.body["_steps"] = load_steps(step.body["steps"], step.name)
        self.steps(step.body["_steps"])

    def _try(self, step: Step) -> None:
        n = step.name
        block = step.body["try"]
        inner = make_step(n, block)
        if inner.kind not in ("call", "steps", "assign", "raise", "return", "switch", "for", "parallel"):
            raise WorkflowDefinitionError(f"step '{n}': try needs a step body (call, steps, ...)")
        step.body["_try"] = inner
        self.step(inner)
        retry = step.body.get("retry")
        if retry is not None:
            self._retry(retry, n)
        if "except" in step.body:
            exc = step.body["except"]
            if not isinstance(exc, dict) or set(exc) - {"as", "steps"} or "steps" not in exc:
                raise WorkflowDefinitionError(f"step '{n}': except takes 'as' and 'steps' only")
            exc["_steps"] = load_steps(exc["steps"], n)
            self.steps(exc["_steps"])

    def _retry(self, retry: Any, where: str) -> None:
        if not isinstance(retry, dict):  # a whole policy as a value (${http.default_retry}) is not used here
            raise WorkflowDefinitionError(f"step '{where}': retry must be a map (predicate, max_retries, backoff)")
        unknown = set(retry) - RETRY_KEYS
        if unknown:
            raise WorkflowDefinitionError(f"step '{where}': unsupported keyword(s) {sorted(unknown)} in retry")
        for key in ("predicate", "max_retries", "backoff"):
            if key not in retry:
                raise WorkflowDefinitionError(f"step '{where}': retry needs '{key}'")
        backoff = retry["backoff"]
        if not isinstance(backoff, dict) or set(backoff) != BACKOFF_KEYS:
            raise WorkflowDefinitionError(
                f"step '{where}': backoff needs exactly initial_delay, max_delay and multiplier"
            )
        self.value(retry, where)
