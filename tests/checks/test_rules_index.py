"""The rule registry: one declaration per id, findings made from it, and docs/rules.md generated from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from labeliq.checks.allergens_gluten.rules import R9_7
from labeliq.checks.common.findings import failed, passed
from labeliq.checks.common.rule import Rule
from labeliq.checks.common_name.rules import R1_6, R1_6_WATER
from labeliq.checks.llm_judge import QUESTIONS
from labeliq.checks.nutrition_facts.rules import R10_B
from labeliq.checks.registry import CHECKERS
from labeliq.checks.rules_index import (
    NOT_JUDGED,
    UnknownRule,
    declared,
    describe,
    exercising_tests,
    listing,
    markdown,
    rule_for,
    sub_cases,
)

DOCS_RULES = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_a_finding_takes_its_id_and_citation_from_the_rule() -> None:
    finding = failed(R9_7, "Milk is missing from 'Contains'.")
    assert (finding.rule, finding.citation) == ("9.7", R9_7.citation)
    assert passed(R9_7, "ok", "FDR B.01.010.3(1)").citation == "FDR B.01.010.3(1)"  # a finding may cite a paragraph


def test_an_aspect_keeps_the_rule_and_extends_the_finding_id() -> None:
    fat = R10_B.part("fat")
    assert (fat.id, fat.aspect, fat.finding_id, fat.citation) == ("10.B", "fat", "10.B.fat", R10_B.citation)
    assert failed(fat, "x").rule == "10.B.fat"
    assert fat.part("low").finding_id == "10.B.fat.low"
    with pytest.raises(ValueError, match="aspect"):
        R10_B.part("saturated fat")


def test_rule_for_resolves_ids_and_aspects_and_refuses_unknown_ones() -> None:
    assert rule_for("9.7") is R9_7
    assert rule_for("10.B.fat") == R10_B.part("fat")
    assert rule_for("14.B.fat.low").finding_id == "14.B.fat.low"
    with pytest.raises(UnknownRule, match=r"9\.99"):
        rule_for("9.99")
    with pytest.raises(UnknownRule, match="not judged"):
        rule_for("7.3")


def test_every_checker_declares_its_rules_and_only_its_own() -> None:
    rules = declared()
    assert {d.rule.checker for d in rules.values()} == {spec.name for spec in CHECKERS}
    assert all(isinstance(d.rule, Rule) and d.rule.aspect is None for d in rules.values())
    assert not set(rules) & set(NOT_JUDGED)


def test_llm_questions_ask_about_declared_rules() -> None:
    for question in QUESTIONS:
        assert rule_for(question.rule).checker == question.checker


def test_describe_names_checker_modules_citation_and_tests() -> None:
    text = describe("9.7")
    assert "checker:   allergens_gluten" in text
    assert "labeliq.checks.allergens_gluten.statement_rules" in text
    assert R9_7.citation in text
    assert "tests/checks/allergens_gluten/test_allergens_gluten.py::test_9_7_contains_statement_complete" in text
    assert "not judged" in describe("7.3")


def test_exercising_tests_finds_test_functions_and_eval_cases() -> None:
    named = exercising_tests("9.7")
    assert "tests/checks/allergens_gluten/test_allergens_gluten.py::test_9_7_contains_statement_complete" in named
    assert "tests/eval/cases/allergens_gluten/contains-missing-milk.json" in named
    assert not any("test_9_10" in t for t in named)  # 9.10 is not 9.7 nor one of its aspects


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    assert DOCS_RULES.read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is out of date: run `make rules-doc` (labeliq rules --markdown > docs/rules.md)"
    )


def test_a_declared_sub_case_keeps_its_title_and_citation_and_is_listed_under_its_rule() -> None:
    assert rule_for("1.6.water") is R1_6_WATER
    assert rule_for("1.6") is R1_6
    assert R1_6_WATER.finding_id == "1.6.water" and "B.12.002" in R1_6_WATER.citation
    assert "1.6.water" in sub_cases() and "1.6.water" not in declared()
    assert "| 1.6.water |" in markdown() and "\n1.6.water " in listing()
    assert "labeliq.checks.common_name.water" in describe("1.6.water")
