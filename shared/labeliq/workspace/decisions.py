"""Reviewer decisions applied to a report version, giving the next version (the earlier one is never touched).

Each decision names a finding by its stable id. The machine verdict stays on the finding; the reviewer's goes
beside it in `review`, with the action, reason, reviewer and time. Decisions made on earlier versions carry over
(a finding decided again gets the newer decision), and the summary is recomputed from the effective verdicts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import Field, model_validator

from labeliq.models import FindingReview, Report, ReviewAction, Strict, Verdict
from labeliq.workspace.errors import invalid
from labeliq.workspace.sticker_decisions import StickerDecision, apply_sticker_decisions
from labeliq.workspace.summaries import effective_summary

if TYPE_CHECKING:
    from labeliq.pipeline import GroupJudge


class Decision(Strict):
    finding_id: str = Field(min_length=1, max_length=200)
    verdict: Verdict | None = None
    action: ReviewAction
    reason: str = Field(default="", max_length=4000)

    @model_validator(mode="after")
    def _override_needs_verdict_and_reason(self) -> Decision:
        if self.action == "override":
            if self.verdict is None:
                raise ValueError(f"an override of {self.finding_id} needs the verdict the reviewer stands by")
            if not self.reason.strip():
                raise ValueError(f"an override of {self.finding_id} needs a reason")
        return self


class DecisionsRequest(Strict):
    base_version: int = Field(ge=1)
    decisions: list[Decision] = Field(default_factory=list, max_length=500)
    sticker: list[StickerDecision] = Field(default_factory=list, max_length=50)  # relabel jobs: sticker fields

    @model_validator(mode="after")
    def _one_decision_per_finding(self) -> DecisionsRequest:
        if not self.decisions and not self.sticker:
            raise ValueError("no decision: send at least one in 'decisions' (findings) or 'sticker' (sticker fields)")
        ids = [d.finding_id for d in self.decisions]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"findings decided twice in one request: {', '.join(twice)}")
        fields = [d.field for d in self.sticker]
        twice = sorted({f for f in fields if fields.count(f) > 1})
        if twice:
            raise ValueError(f"sticker fields decided twice in one request: {', '.join(twice)}")
        return self


def finding_ids(report: Report) -> set[str]:
    return {f.finding_id for result in report.results.values() for f in result.findings}


def apply_decisions(
    base: Report,
    request: DecisionsRequest,
    *,
    reviewer: str,
    at: dt.datetime,
    version: int,
    judge: GroupJudge | None = None,
) -> Report:
    """The review version made from `base` by these decisions; an unknown finding id is refused by name. An edited
    sticker field is checked again (with `judge`, the deployment's LLM judge, when given)."""
    known = finding_ids(base)
    unknown = [d.finding_id for d in request.decisions if d.finding_id not in known]
    if unknown:
        raise invalid(f"no finding with id {', '.join(unknown)} in version {base.version}", code="unknown_finding")
    by_id = {d.finding_id: d for d in request.decisions}
    results = {}
    for name, result in base.results.items():
        findings = []
        for finding in result.findings:
            decision = by_id.get(finding.finding_id)
            if decision is None:
                findings.append(finding)
                continue
            verdict = decision.verdict if decision.action == "override" and decision.verdict else finding.verdict
            review = FindingReview(
                verdict=verdict, action=decision.action, reason=decision.reason, reviewer=reviewer, at=at
            )
            findings.append(finding.model_copy(update={"review": review}))
        results[name] = result.model_copy(update={"findings": findings})
    reviewed = base.model_copy(
        update={
            "version": version,
            "kind": "review",
            "base_version": base.version,
            "created_by": reviewer,
            "generated_at": at,
            "results": results,
        }
    )
    reviewed = apply_sticker_decisions(reviewed, request.sticker, reviewer=reviewer, judge=judge)
    return reviewed.model_copy(update={"summary": effective_summary(reviewed)})
