"""The evaluation set as tests: every case meets its expectations (recall 1.0, no false fails), and the runner
itself refuses a case that would measure nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from labeliq.models import (
    CheckResult,
    Finding,
    GroupResult,
    LabelFacts,
    ProductContext,
    Report,
    Verdict,
)
from labeliq.report import build_report
from tests.eval import run_eval
from tests.eval.run_eval import BrokenCase, CaseResult, Edit, EvalCase, apply_edits, covers, run_case, score

CASES = run_eval.case_paths()


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_case_meets_expectations(path: Path) -> None:
    result = run_case(path)
    assert result.broken is None, f"broken case: {result.broken}"
    if result.skipped:
        pytest.skip(result.skipped)
    missed = sorted(set(result.expected_fails) - set(result.caught))
    assert not missed, f"expected fails not caught: {missed}; mismatches: {result.mismatches}"
    assert not result.false_fails, "false fails: " + "; ".join(
        f"{checker} {f.rule}: {f.message}" for checker, f in result.false_fails
    )
    assert not result.mismatches, f"mismatches: {result.mismatches}"
    assert not result.unactionable, "findings a specialist cannot act on: " + "; ".join(result.unactionable)


# --- the runner ------------------------------------------------------------------------------------------------

PANELS = {"back": "Best before / Meilleur avant\n27 MR 15\nStore in a cool, dry place.", "front": "Oat Bars"}


def test_edit_replaces_its_single_occurrence() -> None:
    edited = apply_edits(PANELS, [Edit(panel="back", find="27 MR 15", replace="2027-03-15")])
    assert "2027-03-15" in edited["back"]
    assert "27 MR 15" not in edited["back"]
    assert PANELS["back"].count("27 MR 15") == 1  # the base is not modified


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        pytest.param(Edit(panel="back", find="28 JN 30", replace="x"), "occurs 0 times", id="find-absent"),
        pytest.param(Edit(panel="back", find="e", replace="x"), "not once", id="find-ambiguous"),
        pytest.param(Edit(panel="side", find="27 MR 15", replace="x"), "no panel 'side'", id="unknown-panel"),
    ],
)
def test_edit_that_does_not_apply_once_breaks_the_case(edit: Edit, problem: str) -> None:
    with pytest.raises(BrokenCase, match=problem):
        apply_edits(PANELS, [edit])


def test_second_edit_sees_the_first() -> None:
    edits = [Edit(panel="front", find="Oat", replace="Rye"), Edit(panel="front", find="Rye Bars", replace="Rye Loaf")]
    assert apply_edits(PANELS, edits)["front"] == "Rye Loaf"


def _write_case(tmp_path: Path, checker: str, case: dict[str, object]) -> Path:
    folder = tmp_path / "cases" / checker
    folder.mkdir(parents=True)
    path = folder / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


def _sample(tmp_path: Path) -> Path:
    sample = tmp_path / "samples" / "mini"
    sample.mkdir(parents=True)
    (sample / "front.txt").write_text("Oat Bars\nBarres d'avoine\n210 g\n", encoding="utf-8")
    (sample / "context.json").write_text('{"date": "2026-11-24"}', encoding="utf-8")
    return tmp_path / "samples"


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        pytest.param({"base": "absent", "expect": {}}, "does not exist", id="unknown-base"),
        pytest.param({"base": "mini", "expect": {"6.4": "failed"}}, "expect.6.4", id="bad-verdict"),
        pytest.param({"base": "mini", "colour": "red"}, "colour", id="unknown-key"),
        pytest.param({"base": "mini", "context": {"flavour": "x"}}, "flavour", id="unknown-context-key"),
        pytest.param({"base": "mini", "context": {"date": "24/11/2026"}}, "date", id="bad-context-date"),
        pytest.param(
            {"base": "mini", "edits": [{"panel": "front", "find": "Rye", "replace": "x"}]},
            "occurs 0 times",
            id="edit-absent",
        ),
    ],
)
def test_broken_cases_are_reported_not_run(tmp_path: Path, case: dict[str, object], problem: str) -> None:
    samples = _sample(tmp_path)
    result = run_case(_write_case(tmp_path, "date_marking", case), samples, built={"date_marking"})
    assert result.broken is not None
    assert problem in result.broken


def test_case_in_an_unknown_checker_folder_is_broken(tmp_path: Path) -> None:
    samples = _sample(tmp_path)
    result = run_case(_write_case(tmp_path, "date_markings", {"base": "mini"}), samples, built=set())
    assert result.broken is not None and "not a registered checker" in result.broken


def test_case_of_a_checker_not_built_is_skipped_visibly(tmp_path: Path) -> None:
    samples = _sample(tmp_path)
    result = run_case(_write_case(tmp_path, "sweeteners", {"base": "mini"}), samples, built=set())
    assert result.broken is None
    assert result.skipped == "checker sweeteners is not built yet"


@pytest.mark.parametrize(
    ("expected", "finding", "covered"),
    [
        pytest.param("10.B", "10.B", True, id="same-id"),
        pytest.param("10.B", "10.B.fat", True, id="sub-id"),
        pytest.param("10.B", "10.BX", False, id="longer-label-is-another-rule"),
        pytest.param("10.B", "10", False, id="parent-is-not-covered"),
        pytest.param("6.5", "6.50", False, id="6.50-is-not-6.5"),
    ],
)
def test_rule_coverage(expected: str, finding: str, covered: bool) -> None:
    assert covers(expected, finding) is covered


def _report(findings: dict[str, list[Finding]]) -> Report:
    results = {
        name: CheckResult.from_findings(name, "content" if name == "date_marking" else "tables", found)
        for name, found in findings.items()
    }
    groups = [
        GroupResult(job_id="j", group="content", results={k: v for k, v in results.items() if v.group == "content"}),
        GroupResult(job_id="j", group="tables", results={k: v for k, v in results.items() if v.group == "tables"}),
    ]
    return build_report(
        "j",
        LabelFacts(),
        ProductContext(date=dt.date(2026, 11, 24)),
        groups,
        checkers=list(findings),
    )


def _finding(rule: str, verdict: Verdict) -> Finding:
    return Finding(rule=rule, verdict=verdict, message=f"{rule} {verdict.value}", citation="FDR B.01.007(1.1)")


def test_score_counts_caught_missed_and_false_fails() -> None:
    case = EvalCase(base="mini", expect={"6.4": Verdict.FAIL, "10.B": Verdict.FAIL, "6.1": Verdict.PASS})
    report = _report(
        {
            "date_marking": [_finding("6.4", Verdict.FAIL), _finding("6.1", Verdict.NEEDS_REVIEW)],
            "nutrition_facts": [_finding("10.B.fat", Verdict.PASS), _finding("10.E1.sodium", Verdict.FAIL)],
        }
    )
    result = score(CaseResult(checker="date_marking", name="c", path=Path("c.json")), case, report)
    assert result.expected_fails == ["6.4", "10.B"]
    assert result.caught == ["6.4"]
    assert result.mismatches == ["10.B: expected fail, got pass", "6.1: expected pass, got needs_review"]
    assert [(c, f.rule) for c, f in result.false_fails] == [("nutrition_facts", "10.E1.sodium")]


def test_compliant_case_with_empty_expect_flags_every_fail() -> None:
    report = _report({"date_marking": [_finding("6.5", Verdict.FAIL), _finding("6.1", Verdict.PASS)]})
    result = score(CaseResult(checker="date_marking", name="c", path=Path("c.json")), EvalCase(base="m"), report)
    assert [f.rule for _, f in result.false_fails] == ["6.5"]
    assert result.expected_fails == [] and result.mismatches == []


def _install_fake_date_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in date checker: fails 6.4 on an ISO date and needs review of 6.2 without durable life."""
    import sys
    import types

    from labeliq.checks import registry

    def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
        found = [_finding("6.4", Verdict.FAIL if "2027-03-15" in facts.full_text() else Verdict.PASS)]
        if context.durable_life_days is None:
            found.append(_finding("6.2", Verdict.NEEDS_REVIEW))
        return found

    module = types.ModuleType("labeliq.checks.fake_dates")
    module.check = check  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "labeliq.checks.fake_dates", module)
    monkeypatch.setattr(registry, "CHECKERS", (registry.CheckerSpec("date_marking", "content", "fake_dates"),))


def test_a_case_runs_end_to_end_through_the_parser_and_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install_fake_date_checker(monkeypatch)
    samples = _sample(tmp_path)
    (samples / "mini" / "back.txt").write_text("Best before / Meilleur avant\n27 MR 15\n", encoding="utf-8")
    case = {
        "base": "mini",
        "edits": [{"panel": "back", "find": "27 MR 15", "replace": "2027-03-15"}],
        "context": {"durable_life_days": None},
        "expect": {"6.4": "fail", "6.2": "needs_review"},
    }
    result = run_case(_write_case(tmp_path, "date_marking", case), samples)
    assert result.broken is None and result.skipped is None
    assert result.caught == ["6.4"] and result.mismatches == [] and result.false_fails == []


def test_main_prints_per_checker_numbers_and_fails_on_broken_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _install_fake_date_checker(monkeypatch)
    samples = _sample(tmp_path)
    (samples / "mini" / "back.txt").write_text("Best before\n27 MR 15\n", encoding="utf-8")
    good = {"base": "mini", "edits": [{"panel": "back", "find": "27 MR 15", "replace": "2027-03-15"}]}
    _write_case(tmp_path, "date_marking", {**good, "expect": {"6.4": "fail"}})
    assert run_eval.main(["--cases", str(tmp_path / "cases"), "--samples", str(samples)]) == 0
    table = capsys.readouterr().out
    row = next(line for line in table.splitlines() if line.startswith("date_marking"))
    assert row.split() == ["date_marking", "1", "1", "1", "1", "1.00", "0"]

    broken = tmp_path / "cases" / "date_marking" / "broken.json"
    broken.write_text(json.dumps({"base": "mini", "edits": [{"panel": "back", "find": "JU", "replace": "x"}]}))
    assert run_eval.main(["--cases", str(tmp_path / "cases"), "--samples", str(samples)]) == 1
    assert "BROKEN   date_marking/broken" in capsys.readouterr().out


def test_false_fails_are_counted_against_the_checker_that_made_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _install_fake_date_checker(monkeypatch)
    samples = _sample(tmp_path)
    (samples / "mini" / "back.txt").write_text("Best before\n2027-03-15\n", encoding="utf-8")
    _write_case(tmp_path, "date_marking", {"base": "mini"})  # claims the label is compliant
    run_eval.main(["--cases", str(tmp_path / "cases"), "--samples", str(samples)])
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("date_marking"))
    assert row.split() == ["date_marking", "1", "1", "0", "0", "-", "1"]
    assert "FALSE    date_marking/case: date_marking failed 6.4" in out


# --- the bases ---------------------------------------------------------------------------------------------------

BASES = sorted(p for p in run_eval.BASES_DIR.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", BASES, ids=[p.name for p in BASES])
def test_base_label_ends_pass(folder: Path) -> None:
    """Each base is a compliant label written from the regulations (its NOTES.md checks it by hand): read from text it
    ends `pass`, with no fail and no open question other than the package checks text cannot see (type size, borders).
    A base that ends otherwise is either not compliant (fix the base) or judged wrongly (fix the check)."""
    from labeliq.extraction.text_parser import parse_label
    from labeliq.intake import make_panel
    from labeliq.judge import build_judge
    from labeliq.pipeline import check_label

    texts, context = run_eval.load_base(run_eval.SAMPLES_DIR, folder.name)
    panels = [make_panel(name, text) for name, text in texts.items()]
    report = check_label(parse_label(panels), run_eval.build_context(context, {}), "base", build_judge(None))
    open_items = sorted(set(report.summary.needs_review_rules) - set(report.summary.package_checks))
    assert report.summary.verdict == Verdict.PASS, (
        f"{folder.name} ends {report.summary.verdict.value}: fails {report.summary.failing_rules}, "
        f"questions {open_items}"
    )
