"""One API request as the route handlers see it: who, which request id, the parsed body, the stores."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from labeliq.api.identity import Identity
from labeliq.api.runtime import ApiRuntime
from labeliq.workspace.errors import ApiError

M = TypeVar("M", bound=BaseModel)


@dataclass
class Reply:
    status: int
    body: Any  # a JSON-able value, or bytes for a file
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


@dataclass
class Call:
    request: Any  # the flask.Request
    request_id: str
    user: Identity
    rt: ApiRuntime
    params: dict[str, str]
    job_id: str | None = None  # set by handlers once known, for the request's log line

    def json_body(self, model: type[M]) -> M:
        raw = self.request.get_data(cache=False)
        try:
            data = json.loads(raw) if raw else {}
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ApiError(400, "bad_json", f"the request body is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ApiError(400, "bad_json", "the request body must be a JSON object")
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise ApiError(422, "invalid_request", describe(exc)) from None

    def query_int(self, name: str) -> int | None:
        raw = self.request.args.get(name)
        if raw is None or raw == "":
            return None
        if not raw.isdigit():
            raise ApiError(400, "bad_query", f"{name} must be a positive integer, got {raw!r}")
        return int(raw)


def describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "body"
        message = "unknown field" if item["type"] == "extra_forbidden" else item["msg"]
        parts.append(f"{where}: {message}")
    return "; ".join(parts)
