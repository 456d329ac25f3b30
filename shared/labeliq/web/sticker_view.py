"""What the job page shows of a relabel job's proposed sticker: each field in English and French beside the foreign
text it was made from, whether a machine made it, its review state, who decided it and why.

The reviewer approves or edits a field through the API's sticker decisions (labeliq.workspace.sticker_decisions);
this only shapes the report's `relabel` section for the template, in the order a label reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from labeliq.relabel.proposal import STICKER_FIELD_TITLES

STATE_LABEL = {"proposed": "Proposed", "approved": "Approved", "edited": "Edited"}


@dataclass
class StickerFieldView:
    key: str
    label: str
    en: str
    fr: str
    source_text: str
    machine_made: bool
    state: str
    needs_person: bool
    notes: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    decided_by: str | None = None
    decision_reason: str | None = None

    @property
    def state_label(self) -> str:
        return STATE_LABEL.get(self.state, self.state)

    @property
    def from_context(self) -> bool:
        """Made from a context key (e.g. the Canadian dealer), not from the foreign label's text."""
        return self.source_text.startswith("context ")

    @property
    def approvable(self) -> bool:
        """Only a field with text in both languages can be approved as proposed (the API refuses the others)."""
        return bool(self.en.strip() and self.fr.strip())


@dataclass
class StickerView:
    source_language: str  # an ISO 639-1 code, for the source text's lang attribute
    source_language_name: str
    translator: str
    fields: list[StickerFieldView]
    unsettled: list[str]
    failing_rules: list[str]
    uncontrollable_fails: list[str]

    @property
    def counts(self) -> dict[str, int]:
        return {state: sum(1 for f in self.fields if f.state == state) for state in STATE_LABEL}


def build_sticker_view(report: dict[str, Any]) -> StickerView | None:
    """The sticker of a relabel report (None for a standard check)."""
    relabel = report.get("relabel")
    if not isinstance(relabel, dict):
        return None
    fields = []
    for key, raw in (relabel.get("fields") or {}).items():
        fields.append(
            StickerFieldView(
                key=key,
                label=STICKER_FIELD_TITLES.get(key, key.replace("_", " ").capitalize()),
                en=str(raw.get("en") or ""),
                fr=str(raw.get("fr") or ""),
                source_text=str(raw.get("source_text") or ""),
                machine_made=bool(raw.get("machine_made")),
                state=str(raw.get("state") or "proposed"),
                needs_person=bool(raw.get("needs_person")),
                notes=[str(n) for n in raw.get("notes") or []],
                untranslated=[str(t) for t in raw.get("untranslated") or []],
                decided_by=raw.get("decided_by"),
                decision_reason=raw.get("decision_reason"),
            )
        )
    check = relabel.get("check") or {}
    language = str(relabel.get("source_language") or "")
    return StickerView(
        source_language="en-US" if language == "en" else language,
        source_language_name=str(relabel.get("source_language_name") or language),
        translator=str(relabel.get("translator") or ""),
        fields=fields,
        unsettled=[str(u) for u in relabel.get("unsettled") or []],
        failing_rules=[str(r) for r in check.get("failing_rules") or []],
        uncontrollable_fails=[str(r) for r in check.get("uncontrollable_fails") or []],
    )
