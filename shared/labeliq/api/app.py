"""The API function's request path: request id, identity, size limit, route, JSON errors, one log line.

Every response carries X-Request-Id; every error is {"error", "detail", "request_id"}; every log line written
while a request is handled carries the request id, the user and (once known) the job id. Paths outside /api/ are
the web page's (labeliq.web, behind the same identity check); without that module they answer 404.
"""

from __future__ import annotations

import importlib
import json
import logging
import time
import uuid
from typing import Any

from labeliq.api.call import Call, Reply
from labeliq.api.identity import ASSERTION_HEADER, Identity, verify_assertion
from labeliq.workspace.errors import ApiError

logger = logging.getLogger("labeliq.api")

UPLOAD_ROUTE = ("POST", "/api/v1/jobs")
_configured = False


def _configure_logging() -> None:
    global _configured
    if _configured:
        return
    _configured = True
    import os

    from labeliq.logging_setup import configure_logging

    configure_logging(os.environ.get("LABELIQ_LOG_LEVEL", "INFO").upper())


def _error_body(error: ApiError, request_id: str) -> dict[str, Any]:
    return {"error": error.code, "detail": error.detail, "request_id": request_id}


def _response(reply: Reply, request_id: str) -> Any:
    import flask

    if isinstance(reply.body, bytes | str):
        response = flask.Response(reply.body, status=reply.status, content_type=reply.content_type)
    else:
        response = flask.Response(
            json.dumps(reply.body, ensure_ascii=False), status=reply.status, content_type="application/json"
        )
    response.headers.update(reply.headers)
    response.headers["X-Request-Id"] = request_id
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def _check_size(request: Any, limit: int) -> None:
    """Refuse an over-large body from its Content-Length, before a byte of it is read."""
    if request.method not in ("POST", "PATCH", "PUT"):
        return
    length = request.content_length
    if length is None:
        if request.headers.get("Transfer-Encoding", "").lower() == "chunked":
            raise ApiError(411, "length_required", "send a Content-Length: chunked request bodies are not accepted")
        return
    if length > limit:
        raise ApiError(413, "request_too_large", f"the request body is {length:,} bytes; the limit here is {limit:,}")


def _identity(request: Any) -> Identity:
    from labeliq.api.runtime import api_runtime

    rt = api_runtime()
    return verify_assertion(
        request.headers.get(ASSERTION_HEADER),
        keys=rt.keys,
        audience=rt.settings.iap_audience,
        issuer=rt.settings.iap_issuer,
        clock_skew_s=rt.settings.iap_clock_skew_s,
        verified=rt.verified,
    )


def _web(request: Any, identity: Identity, request_id: str) -> Reply:
    """A page of the web workspace (labeliq.web.handle_page), or 404 while it is not installed."""
    try:
        web = importlib.import_module("labeliq.web")
    except ModuleNotFoundError as exc:
        if exc.name != "labeliq.web":
            raise
        raise ApiError(404, "not_found", f"no page at {request.path}") from None
    status, body, headers = web.handle_page(request, identity.email, request_id)
    content_type = headers.pop("Content-Type", "text/html; charset=utf-8")
    return Reply(status, body, headers, content_type=content_type)


def _dispatch(request: Any, request_id: str, state: dict[str, Any]) -> Reply:
    from labeliq.api.routes import match
    from labeliq.api.runtime import api_runtime
    from labeliq.logging_setup import log_context

    identity = _identity(request)
    state["user"] = identity.email
    with log_context(user=identity.email):
        if not request.path.startswith("/api/"):
            return _web(request, identity, request_id)
        rt = api_runtime()
        found = match(request.method, request.path.rstrip("/") or "/")
        if found is None:
            raise ApiError(404, "not_found", f"no API route {request.method} {request.path}")
        if found == "method":
            raise ApiError(405, "method_not_allowed", f"{request.path} does not take {request.method}")
        assert not isinstance(found, str)
        handler, params = found
        upload = (request.method, request.path.rstrip("/")) == UPLOAD_ROUTE
        _check_size(request, rt.settings.api_max_upload_bytes if upload else rt.settings.api_max_json_bytes)
        call = Call(request=request, request_id=request_id, user=identity, rt=rt, params=params)
        state["call"] = call
        job_id = params.get("job_id")
        with log_context(job_id=job_id):
            return handler(call)


def handle(request: Any) -> Any:
    """The functions-framework entry: never raises; answers JSON errors with the request id."""
    from labeliq.cloud.errors import TransientError, classify
    from labeliq.logging_setup import log_context

    _configure_logging()
    request_id = uuid.uuid4().hex
    started = time.perf_counter()
    state: dict[str, Any] = {}
    with log_context(request_id=request_id):
        try:
            reply = _dispatch(request, request_id, state)
        except ApiError as refused:
            reply = Reply(refused.status, _error_body(refused, request_id), dict(refused.headers))
        except Exception as exc:
            step_error = classify(exc)
            if isinstance(step_error, TransientError):
                error = ApiError(
                    503,
                    "unavailable",
                    f"a store is busy or unreachable: {step_error.message}; retry",
                    headers={"Retry-After": "2"},
                )
                logger.warning("transient: %s", step_error.message, extra={"event": "transient"})
            else:
                error = ApiError(500, "internal", f"an internal error ({type(exc).__name__}); quote the request id")
                logger.exception("internal error", extra={"event": "internal_error"})
            reply = Reply(error.status, _error_body(error, request_id), dict(error.headers))
        call: Call | None = state.get("call")
        with log_context(job_id=call.job_id if call else None, user=state.get("user")):
            logger.info(
                "%s %s -> %d",
                request.method,
                request.path,
                reply.status,
                extra={
                    "event": "request",
                    "method": request.method,
                    "path": request.path,
                    "status": reply.status,
                    "duration_ms": round((time.perf_counter() - started) * 1e3, 1),
                },
            )
        return _response(reply, request_id)
