"""A label with no Nutrition Facts table that points to the nutrition information elsewhere.

"Nutrition facts online / Valeur nutritive en ligne: www..." or "For nutrition information call ..." is not a table,
and it does not take the table's place: the label carries the table (B.01.401(1)). Two provisions let it be
elsewhere, and the finding names them: a package under 100 cm² of available display surface may say how to obtain
the information, by a postal address or a toll-free number (B.01.467, judged in small_package), and a package that
meets B.01.466(1)'s conditions may set the table on a tag, a package insert, the inner side of the label, a fold-out
label or an outer sleeve, overwrap or collar, the outer label then saying where it is (B.01.466(2)). A line that
points to one of those places may be right, which text of the outer panels cannot settle: a question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.models import LabelFacts
from labeliq.text import fold

_MENTION = re.compile(
    r"nutrition(al)? (information|facts?|info)|information nutritionnelle|renseignements nutritionnels|"
    r"valeurs? nutritives?"
)
# B.01.466(1)(a)-(e): where else on the package the table may be set out
_ON_THE_PACKAGE = re.compile(
    r"\b(inside|inner|interior|insert|fold[- ]?out|peel|tag|sleeve|overwrap|collar|a l'interieur|interieur|encart|"
    r"depliant|etiquette volante|manchon|suremballage|collerette)\b"
)


@dataclass(frozen=True)
class Pointer:
    """The line that sends the reader to the nutrition information, as printed, and its panel."""

    text: str
    panel: str
    on_the_package: bool  # a place of B.01.466(1) (an insert, the inner side of the label), not a website or number


def pointer(facts: LabelFacts) -> Pointer | None:
    for panel in facts.panels:
        for line in panel.text.splitlines():
            folded = fold(line)
            if _MENTION.search(folded):
                return Pointer(line.strip(), panel.name, bool(_ON_THE_PACKAGE.search(folded)))
    return None


def sentence(found: Pointer) -> str:
    """What the regulation says about the pointer, for the message of a finding that a table is required."""
    return (
        f' The label points to the nutrition information elsewhere ("{found.text}"); that does not replace the '
        "table, which must be on the label (B.01.401(1)). Only a package with less than 100 cm² of available display "
        "surface may instead say how to obtain the information, with a postal address or a toll-free number "
        "(B.01.467), and only a package that meets the conditions of B.01.466(1) may set the table on a tag, a "
        "package insert, the inner side of the label, a fold-out label or an outer sleeve."
    )
