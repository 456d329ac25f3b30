"""Lines that state an amount ("Total fluoride ion: 0.1 ppm", "Vitamin C content 60 mg"), which no parser may take
for the food's name: a common name names the food (B.01.001, "common name"), a statement of how much of something
it holds describes it, whatever the food is."""

from __future__ import annotations

import re

from labeliq.extraction.lines import fold_same_length

_UNIT = (
    r"(?:ppm|ppb|p\.p\.m\.?|parts?\s+per\s+million|parties?\s+par\s+million|mg\s*/\s*l|mg\s*/\s*100\s*m?l|mg|mcg"
    r"|µg|μg|ug|g|kg|ml|l|%|iu|ui|kcal|kj|cal|mmol|meq|mol|mg\s+per\s+(?:litre|liter)|mg\s+par\s+litre)"
)
_AMOUNT = rf"[<>≤≥~]?\s*\d+(?:[.,]\d+)?\s*{_UNIT}(?![a-z])"
# "Label: amount unit" (the label may hold an "EN / FR" pair): "Fluoride / Fluorure : 0.1 ppm"
_LABELLED = re.compile(rf"^[^:]*[a-z][^:]*:\s*{_AMOUNT}")
# "X content 60 mg", "Teneur en fer 2 mg": a content word, then the amount
_CONTENT = re.compile(rf"(?<![a-z])(?:content|contents|teneur|taux|level|concentration)(?![a-z]).*?{_AMOUNT}")


def is_amount_statement(text: str) -> bool:
    """The line states an amount with its unit, on its own or after a label: never a name."""
    folded = fold_same_length(text).lower().strip()
    return bool(re.fullmatch(rf"{_AMOUNT}\W*", folded) or _LABELLED.search(folded) or _CONTENT.search(folded))
