"""The runner implements the standard library workflows/label_compliance.yaml uses, and nothing more.

A function the YAML starts to use fails this test until the runner implements it (with its reference semantics
and a test); a function the YAML stops using fails it until it is removed from the runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from devstack.wf_expr import Attr, Name, Node, called_functions
from devstack.wf_program import load_program
from devstack.wf_stdlib import CONSTANTS, FUNCTIONS, MODULES

WORKFLOW = Path(__file__).resolve().parents[2] / "workflows" / "label_compliance.yaml"
# The standard library's modules (Workflows reference, "Standard library"): a dotted name under one of them used as
# a value is a function reference (a retry predicate), not a variable.
STDLIB_MODULES = {
    "base64",
    "events",
    "hash",
    "http",
    "json",
    "list",
    "map",
    "math",
    "retry",
    "sys",
    "text",
    "time",
    "uuid",
}


def dotted(node: Node) -> str | None:
    """`http.default_retry_predicate` for the node of that name used as a value (a retry predicate)."""
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Attr):
        head = dotted(node.target)
        return f"{head}.{node.name}" if head else None
    return None


def referenced_functions(node: Node) -> set[str]:
    """Functions an expression calls, and stdlib functions it names as values (`${http.default_retry_predicate}`)."""
    names = set(called_functions(node))
    stack: list[Any] = [node]
    while stack:
        cur = stack.pop()
        name = dotted(cur)
        if name is not None and "." in name and name.split(".")[0] in STDLIB_MODULES:
            names.add(name)
            continue
        for child in vars(cur).values():
            if isinstance(child, Node):
                stack.append(child)
            elif isinstance(child, tuple):
                stack.extend(c for c in child if isinstance(c, Node))
                stack.extend(v for c in child if isinstance(c, tuple) for v in c if isinstance(v, Node))
    return names


def call_targets(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {value["call"]} if isinstance(value.get("call"), str) else set()
        return found.union(*(call_targets(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(call_targets(v) for v in value))
    return set()


def used_by_the_yaml() -> set[str]:
    program = load_program(WORKFLOW)
    names = call_targets(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")))
    for node in program.expressions.values():
        names |= referenced_functions(node)
    return names - set(program.subworkflows)


def test_the_runner_implements_exactly_the_functions_the_yaml_uses() -> None:
    assert set(FUNCTIONS) == used_by_the_yaml()


def test_the_pinned_subset() -> None:
    # The list itself, so a change shows in review: what label_compliance.yaml calls.
    assert sorted(FUNCTIONS) == [
        "default",
        "get_type",
        "http.default_retry_predicate",
        "http.post",
        "json.encode_to_string",
        "map.get",
        "string",
        "sys.get_env",
        "sys.log",
        "text.match_regex",
        "text.split",
    ]
    assert set(CONSTANTS) == {"http.default_retry_predicate"}
    assert {name.split(".")[0] for name in FUNCTIONS if "." in name} == MODULES
