"""Panel text as numbered lines, so rules that the parser does not (yet) model can still read the label.

Every identity rule first uses the parser's facts; these lines are the fallback and the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from labeliq.models import LabelFacts


@dataclass(frozen=True)
class Line:
    panel: str
    index: int
    text: str


def panel_lines(facts: LabelFacts, principal_only: bool = False) -> list[Line]:
    """Non-empty lines of every panel (or of the principal display panels only), in panel order."""
    out: list[Line] = []
    for panel in facts.panels:
        if principal_only and not panel.is_principal_display:
            continue
        for index, text in enumerate(panel.text.splitlines()):
            if text.strip():
                out.append(Line(panel.name, index, text.strip()))
    return out


def is_principal(facts: LabelFacts, panel_name: str) -> bool | None:
    """True/False when the label says which panels are principal; None when no panel is marked."""
    if not any(p.is_principal_display for p in facts.panels):
        return None
    panel = facts.panel(panel_name)
    return bool(panel and panel.is_principal_display)


def is_bottom(facts: LabelFacts, panel_name: str) -> bool:
    panel = facts.panel(panel_name)
    return bool(panel and panel.is_bottom)


def window(facts: LabelFacts, panel_name: str, start: int, before: int, after: int) -> list[str]:
    """The lines of one panel from `before` lines above to `after` lines below a line index."""
    panel = facts.panel(panel_name)
    if panel is None:
        return []
    lines = panel.text.splitlines()
    return [t for t in lines[max(0, start - before) : start + after + 1] if t.strip()]
