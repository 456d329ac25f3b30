"""Assemble group results into a Report, score it, and describe report.json with a JSON Schema.

The same assembly runs in one process (`labeliq check`) and in the cloud assemble step, which reads the three
GroupResults from Firestore: so a missing group and a checker that could not run (a broken one, or one not built)
show up in the report instead of quietly shrinking it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from labeliq.checks import registry
from labeliq.checks.common.advice import complete
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
    Summary,
    Verdict,
    worst_verdict,
)
from labeliq.scope import scoped

# The section of cfia-rules.md each checker covers: the rule a "could not run" finding is filed under.
CHECKER_SECTIONS: dict[str, str] = {
    "common_name": "1",
    "bilingual": "2",
    "country_of_origin": "3",
    "irradiation": "4",
    "name_address": "3",
    "net_quantity": "3",
    "ingredients": "5",
    "date_marking": "6",
    "fop_symbol": "7",
    "claim_tags": "8",
    "allergens_gluten": "9",
    "nutrition_facts": "10",
    "sweeteners": "11",
    "supplements": "12",
    "additives": "13",
    "health_claims": "14",
}

UNNAMED_PRODUCT = "(common name not found)"


def could_not_run(checker: str, group: Group, reason: str) -> CheckResult:
    """A checker that produced nothing still gets a visible needs_review finding saying so."""
    finding = Finding(
        rule=CHECKER_SECTIONS.get(checker, checker),
        verdict=Verdict.NEEDS_REVIEW,
        message=(
            f"The {checker} check could not run ({reason}); none of its rules were judged, "
            "so a person must review them."
        ),
        citation="labeliq internal",
    )
    return CheckResult(checker=checker, group=group, verdict=Verdict.NEEDS_REVIEW, findings=[finding], error=reason)


def product_title(facts: LabelFacts) -> str:
    """The common name as "English / French", whichever of the two the label shows."""
    english = next((f.text for f in facts.common_names if f.language == "en"), None)
    french = next((f.text for f in facts.common_names if f.language == "fr"), None)
    if english is None and french is None:
        both = next((f.text for f in facts.common_names if f.text.strip()), None)
        return both or UNNAMED_PRODUCT
    names = [n.strip() for n in (english, french) if n and n.strip()]
    return " / ".join(dict.fromkeys(names)) or UNNAMED_PRODUCT


def rule_sort_key(rule: str) -> list[tuple[int, int | str]]:
    """Rule ids in reading order: 6.5 before 10.B, 10.B before 10.E1 (numeric parts compared as numbers)."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in rule.split(".")]


def _unique_sorted(rules: Iterable[str]) -> list[str]:
    return sorted(set(rules), key=rule_sort_key)


def summarize(results: Mapping[str, CheckResult]) -> Summary:
    findings = [f for result in results.values() for f in result.findings]
    counts = {verdict: 0 for verdict in Verdict}
    for finding in findings:
        counts[finding.verdict] += 1
    # the verdict is the label's: package-scope checks are the checklist for a person holding the package
    overall = worst_verdict([f.verdict for f in findings if f.scope == "label"])
    # A label is never declared compliant when nothing was judged; a checker that could not run (or is not built)
    # already makes it needs_review through its finding.
    if not findings:
        overall = Verdict.NEEDS_REVIEW
    return Summary(
        verdict=overall,
        counts=counts,
        failing_rules=_unique_sorted(f.rule for f in findings if f.verdict == Verdict.FAIL),
        needs_review_rules=_unique_sorted(f.rule for f in findings if f.verdict == Verdict.NEEDS_REVIEW),
        package_checks=_unique_sorted(f.rule for f in findings if f.scope == "package"),
        checker_errors=[name for name, result in results.items() if result.error is not None],
    )


def _merge_usage(usages: Iterable[LlmUsage]) -> LlmUsage:
    total = LlmUsage()
    for usage in usages:
        total = LlmUsage(
            calls=total.calls + usage.calls,
            cached_calls=total.cached_calls + usage.cached_calls,
            prompt_tokens=total.prompt_tokens + usage.prompt_tokens,
            output_tokens=total.output_tokens + usage.output_tokens,
            prompt_cuts=[*total.prompt_cuts, *(c for c in usage.prompt_cuts if c not in total.prompt_cuts)],
        )
    return total


def build_report(
    job_id: str,
    facts: LabelFacts,
    context: ProductContext,
    group_results: Iterable[GroupResult],
    *,
    version: int = 1,
    generated_at: dt.datetime | None = None,
    checkers: Iterable[str] | None = None,
) -> Report:
    """Assemble one Report from the groups' results, in registry order.

    `checkers` names the registered checkers the report must account for (default: all of them). One missing from
    its group's result, or whose group produced no result at all, is reported as could-not-run.
    """
    by_group: dict[Group, GroupResult] = {}
    for one in group_results:
        if one.group in by_group:
            raise ValueError(f"two results for group {one.group!r} of job {job_id}")
        by_group[one.group] = one
    expected = set(checkers) if checkers is not None else {s.name for s in registry.CHECKERS}

    results: dict[str, CheckResult] = {}
    for spec in registry.CHECKERS:
        group_ran = spec.group in by_group
        produced = by_group[spec.group].results.get(spec.name) if group_ran else None
        if produced is not None:
            results[spec.name] = produced
        elif spec.name not in expected:
            continue
        elif not group_ran:
            results[spec.name] = could_not_run(spec.name, spec.group, f"the {spec.group} group produced no result")
        else:
            results[spec.name] = could_not_run(
                spec.name, spec.group, f"the {spec.group} group returned no result for it"
            )
    # Results from checkers the registry does not know (renamed, or a newer deployment) are kept, not dropped.
    for group in GROUPS:
        extra = by_group[group].results if group in by_group else {}
        for name, result in extra.items():
            results.setdefault(name, result)
    results = {name: scoped(result) for name, result in results.items()}

    from labeliq.workspace.finding_ids import with_finding_ids

    results = with_finding_ids(results)  # before completion: ids stay those of reports made before it
    results = completed(results, {p.name: p.text for p in facts.panels})
    return Report(
        job_id=job_id,
        version=version,
        product=product_title(facts),
        judged_on=context.judged_on(),
        generated_at=generated_at or dt.datetime.now(dt.UTC),
        context=context,
        label_facts=facts,
        results=results,
        summary=summarize(results),
        llm_usage=_merge_usage(g.llm_usage for g in by_group.values()),
    )


def completed(results: Mapping[str, CheckResult], panel_texts: Mapping[str, str]) -> dict[str, CheckResult]:
    """Every finding with what a specialist acts on: a fail's fix, a review item's question, the French text, and
    evidence (or where it was looked for), from its rule's advice (labeliq.checks.common.advice)."""
    return {
        name: result.model_copy(update={"findings": [complete(f, panel_texts) for f in result.findings]})
        for name, result in results.items()
    }


def report_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def report_schema() -> dict[str, Any]:
    """The JSON Schema of report.json, as serialised (dates as strings, enums as their values)."""
    schema = Report.model_json_schema(mode="serialization")
    # model_dump writes every field, defaults included, so every property of every object is required in the file.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if definition.get("type") == "object" and "properties" in definition:
            definition["required"] = list(definition["properties"])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "labeliq report"
    schema["description"] = "report.json written by `labeliq check` and by the cloud assemble step."
    return schema


def report_schema_json() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
