"""When rules can settle the two questions about a common name that otherwise go to a person (or the LLM judge).

- Descriptive, not coined (CFIA ILT, common name): every word of each common name is a food word the translation
  lexicons know ("Chewy Granola Bars", "Sauce pour pâtes"); a word they do not know may be a coined or brand word,
  so the question stays open.
- True nature (FDR B.01.006.1): words describing the form, packing medium or condition must be on the principal
  display panel when the food could be mistaken for another, and a condition must form part of the name. From text,
  the signs are a main ingredient whose condition (dried, smoked, concentrated, reconstituted, carbonated, simulated)
  the name does not repeat, and a single food packed in a medium (water, brine, oil, syrup, juice) that neither the
  name nor the principal display panel states. With neither sign and a descriptive name, the rule is met as far as
  the label shows; with one, the question stays open and names the ingredient.
"""

from __future__ import annotations

import re

from labeliq.checks.common.translation import unknown_words
from labeliq.models import LabelFacts
from labeliq.text import fold

_CONDITION = re.compile(
    r"\b(dried|dehydrated|smoked|concentrated|concentrate|reconstituted|carbonated|simulated|imitation|"
    r"seche|deshydrate|fume|concentre|reconstitue|gazeifie|simule)\w*"
)
# the words by which a name (English or French) shows a condition: "Boisson gazeuse" and "Soft drink" say carbonated
_CONDITION_IN_NAME: dict[str, tuple[str, ...]] = {
    "carbo": ("carbo", "gaze", "soft drink", "soda", "sparkling", "petillant"),
    "gazei": ("carbo", "gaze", "soft drink", "soda", "sparkling", "petillant"),
    "dried": ("dried", "dehydr", "seche", "deshydr"),
    "seche": ("dried", "dehydr", "seche", "deshydr"),
    "dehyd": ("dried", "dehydr", "seche", "deshydr"),
    "deshy": ("dried", "dehydr", "seche", "deshydr"),
    "smoke": ("smoke", "fume"),
    "fume": ("smoke", "fume"),
    "conce": ("concentr",),
}
_MEDIUM = re.compile(r"^(water|brine|oil|\w+ oil|syrup|light syrup|heavy syrup|juice|\w+ juice)$")


def names_are_descriptive(facts: LabelFacts) -> bool:
    return bool(facts.common_names) and all(not unknown_words(n.text) for n in facts.common_names)


def true_nature_trigger(facts: LabelFacts) -> str | None:
    """The ingredient text that calls for a true-nature word the common name lacks, None when there is none."""
    english = next((lst for lst in facts.ingredients if lst.language == "en"), None)
    if english is None or not english.ingredients:
        return None
    names = " ".join(fold(n.text) for n in facts.common_names)
    first = fold(english.ingredients[0].name)
    condition = _CONDITION.search(first)
    if condition is not None:
        stem = condition.group(1)[:5]
        if not any(word in names for word in _CONDITION_IN_NAME.get(stem, (stem,))):
            return english.ingredients[0].name
    rest = [fold(i.name) for i in english.ingredients[1:]]
    medium = next((r for r in rest[:1] if _MEDIUM.match(r)), None)
    # B.01.006.1: the packing medium (a) and the style (b) must appear on the principal display panel; only the
    # condition (c) must form part of the common name. So a medium printed anywhere on the PDP meets it.
    principal = " ".join(fold(p.text) for p in facts.panels if p.is_principal_display)
    if medium is not None and len(english.ingredients) <= 3 and not _shows(medium.split()[-1], names + " " + principal):
        return f"{english.ingredients[0].name}, {english.ingredients[1].name}"
    return None


def _shows(word: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def true_nature_settled(facts: LabelFacts) -> bool:
    return names_are_descriptive(facts) and true_nature_trigger(facts) is None
