"""Matching the user's free-text product category against the FDR's category words.

The context's category is free text ("canned soup", "maple syrup"), so the exemption lists in
lexicons/data/product_categories.json are matched as whole words, and the "fats and oils" / "sweetening
agents" exemptions only on the head noun (the category's last words), so "sugar cookies" is not sugar.
"""

from __future__ import annotations

from labeliq import lexicons
from labeliq.text import find_terms, fold


def terms(group: str) -> list[str]:
    data: dict[str, list[str]] = lexicons.load("product_categories")
    return list(data.get(group, []))


def matches(category: str | None, group: str) -> list[str]:
    """The terms of `group` that occur in the category as whole words."""
    if not category:
        return []
    return find_terms(category, terms(group))


def head_matches(category: str | None, group: str) -> list[str]:
    """The terms of `group` the category ends with (its head noun in English)."""
    if not category:
        return []
    folded = fold(category)
    if any(folded.endswith(fold(t)) for t in terms(group + "_not")):
        return []
    return [t for t in terms(group) if folded == fold(t) or folded.endswith(" " + fold(t))]
