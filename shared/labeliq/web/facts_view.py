"""Label facts for the job page: English and French side by side, and the facts a reviewer may correct.

Pairs are made per element in reading order (the first English common name beside the first French one), which is
how a specialist compares a bilingual label; a missing language shows as an empty cell rather than being hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

_ELEMENTS: tuple[tuple[str, str], ...] = (
    ("common_names", "Common name"),
    ("ingredients", "Ingredients"),
    ("contains", "Contains"),
    ("may_contain", "May contain"),
    ("storage_instructions", "Storage"),
    ("net_quantity", "Net quantity"),
    ("imported_by", "Imported by"),
    ("origin_statements", "Origin"),
    ("claims", "Claims"),
    ("fop_symbol", "Front-of-pack symbol"),
)


@dataclass(frozen=True)
class BilingualRow:
    element: str
    english: str
    french: str


@dataclass(frozen=True)
class CorrectableFact:
    path: str  # dotted path into LabelFacts, as the API's fact corrections take it
    label: str
    value: Any


def _shown(fact: dict[str, Any]) -> str:
    title = str(fact.get("title") or "")
    text = str(fact.get("text") or "")
    return f"{title} {text}".strip() if title else text


def bilingual_rows(facts: dict[str, Any]) -> list[BilingualRow]:
    rows: list[BilingualRow] = []
    for key, element in _ELEMENTS:
        items = [f for f in facts.get(key) or [] if isinstance(f, dict)]
        english = [_shown(f) for f in items if f.get("language") == "en"]
        french = [_shown(f) for f in items if f.get("language") == "fr"]
        both = [_shown(f) for f in items if f.get("language") == "bilingual"]
        for en, fr in zip_longest(english, french, fillvalue=""):
            rows.append(BilingualRow(element, en, fr))
        rows.extend(BilingualRow(element, text, text) for text in both)
    for mark in facts.get("dates") or []:
        langs = mark.get("words_languages") or []
        words = f"{mark.get('words', '')} {mark.get('date_text', '')}".strip()
        rows.append(BilingualRow("Date", words if "en" in langs else "", words if "fr" in langs else ""))
    return rows


def correctable_facts(facts: dict[str, Any]) -> list[CorrectableFact]:
    """The text facts and Nutrition Facts amounts a reviewer can correct, with their current values."""
    out: list[CorrectableFact] = []
    for key, element in _ELEMENTS:
        for index, fact in enumerate(facts.get(key) or []):
            if isinstance(fact, dict) and "text" in fact:
                lang = str(fact.get("language", "")).upper()
                out.append(CorrectableFact(f"{key}.{index}.text", f"{element} ({lang})", fact["text"]))
    for index, mark in enumerate(facts.get("dates") or []):
        out.append(CorrectableFact(f"dates.{index}.date_text", f"Date: {mark.get('words', '')}", mark.get("date_text")))
    nft = facts.get("nutrition_facts")
    if isinstance(nft, dict):
        out.append(CorrectableFact("nutrition_facts.calories", "Nutrition Facts: Calories", nft.get("calories")))
        for key, nutrient in (nft.get("nutrients") or {}).items():
            label = f"Nutrition Facts: {nutrient.get('label') or key}"
            out.append(
                CorrectableFact(f"nutrition_facts.nutrients.{key}.amount", f"{label} (amount)", nutrient.get("amount"))
            )
            if nutrient.get("dv_percent") is not None:
                out.append(
                    CorrectableFact(
                        f"nutrition_facts.nutrients.{key}.dv_percent", f"{label} (%DV)", nutrient["dv_percent"]
                    )
                )
    return out
