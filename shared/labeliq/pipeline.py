"""Run the checkers, group by group, and assemble the report: the whole check in one process.

One checker that raises must not sink the report (it becomes a visible could-not-run finding, with the
traceback in the log), and the optional LLM judge may settle what the rules left for review but can never
remove a rules-based fail (guarded here, whatever the judge's own merging does).
"""

from __future__ import annotations

import logging
import time
from typing import Protocol

from labeliq.checks import registry
from labeliq.finding_location import locate_results
from labeliq.heartbeat import beat
from labeliq.models import (
    GROUPS,
    CheckResult,
    Finding,
    Group,
    GroupResult,
    LabelFacts,
    LlmUsage,
    ProductContext,
    Report,
    Verdict,
)
from labeliq.report import build_report, could_not_run

logger = logging.getLogger(__name__)


class GroupJudge(Protocol):
    """An LLM judge for one group (labeliq.checks.llm_judge): the group's results with its questions answered."""

    def judge_results(
        self, group: Group, facts: LabelFacts, context: ProductContext, results: dict[str, CheckResult]
    ) -> tuple[dict[str, CheckResult], LlmUsage]: ...


def run_checker_safely(spec: registry.CheckerSpec, facts: LabelFacts, context: ProductContext) -> CheckResult:
    """Run one checker; a could-not-run result (needs_review, with the reason) when it is not built or raises."""
    started = time.perf_counter()
    try:
        result = CheckResult.from_findings(spec.name, spec.group, registry.load(spec)(facts, context))
    except registry.NotBuilt as exc:
        logger.warning("%s; reported as could not run", exc, extra={"checker": spec.name})
        return could_not_run(spec.name, spec.group, str(exc))
    except Exception as exc:  # one broken checker must not sink the report
        logger.exception("checker %s raised; reported as could not run", spec.name, extra={"checker": spec.name})
        return could_not_run(spec.name, spec.group, f"{type(exc).__name__}: {exc}")
    logger.debug(
        "checker %s: %s",
        spec.name,
        result.verdict.value,
        extra={"checker": spec.name, "duration_ms": round((time.perf_counter() - started) * 1000, 2)},
    )
    return result


def _rules_fails(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if f.source == "rules" and f.verdict == Verdict.FAIL]


def guard_rules_fails(before: dict[str, CheckResult], after: dict[str, CheckResult]) -> dict[str, CheckResult]:
    """Whatever the judge did, every rules-based fail survives: a checker that lost one keeps its rules result.

    The judge may only add to checkers that ran: a result for a checker of another group (or unknown) is dropped,
    so the report never shows a checker that does not exist.
    """
    guarded = {name: result for name, result in after.items() if name in before}
    for name, original in before.items():
        judged = after.get(name)
        kept = judged.findings if judged is not None else []
        if any(fail not in kept for fail in _rules_fails(original)):
            logger.error("the LLM judge dropped a rules-based fail of %s; its rules result is kept", name)
            guarded[name] = original
        elif judged is not None and original.error is not None:
            guarded[name] = original  # a checker that could not run stays reported as such
    return guarded


def _judge(
    llm: GroupJudge,
    group: Group,
    facts: LabelFacts,
    context: ProductContext,
    results: dict[str, CheckResult],
    raise_llm_errors: bool,
) -> tuple[dict[str, CheckResult], LlmUsage]:
    try:
        judged, usage = llm.judge_results(group, facts, context, results)
    except Exception:
        if raise_llm_errors:
            raise
        logger.exception("LLM judge failed for group %s; its questions stay needs_review", group)
        return results, LlmUsage()
    return guard_rules_fails(results, judged), usage


def run_group(
    group: Group,
    facts: LabelFacts,
    context: ProductContext,
    job_id: str,
    llm: GroupJudge | None = None,
    *,
    raise_llm_errors: bool = False,
) -> GroupResult:
    """Every registered checker of one group: the unit a workflow branch runs and stores.

    A judge that fails leaves its questions needs_review (the offline behaviour), unless `raise_llm_errors` asks for
    the error, e.g. so a workflow branch can retry a transient LLM fault instead of storing an unanswered group.
    """
    results: dict[str, CheckResult] = {}
    for spec in registry.CHECKERS:
        if spec.group != group:
            continue
        beat()  # a serverless step keeps its lease between checkers (labeliq.heartbeat)
        results[spec.name] = run_checker_safely(spec, facts, context)
    usage = LlmUsage()
    if llm is not None and results:
        results, usage = _judge(llm, group, facts, context, results, raise_llm_errors)
    results = locate_results(results, facts)  # after the judge, so its rules-fail guard compares the originals
    return GroupResult(job_id=job_id, group=group, results=results, llm_usage=usage)


def check_label(facts: LabelFacts, context: ProductContext, job_id: str, llm: GroupJudge | None = None) -> Report:
    """Every group, then the report; a checker that could not run (or is not built) says so, never faked."""
    group_results = [run_group(group, facts, context, job_id, llm) for group in GROUPS]
    return build_report(job_id, facts, context, group_results)
