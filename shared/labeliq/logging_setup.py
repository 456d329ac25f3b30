"""Structured JSON logging that Cloud Logging reads as-is: one JSON object per line.

Cloud Logging maps "severity", "message", "time", "logging.googleapis.com/labels" and
"logging.googleapis.com/sourceLocation" from a line written to stdout/stderr, and Error Reporting picks up
"stack_trace". The job and execution ids ride in contextvars so every line of a job carries them without
each call site passing them along.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

_JOB_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("labeliq_job_id", default=None)
_EXECUTION_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("labeliq_execution_id", default=None)
# The API's request id and the signed-in user (labeliq.api), on every line written while a request is handled.
_REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("labeliq_request_id", default=None)
_USER: contextvars.ContextVar[str | None] = contextvars.ContextVar("labeliq_user", default=None)

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_RECORD_ATTRS = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__.keys() | {"message", "asctime", "taskName"}
)

_HANDLER_MARK = "_labeliq_json_handler"


@contextmanager
def log_context(
    job_id: str | None = None,
    execution_id: str | None = None,
    *,
    request_id: str | None = None,
    user: str | None = None,
) -> Iterator[None]:
    """Tag every log line written inside the block with the job (and workflow execution) it belongs to."""
    job_token = _JOB_ID.set(job_id) if job_id is not None else None
    exec_token = _EXECUTION_ID.set(execution_id) if execution_id is not None else None
    request_token = _REQUEST_ID.set(request_id) if request_id is not None else None
    user_token = _USER.set(user) if user is not None else None
    try:
        yield
    finally:
        if user_token is not None:
            _USER.reset(user_token)
        if request_token is not None:
            _REQUEST_ID.reset(request_token)
        if exec_token is not None:
            _EXECUTION_ID.reset(exec_token)
        if job_token is not None:
            _JOB_ID.reset(job_token)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        job_id, execution_id = _JOB_ID.get(), _EXECUTION_ID.get()
        entry: dict[str, Any] = {
            "severity": record.levelname,
            "message": record.getMessage(),
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "logger": record.name,
            "logging.googleapis.com/sourceLocation": {
                "file": record.pathname,
                "line": record.lineno,
                "function": record.funcName,
            },
        }
        ids = (
            ("job_id", job_id),
            ("execution_id", execution_id),
            ("request_id", _REQUEST_ID.get()),
            ("user", _USER.get()),
        )
        labels = {k: v for k, v in ids if v is not None}
        if labels:
            entry["logging.googleapis.com/labels"] = labels
            entry.update(labels)
        if record.exc_info:
            entry["stack_trace"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack_trace"] = record.stack_info
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRS and key not in entry:
                entry[key] = _jsonable(value)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str = "INFO", stream: IO[str] | None = None) -> logging.Handler:
    """Install one JSON handler on the root logger (replacing a previous one of ours), and return it."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonFormatter())
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    root.setLevel(level)
    return handler
