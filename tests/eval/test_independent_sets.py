"""The independent sets in ../shared/eval (labels written from the regulations by reviewers who never saw the
code) held at recall 1.0 with no false fail: every must rule caught, no fail outside the allowed rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from labeliq.models import Finding, Report, Verdict
from tests.eval import external_set
from tests.eval.external_set import Expected, matches, score

SETS = external_set.set_dirs()
CASES = [case for set_dir in SETS for case in external_set.case_dirs(set_dir)]
_ABSENT = f"the independent sets are not here: {external_set.SHARED_EVAL} is absent (it lives in ../shared/eval)"


@pytest.mark.skipif(not CASES, reason=_ABSENT)
@pytest.mark.parametrize("folder", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_independent_case(folder: Path) -> None:
    result = external_set.run_case(folder)
    assert result.broken is None, f"unreadable case: {result.broken}"
    assert not result.missed, f"must rules not caught: {result.missed}"
    assert not result.false_fails, "false fails: " + "; ".join(
        f"{checker} {f.rule}: {f.message}" for checker, f in result.false_fails
    )


@pytest.mark.parametrize(
    ("expected", "finding", "hit"),
    [
        pytest.param("6.5", "6.5", True, id="same"),
        pytest.param("6.5", "6.5.1", True, id="dotted-sub-id"),
        pytest.param("6.5", "6.5(a)", True, id="bracketed-sub-id"),
        pytest.param("6.5", "6.50", False, id="another-rule"),
        pytest.param("14.B", "14.B.source.fibre", True, id="claim-sub-id"),
    ],
)
def test_rule_matching(expected: str, finding: str, hit: bool) -> None:
    assert matches(expected, finding) is hit


def _report(*findings: Finding) -> Report:
    from tests.eval.test_eval_set import _report as build

    return build({"health_claims": list(findings)})


def _f(rule: str, verdict: Verdict) -> Finding:
    return Finding(rule=rule, verdict=verdict, message=rule, citation="FDR B.01.503(1)")


def test_must_flag_accepts_review_and_must_fail_does_not() -> None:
    expected = Expected(must_fail=["14.B"], must_flag=["8.13"])
    result = score(
        "c", expected, _report(_f("14.B.source.fibre", Verdict.NEEDS_REVIEW), _f("8.13", Verdict.NEEDS_REVIEW))
    )
    assert result.matched == ["8.13"] and result.missed == ["14.B"]


def test_a_fail_outside_must_and_may_is_false() -> None:
    expected = Expected(must_fail=["14.B"], may_fail=["14.A7"])
    found = _report(_f("14.B.source.fibre", Verdict.FAIL), _f("14.A7", Verdict.FAIL), _f("14.A14", Verdict.FAIL))
    result = score("c", expected, found)
    assert result.missed == [] and [f.rule for _, f in result.false_fails] == ["14.A14"]


def test_sets_are_found_only_where_they_are(tmp_path: Path) -> None:
    assert external_set.set_dirs(tmp_path / "absent") == []
    (tmp_path / "set-2" / "001-case").mkdir(parents=True)
    (tmp_path / "set-2" / "001-case" / "expected.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    assert [p.name for p in external_set.set_dirs(tmp_path)] == ["set-2"]
    assert [p.name for p in external_set.case_dirs(tmp_path / "set-2")] == ["001-case"]


def test_a_case_without_panels_is_broken_not_passed(tmp_path: Path) -> None:
    folder = tmp_path / "001-empty"
    folder.mkdir()
    (folder / "expected.json").write_text('{"must_fail": ["1.1"]}', encoding="utf-8")
    result = external_set.run_case(folder)
    assert result.broken == "no .txt panels" and not result.passed
