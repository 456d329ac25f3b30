"""Every rule of the reference is either judged by some checker or named here with the reason it is not.

Issue 4: a rule that text cannot judge still yields `needs_review` (or `not_applicable`) so a reader sees it was
considered; silence is the failure this test catches. It parses the rule identifiers from cfia-rules.md the way
shared/domain/README.md defines them and collects the ids the checkers emit over every sample and eval case.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from labeliq.checks import registry
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

# Ids of the reference that no checker judges, with the reason. Keep it small: each entry is a decision.
NOT_JUDGED: dict[str, str] = {
    "5.11": "a permission (wax coatings, casings, hydrogen… need not be declared): its only effect is that no "
    "checker flags their absence; there is nothing on the label to judge",
    "6.6": "CFIA examples of compliant date markings, used as test fixtures for 6.4/6.5, not a rule",
    "10.E7": "the laboratory Nutrition Labelling Compliance Test: concerns analysed samples, not label text",
    "11.8": "informational: the FDR requires no laxative-effect statement, so there is nothing to check",
    "13.7": "a permission (processing aids need not be declared): an absent processing aid leaves nothing on the "
    "label to judge, and a declared one is judged as an additive (13.1-13.3)",
    "9.16": "Health Canada's priority-allergen list is a UI taxonomy; the labelling rules are the FDR groups of 9.1 "
    "plus sulphites, judged as 9.4-9.7",
    # Definitions and tables that other rows apply: their verdicts carry the applying row's id.
    "1.4": "the common-name exemptions are judged inside 1.1 (not_applicable/needs_review with the reason)",
    "7.3": "the thresholds are applied inside every 7.2 finding (the finding says which threshold and why)",
    "7.4": "sat + trans against the sat+trans DV is how the 7.2 findings compute the saturated-fat line",
    "7.5": "derived gram equivalents of the 7.3 thresholds, used by the 7.2 computation",
    "7.8": "nutrient-specific whole-food exemptions are attached to the 7.2 finding of the nutrient they exempt",
    "7.9": "the cheese and yogurt exemptions are attached to the 7.2 findings (they need the calcium %DV)",
    "7.10": "the B.01.350(13) exemptions are attached to the 7.2 findings as 'may be exempt' reasons",
    "9.1": "the allergen definition, applied through the lexicon by 9.4, 9.6 and 9.7",
    "9.2": "the gluten definition, applied through the lexicon by 9.6, 9.7 and 9.12",
    "14.A9": "a pointer to 7.15 ('see 7.15'), judged there by the FOP check",
}

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


CHECKS_DIR = Path(registry.__file__).resolve().parent
_LITERAL = re.compile(r"[\"'](\d+\.(?:\d+|[A-Z]\d*)(?:\.[\w.]*)?)[\"']")


@cache
def literal_ids() -> frozenset[str]:
    """Rule ids written as literals in the checker modules: conditional findings no known label exercises yet.

    A weaker proof than emission, so the assertion message names which ids rest on it alone.
    """
    rules: set[str] = set()
    for module in CHECKS_DIR.rglob("*.py"):
        if module.name in {"registry.py", "llm_judge.py"}:
            continue
        rules |= set(_LITERAL.findall(module.read_text(encoding="utf-8")))
    return frozenset(rules)


def covered(reference_id: str, emitted: frozenset[str]) -> bool:
    """`10.B` is covered by `10.B` or `10.B.fat`; `7.1` is not covered by `7.13.wording`."""
    return any(rule == reference_id or rule.startswith(reference_id + ".") for rule in emitted)


def test_reference_parses_the_ids_readme_describes() -> None:
    ids = reference_ids(shared_file(RULES).read_text(encoding="utf-8"))
    for expected in ("1.1", "6.5", "9.16", "10.A2", "10.B", "10.E5", "13.9", "14.A4", "14.B", "14.C"):
        assert expected in ids
    # Rows of the rounding table and of the 14.B criteria are not ids of their own.
    assert not any(i.startswith("10.B.") or i.startswith("14.B.") for i in ids)
    assert "0.1" not in ids  # no numbered rows in the sources table


def test_every_reference_rule_is_emitted_or_explained() -> None:
    ids = reference_ids(shared_file(RULES).read_text(encoding="utf-8"))
    emitted = emitted_ids() | literal_ids()
    uncovered = sorted(
        (i for i in ids if i not in NOT_JUDGED and not covered(i, emitted)),
        key=lambda s: [int(p) if p.isdigit() else p for p in re.split(r"[.]", s)],
    )
    assert not uncovered, f"rules no checker emits and NOT_JUDGED does not explain: {', '.join(uncovered)}"


def test_not_judged_table_lists_only_unemitted_reference_ids() -> None:
    ids = reference_ids(shared_file(RULES).read_text(encoding="utf-8"))
    emitted = emitted_ids() | literal_ids()
    stale = sorted(i for i in NOT_JUDGED if i not in ids or covered(i, emitted))
    assert not stale, f"NOT_JUDGED lists ids that are emitted or not in the reference: {', '.join(stale)}"
