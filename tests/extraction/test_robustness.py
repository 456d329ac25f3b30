"""The parser never raises on damaged OCR text, and the facts it can still see survive the damage."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from labeliq.models import LabelFacts

Parse = Callable[..., LabelFacts]
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
STRAYS = ["|", "•", "~", "  ", "_"]


def damage(text: str, seed: int) -> str:
    """Stray marks and doubled spaces between words, as OCR adds them around rules and bullets."""
    rng = random.Random(seed)
    out = []
    for line in text.splitlines():
        words = line.split(" ")
        for i in range(1, len(words)):
            if words[i] and rng.random() < 0.08:
                words[i] = rng.choice(STRAYS) + " " + words[i]
        out.append(" ".join(words) + (" " + rng.choice(STRAYS) if rng.random() < 0.1 else ""))
    return "\n".join(out)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("sample", ["granola-compliant", "crackers-date-allergen-faults", "pasta-sauce-imported"])
def test_damaged_samples_keep_their_core_facts(parse: Parse, sample: str, seed: int) -> None:
    panels = {p.stem: damage(p.read_text(encoding="utf-8"), seed) for p in sorted((SAMPLES / sample).glob("*.txt"))}
    facts = parse(**panels)
    clean = parse(**{p.stem: p.read_text(encoding="utf-8") for p in sorted((SAMPLES / sample).glob("*.txt"))})
    assert facts.nutrition_facts is not None and clean.nutrition_facts is not None
    assert facts.nutrition_facts.calories == clean.nutrition_facts.calories
    for key, row in clean.nutrition_facts.nutrients.items():
        assert facts.nutrition_facts.nutrients[key].amount == row.amount
    assert [lst.language for lst in facts.ingredients] == [lst.language for lst in clean.ingredients]
    assert [d.date_text for d in facts.dates] == [d.date_text for d in clean.dates]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "|||| ~~~ ••••",
        "Ingredients:",
        "Ingredients: ((((",
        "Contains:",
        "Nutrition Facts",
        "Best before",
        "Imported by",
        "Product of",
        "Calories 100\nFat 5 g\nSodium 5 mg",
        "中文标签 / 配料: 水, 糖",
        "Ingredients: a]b)c[d(e, f",
    ],
)
def test_fragments_never_raise(parse: Parse, text: str) -> None:
    facts = parse(front=text, back=text)
    assert len(facts.panels) == 2
