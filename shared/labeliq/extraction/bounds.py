"""Bounds on how many facts of each kind one label may give, so the checkers' work cannot grow with the text.

A checker compares each fact with the others and with the label's text; on a real label there are a handful of
each kind. A panel of a megabyte (the upload limit) made of repeated label text would give thousands, and work that
grows with their product. Past the bound the facts are left out and `LabelFacts.limits` says what was left out,
which the report shows: the label is not judged on more than a real label holds, and nobody is told otherwise.
"""

from __future__ import annotations

from labeliq.models import LabelFacts, Panel

# Characters of one panel read: a real panel holds one or two thousand; the upload limit (1 MB) is far above.
MAX_PANEL_TEXT_CHARS = 20_000
# Facts of one kind (dates, ingredient lists, claims, ...) judged per label.
MAX_FACTS_PER_KIND = 40
# Unclassified lines kept as other statements (a real label has a few dozen).
MAX_OTHER_STATEMENTS = 400


def cut_panel(panel: Panel) -> tuple[Panel, str | None]:
    """The panel with its text cut (at a line end when there is one) to MAX_PANEL_TEXT_CHARS, and what was cut."""
    if len(panel.text) <= MAX_PANEL_TEXT_CHARS:
        return panel, None
    head = panel.text[:MAX_PANEL_TEXT_CHARS]
    line_end = head.rfind("\n")
    if line_end > MAX_PANEL_TEXT_CHARS // 2:
        head = head[:line_end]
    note = (
        f"panel {panel.name} holds {len(panel.text)} characters of text; only the first {len(head)} are read "
        f"(a label panel holds a few thousand)"
    )
    return panel.model_copy(update={"text": head}), note


_NAMES = {
    "ingredients": "ingredient lists",
    "contains": "Contains statements",
    "may_contain": "May contain statements",
    "dealer": "dealer statements",
    "fop_symbol": "front-of-pack symbol texts",
    "irradiation": "irradiation statements",
    "other_statements": "unclassified lines",
}


def bounded(facts: LabelFacts) -> LabelFacts:
    """The facts with each list cut to its bound; what was cut is said in `limits`."""
    limits = list(facts.limits)
    update: dict[str, object] = {}
    for name in type(facts).model_fields:
        value = getattr(facts, name)
        if name in ("panels", "limits") or not isinstance(value, list):
            continue
        bound = MAX_OTHER_STATEMENTS if name == "other_statements" else MAX_FACTS_PER_KIND
        if len(value) > bound:
            update[name] = value[:bound]
            what = _NAMES.get(name, name.replace("_", " "))
            limits.append(f"the label gives {len(value)} {what}; only the first {bound} are judged")
    if not update:
        return facts
    return facts.model_copy(update={**update, "limits": limits})
