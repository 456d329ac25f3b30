"""Storage instructions and lot codes on the label (cfia-rules.md 6.11, 6.13).

Storage text is read anywhere on a line because CFIA's own example puts it after the date
("Best before/ Meilleur avant JN 28 Keep refrigerated/ Garder réfrigéré"), where a line-start
parser would not look; the parser's storage facts are read as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.common.label_lines import panel_lines
from labeliq.models import LabelFacts
from labeliq.text import fold

_COLD = {
    "en": re.compile(
        r"\b(?:keep|store|must be kept|to be kept)\s+(?:refrigerated|frozen|cold|chilled)\b|\brefrigerate\b"
        r"|\b(?:store|keep)\s+(?:in\s+(?:the\s+|a\s+)?)?(?:refrigerator|fridge|freezer)\b"
        r"|\bstore\s+(?:at|below)\s+(?:or\s+below\s+)?-?\d+\s*°?\s*c\b"
    ),
    "fr": re.compile(
        r"\b(?:garder|gardez|conserver|conservez|tenir)\s+(?:au\s+)?(?:refrigere|refrigeree|congele|congelee|froid)\b"
        r"|\b(?:garder|gardez|conserver|conservez)\s+au\s+(?:refrigerateur|congelateur|frigo)\b|\brefrigerer\b|\brefrigerez\b"
        r"|\bconserver\s+a\s+(?:moins\s+de\s+)?-?\d+\s*°?\s*c\b"
    ),
}
_AFTER_OPENING = re.compile(
    r"(?:after|once)\s+open(?:ing|ed)|apres\s+(?:l')?ouverture|une\s+fois\s+(?:ouvert|entame)|after\s+thawing"
)
_LOT = re.compile(
    r"\b(?:(?:LOT|Lot|lot)(?:\s*(?:no\.?|No\.?|#|number|code))?\s*[.:#]?|L\s*[:#])\s*([A-Z0-9][A-Z0-9\-/]{2,})"
)


@dataclass(frozen=True)
class StorageStatement:
    language: str  # "en" or "fr"
    text: str
    panel: str | None
    after_opening_only: bool


def storage_statements(facts: LabelFacts) -> list[StorageStatement]:
    """Refrigeration/freezing instructions in English and French, from the parser's facts and every line."""
    candidates = [(s.text, s.source.panel) for s in facts.storage_instructions]
    candidates += [(line.text, line.panel) for line in panel_lines(facts)]
    out: list[StorageStatement] = []
    seen: set[tuple[str, str]] = set()
    for text, panel in candidates:
        folded = fold(text)
        for language, pattern in _COLD.items():
            for match in pattern.finditer(folded):
                tail = folded[match.end() : match.end() + 30]
                head = folded[max(0, match.start() - 30) : match.start()]
                after_opening = bool(_AFTER_OPENING.search(tail) or _AFTER_OPENING.search(head))
                key = (language, folded[match.start() : match.end()] + str(after_opening))
                if key in seen:
                    continue
                seen.add(key)
                out.append(StorageStatement(language, text.strip(), panel, after_opening))
    return out


@dataclass(frozen=True)
class LotCode:
    code: str
    line: str
    panel: str


def lot_codes_with_date_letters(facts: LabelFacts) -> list[LotCode]:
    """Lot codes holding "BB" or "MA", which consumers may read as a best-before date (CFIA ILT)."""
    out: list[LotCode] = []
    for line in panel_lines(facts):
        for match in _LOT.finditer(line.text):
            code = match.group(1).strip()
            if re.search(r"BB|MA", code):
                out.append(LotCode(code, line.text, line.panel))
    return out
