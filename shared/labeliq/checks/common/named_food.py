"""What the label's own common name says the food is, for the rules that hold for a kind of food.

A rule that applies to chewing gum, a breakfast cereal or a table-top sweetener can read the common name the
label prints (SFCR 218: the name by which the food is generally known), which is evidence on the label; it never
reads the free-text context `category`, whose words describe the product for people ("not a meal replacement"
contains "meal replacement"). No common name, or one that names none of the kinds, is an open question for the
rule to ask, not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from labeliq.models import LabelFacts
from labeliq.text import fold


def common_name_text(facts: LabelFacts) -> str:
    """The common names as printed, folded (lower case, no accents), joined by ' | '."""
    return " | ".join(fold(n.text) for n in facts.common_names)


def names_food(facts: LabelFacts, terms: Iterable[str]) -> str | None:
    """The first term (whole words, folded) that a common name on the label contains, or None."""
    text = common_name_text(facts)
    if not text:
        return None
    for term in terms:
        if re.search(rf"(?<![a-z]){re.escape(fold(term))}(?![a-z])", text):
            return term
    return None
