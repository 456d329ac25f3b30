"""Reviewer decisions on the fields of a relabel job's proposed sticker, applied to a new report version.

The decision kind beside the findings' decisions (`"sticker": [...]` in POST /jobs/{id}/decisions): approve a
field as proposed, or edit it in both languages. The author is always the signed-in reviewer (never a field of
the body), an edit always needs a reason, and the base version is never touched. The sticker's panels are rendered
again from the decided fields, and when a field was edited the rendered sticker is checked again by every checker
(the checks the proposed sticker got), so the new version's findings, verdict and sticker check judge what the
reviewer decided, not what the tool proposed. Decisions on findings carry over by their stable id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from labeliq.models import Report, Strict
from labeliq.workspace.errors import invalid

if TYPE_CHECKING:
    from labeliq.pipeline import GroupJudge
    from labeliq.relabel.proposal import RelabelProposal

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


def apply_sticker_decisions(
    report: Report, decisions: list[StickerDecision], *, reviewer: str, judge: GroupJudge | None = None
) -> Report:
    """`report` (already the new version) with each sticker field decided, and re-checked when one was edited;
    refused by name when a decision cannot apply. `judge` is the deployment's LLM judge (None: offline)."""
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
    updated = proposal.model_copy(update={"sticker_panels": panels})
    if not any(d.action == "edit" for d in decisions):
        return report.model_copy(update={"relabel": updated})  # approvals print the text that was checked
    return recheck_sticker(report, updated, judge)


def recheck_sticker(report: Report, proposal: RelabelProposal, judge: GroupJudge | None = None) -> Report:
    """`report` with the decided sticker checked again: its facts, findings and sticker check are the edited
    sticker's. A reviewer's decision on a finding the re-check still gives (same stable id) is kept; one on a
    finding the edit made go away is named in `unsettled`, never dropped silently."""
    from labeliq.pipeline import check_label
    from labeliq.relabel.job import finish_relabel, sticker_facts, without_check_notes

    facts = sticker_facts(proposal)
    # judged on the machine version's day, so a date rule does not move only because the review came later
    context = report.context if report.context.date else report.context.model_copy(update={"date": report.judged_on})
    checked = check_label(facts, context, report.job_id, judge)
    reviewed = {f.finding_id: f for result in report.results.values() for f in result.findings if f.review}
    kept: set[str] = set()
    results = {}
    for name, result in checked.results.items():
        findings = []
        for finding in result.findings:
            earlier = reviewed.get(finding.finding_id)
            if earlier is not None:
                kept.add(finding.finding_id)
                finding = finding.model_copy(update={"review": earlier.review})
            findings.append(finding)
        results[name] = result.model_copy(update={"findings": findings})
    gone = [
        f"the decision of {f.review.reviewer} on finding {fid} (rule {f.rule}) no longer applies: the sticker as "
        "edited, checked again, does not give that finding"
        for fid, f in reviewed.items()
        if fid not in kept and f.review is not None
    ]
    if "nutrition_facts" in proposal.fields and proposal.fields["nutrition_facts"].state == "edited":
        gone.append(
            "nutrition_facts was edited: the sticker's table is printed and checked from the converted numbers; "
            "the edited heading is the reviewer's text"
        )
    base = without_check_notes(proposal)
    base = base.model_copy(update={"unsettled": [*base.unsettled, *gone]})
    finished = finish_relabel(checked.model_copy(update={"results": results}), base)
    return report.model_copy(
        update={
            "product": finished.product,
            "label_facts": facts,
            "results": finished.results,
            "relabel": finished.relabel,
        }
    )
