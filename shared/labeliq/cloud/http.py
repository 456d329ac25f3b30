"""The HTTP shell shared by the four functions: parse, log with the job's ids, run the step, map errors.

Status codes are the retry contract with the workflow: 200 done (or already done), 503/429 retry later,
4xx a permanent fault already recorded on the job, 500 a bug (not retried by http.default_retry, and recorded
on the job too, so a person sees it).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from labeliq.cloud.errors import InvalidRequest, PermanentError, StepError, TransientError, classify
from labeliq.models import JOB_ID_PATTERN

if TYPE_CHECKING:
    from labeliq.cloud.steps import Runtime

logger = logging.getLogger(__name__)

Req = TypeVar("Req", bound=BaseModel)
Answer = tuple[dict[str, Any], int, dict[str, str]]

_JOB_ID = re.compile(JOB_ID_PATTERN)
_configured = False


def _configure_logging() -> None:
    """JSON lines on stderr, once per process (labeliq.logging_setup when present)."""
    global _configured
    if _configured:
        return
    _configured = True
    try:
        from labeliq.logging_setup import configure_logging
    except ModuleNotFoundError:
        logging.basicConfig(level=logging.INFO)
        return
    import os

    configure_logging(os.environ.get("LABELIQ_LOG_LEVEL", "INFO").upper())


def _log_context(job_id: str | None, execution_id: str | None) -> AbstractContextManager[None]:
    try:
        from labeliq.logging_setup import log_context
    except ModuleNotFoundError:
        return nullcontext()
    return log_context(job_id=job_id, execution_id=execution_id)


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "body"
        if where == "job_id" and item["type"] == "string_pattern_mismatch":
            parts.append(
                f"job_id {item['input']!r} is not a valid job id (letters, digits, '-' and '_', at most 64, "
                "starting with a letter or digit)"
            )
        else:
            parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def _safe_ids(body: Any) -> tuple[str | None, str | None]:
    """The ids to log and to record a failure under; an unsafe job id is never used as a document path."""
    if not isinstance(body, dict):
        return None, None
    job_id, execution_id = body.get("job_id"), body.get("execution_id")
    # fullmatch: with match, `$` also matches before a final newline and 'job\n' would pass as safe.
    safe_job = job_id if isinstance(job_id, str) and _JOB_ID.fullmatch(job_id) else None
    safe_exec = execution_id[:200] if isinstance(execution_id, str) else None
    return safe_job, safe_exec


def _error_answer(error: StepError) -> Answer:
    headers = {"Retry-After": "2"} if isinstance(error, TransientError) else {}
    return error.body(), error.status, headers


def _record_failure(job_id: str, step_name: str, error: StepError, fail_job: Callable[[str, str], Any]) -> None:
    try:
        fail_job(job_id, f"{step_name} failed: {error.message}")
    except Exception as exc:  # the original error is answered anyway; this one is logged
        logger.exception("could not record the failure of job %s", job_id, extra={"event": "record_failure_failed"})
        if isinstance(classify(exc), TransientError):
            # The failure is not recorded yet: make the workflow come back rather than lose the reason.
            raise TransientError(f"{error.message} (and recording the failure failed: {exc})") from exc


def handle(
    body: Any,
    model: type[Req],
    step: Callable[[Req], BaseModel],
    *,
    step_name: str,
    fail_job: Callable[[str, str], Any],
) -> Answer:
    """Run one request through a step and answer (body, status, headers); never raises."""
    _configure_logging()
    job_id, execution_id = _safe_ids(body)
    with _log_context(job_id, execution_id):
        started = time.perf_counter()
        try:
            if not isinstance(body, dict):
                raise InvalidRequest("the request body must be a JSON object")
            try:
                request = model.model_validate(body)
            except ValidationError as exc:
                raise InvalidRequest(f"invalid {step_name} request: {_describe(exc)}") from None
            response = step(request)
        except Exception as exc:  # noqa: BLE001 - every failure becomes an answer the workflow can act on
            error = classify(exc)
            if isinstance(error, TransientError):
                logger.warning(
                    "%s: transient: %s", step_name, error.message, extra={"event": "transient", "step": step_name}
                )
            else:
                log = logger.error if not isinstance(error, PermanentError) else logger.warning
                log(
                    "%s: %s: %s",
                    step_name,
                    error.code,
                    error.message,
                    exc_info=not isinstance(error, PermanentError),
                    extra={"event": "permanent", "step": step_name, "code": error.code},
                )
                fails_job = error.fails_job if isinstance(error, PermanentError) else True
                if job_id is not None and fails_job:
                    try:
                        _record_failure(job_id, step_name, error, fail_job)
                    except TransientError as again:
                        return _error_answer(again)
            return _error_answer(error)
        logger.info(
            "%s answered",
            step_name,
            extra={"event": "answered", "step": step_name, "duration_ms": round((time.perf_counter() - started) * 1e3)},
        )
        return response.model_dump(mode="json"), 200, {}


def handle_flask(
    request: Any, model: type[Req], step: Callable[[Req, Runtime], BaseModel], *, step_name: str
) -> Answer:
    """The functions-framework entry: body from the Flask request, stores from the process runtime."""
    from labeliq.cloud.steps import runtime

    body = request.get_json(silent=True)

    def fail_job(job_id: str, reason: str) -> Any:
        return runtime().jobs.fail(job_id, reason)

    return handle(body, model, lambda parsed: step(parsed, runtime()), step_name=step_name, fail_job=fail_job)
