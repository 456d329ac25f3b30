"""The two kinds of failure a step can have, and the HTTP answer each gets.

Workflows' retry predicate (`http.default_retry`) retries 429, 502, 503, 504 and connection errors and nothing
else, so the whole retry policy of the suite rests on this split: a fault that may pass on its own (contention,
a 5xx from Storage, a timeout, another owner still working) answers 503/429 and is retried; a fault that will
fail the same way every time (an invalid manifest, a corrupt image, an unknown job) answers 4xx once, with a
reason a person can act on, and is recorded on the job.
"""

from __future__ import annotations

from typing import Any

from labeliq.intake import IntakeError


class StepError(Exception):
    """A failure with the HTTP status and short code the caller sees."""

    status: int = 500
    code: str = "internal"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


class TransientError(StepError):
    """May pass on a retry: the workflow retries it (503, or 429 when the cause is a rate limit)."""

    status = 503
    code = "unavailable"


class StepInProgress(TransientError):
    """Another delivery holds a live claim on this step: retry later and find its stored result."""

    code = "in_progress"


class ClaimLost(TransientError):
    """This delivery's lease lapsed and another took the step over: it gives its work up (retry finds the result)."""

    code = "claim_lost"


class PermanentError(StepError):
    """Fails the same way on every retry: answered once with 4xx and recorded on the job as FAILED."""

    status = 422
    code = "unprocessable"

    #: False when the fault is the caller's request, not the job (a malformed body says nothing about the job).
    fails_job: bool = True


class InvalidRequest(PermanentError):
    status = 400
    code = "invalid_request"
    fails_job = False


class NotFoundError(PermanentError):
    status = 404
    code = "not_found"


class JobAlreadyFailed(PermanentError):
    """The job is FAILED (terminal): no later step may resurrect it."""

    status = 409
    code = "job_failed"


class JobConflict(PermanentError):
    """An upload reuses the id of an existing job with other inputs: refused, and the existing job is left as it
    stands (not failed: the fault is the new upload's)."""

    status = 409
    code = "job_exists"
    fails_job = False


_TRANSIENT_NAMES = frozenset(
    {
        # google.api_core.exceptions: Firestore contention and outages, Storage 5xx.
        "Aborted",
        "ServiceUnavailable",
        "DeadlineExceeded",
        "InternalServerError",
        "BadGateway",
        "GatewayTimeout",
        "RetryError",
        # requests / urllib3 / google.auth transport: the connection itself failed or timed out.
        "ConnectionError",
        "ConnectTimeout",
        "ReadTimeout",
        "Timeout",
        "TransportError",
        "ProtocolError",
    }
)
_RATE_LIMIT_NAMES = frozenset({"TooManyRequests", "ResourceExhausted"})


def _names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def classify(exc: BaseException) -> StepError:
    """Map an exception from a client library to a StepError, walking the cause chain.

    Matching on class names keeps this module free of the heavy client imports (it runs in every function)
    while still recognising google.api_core, requests and google.auth exceptions and their subclasses.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StepError):
            return current
        if isinstance(current, IntakeError):  # the one intake refusal: the same on every retry
            return PermanentError(str(current), code=current.code)
        names = _names(current)
        if names & _RATE_LIMIT_NAMES:
            return TransientError(f"rate limited: {current}", code="rate_limited", status=429)
        if names & _TRANSIENT_NAMES or isinstance(current, TimeoutError | ConnectionError):
            return TransientError(f"{type(current).__name__}: {current}")
        current = current.__cause__ or current.__context__
    return StepError(f"internal error: {type(exc).__name__}: {exc}")
