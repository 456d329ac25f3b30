"""Reviewer decisions on the fields of a relabel job's proposed sticker, applied to a new report version.

The decision kind beside the findings' decisions (`"sticker": [...]` in POST /jobs/{id}/decisions): approve a
field as proposed, or edit it in both languages. The author is always the signed-in reviewer (never a field of
the body), an edit always needs a reason, and the base version is never touched: the sticker's panels are
rendered again from the decided fields so the new version's DOCX shows what the reviewer decided.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from labeliq.models import Report, Strict
from labeliq.workspace.errors import invalid

APPROVED_AS_PROPOSED = "approved as proposed"


class StickerDecision(Strict):
    field: str = Field(min_length=1, max_length=100)  # a key of the report's relabel.fields, e.g. "ingredients"
    action: Literal["approve", "edit"]
    en: str | None = Field(default=None, max_length=8000)  # the edited text (edit only)
    fr: str | None = Field(default=None, max_length=8000)
    reason: str = Field(default="", max_length=4000)

    @model_validator(mode="after")
    def _edit_needs_text_and_reason(self) -> StickerDecision:
        if self.action == "edit":
            if not self.reason.strip():
                raise ValueError(f"an edit of sticker field {self.field} needs a reason")
            if not (self.en or "").strip() or not (self.fr or "").strip():
                raise ValueError(f"an edit of sticker field {self.field} gives its text in both English and French")
        return self


def apply_sticker_decisions(report: Report, decisions: list[StickerDecision], *, reviewer: str) -> Report:
    """`report` (already the new version) with each sticker field decided; refused by name when it cannot apply."""
    from labeliq.relabel.decisions import DecisionError, FieldDecision, apply_decision
    from labeliq.relabel.render import render_panels

    if not decisions:
        return report
    proposal = report.relabel
    if proposal is None:
        raise invalid(
            f"version {report.base_version or report.version} has no proposed sticker: sticker decisions apply to "
            "relabel jobs only",
            code="no_sticker",
        )
    for decision in decisions:
        reason = decision.reason.strip() or APPROVED_AS_PROPOSED
        try:
            proposal = apply_decision(
                proposal,
                FieldDecision(
                    field=decision.field,
                    action=decision.action,
                    author=reviewer,
                    reason=reason,
                    en=decision.en,
                    fr=decision.fr,
                ),
            )
        except DecisionError as exc:
            raise invalid(f"sticker field {decision.field}: {exc}", code="bad_sticker_decision") from None
    panels = {panel.name: panel.text for panel in render_panels(proposal)}
    edited = [
        f"sticker field {d.field} was edited by {reviewer} in version {report.version}: the findings judge the "
        "sticker as the tool proposed it, not the edited text"
        for d in decisions
        if d.action == "edit"
    ]
    updated = proposal.model_copy(update={"sticker_panels": panels, "unsettled": [*proposal.unsettled, *edited]})
    return report.model_copy(update={"relabel": updated})
