"""Ground meat or poultry named on the label. B.01.401(3)(d) makes a Nutrition Facts table required for it despite the
exemptions of B.01.401(2)(a) and (b), and B.01.350(13) keeps the symbol for a food that must carry a table, so the
table check (10.A) and the symbol check (7.10) must agree on what counts: "Ground coffee" or "ground pepper" does not.
"""

from __future__ import annotations

import re

from labeliq.models import LabelFacts
from labeliq.text import fold

_MEAT_WORDS = re.compile(
    r"\b(meat|beef|pork|veal|lamb|mutton|goat|bison|chicken|turkey|poultry|duck|viandes?|boeuf|porc|veau|agneau|"
    r"mouton|chevre|bison|poulet|dinde|volailles?|canard)\b"
)
_GROUND = re.compile(r"\b(ground|hache)e?s?\b")


def names_ground_meat(facts: LabelFacts) -> bool:
    names = " ".join(fold(n.text) for n in facts.common_names)
    return bool(_GROUND.search(names) and _MEAT_WORDS.search(names))
