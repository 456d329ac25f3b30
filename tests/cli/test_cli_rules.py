"""`labeliq rules [ID]`: list the rules, show one, or print docs/rules.md."""

from __future__ import annotations

import pytest

from labeliq.checks.rules_index import markdown
from labeliq.cli import main


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert any(line.startswith("9.7 ") and "allergens_gluten" in line for line in out.splitlines())
    assert "Not judged" in out


def test_rules_id_shows_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "10.B.fat"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("10.B: ") and "(aspect fat)" in out
    assert "labeliq.checks.nutrition_facts.rounding_findings" in out


def test_an_unknown_rule_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "9.99"]) == 2
    assert "9.99" in capsys.readouterr().err


def test_rules_markdown_prints_the_generated_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--markdown"]) == 0
    assert capsys.readouterr().out == markdown()
