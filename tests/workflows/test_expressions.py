"""The expression language, pinned to the Workflows reference (syntax/datatypes "Order of operations", stdlib)."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest

from devstack.wf_stdlib import RecordingSleeper
from devstack.workflow_runner import WorkflowError, run_workflow

VARS = {
    "m": {"a": {"b": 1}, "list": [10, 20, 30], "name": "incoming/J-1/job.json"},
    "n": 7,
    "s": "abc",
}


def evaluate(expression: str) -> Any:
    source = f"""
    main:
      params: [vars]
      steps:
        - unpack:
            assign:
              - m: ${{vars.m}}
              - n: ${{vars.n}}
              - s: ${{vars.s}}
        - answer:
            return: {json.dumps(expression)}
    """
    return run_workflow(textwrap.dedent(source), VARS, {}, sleeper=RecordingSleeper(), log_sink=lambda r: None)


def error_tags(expression: str) -> list[str]:
    with pytest.raises(WorkflowError) as info:
        evaluate(expression)
    tags = info.value.error["tags"]
    assert isinstance(tags, list)
    return tags


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # literals
        pytest.param("${1}", 1, id="int"),
        pytest.param("${1.5}", 1.5, id="double"),
        pytest.param('${"a\\"b"}', 'a"b', id="escaped-string"),
        pytest.param("${'single'}", "single", id="single-quoted"),
        pytest.param("${null}", None, id="null"),
        pytest.param("${True}", True, id="bool-capitalised"),
        pytest.param('${[1, "x"]}', [1, "x"], id="list-literal"),
        # order of operations: "*, /, //, %" above "+, -" above comparisons above "and" above "or"
        pytest.param("${1 + 2 * 3}", 7, id="mul-before-add"),
        pytest.param("${(1 + 2) * 3}", 9, id="parentheses"),
        pytest.param("${7 // 2}", 3, id="floor-division"),
        pytest.param("${-7 // 2}", -4, id="floor-division-negative"),
        pytest.param("${7 % 3}", 1, id="remainder"),
        pytest.param("${7 / 2}", 3.5, id="division"),
        pytest.param("${1 < 2 and 2 < 1 or true}", True, id="and-before-or"),
        pytest.param("${true or false and false}", True, id="or-lowest"),
        pytest.param("${not false and true}", True, id="not"),
        pytest.param("${NOT (1 == 1) OR FALSE}", False, id="upper-case-logical"),
        pytest.param("${-n + 10}", 3, id="unary-minus"),
        # access: "." then "[]"
        pytest.param("${m.a.b}", 1, id="dot-access"),
        pytest.param('${m["a"]["b"]}', 1, id="bracket-access"),
        pytest.param("${m.list[1] + m.list[2]}", 50, id="list-index"),
        # comparisons and membership
        pytest.param('${s == "abc"}', True, id="string-equality"),
        pytest.param("${1 == 1.0}", True, id="int-equals-double"),
        pytest.param("${1 == true}", False, id="bool-is-not-int"),
        pytest.param('${"abd" > s}', True, id="string-order"),
        pytest.param('${"a" in m}', True, id="key-in-map"),
        pytest.param('${"zz" in m}', False, id="key-not-in-map"),
        pytest.param("${20 in m.list}", True, id="value-in-list"),
        pytest.param('${s + "-" + string(n)}', "abc-7", id="concatenation"),
        # standard library used by the YAML
        pytest.param('${default(map.get(m, "missing"), "fallback")}', "fallback", id="default-map-get"),
        pytest.param('${map.get(m, ["a", "b"])}', 1, id="map-get-path"),
        pytest.param('${map.get(m, ["a", "x", "y"])}', None, id="map-get-missing-path"),
        pytest.param("${get_type(m)}", "map", id="get-type"),
        pytest.param('${text.match_regex(m.name, "^incoming/[^/]+/job\\\\.json$")}', True, id="match-regex"),
        pytest.param(
            '${text.match_regex("incoming/J/front.png", "^incoming/[^/]+/job\\\\.json$")}', False, id="regex-no"
        ),
        pytest.param('${text.split(m.name, "/")[1]}', "J-1", id="split"),
        pytest.param("${json.encode_to_string(m.a)}", '{"b":1}', id="json-encode"),
        pytest.param("${string(true)}", "true", id="string-of-bool"),
        pytest.param('${json.encode_to_string("HTTP 503")}', '"HTTP 503"', id="json-encode-string"),
    ],
)
def test_expression(expression: str, expected: Any) -> None:
    assert evaluate(expression) == expected


@pytest.mark.parametrize(
    ("expression", "tag"),
    [
        pytest.param('${"a" + 1}', "TypeError", id="string-plus-int"),
        pytest.param("${1 and true}", "TypeError", id="and-needs-booleans"),
        pytest.param("${not 1}", "TypeError", id="not-needs-boolean"),
        pytest.param("${m.nope}", "KeyError", id="missing-key"),
        pytest.param('${m["nope"]}', "KeyError", id="missing-key-bracket"),
        pytest.param("${m.list[3]}", "IndexError", id="index-out-of-range"),
        pytest.param("${undefined_variable}", "KeyError", id="undefined-variable"),
        pytest.param("${1 / 0}", "ZeroDivisionError", id="division-by-zero"),
        pytest.param('${1 < "2"}', "TypeError", id="compare-mixed-types"),
        # "not" binds tighter than comparisons in the documented order, so this is (not 1) == 2: a TypeError.
        pytest.param("${not 1 == 2}", "TypeError", id="not-binds-tighter-than-equality"),
        pytest.param('${text.split("a/b", "")}', "ValueError", id="split-on-nothing"),
        pytest.param("${string([1])}", "TypeError", id="string-of-a-list"),
    ],
)
def test_expression_errors(expression: str, tag: str) -> None:
    assert tag in error_tags(expression)


def test_a_string_that_is_not_wholly_an_expression_is_literal() -> None:
    assert evaluate("job ${n}") == "job ${n}"
