"""Every rule of the reference is declared by some checker or named in NOT_JUDGED with the reason it is not.

Issue 4: a rule that text cannot judge still yields `needs_review` (or `not_applicable`) so a reader sees it was
considered; silence is the failure this test catches. It parses the rule identifiers from cfia-rules.md the way
shared/domain/README.md defines them and compares them, as sets in both directions, with the rule registry
(labeliq.checks.rules_index); the ids the checkers emit over every sample and eval case must all be declared rules.
"""

from __future__ import annotations

import re
from functools import cache

from labeliq.checks.llm_judge import QUESTIONS
from labeliq.checks.rules_index import NOT_JUDGED, UnknownRule, declared, id_key, modules_using, rule_for
from labeliq.extraction.text_parser import parse_label
from labeliq.intake import make_panel
from labeliq.judge import build_judge
from labeliq.models import Panel, ProductContext
from labeliq.pipeline import check_label
from tests.eval.run_eval import (
    SAMPLES_DIR,
    BrokenCase,
    apply_edits,
    build_context,
    case_paths,
    load_base,
    load_case,
)
from tests.shared_reference import shared_file

RULES = "domain/cfia-rules.md"  # in ../shared: the tests that read it skip, saying so, when it is absent

# Tables that are one rule each (README: `10.B` is the rounding table); their rows are criteria, not rule ids.
# 14.B rows are the TPNCSC claim criteria, judged per claim as `14.B.<claim>`; 14.C rows are the B.01.603 health
# claims, judged as `14.C.<aspect>`; 10.C/10.D are the additional-information and Daily Value tables.
WHOLE_TABLE_IDS = ("10.B", "10.C", "10.D", "14.B", "14.C")

_ROW = re.compile(r"^\|\s*(\d+\.\d+|[A-Z]\d+)\s*\|")
_SECTION = re.compile(r"^##\s+(\d+)\.\s")
_SUBSECTION = re.compile(r"^###\s+(\d+\.[A-Z])\b")


def reference_ids(text: str) -> set[str]:
    """Row ids as README defines them: `6.5` as is, `| A4 |` under `### 10.A` as `10.A4`, whole tables by heading."""
    ids: set[str] = set()
    subsection: str | None = None
    for line in text.splitlines():
        if _SECTION.match(line):
            subsection = None
            continue
        if match := _SUBSECTION.match(line):
            subsection = match.group(1)
            if subsection in WHOLE_TABLE_IDS:
                ids.add(subsection)
            continue
        match = _ROW.match(line)
        if match is None:
            continue
        label = match.group(1)
        if "." in label:
            ids.add(label)
        elif subsection is not None and subsection not in WHOLE_TABLE_IDS:
            ids.add(f"{subsection.split('.')[0]}.{label}")
    return ids


def _emitted(panels: list[Panel], context: ProductContext) -> set[str]:
    """As `labeliq check` runs by default: every checker plus the offline judge (whose questions are reviews)."""
    report = check_label(parse_label(panels), context, "rule-coverage", build_judge(None))
    return {finding.rule for result in report.results.values() for finding in result.findings}


@cache
def emitted_ids() -> frozenset[str]:
    """Every rule id any checker emits over the samples and the eval cases (the labels the project knows)."""
    rules: set[str] = set()
    for folder in sorted(p for p in SAMPLES_DIR.iterdir() if p.is_dir()):
        if not any(folder.glob("*.txt")):
            continue  # photo-only samples need OCR; their text twins are covered
        texts, context = load_base(SAMPLES_DIR, folder.name)
        rules |= _emitted([make_panel(n, t) for n, t in texts.items()], build_context(context, {}))
    for path in case_paths():
        try:
            case = load_case(path)
            texts, base_context = load_base(SAMPLES_DIR, case.base)
            panels = [make_panel(n, t) for n, t in apply_edits(texts, case.edits).items()]
            case_context = build_context(base_context, case.context)
        except BrokenCase:
            continue  # run_eval reports broken cases; they judge nothing here
        rules |= _emitted(panels, case_context)
    return frozenset(rules)


def _reference() -> set[str]:
    return reference_ids(shared_file(RULES).read_text(encoding="utf-8"))


def _sorted(ids: set[str]) -> str:
    return ", ".join(sorted(ids, key=id_key))


def covered(reference_id: str, emitted: frozenset[str]) -> bool:
    """`10.B` is covered by `10.B` or `10.B.fat`; `7.1` is not covered by `7.13.wording`."""
    return any(rule == reference_id or rule.startswith(reference_id + ".") for rule in emitted)


def test_reference_parses_the_ids_readme_describes() -> None:
    ids = _reference()
    for expected in ("1.1", "6.5", "9.16", "10.A2", "10.B", "10.E5", "13.9", "14.A4", "14.B", "14.C"):
        assert expected in ids
    # Rows of the rounding table and of the 14.B criteria are not ids of their own.
    assert not any(i.startswith("10.B.") or i.startswith("14.B.") for i in ids)
    assert "0.1" not in ids  # no numbered rows in the sources table


def test_every_reference_rule_has_a_rule_or_a_written_reason() -> None:
    missing = _reference() - set(declared()) - set(NOT_JUDGED)
    assert not missing, (
        f"rules of cfia-rules.md no checker declares and NOT_JUDGED does not explain: {_sorted(missing)}"
    )


def test_every_declared_rule_is_a_reference_rule() -> None:
    unknown = set(declared()) - _reference()
    assert not unknown, f"rules declared by checkers that cfia-rules.md does not have: {_sorted(unknown)}"


def test_not_judged_lists_reference_ids_that_have_no_rule() -> None:
    ids = _reference()
    stale = {i for i in NOT_JUDGED if i not in ids or i in declared()}
    assert not stale, f"NOT_JUDGED lists ids that are declared or not in the reference: {_sorted(stale)}"


def test_every_declared_rule_is_judged_somewhere() -> None:
    """A declared rule some module makes findings with (it names the constant) or an LLM question asks about."""
    asked = {q.rule for q in QUESTIONS}
    idle = {i for i, entry in declared().items() if not modules_using(entry) and i not in asked}
    assert not idle, f"rules declared but never used to make a finding: {_sorted(idle)}"


def test_every_emitted_id_names_a_declared_rule() -> None:
    """No finding over the samples and the eval cases carries an id the registry (hence the reference) lacks."""
    _reference()
    unknown = set()
    for finding_id in emitted_ids():
        try:
            rule_for(finding_id)
        except UnknownRule:
            unknown.add(finding_id)
    assert not unknown, f"findings carry ids no checker declares: {_sorted(unknown)}"


def test_not_judged_ids_are_never_emitted() -> None:
    ids = _reference()
    emitted = emitted_ids()
    spoken = {i for i in NOT_JUDGED if i in ids and covered(i, emitted)}
    assert not spoken, f"NOT_JUDGED lists ids that findings carry: {_sorted(spoken)}"
