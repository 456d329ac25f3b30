"""The one LLM judge factory, shared by the CLI, the samples runner and the cloud group step.

Both paths must ask the same questions and file the same findings, so the judge is built here once: offline
(no client) it files each open question as needs_review; with a client it asks a group's questions in one
batched call. The cloud adds a cache that outlives the process (so a retried step spends nothing) and asks that a
transient LLM fault be raised rather than stored as unanswered, so the workflow retries the step.
"""

from __future__ import annotations

from pydantic import ValidationError

from labeliq.checks.llm_judge import LlmJudge
from labeliq.llm import RETRYABLE_STATUS, LlmCache, LlmClient, LlmError, client_from_env, timeout_errors
from labeliq.pipeline import GroupJudge


class LlmSettingsError(ValueError):
    """The LLM is enabled but its settings are invalid; the message names each LABELIQ_LLM_* problem."""


def is_transient_llm_error(exc: LlmError) -> bool:
    """True for a fault that may pass on a retry: a rate limit, a 5xx or a timeout (the client's own retries spent).

    A 4xx or an answer that does not match the schema would fail the same way again, so it is not transient.
    """
    cause = exc.__cause__
    if cause is None:
        return False
    if isinstance(cause, timeout_errors()):
        return True
    code = getattr(cause, "code", None)
    return isinstance(code, int) and code in RETRYABLE_STATUS


def build_judge(
    client: LlmClient | None, cache: LlmCache | None = None, *, raise_transient: bool = False
) -> GroupJudge:
    """The judge bound to a client (None: offline, every applicable question needs_review).

    `cache` replaces the client's cache (e.g. the cloud's Firestore cache); `raise_transient` raises a transient
    LlmError instead of filing the questions as unanswered, while a permanent one still leaves them needs_review.
    """
    return LlmJudge(client, cache, raise_errors=is_transient_llm_error if raise_transient else False)


def judge_from_env(cache: LlmCache | None = None, *, raise_transient: bool = False) -> GroupJudge:
    """The judge as configured: a live client when LABELIQ_LLM_ENABLED is set, else offline (the default)."""
    try:
        client = client_from_env(cache)
    except ValidationError as exc:
        problems = [
            (f"LABELIQ_LLM_{'_'.join(map(str, e['loc'])).upper()}: " if e["loc"] else "") + e["msg"]
            for e in exc.errors()
        ]
        raise LlmSettingsError("LLM settings: " + "; ".join(problems)) from None
    return build_judge(client, cache, raise_transient=raise_transient)
