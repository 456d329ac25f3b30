"""Deeply nested ingredient lists are bounded in the parser, never a crash of extract or the CLI.

~260 nested brackets made extract answer 500 (pydantic refuses to serialize a tree that deep) and ~450 made the
CLI exit 1 (RecursionError in models.iter_models): the parser keeps what lies below MAX_INGREDIENT_DEPTH as text
and says so, and the walk over a tree of models is iterative.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from labeliq.cli.main import main
from labeliq.extraction.text_parser import parse_label
from labeliq.models import MAX_INGREDIENT_DEPTH, Ingredient, LabelFacts, Panel, iter_models


def _depth(ingredients: list[Ingredient]) -> int:
    depth, level = 0, ingredients
    while level:
        depth += 1
        level = [c for ing in level for c in ing.components]
    return depth


def _nested(levels: int) -> str:
    return "Ingredients: " + "oats (" * levels + "salt" + ")" * levels + ", sugar."


@pytest.mark.parametrize("levels", [260, 450, 2000])
def test_deep_brackets_are_kept_as_text_below_the_depth_limit(levels: int) -> None:
    facts = parse_label([Panel(name="back", text=_nested(levels))])
    [lst] = facts.ingredients
    assert _depth(lst.ingredients) == MAX_INGREDIENT_DEPTH + 1
    assert f"brackets nested deeper than {MAX_INGREDIENT_DEPTH} levels" in " ".join(lst.parse_errors)
    assert [ing.name for ing in lst.ingredients] == ["oats", "sugar"]
    assert "salt" in lst.text
    # what extract stores and what the CLI walks: both must survive the tree
    LabelFacts.model_validate_json(facts.model_dump_json())
    assert sum(1 for _ in iter_models(facts)) > MAX_INGREDIENT_DEPTH


def test_iter_models_walks_a_tree_deeper_than_the_recursion_limit_in_printed_order() -> None:
    leaf = Ingredient(name="deepest")
    for depth in range(3000):
        leaf = Ingredient.model_construct(name=f"level {depth}", components=[leaf, Ingredient(name=f"side {depth}")])
    names = [m.name for m in iter_models(leaf) if isinstance(m, Ingredient)]
    assert names[:3] == ["level 2999", "level 2998", "level 2997"]
    assert names[2999:3003] == ["level 0", "deepest", "side 0", "side 1"]
    assert names[-1] == "side 2999"


def test_cli_checks_a_label_with_450_nested_brackets(tmp_path: Path) -> None:
    panel = tmp_path / "back.txt"
    panel.write_text(_nested(450), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", "--out", str(out), str(panel)]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["checker_errors"] == []
