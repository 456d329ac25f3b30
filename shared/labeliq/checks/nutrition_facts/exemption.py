"""What on the label cancels the Nutrition Facts table exemptions of B.01.401(2)(a) and (b): B.01.401(3).

One test for the table check (10.A: a table is required) and the nutrition symbol check (7.10: B.01.350(13) keeps
the symbol for an exempt kind that must carry a table), so the two never disagree on the same label. B.01.401(3) as
written: (a) an added vitamin or mineral nutrient; (b) one declared as a component of an ingredient other than flour;
(d) ground meat or poultry; (e) a reference to the energy value or a nutrient (i), a nutrition or health
representation (ii), a health-related symbol (iii), or the phrase "nutrition facts" / "valeur(s) nutritive(s)" (iv).
A flour's enrichment (in brackets after it, or printed flat right after it) is added to the flour, not to the
product, and (b) leaves components of flour out; an additive named as such (ascorbic acid as an antioxidant,
tocopherols) is not a vitamin added as a nutrient (lexicon added_nutrient_forms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.common.ground_meat import names_ground_meat
from labeliq.checks.nutrition_facts import vitamins_minerals
from labeliq.models import LabelFacts
from labeliq.text import fold

# Iron is a core row of the table (B.01.401), so the lexicon of B.01.402 forms leaves it out; these names are iron
# added as a nutrient. Ferrous gluconate and lactate are left out: they are also colour-retention agents (olives).
_ADDED_IRON = re.compile(
    r"^(reduced|electrolytic|carbonyl) iron$|^ferr(ous|ic) (fumarate|sulphate|sulfate|pyrophosphate|orthophosphate|"
    r"bisglycinate)$|^fer (reduit|electrolytique)$|^(fumarate|sulfate|bisglycinate) ferreux$|^(pyro|ortho)phosphate "
    r"ferrique$"
)
_FLOUR = re.compile(r"\b(flour|farine)\b")
_TRAILING = re.compile(r"[\s.;:*]+$")
_NUTRIENT_CLASS = re.compile(r"\b(vitamins?|vitamines?|minerals?|mineraux)\b")
_NUTRITION_WORDS = re.compile(r"\b(nutrition facts|valeurs? nutritives?)\b")


@dataclass(frozen=True)
class Canceller:
    """One fact of the label that makes a table required despite B.01.401(2)(a), (b)."""

    reason: str  # a clause: 'a vitamin or mineral nutrient is added ("Vitamin D3")'
    paragraph: str  # of B.01.401(3): "(a)", "(e)(iv)"

    @property
    def citation(self) -> str:
        return f"B.01.401(3){self.paragraph}"

    def __str__(self) -> str:
        return f"{self.reason} ({self.citation})"


def cancellers(facts: LabelFacts) -> list[Canceller]:
    """Every fact on the label that cancels the exemptions, most telling first (claims, then what is added)."""
    out: list[Canceller] = []
    claims = [c for c in facts.claims if c.kind in ("nutrient_content", "health")]
    if claims:
        out.append(Canceller(f'the label makes a nutrition or health claim ("{claims[0].text}")', "(e)(ii)"))
    if facts.fop_symbol:
        out.append(Canceller("the label carries a nutrition symbol, a reference to nutrients", "(e)(i)"))
    out += _added(facts)
    text = fold(facts.full_text())
    words = _NUTRITION_WORDS.search(text)
    if words:
        out.append(Canceller(f'the label contains the words "{words.group(0)}"', "(e)(iv)"))
    if names_ground_meat(facts):
        out.append(Canceller("the product is ground meat or poultry", "(d)"))
    return out


def _added(facts: LabelFacts) -> list[Canceller]:
    """(a) and (b): the vitamins and minerals of B.01.402 read with its flour rule, and iron added as a nutrient."""
    out: list[Canceller] = []
    for name, paragraph in vitamins_minerals.added_nutrients(facts, None).values():
        if paragraph == "B.01.402(7)":
            out.append(
                Canceller(
                    f'a vitamin or mineral nutrient is declared as a component of an ingredient ("{name}")', "(b)"
                )
            )
        else:
            out.append(Canceller(f'a vitamin or mineral nutrient is added ("{name}")', "(a)"))
    iron = _added_iron(facts)
    if iron is not None:
        out.append(iron)
    return out[:1]


def _added_iron(facts: LabelFacts) -> Canceller | None:
    for ingredient_list in facts.ingredients:
        after_flour = False  # a flour's enrichment printed flat right after it belongs to the flour
        for ingredient in ingredient_list.ingredients:
            folded = _TRAILING.sub("", fold(ingredient.name))
            if _FLOUR.search(folded):
                after_flour = True  # its bracketed components are its enrichment too: (b) leaves them out
                continue
            if _ADDED_IRON.match(folded):
                if not after_flour:
                    return Canceller(f'a mineral nutrient is added ("{ingredient.name}")', "(a)")
                continue
            after_flour = after_flour and vitamins_minerals.declared_nutrient(ingredient.name) is not None
            for component in ingredient.components:
                if _ADDED_IRON.match(_TRAILING.sub("", fold(component.name))):
                    if _NUTRIENT_CLASS.search(folded):  # "vitamins and minerals (reduced iron, ...)": added
                        return Canceller(f'a mineral nutrient is added ("{component.name}")', "(a)")
                    return Canceller(
                        f'a mineral nutrient is declared as a component of an ingredient ("{component.name}" in '
                        f'"{ingredient.name}")',
                        "(b)",
                    )
    return None
