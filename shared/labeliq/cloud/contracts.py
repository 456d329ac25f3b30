"""Requests and responses of the four functions: the contract the workflow YAML is written against.

Responses carry ids and gs:// (or firestore://) URIs, never bulk content: a Workflows execution keeps all its
variables in 512 KB. Requests refuse unknown keys, so a renamed field in the YAML fails loudly at the first call.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from labeliq.models import JOB_ID_PATTERN, Group, JobStatus, Strict

JobId = Annotated[str, Field(pattern=JOB_ID_PATTERN)]
ExecutionId = Annotated[str, Field(min_length=1, max_length=200)]

MAX_REASON_CHARS = 2000


def reason_text(value: Any) -> str:
    """A person-readable reason from what a workflow caught: a string, or an error map from http.* / raise.

    Workflows hands an `except` block a map such as {"code": 422, "message": "HTTP server responded with error
    code 422", "body": {"error": {"code": ..., "message": ...}}}; the function's own message is the useful part.
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, dict):
        body = value.get("body")
        inner = body.get("error") if isinstance(body, dict) else None
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            text = inner["message"]
        elif isinstance(value.get("message"), str):
            code = value.get("code")
            text = f"{value['message']} (HTTP {code})" if code is not None else value["message"]
        else:
            text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.strip() or "no reason given"
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"


class StepRequest(Strict):
    job_id: JobId
    execution_id: ExecutionId


class ExtractRequest(StepRequest):
    pass


class ExtractResponse(Strict):
    job_id: str
    status: Literal["EXTRACTED"] = "EXTRACTED"
    facts_uri: str


class GroupRequest(StepRequest):
    group: Group


class GroupResponse(Strict):
    job_id: str
    group: Group
    status: Literal["DONE"] = "DONE"
    result_uri: str


class Failure(Strict):
    step: str = Field(min_length=1, max_length=100)
    reason: Any

    def describe(self) -> str:
        return f"{self.step} failed: {reason_text(self.reason)}"


class AssembleRequest(StepRequest):
    """Either assemble the report (group_errors names the branches that failed) or record a failure."""

    group_errors: dict[Group, Any] = Field(default_factory=dict)
    failure: Failure | None = None

    @field_validator("group_errors", mode="before")
    @classmethod
    def _null_is_empty(cls, value: Any) -> Any:
        return {} if value is None else value


class AssembleResponse(Strict):
    job_id: str
    status: Literal["ASSEMBLED"] = "ASSEMBLED"
    version: int
    report_uri: str


class FailureResponse(Strict):
    job_id: str
    status: JobStatus  # FAILED, or DONE when a late failure from a duplicate delivery met a finished job


class RenderRequest(StepRequest):
    version: int = Field(ge=1)


class RenderResponse(Strict):
    job_id: str
    status: Literal["DONE"] = "DONE"
    version: int
    docx_uri: str


class ErrorDetail(Strict):
    code: str
    message: str


class ErrorResponse(Strict):
    error: ErrorDetail
