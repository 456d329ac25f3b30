"""A reviewer's decision on one sticker field: approve it as proposed, or edit it; always with an author and a
reason. Pure: the jobs API stores the decision and the new report version; this only says what the field becomes,
and refuses a decision that names no field, no author or no reason, or an edit that leaves a language empty.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from labeliq.models import Strict
from labeliq.relabel.proposal import RelabelProposal


class FieldDecision(Strict):
    field: str
    action: Literal["approve", "edit"]
    author: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    en: str | None = None  # the edited text (edit only)
    fr: str | None = None


class DecisionError(ValueError):
    """The decision cannot apply to this proposal; the message says why."""


def apply_decision(proposal: RelabelProposal, decision: FieldDecision) -> RelabelProposal:
    """The proposal with one field approved or edited; the other fields and the source facts are untouched."""
    current = proposal.fields.get(decision.field)
    if current is None:
        raise DecisionError(f"no sticker field '{decision.field}' (fields: {', '.join(proposal.fields)})")
    if decision.action == "approve":
        if decision.en is not None or decision.fr is not None:
            raise DecisionError("an approval keeps the proposed text; send action 'edit' to change it")
        if not current.en or not current.fr:
            raise DecisionError(f"field '{decision.field}' has no text in both languages to approve; edit it instead")
        updated = current.model_copy(
            update={"state": "approved", "decided_by": decision.author, "decision_reason": decision.reason}
        )
    else:
        en, fr = (decision.en or "").strip(), (decision.fr or "").strip()
        if not en or not fr:
            raise DecisionError("an edit gives the field's text in both English and French")
        updated = current.model_copy(
            update={
                "en": en,
                "fr": fr,
                "state": "edited",
                "machine_made": False,
                "decided_by": decision.author,
                "decision_reason": decision.reason,
            }
        )
    return proposal.model_copy(update={"fields": {**proposal.fields, decision.field: updated}})
