"""Independent evaluation sets in `../shared/eval/set-N`: labels written from the regulations by reviewers who never
saw the code, so their score measures how the checks generalise, not how well they fit our own cases.

Format (`../shared/eval/README.md`): each case folder holds panel texts (`<panel>.txt`, `front` the principal display
panel), `context.json` (the context keys plus `panels`, a note for people) and `expected.json` (`must_fail`,
`must_flag`, `may_fail`). The cases are read where they are, never copied into the project, and nothing here knows any
case by name: a miss is fixed in the checker, for the class of label it stands for.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from labeliq.judge import build_judge
from labeliq.models import Finding, Panel, ProductContext, Report, Verdict

REPO = Path(__file__).resolve().parents[2]
SHARED_EVAL = REPO.parent / "shared" / "eval"
NOTE_KEYS = frozenset({"panels"})  # context.json keys that are notes for people, not ProductContext keys


class BrokenSetCase(ValueError):
    """A case folder that cannot be read (no panels, bad JSON, a context the product refuses)."""


class Expected(BaseModel):
    model_config = ConfigDict(extra="ignore")
    baseline: str | None = None
    must_fail: list[str] = Field(default_factory=list)
    must_flag: list[str] = Field(default_factory=list)
    may_fail: list[str] = Field(default_factory=list)
    note: str = ""


@dataclass
class SetCaseResult:
    name: str
    must: list[str] = field(default_factory=list)  # must_fail + must_flag
    matched: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_fails: list[tuple[str, Finding]] = field(default_factory=list)
    broken: str | None = None

    @property
    def passed(self) -> bool:
        return self.broken is None and not self.missed and not self.false_fails


def set_dirs(root: Path = SHARED_EVAL) -> list[Path]:
    """Every `set-N` folder under ../shared/eval, in order; none when ../shared is absent."""
    return sorted(p for p in root.glob("set-*") if p.is_dir()) if root.is_dir() else []


def case_dirs(set_dir: Path) -> list[Path]:
    return sorted(p for p in set_dir.iterdir() if p.is_dir() and (p / "expected.json").is_file())


def matches(expected_rule: str, finding_rule: str) -> bool:
    """`6.5` matches `6.5`, `6.5.1` and `6.5(a)` (the set's README), not `6.50`."""
    return finding_rule == expected_rule or finding_rule.startswith((expected_rule + ".", expected_rule + "("))


def load_case(folder: Path) -> tuple[list[Panel], ProductContext, Expected]:
    texts = {p.stem: p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.txt"))}
    if not texts:
        raise BrokenSetCase("no .txt panels")
    try:
        raw: dict[str, Any] = json.loads((folder / "context.json").read_text(encoding="utf-8"))
        expected = Expected.model_validate(json.loads((folder / "expected.json").read_text(encoding="utf-8")))
        context = ProductContext.model_validate({k: v for k, v in raw.items() if k not in NOTE_KEYS})
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise BrokenSetCase(str(exc).splitlines()[0]) from None
    # the parser gives each panel its role from its name (`front*` principal display, `bottom*` the bottom)
    return [Panel(name=stem, text=text) for stem, text in texts.items()], context, expected


def score(name: str, expected: Expected, report: Report) -> SetCaseResult:
    findings = [(checker, f) for checker, r in report.results.items() for f in r.findings]
    result = SetCaseResult(name=name, must=[*expected.must_fail, *expected.must_flag])
    for rule in expected.must_fail:
        hit = any(f.verdict == Verdict.FAIL and matches(rule, f.rule) for _, f in findings)
        (result.matched if hit else result.missed).append(rule)
    for rule in expected.must_flag:
        flagged = (Verdict.FAIL, Verdict.NEEDS_REVIEW)
        hit = any(f.verdict in flagged and matches(rule, f.rule) for _, f in findings)
        (result.matched if hit else result.missed).append(rule)
    allowed = [*expected.must_fail, *expected.must_flag, *expected.may_fail]
    result.false_fails = [
        (checker, f)
        for checker, f in findings
        if f.verdict == Verdict.FAIL and not any(matches(rule, f.rule) for rule in allowed)
    ]
    return result


def check_case(folder: Path) -> tuple[SetCaseResult, Report | None]:
    from labeliq.extraction.text_parser import parse_label
    from labeliq.pipeline import check_label

    try:
        panels, context, expected = load_case(folder)
    except BrokenSetCase as exc:
        return SetCaseResult(name=folder.name, broken=str(exc)), None
    # the offline judge, as `labeliq check` runs by default: open questions are needs_review, never a fail
    report = check_label(parse_label(panels), context, f"set-{folder.name}"[:64], build_judge(None))
    return score(folder.name, expected, report), report


def run_case(folder: Path) -> SetCaseResult:
    return check_case(folder)[0]


def evaluate_set(set_dir: Path) -> list[SetCaseResult]:
    return [run_case(folder) for folder in case_dirs(set_dir)]


@dataclass(frozen=True)
class SetScore:
    name: str
    cases: int
    must: int
    matched: int
    false_fails: int
    broken: int

    @property
    def recall(self) -> str:
        return f"{self.matched / self.must:.2f}" if self.must else "-"


def summarise(name: str, results: Sequence[SetCaseResult]) -> SetScore:
    return SetScore(
        name=name,
        cases=len(results),
        must=sum(len(r.must) for r in results),
        matched=sum(len(r.matched) for r in results),
        false_fails=sum(len(r.false_fails) for r in results),
        broken=sum(1 for r in results if r.broken),
    )


def details(set_name: str, results: Sequence[SetCaseResult]) -> list[str]:
    lines: list[str] = []
    for r in results:
        if r.broken:
            lines.append(f"BROKEN   {set_name}/{r.name}: {r.broken}")
        for rule in r.missed:
            lines.append(f"MISSED   {set_name}/{r.name}: {rule}")
        for checker, f in r.false_fails:
            lines.append(f"FALSE    {set_name}/{r.name}: {checker} failed {f.rule}: {f.message}")
    return lines
