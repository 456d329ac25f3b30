"""Every rule the checkers declare, keyed by id: one place that answers "where does 9.7 live?".

Each checker's rules.py declares its Rule objects once; this module gathers them (through the registry's checker
list), resolves a finding id such as `10.B.fat` to its rule, and says where each rule is judged and which tests name
it. `labeliq rules`, docs/rules.md and the coverage test read it. The reference ids no checker judges are listed in
NOT_JUDGED with the reason, so every row of cfia-rules.md has either a rule or a written decision.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from labeliq.checks.common.rule import Rule
from labeliq.checks.registry import CHECKERS, import_check_module

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
    "2.5": "the one-language alcoholic names of B.01.012(10) are judged inside 1.2 (a pass citing B.01.012(10))",
    "1.4": "the common-name exemptions are judged inside 1.1 (not_applicable/needs_review with the reason)",
    "7.3": "the thresholds are applied inside every 7.2 finding (the finding says which threshold and why)",
    "7.4": "sat + trans against the sat+trans DV is how the 7.2 findings compute the saturated-fat line",
    "7.5": "derived gram equivalents of the 7.3 thresholds, used by the 7.2 computation",
    "7.8": "nutrient-specific whole-food exemptions are attached to the 7.2 finding of the nutrient they exempt",
    "7.9": "the cheese and yogurt exemptions are attached to the 7.2 findings (they need the calcium %DV)",
    "9.1": "the allergen definition, applied through the lexicon by 9.4, 9.6 and 9.7",
    "9.2": "the gluten definition, applied through the lexicon by 9.6, 9.7 and 9.12",
    "14.A9": "a pointer to 7.15 ('see 7.15'), judged there by the FOP check",
}

CHECKS_DIR = Path(__file__).resolve().parent
# In a checkout the tests sit beside the library (shared/labeliq -> tests/); an installed package has none.
TESTS_DIR = CHECKS_DIR.parents[2] / "tests"


class UnknownRule(LookupError):
    """A rule id no checker declares (a typo, or a reference row that is not judged)."""


@dataclass(frozen=True)
class Declared:
    rule: Rule
    name: str  # the constant in rules.py, e.g. "R9_7"

    @property
    def rules_module(self) -> str:
        return f"labeliq.checks.{self.rule.checker}.rules"


def id_key(rule_id: str) -> list[tuple[int, str]]:
    """Sort key that puts 9.7 before 9.10 and 10.A2 before 10.B."""
    return [(int(p), "") if p.isdigit() else (-1, p) for p in rule_id.replace("_", ".").split(".")]


def _declared_in(module_name: str) -> list[tuple[str, Rule]]:
    module = import_check_module(module_name.removeprefix("labeliq.checks."))
    return [(name, value) for name, value in vars(module).items() if isinstance(value, Rule)]


@cache
def declared() -> dict[str, Declared]:
    """Every Rule in every registered checker's rules.py, by id; an id declared twice is an error.

    Sub-cases declared with an aspect (R1_6_WATER, finding id 1.6.water) are not reference rows: sub_cases() has them.
    """
    out: dict[str, Declared] = {}
    for spec in CHECKERS:
        module = import_check_module(f"{spec.name}.rules")
        for name, value in _declared_in(module.__name__):
            if value.aspect is not None:
                continue
            if value.checker != spec.name:
                raise ValueError(f"{name} in {module.__name__} names checker {value.checker!r}, not {spec.name!r}")
            if value.id in out:
                raise ValueError(
                    f"rule {value.id} is declared twice: {out[value.id].rules_module} and {module.__name__}"
                )
            out[value.id] = Declared(value, name)
    return dict(sorted(out.items(), key=lambda item: id_key(item[0])))


@cache
def sub_cases() -> dict[str, Declared]:
    """Sub-cases a rules.py declares with their own title and citation (`1.6.water`), by finding id.

    A sub-case extends a reference row's id (../shared/domain/README.md) for a provision the row does not name; it is
    listed under its rule wherever rules are listed.
    """
    out: dict[str, Declared] = {}
    rules = declared()
    for spec in CHECKERS:
        for name, value in _declared_in(f"labeliq.checks.{spec.name}.rules"):
            if value.aspect is None:
                continue
            if value.id not in rules or value.checker != spec.name:
                raise ValueError(f"sub-case {name} extends {value.id}, which checker {spec.name!r} does not declare")
            if value.finding_id in out:
                raise ValueError(f"sub-case {value.finding_id} is declared twice")
            out[value.finding_id] = Declared(value, name)
    return out


def _longest_prefix(table: dict[str, Declared], parts: list[str]) -> Rule | None:
    """The entry named by the longest prefix of the id's parts (at least two), the rest of the id as its aspect."""
    for n in range(len(parts), 1, -1):
        found = table.get(".".join(parts[:n]))
        if found is not None:
            rest = ".".join(parts[n:])
            return found.rule.part(rest) if rest else found.rule
    return None


@cache  # asked for every finding of every report; a Rule is frozen
def rule_for(finding_id: str) -> Rule:
    """The rule a finding id names: `9.7` itself, `10.B.fat` as rule 10.B for the aspect `fat`, a declared sub-case
    (`1.6.water`) with its own title and citation."""
    parts = finding_id.split(".")
    for table in (sub_cases(), declared()):
        found = _longest_prefix(table, parts)
        if found is not None:
            return found
    reason = NOT_JUDGED.get(finding_id)
    if reason is not None:
        raise UnknownRule(f"rule {finding_id} is not judged by any checker: {reason}")
    raise UnknownRule(f"no checker declares rule {finding_id!r}; `labeliq rules` lists the ids")


@cache
def _names_by_module() -> dict[str, frozenset[str]]:
    """Every module of the checks package (rules.py files aside) with the names its code uses, parsed once."""
    out: dict[str, frozenset[str]] = {}
    for path in sorted(CHECKS_DIR.rglob("*.py")):
        if path.name == "rules.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = "labeliq." + ".".join(path.relative_to(CHECKS_DIR.parent).with_suffix("").parts)
        out[module] = frozenset(node.id for node in ast.walk(tree) if isinstance(node, ast.Name))
    return out


def modules_using(entry: Declared) -> list[str]:
    """The modules of the checks package that make findings with this rule (they name its constant)."""
    return [module for module, names in _names_by_module().items() if entry.name in names]


def _names_rule(value: str, rule_id: str) -> bool:
    return value == rule_id or value.startswith(rule_id + ".")


def exercising_tests(rule_id: str, tests_dir: Path = TESTS_DIR) -> list[str]:
    """Test functions and eval cases that name the rule id (or one of its aspects) in a string.

    Found by parsing the tests, not by running them: a test named here asserts on, or builds, a finding of that rule.
    """
    out: list[str] = []
    for path in sorted(tests_dir.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or not node.name.startswith("test_"):
                continue
            strings = [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            decorators = [
                n.value
                for d in node.decorator_list
                for n in ast.walk(d)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            ]
            if any(_names_rule(s, rule_id) for s in strings + decorators):
                out.append(f"{path.relative_to(tests_dir.parent)}::{node.name}")
    for path in sorted((tests_dir / "eval" / "cases").glob("*/*.json")):
        try:
            expect = json.loads(path.read_text(encoding="utf-8")).get("expect", {})
        except (json.JSONDecodeError, AttributeError):
            continue  # run_eval reports broken cases
        if any(_names_rule(key, rule_id) for key in expect):
            out.append(str(path.relative_to(tests_dir.parent)))
    return out


def llm_questions(rule_id: str) -> list[str]:
    """The LLM judge's questions about this rule (their findings carry its id)."""
    from labeliq.checks.llm_judge import QUESTIONS

    return [q.id for q in QUESTIONS if q.rule == rule_id]


def describe(rule_id: str) -> str:
    """What `labeliq rules ID` prints: the rule, its checker, the modules that judge it, its citation, its tests."""
    if rule_id in NOT_JUDGED:
        return f"{rule_id}: not judged by any checker\n\nreason:    {NOT_JUDGED[rule_id]}"
    rule = rule_for(rule_id)
    entry = sub_cases().get(rule.finding_id) or declared()[rule.id]
    lines = [
        f"{rule.id}: {rule.title}" + (f" (aspect {rule.aspect})" if rule.aspect else ""),
        "",
        f"checker:   {rule.checker}",
        f"declared:  {entry.rules_module}.{entry.name}",
        f"modules:   {', '.join(modules_using(entry)) or '(none names it)'}",
    ]
    if questions := llm_questions(rule.id):
        lines.append(f"llm:       labeliq.checks.llm_judge questions {', '.join(questions)}")
    lines.append(f"citation:  {rule.citation}")
    from labeliq.checks.common.advice import advice_for

    if (advice := advice_for(rule.finding_id)) is not None:
        lines += [f"title fr:  {advice.title_fr}", f"fix:       {advice.fix}", f"question:  {advice.question}"]
    if TESTS_DIR.is_dir():
        tests = exercising_tests(rule.finding_id)
        lines.append(f"tests:     {len(tests)}")
        lines += [f"  {t}" for t in tests]
    else:
        lines.append(f"tests:     (no tests/ beside the package at {TESTS_DIR})")
    return "\n".join(lines)


def listing() -> str:
    """What `labeliq rules` prints: one line per rule, then the reference ids not judged."""
    rows = [f"{d.rule.finding_id:<7} {d.rule.checker:<18} {d.rule.title}" for d in _with_sub_cases()]
    rows.append("")
    rows.append("Not judged (cfia-rules.md rows with a written reason):")
    rows += [f"{rid:<7} {reason}" for rid, reason in sorted(NOT_JUDGED.items(), key=lambda i: id_key(i[0]))]
    return "\n".join(rows)


def _with_sub_cases() -> list[Declared]:
    """Every declared rule, each followed by its sub-cases."""
    subs = sub_cases()
    out: list[Declared] = []
    for entry in declared().values():
        out.append(entry)
        out += [s for s in subs.values() if s.rule.id == entry.rule.id]
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    """docs/rules.md: every rule, grouped by checker in registry order, then the ids not judged."""
    lines = [
        "# Rules the checkers judge",
        "",
        "Generated from the rule registry (`labeliq rules --markdown > docs/rules.md`); do not edit by hand.",
        "Each id is a row of `../shared/domain/cfia-rules.md`; `labeliq rules ID` shows where it is judged and",
        "which tests name it.",
    ]
    rules = _with_sub_cases()
    for spec in CHECKERS:
        mine = [d.rule for d in rules if d.rule.checker == spec.name]
        lines += ["", f"## {spec.name} ({spec.group})", "", "| Id | Rule | Citation |", "|---|---|---|"]
        lines += [f"| {r.finding_id} | {_cell(r.title)} | {_cell(r.citation)} |" for r in mine]
    lines += ["", "## Not judged", "", "| Id | Reason |", "|---|---|"]
    lines += [f"| {rid} | {_cell(why)} |" for rid, why in sorted(NOT_JUDGED.items(), key=lambda i: id_key(i[0]))]
    return "\n".join(lines) + "\n"
