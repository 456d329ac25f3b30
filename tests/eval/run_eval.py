"""`make eval`: run the evaluation cases and print, per checker, recall on expected fails and false fails.

A case (docs/conventions.md) is a sample label with one thing changed and the verdicts the regulation gives.
It goes through the same parser and pipeline as `labeliq check`, so the numbers measure the product, not a
test double. A case whose edit does not apply exactly once is broken: it would measure nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from labeliq.checks import registry
from labeliq.intake import make_panel
from labeliq.judge import build_judge
from labeliq.models import Finding, Panel, ProductContext, Report, Verdict
from tests.eval import external_set
from tests.report.actionable import finding_problems

REPO = Path(__file__).resolve().parents[2]
CASES_DIR = REPO / "tests" / "eval" / "cases"
SAMPLES_DIR = REPO / "samples"
# Labels of product types the samples do not cover (cheese, meat, confectionery, ...), written for the eval from the
# regulations; each folder's NOTES.md re-checks its numbers by hand. A case's `base` is looked up in samples/ first.
BASES_DIR = REPO / "tests" / "eval" / "bases"


class BrokenCase(ValueError):
    """The case itself is wrong (bad JSON, unknown base or panel, an edit that does not apply once)."""


class Edit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    panel: str
    find: str = Field(min_length=1)
    replace: str


class EvalCase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    base: str
    description: str = ""
    edits: list[Edit] = Field(default_factory=list)
    context: dict[str, Any] = Field(default_factory=dict)
    expect: dict[str, Verdict] = Field(default_factory=dict)


@dataclass
class CaseResult:
    checker: str  # the folder the case is in: the checker it is about
    name: str
    path: Path
    expected_fails: list[str] = field(default_factory=list)
    caught: list[str] = field(default_factory=list)  # expected fails that failed
    mismatches: list[str] = field(default_factory=list)  # any expectation not met, described
    false_fails: list[tuple[str, Finding]] = field(default_factory=list)  # (checker, finding) not expected
    unactionable: list[str] = field(default_factory=list)  # a fail without a fix, a review without a question, ...
    broken: str | None = None
    skipped: str | None = None

    @property
    def case_id(self) -> str:
        return f"{self.checker}/{self.name}"


def load_case(path: Path) -> EvalCase:
    try:
        return EvalCase.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as exc:
        raise BrokenCase(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'case'}: {e['msg']}" for e in exc.errors())
        raise BrokenCase(f"not a valid case: {problems}") from None


def load_base(samples_dir: Path, base: str) -> tuple[dict[str, str], dict[str, Any]]:
    folder = samples_dir / base
    if not folder.is_dir():
        folder = BASES_DIR / base
    if not folder.is_dir():
        raise BrokenCase(f"base sample '{base}' does not exist in {samples_dir} nor in {BASES_DIR}")
    panels = {p.stem: p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.txt"))}
    if not panels:
        raise BrokenCase(f"base sample '{base}' has no .txt panels")
    context_file = folder / "context.json"
    context = json.loads(context_file.read_text(encoding="utf-8")) if context_file.exists() else {}
    return panels, context


def apply_edits(panels: dict[str, str], edits: Sequence[Edit]) -> dict[str, str]:
    """Each edit's `find` must occur exactly once in its panel, so an edit never lands somewhere unintended."""
    edited = dict(panels)
    for number, edit in enumerate(edits, start=1):
        if edit.panel not in edited:
            raise BrokenCase(f"edit {number}: no panel '{edit.panel}' (panels: {', '.join(sorted(edited))})")
        occurrences = edited[edit.panel].count(edit.find)
        if occurrences != 1:
            raise BrokenCase(
                f"edit {number}: {edit.find!r} occurs {occurrences} times in panel '{edit.panel}', not once"
            )
        edited[edit.panel] = edited[edit.panel].replace(edit.find, edit.replace)
    return edited


def build_context(base_context: dict[str, Any], overrides: dict[str, Any]) -> ProductContext:
    try:
        return ProductContext.model_validate({**base_context, **overrides})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise BrokenCase(f"context: {problems}") from None


def covers(expected_rule: str, finding_rule: str) -> bool:
    """`10.B` in expect covers the findings `10.B` and `10.B.fat`, not `10.BX` nor `10`."""
    return finding_rule == expected_rule or finding_rule.startswith(expected_rule + ".")


def score(result: CaseResult, case: EvalCase, report: Report) -> CaseResult:
    """Compare a report with a case's expectations; fills caught, mismatches and false_fails."""
    findings = [(name, f) for name, r in report.results.items() for f in r.findings]
    for rule, verdict in case.expect.items():
        got = [f.verdict for _, f in findings if covers(rule, f.rule)]
        met = verdict in got
        if verdict == Verdict.FAIL:
            result.expected_fails.append(rule)
            if met:
                result.caught.append(rule)
        if not met:
            seen = ", ".join(sorted({v.value for v in got})) or "no finding"
            result.mismatches.append(f"{rule}: expected {verdict.value}, got {seen}")
    for checker, finding in findings:
        if finding.verdict == Verdict.FAIL and not any(covers(rule, finding.rule) for rule in case.expect):
            result.false_fails.append((checker, finding))
        result.unactionable += finding_problems(checker, finding)
    return result


def built_checkers() -> set[str]:
    return {spec.name for spec in registry.available_checkers()}


def run_case(path: Path, samples_dir: Path = SAMPLES_DIR, built: set[str] | None = None) -> CaseResult:
    checker = path.parent.name
    result = CaseResult(checker=checker, name=path.stem, path=path)
    registered = {spec.name for spec in registry.CHECKERS}
    try:
        if checker not in registered:
            raise BrokenCase(f"folder '{checker}' is not a registered checker")
        case = load_case(path)
        texts, base_context = load_base(samples_dir, case.base)
        panels: list[Panel] = [make_panel(name, text) for name, text in apply_edits(texts, case.edits).items()]
        context = build_context(base_context, case.context)
    except BrokenCase as exc:
        result.broken = str(exc)
        return result
    if checker not in (built if built is not None else built_checkers()):
        result.skipped = f"checker {checker} is not built yet"
        return result
    from labeliq.extraction.text_parser import parse_label  # imported on use: broken cases need no parser
    from labeliq.pipeline import check_label

    # The offline judge, as `labeliq check` runs by default: its open questions are needs_review, never a fail.
    report = check_label(parse_label(panels), context, f"eval-{checker}-{path.stem}"[:64], build_judge(None))
    return score(result, case, report)


def case_paths(cases_dir: Path = CASES_DIR) -> list[Path]:
    return sorted(cases_dir.glob("*/*.json"))


def evaluate(cases_dir: Path = CASES_DIR, samples_dir: Path = SAMPLES_DIR) -> list[CaseResult]:
    built = built_checkers()
    return [run_case(path, samples_dir, built) for path in case_paths(cases_dir)]


def _recall(caught: int, expected: int) -> str:
    return f"{caught / expected:.2f}" if expected else "-"


def format_results(results: Sequence[CaseResult]) -> str:
    checkers = [spec.name for spec in registry.CHECKERS]
    checkers += sorted({r.checker for r in results} - set(checkers))
    false_by_checker: dict[str, int] = {}
    for result in results:
        for checker, _ in result.false_fails:
            false_by_checker[checker] = false_by_checker.get(checker, 0) + 1
    header = f"{'checker':<20} {'cases':>5} {'run':>4} {'exp.fails':>9} {'caught':>6} {'recall':>6} {'false fails':>11}"
    lines = [header, "-" * len(header)]
    totals = [0, 0, 0, 0, 0]
    for checker in checkers:
        mine = [r for r in results if r.checker == checker]
        ran = [r for r in mine if r.broken is None and r.skipped is None]
        expected = sum(len(r.expected_fails) for r in ran)
        caught = sum(len(r.caught) for r in ran)
        false = false_by_checker.get(checker, 0)
        if not mine and not false:
            continue
        for i, value in enumerate((len(mine), len(ran), expected, caught, false)):
            totals[i] += value
        lines.append(
            f"{checker:<20} {len(mine):>5} {len(ran):>4} {expected:>9} {caught:>6} "
            f"{_recall(caught, expected):>6} {false:>11}"
        )
    lines.append("-" * len(header))
    cases, ran_n, expected, caught, false = totals
    lines.append(
        f"{'all':<20} {cases:>5} {ran_n:>4} {expected:>9} {caught:>6} {_recall(caught, expected):>6} {false:>11}"
    )
    details = []
    for result in results:
        if result.broken:
            details.append(f"BROKEN   {result.case_id}: {result.broken}")
        elif result.skipped:
            details.append(f"SKIPPED  {result.case_id}: {result.skipped}")
        for mismatch in result.mismatches:
            details.append(f"MISMATCH {result.case_id}: {mismatch}")
        for checker, finding in result.false_fails:
            details.append(f"FALSE    {result.case_id}: {checker} failed {finding.rule}: {finding.message}")
    if details:
        lines += ["", *details]
    return "\n".join(lines)


def ours_score(results: Sequence[CaseResult]) -> external_set.SetScore:
    ran = [r for r in results if r.broken is None and r.skipped is None]
    return external_set.SetScore(
        name="ours",
        cases=len(results),
        must=sum(len(r.expected_fails) for r in ran),
        matched=sum(len(r.caught) for r in ran),
        false_fails=sum(len(r.false_fails) for r in ran),
        broken=sum(1 for r in results if r.broken),
    )


def format_sets(scores: Sequence[external_set.SetScore]) -> str:
    header = f"{'set':<8} {'cases':>5} {'must':>5} {'caught':>6} {'recall':>6} {'false fails':>11}"
    rows = [f"{s.name:<8} {s.cases:>5} {s.must:>5} {s.matched:>6} {s.recall:>6} {s.false_fails:>11}" for s in scores]
    return "\n".join([header, "-" * len(header), *rows])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.run_eval", description=__doc__)
    parser.add_argument("--cases", type=Path, default=CASES_DIR)
    parser.add_argument("--samples", type=Path, default=SAMPLES_DIR)
    parser.add_argument(
        "--sets",
        type=Path,
        default=external_set.SHARED_EVAL,
        help="folder holding the independent sets (set-N); skipped with a note when absent",
    )
    args = parser.parse_args(argv)
    results = evaluate(args.cases, args.samples)
    if not results:
        print(f"no evaluation cases in {args.cases}")
        return 1
    print(format_results(results))
    scores = [ours_score(results)]
    sets = external_set.set_dirs(args.sets)
    for set_dir in sets:
        set_results = external_set.evaluate_set(set_dir)
        scores.append(external_set.summarise(set_dir.name, set_results))
        extra = external_set.details(set_dir.name, set_results)
        if extra:
            print("\n" + "\n".join(extra))
    if not sets:
        print(f"\nno independent sets: {args.sets} is absent (it lives in ../shared/eval)")
    print("\n" + format_sets(scores))
    broken = [r for r in results if r.broken]
    if broken:
        print(f"\n{len(broken)} broken case(s): fix them, they measure nothing", file=sys.stderr)
        return 1
    if any(s.broken for s in scores[1:]):
        print("\nan independent set has unreadable cases (BROKEN above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
