"""The words that introduce a date (FDR B.01.007(1.2), (4)(a), (6), (7)).

Only "best before" + "meilleur avant", "packaged on" + "empaqueté le" and, for fresh yeast, "use by" +
"employez avant" may introduce a durable life or packaging date; "Best by", "Enjoy by" or "BB/MA" are
other marking systems, which B.01.007(6) forbids. "Prepared on" or "freeze by" dates are not durable life
dates and are left alone (CFIA ILT, other date marking systems).
"""

from __future__ import annotations

import re

from labeliq.models import DateMark, LabelFacts
from labeliq.text import fold, has_term

REQUIRED_WORDS: dict[str, tuple[str, str]] = {
    "best_before": ("best before", "meilleur avant"),
    "packaged_on": ("packaged on", "empaqueté le"),
    "use_by": ("use by", "employez avant"),
}
_ALTERNATIVES = re.compile(
    r"\b(?:best\s+by|best\s+if\s+used\s+(?:by|before)|enjoy\s+by|use\s+before|consume\s+(?:by|before)|bb|"
    r"a\s+consommer\s+(?:de\s+preference\s+)?avant|meilleur\s+si\s+utilise\s+avant|best\s+before\s+end)\b"
)
_DURABLE_LIFE = re.compile(
    r"\bwithin\s+\d+\s+days?\b|\bdans\s+les\s+\d+\s+jours\b|\b\d+\s+days?\s+(?:after|from|of)\s+(?:the\s+)?packag"
)


def siblings(mark: DateMark, facts: LabelFacts) -> list[DateMark]:
    """Marks of the same kind read as separate pieces of one date (English words on one line, French on the next)."""
    out = [mark]
    for other in facts.dates:
        if other is mark or other.kind != mark.kind or other.source.panel != mark.source.panel:
            continue
        same_date = bool(mark.date_text) and other.date_text == mark.date_text
        a, b = mark.source.line_start, other.source.line_start
        near = a is not None and b is not None and abs(a - b) <= 2
        if same_date or near:
            out.append(other)
    return out


def _lines(mark: DateMark, facts: LabelFacts) -> list[str]:
    panel = facts.panel(mark.source.panel)
    start, end = mark.source.line_start, mark.source.line_end
    if panel is None or start is None:
        return []
    return panel.text.splitlines()[start : (end if end is not None else start) + 1]


def _mark_text(mark: DateMark, facts: LabelFacts) -> str:
    """The mark's words plus the panel lines it (and its sibling pieces) were read from."""
    parts: list[str] = []
    for piece in siblings(mark, facts):
        parts += [piece.words, piece.date_text, *_lines(piece, facts)]
    return " ".join(p for p in parts if p)


def words_evidence(mark: DateMark, facts: LabelFacts) -> str:
    return " ".join(_mark_text(mark, facts).split())[:200]


def missing_words(mark: DateMark, facts: LabelFacts) -> list[str]:
    """The prescribed terms for this kind of date that do not appear with it."""
    text = _mark_text(mark, facts)
    return [f"'{w}'" for w in REQUIRED_WORDS.get(mark.kind, ()) if not has_term(text, w)]


def is_other_system(mark: DateMark, facts: LabelFacts) -> bool:
    """A durable-life-like date whose words are not the prescribed ones ("Best by", "BB/MA", "Enjoy by")."""
    text = _mark_text(mark, facts)
    if mark.kind == "best_before":
        return not any(has_term(text, w) for w in REQUIRED_WORDS["best_before"])
    if mark.kind == "other":
        return _ALTERNATIVES.search(fold(mark.words or text)) is not None
    return False


def durable_life_statement(facts: LabelFacts) -> bool:
    """ "Best if consumed within 5 days of the packaging date" or its French version, anywhere on the label."""
    return any(_DURABLE_LIFE.search(fold(p.text)) for p in facts.panels)
