"""labeliq.judge: the one judge the CLI and the cloud build, and which LLM faults a workflow step should retry."""

from __future__ import annotations

from typing import Any

import pytest

from labeliq.checks.common_name import checker as common_name
from labeliq.checks.llm_judge import Answers, LlmJudge
from labeliq.extraction.text_parser import parse_label
from labeliq.judge import LlmSettingsError, build_judge, is_transient_llm_error, judge_from_env
from labeliq.llm import LlmError
from labeliq.models import CheckResult, LabelFacts, Panel, ProductContext, Verdict

FRONT = "Oat & Honey Granola Bars\nBarres granola à l'avoine et au miel\n210 g\n"


def _label() -> tuple[LabelFacts, ProductContext, dict[str, CheckResult]]:
    facts = parse_label([Panel(name="front", text=FRONT, is_principal_display=True)])
    context = ProductContext()
    results = {"common_name": CheckResult.from_findings("common_name", "identity", common_name.check(facts, context))}
    return facts, context, results


def _error(fake_gemini: Any, make_client: Any, *replies: tuple[int, str] | tuple[int, str, float]) -> LlmError:
    fake_gemini.reply(*replies)
    with pytest.raises(LlmError) as raised:
        make_client(timeout_s=0.5, max_retries=0).generate("system", "prompt", Answers)
    return raised.value


@pytest.mark.parametrize(("status", "recording"), [(503, "error_503.json"), (429, "error_429.json")])
def test_rate_limits_and_5xx_are_transient(fake_gemini: Any, make_client: Any, status: int, recording: str) -> None:
    assert is_transient_llm_error(_error(fake_gemini, make_client, (status, recording)))


def test_a_timeout_is_transient(fake_gemini: Any, make_client: Any) -> None:
    assert is_transient_llm_error(_error(fake_gemini, make_client, (200, "identity_granola_ok.json", 10.0)))


def test_a_4xx_or_an_answer_off_schema_is_not_transient(fake_gemini: Any, make_client: Any) -> None:
    assert not is_transient_llm_error(_error(fake_gemini, make_client, (400, "error_400.json")))
    assert not is_transient_llm_error(_error(fake_gemini, make_client, (200, "not_json_answer.json")))
    assert not is_transient_llm_error(LlmError("no cause"))


def test_raise_transient_raises_a_503_but_files_a_400_as_needs_review(fake_gemini: Any, make_client: Any) -> None:
    facts, context, results = _label()
    judge = build_judge(make_client(max_retries=0), raise_transient=True)
    fake_gemini.reply((503, "error_503.json"))
    with pytest.raises(LlmError):
        judge.judge_results("identity", facts, context, results)
    fake_gemini.reply((400, "error_400.json"))
    judged, _ = judge.judge_results("identity", facts, context, results)
    llm = [f for f in judged["common_name"].findings if f.source == "llm"]
    assert llm and all(f.verdict == Verdict.NEEDS_REVIEW and "could not answer" in f.message for f in llm)


def test_without_raise_transient_a_503_is_filed_as_needs_review(fake_gemini: Any, make_client: Any) -> None:
    facts, context, results = _label()
    fake_gemini.reply((503, "error_503.json"))
    judged, _ = build_judge(make_client(max_retries=0)).judge_results("identity", facts, context, results)
    assert any(f.source == "llm" and f.verdict == Verdict.NEEDS_REVIEW for f in judged["common_name"].findings)


def test_offline_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABELIQ_LLM_ENABLED", raising=False)
    judge = judge_from_env()
    assert isinstance(judge, LlmJudge) and judge.client is None


def test_enabled_without_credentials_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_LLM_ENABLED", "true")
    monkeypatch.delenv("LABELIQ_LLM_API_KEY", raising=False)
    monkeypatch.delenv("LABELIQ_LLM_PROJECT", raising=False)
    with pytest.raises(LlmSettingsError, match="LABELIQ_LLM_API_KEY"):
        judge_from_env()
