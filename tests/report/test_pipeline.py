"""The pipeline and the report assembly: errors are visible, what is not built says so, the summary is right."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.rules_index import rule_for
from labeliq.models import (
    CheckResult,
    Finding,
    Group,
    GroupResult,
    LabelFacts,
    LlmUsage,
    Panel,
    ProductContext,
    Provenance,
    TextFact,
    Verdict,
)
from labeliq.pipeline import check_label, run_group
from labeliq.report import build_report, product_title, summarize
from tests.report.conftest import Installer

CONTEXT = ProductContext(date=dt.date(2026, 11, 24))
CITE = "SFCR 250(1)"
SOUP = "Tomato Soup / Soupe aux tomates"


def _facts(*names: tuple[str, str]) -> LabelFacts:
    return LabelFacts(
        panels=[Panel(name="front", is_principal_display=True, text="\n".join(n for n, _ in names))],
        common_names=[
            TextFact(text=text, language=lang, source=Provenance(panel="front"))  # type: ignore[arg-type]
            for text, lang in names
        ],
    )


def _dates(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        failed(
            rule_for("6.5"),
            "The month 'JU' is not a CFIA month code; June is JN, July is JL.",
            CITE,
            "27 JU 28",
            "side",
        ),
        passed(rule_for("6.1"), "Best before / Meilleur avant is shown.", CITE),
        review(rule_for("6.2"), "Storage instructions cannot be judged without knowing the product.", CITE),
    ]


def _allergens(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    return [
        failed(rule_for("9.3"), "Barley is in the ingredients but not in the Contains statement.", "FDR B.01.010.1(2)"),
        failed(rule_for("9.10"), "Sulphites from dried onion are not declared.", "FDR B.01.010.1(2)"),
        failed(rule_for("9.3"), "Orge is missing from Contient.", "FDR B.01.010.1(2)"),
        not_applicable(rule_for("9.8"), "No gluten-free claim.", "FDR B.24.018"),
    ]


def _raises(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    raise KeyError("fibre")


def test_summary_counts_rules_and_overall(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates), "allergens_gluten": ("content", _allergens)})
    report = check_label(_facts(("Crackers", "en"), ("Craquelins", "fr")), CONTEXT, "job-1")
    summary = report.summary
    assert summary.counts == {Verdict.FAIL: 4, Verdict.PASS: 1, Verdict.NEEDS_REVIEW: 1, Verdict.NOT_APPLICABLE: 1}
    assert summary.failing_rules == ["6.5", "9.3", "9.10"]  # sorted as numbers, deduplicated
    assert summary.needs_review_rules == ["6.2"]
    assert summary.verdict == Verdict.FAIL
    assert summary.checker_errors == []
    assert list(report.results) == ["date_marking", "allergens_gluten"]
    assert report.results["date_marking"].verdict == Verdict.FAIL
    assert report.product == "Crackers / Craquelins"
    assert report.judged_on == dt.date(2026, 11, 24)


def test_a_raising_checker_is_reported_and_logged_not_silenced(
    fake_checkers: Installer, caplog: pytest.LogCaptureFixture
) -> None:
    fake_checkers({"date_marking": ("content", _dates), "nutrition_facts": ("tables", _raises)})
    with caplog.at_level(logging.ERROR):
        report = check_label(_facts(("Crackers", "en")), CONTEXT, "job-2")
    broken = report.results["nutrition_facts"]
    assert broken.error == "KeyError: 'fibre'"
    assert broken.verdict == Verdict.NEEDS_REVIEW
    assert [(f.rule, f.verdict) for f in broken.findings] == [("10", Verdict.NEEDS_REVIEW)]
    assert "could not run" in broken.findings[0].message
    assert report.results["date_marking"].verdict == Verdict.FAIL  # the others still ran
    assert report.summary.checker_errors == ["nutrition_facts"]
    assert "10" in report.summary.needs_review_rules
    logged = [r for r in caplog.records if "nutrition_facts" in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log


def test_checkers_not_built_say_so_and_block_a_clean_pass(fake_checkers: Installer) -> None:
    def all_pass(facts: LabelFacts, context: ProductContext) -> list[Finding]:
        return [passed(rule_for("6.1"), "Date shown.", CITE)]

    fake_checkers({"date_marking": ("content", all_pass), "sweeteners": ("tables", None)})
    report = check_label(_facts(("Oats", "en")), CONTEXT, "job-3")
    assert (
        report.results["sweeteners"].error
        == "checker sweeteners is not built: labeliq.checks.fake_sweeteners does not exist"
    )
    assert [f.verdict for f in report.results["sweeteners"].findings] == [Verdict.NEEDS_REVIEW]  # judged nothing
    assert report.summary.checker_errors == ["sweeteners"]
    assert report.summary.verdict == Verdict.NEEDS_REVIEW


def test_all_built_and_passing_is_a_pass(fake_checkers: Installer) -> None:
    def all_pass(facts: LabelFacts, context: ProductContext) -> list[Finding]:
        return [
            passed(rule_for("6.1"), "Date shown.", CITE),
            not_applicable(rule_for("6.7"), "Not packaged at retail.", CITE),
        ]

    fake_checkers({"date_marking": ("content", all_pass)})
    assert check_label(_facts(("Oats", "en")), CONTEXT, "job-4").summary.verdict == Verdict.PASS


def test_assemble_reports_a_missing_group_instead_of_shrinking(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates), "nutrition_facts": ("tables", _dates)})
    content = run_group("content", _facts(), CONTEXT, "job-5")
    report = build_report("job-5", _facts(), CONTEXT, [content], checkers=["date_marking", "nutrition_facts"])
    missing = report.results["nutrition_facts"]
    assert missing.error == "the tables group produced no result"
    assert report.summary.checker_errors == ["nutrition_facts"]


def test_assemble_refuses_two_results_for_one_group(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates)})
    content = run_group("content", _facts(), CONTEXT, "job-6")
    with pytest.raises(ValueError, match="two results for group 'content'"):
        build_report("job-6", _facts(), CONTEXT, [content, content])


def test_assemble_sums_llm_usage(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates), "nutrition_facts": ("tables", _dates)})
    groups = [
        run_group(g, _facts(), CONTEXT, "job-7").model_copy(update={"llm_usage": LlmUsage(calls=1, prompt_tokens=10)})
        for g in ("content", "tables")
    ]
    report = build_report("job-7", _facts(), CONTEXT, groups)
    assert report.llm_usage == LlmUsage(calls=2, prompt_tokens=20)


@pytest.mark.parametrize(
    ("names", "title"),
    [
        pytest.param(
            [("Tomato Soup", "en"), ("Soupe aux tomates", "fr")], "Tomato Soup / Soupe aux tomates", id="en-fr"
        ),
        pytest.param(
            [("Soupe aux tomates", "fr"), ("Tomato Soup", "en")], "Tomato Soup / Soupe aux tomates", id="en-first"
        ),
        pytest.param([("Tofu", "bilingual")], "Tofu", id="same-in-both"),
        pytest.param([("Tomato Soup", "en")], "Tomato Soup", id="english-only"),
        pytest.param([], "(common name not found)", id="none"),
    ],
)
def test_product_title(names: list[tuple[str, str]], title: str) -> None:
    assert product_title(_facts(*names)) == title


def test_summary_of_nothing_is_not_a_pass() -> None:
    summary = summarize({})
    assert summary.verdict == Verdict.NEEDS_REVIEW
    assert sum(summary.counts.values()) == 0


# --- the LLM judge may answer open questions, never remove a rules-based fail --------------------------------------


def _llm(rule: str, verdict: Verdict) -> Finding:
    return Finding(rule=rule, verdict=verdict, message="judged", citation="FDR B.01.006.1", source="llm")


class _Judge:
    """Answers with the given findings in place of the rules findings of the same rule (a careless judge)."""

    def __init__(self, answers: dict[str, list[Finding]], raises: bool = False) -> None:
        self.answers, self.raises = answers, raises

    def judge_results(
        self, group: Group, facts: LabelFacts, context: ProductContext, results: dict[str, CheckResult]
    ) -> tuple[dict[str, CheckResult], LlmUsage]:
        if self.raises:
            raise TimeoutError("LLM call timed out after 30 s")
        out = dict(results)
        for name, answers in self.answers.items():
            if name in results:
                answered = {f.rule for f in answers}
                kept = [f for f in results[name].findings if f.rule not in answered]
                out[name] = CheckResult.from_findings(name, group, kept + answers)
        return out, LlmUsage(calls=1, output_tokens=5)


def test_the_judge_answers_an_open_question_and_its_tokens_are_counted(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates)})
    report = check_label(_facts(), CONTEXT, "job-8", llm=_Judge({"date_marking": [_llm("6.2", Verdict.PASS)]}))
    verdicts = {f.rule: (f.verdict, f.source) for f in report.results["date_marking"].findings}
    assert verdicts["6.2"] == (Verdict.PASS, "llm")
    assert verdicts["6.5"] == (Verdict.FAIL, "rules")
    assert report.llm_usage.calls == 1


def test_a_judge_cannot_remove_a_rules_fail(fake_checkers: Installer, caplog: pytest.LogCaptureFixture) -> None:
    fake_checkers({"date_marking": ("content", _dates)})
    judge = _Judge({"date_marking": [_llm("6.5", Verdict.PASS), _llm("6.2", Verdict.PASS)]})
    with caplog.at_level(logging.ERROR):
        report = check_label(_facts(), CONTEXT, "job-8b", llm=judge)
    findings = report.results["date_marking"].findings
    assert [(f.rule, f.verdict, f.source) for f in findings if f.rule == "6.5"] == [("6.5", Verdict.FAIL, "rules")]
    assert report.summary.failing_rules == ["6.5"]
    assert any("dropped a rules-based fail" in r.getMessage() for r in caplog.records)


def test_guard_keeps_a_crashed_checker_reported_as_crashed(fake_checkers: Installer) -> None:
    fake_checkers({"nutrition_facts": ("tables", _raises)})
    judge = _Judge({"nutrition_facts": [_llm("10.A1", Verdict.PASS)]})
    report = check_label(_facts(), CONTEXT, "job-8c", llm=judge)
    assert report.results["nutrition_facts"].error == "KeyError: 'fibre'"


def test_a_failing_judge_leaves_questions_open(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates)})
    report = check_label(_facts(), CONTEXT, "job-9", llm=_Judge({}, raises=True))
    assert report.summary.needs_review_rules == ["6.2"]
    assert report.llm_usage.calls == 0


def test_a_failing_judge_can_be_asked_to_raise_so_a_branch_retries(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates)})
    with pytest.raises(TimeoutError):
        run_group("content", _facts(), CONTEXT, "job-9b", _Judge({}, raises=True), raise_llm_errors=True)


def test_group_result_is_the_unit_a_branch_stores(fake_checkers: Installer) -> None:
    fake_checkers({"date_marking": ("content", _dates), "nutrition_facts": ("tables", _raises)})
    tables = run_group("tables", _facts(), CONTEXT, "job-10")
    again = GroupResult.model_validate_json(tables.model_dump_json())
    assert again == tables
    assert again.results["nutrition_facts"].error is not None


def test_the_registry_tells_broken_from_absent_and_assembly_reports_both(
    fake_checkers: Installer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    fake_checkers({"date_marking": ("content", _dates), "sweeteners": ("tables", None), "additives": ("tables", None)})
    monkeypatch.setitem(sys.modules, "labeliq.checks.fake_additives", types.ModuleType("broken: no check()"))
    content = run_group("content", _facts(), CONTEXT, "job-11")
    report = build_report("job-11", _facts(), CONTEXT, [content])  # the tables group never reported
    assert report.results["sweeteners"].error == "the tables group produced no result"
    assert report.results["additives"].error == "the tables group produced no result"
    tables = run_group("tables", _facts(), CONTEXT, "job-11")
    assert (tables.results["sweeteners"].error or "").startswith("checker sweeteners is not built")
    assert "AttributeError" in (tables.results["additives"].error or "")  # present but broken: not "not built"


def test_a_judge_cannot_add_a_checker_that_did_not_run(fake_checkers: Installer) -> None:
    class Inventive:
        def judge_results(
            self, group: Group, facts: LabelFacts, context: ProductContext, results: dict[str, CheckResult]
        ) -> tuple[dict[str, CheckResult], LlmUsage]:
            invented = CheckResult.from_findings("common_name", group, [_llm("1.5", Verdict.NEEDS_REVIEW)])
            return {**results, "common_name": invented}, LlmUsage()

    fake_checkers({"date_marking": ("content", _dates), "common_name": ("identity", None)})
    report = check_label(_facts(), CONTEXT, "job-12", llm=Inventive())
    absent = report.results["common_name"]  # not built: could not run, and the judge's invention is not kept
    assert absent.error == "checker common_name is not built: labeliq.checks.fake_common_name does not exist"
    assert [f.source for f in absent.findings] == ["rules"]
