"""The part of the Workflows standard library workflows/label_compliance.yaml uses, each as the reference says.

A function has an ordered parameter list, so it can be called positionally in an expression
(`${text.split(name, "/")}`) or with named `args` in a `call` step (`call: sys.log` / `args: {severity: ...}`).
Anything not listed here is refused when the workflow is loaded, never silently ignored.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TextIO

from devstack.wf_errors import raised
from devstack.wf_expr import FunctionRef, type_name
from devstack.wf_http import HttpClient, UrllibHttpClient, http_call

# ---------------------------------------------------------------- injectable time


class Sleeper(Protocol):
    def sleep(self, seconds: float) -> None: ...


class RealSleeper:
    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class RecordingSleeper:
    """Sleeps no time and records every requested delay, so tests can assert the exact backoff."""

    delays: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.delays.append(seconds)


LogSink = Callable[[dict[str, Any]], None]


def stderr_log_sink(stream: TextIO | None = None) -> LogSink:
    out = stream or sys.stderr

    def write(record: dict[str, Any]) -> None:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        out.flush()

    return write


@dataclass
class Runtime:
    """What standard-library functions may touch: the environment, HTTP, time and the log."""

    env: Mapping[str, str]
    http: HttpClient = field(default_factory=UrllibHttpClient)
    sleeper: Sleeper = field(default_factory=RealSleeper)
    log_sink: LogSink = field(default_factory=stderr_log_sink)


# ---------------------------------------------------------------- retry policies as values


@dataclass(frozen=True)
class RetryPolicy:
    """A try step's `retry` map, evaluated: the predicate and the back-off."""

    predicate: FunctionRef
    max_retries: int
    initial_delay: float
    max_delay: float
    multiplier: float


def _default_retry_predicate(error: Any) -> bool:
    # "Retries on 429, 502, 503 and 504, as well as on any ConnectionError, ConnectionFailedError and TimeoutError."
    return _retry_match(error, {429, 502, 503, 504}, {"ConnectionError", "ConnectionFailedError", "TimeoutError"})


def _retry_match(error: Any, codes: set[int], tags: set[str]) -> bool:
    if not isinstance(error, dict):
        return False
    error_tags = error.get("tags") or []
    if isinstance(error_tags, list) and tags.intersection(t for t in error_tags if isinstance(t, str)):
        return True
    code = error.get("code")
    return "HttpError" in error_tags and isinstance(code, int) and code in codes


CONSTANTS: dict[str, Any] = {
    "http.default_retry_predicate": FunctionRef("http.default_retry_predicate"),
}
MODULES = frozenset({"http", "sys", "text", "json", "map"})

# ---------------------------------------------------------------- functions


@dataclass(frozen=True)
class StdFunction:
    params: tuple[str, ...]
    required: int
    impl: Callable[[Runtime, list[Any]], Any]


def _need(kind: type | tuple[type, ...], value: Any, what: str) -> Any:
    if isinstance(value, bool) and kind is not bool:
        raise raised("TypeError", f"{what} must not be a boolean")
    if not isinstance(value, kind):
        raise raised("TypeError", f"{what}: unexpected type {type_name(value)}")
    return value


def _default(rt: Runtime, a: list[Any]) -> Any:
    return a[1] if a[0] is None else a[0]


def _map_get(rt: Runtime, a: list[Any]) -> Any:
    # stdlib map.get: "If the input is not a map or if the map does not contain the key, returns null"; for a list
    # of keys, "if any of the nested objects are not maps or if the key does not exist ... null is returned";
    # "TypeError: if the key is not a string or a list of strings".
    keys = a[1]
    path = keys if isinstance(keys, list) else [keys]
    if not all(isinstance(k, str) for k in path):
        raise raised("TypeError", "map.get keys must be a string or a list of strings")
    current = a[0]
    for key in path:
        if not isinstance(current, dict) or key not in current:
            return None
        current = current[key]
    return current


def _string(rt: Runtime, a: list[Any]) -> str:
    value = a[0]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(value)
    raise raised("TypeError", f"string() cannot convert {type_name(value)}")


def _regex(pattern: Any) -> re.Pattern[str]:
    try:
        return re.compile(_need(str, pattern, "regex"))
    except re.error as exc:
        raise raised("ValueError", f"invalid regular expression {pattern!r}: {exc}") from exc


def _match_regex(rt: Runtime, a: list[Any]) -> bool:
    # "Checks whether a string contains a match of the regular expression" (partial match, like RE2 PartialMatch).
    return _regex(a[1]).search(_need(str, a[0], "text.match_regex source")) is not None


def _split(rt: Runtime, a: list[Any]) -> list[str]:
    sep = _need(str, a[1], "text.split separator")
    if not sep:
        raise raised("ValueError", "text.split separator must not be empty")
    source: str = _need(str, a[0], "text.split source")
    return source.split(sep)


def _json_text(value: Any, indent: Any) -> str:
    if isinstance(value, bytes):
        raise raised("TypeError", "bytes cannot be JSON-encoded")
    if indent is None or indent is False:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    width = 2 if indent is True else _need(int, indent, "indent")
    return json.dumps(value, ensure_ascii=False, indent=width)


def _json_encode_to_string(rt: Runtime, a: list[Any]) -> str:
    return _json_text(a[0], a[1] if len(a) > 1 else None)


def _get_env(rt: Runtime, a: list[Any]) -> Any:
    # stdlib sys.get_env: "the value of the named environment variable, or the default if not set";
    # "TypeError: if either name or default is not a string".
    default = a[1] if len(a) > 1 else None
    if default is not None:
        _need(str, default, "sys.get_env default")
    return rt.env.get(_need(str, a[0], "sys.get_env name"), default)


_SEVERITIES = frozenset({"DEFAULT", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "CRITICAL", "ALERT", "EMERGENCY"})


def _log(rt: Runtime, a: list[Any]) -> None:
    data, severity, text, json_payload = (a + [None] * 4)[:4]  # timeout (a[4]) only bounds the cloud's write
    given = [x for x in (data, text, json_payload) if x is not None]
    if len(given) != 1:
        raise raised("ValueError", "sys.log needs exactly one of data, text or json")
    level = "DEFAULT" if severity is None else severity
    if level not in _SEVERITIES:
        raise raised("ValueError", f"sys.log: unknown severity {level!r}")
    record: dict[str, Any] = {
        "severity": level,
        "time": datetime.now(UTC).isoformat(),
        "logging.googleapis.com/labels": {
            "workflows.googleapis.com/execution_id": rt.env.get("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID", ""),
        },
    }
    if text is not None or isinstance(data, str):
        record["textPayload"] = _need(str, text if text is not None else data, "sys.log text")
    else:
        record["jsonPayload"] = json_payload if json_payload is not None else data
    rt.log_sink(record)
    return None


def _http_post(rt: Runtime, a: list[Any]) -> Any:
    names = ("url", "method", "headers", "body", "query", "auth", "timeout")
    args = {k: v for k, v in zip(names, a, strict=False) if v is not None}
    args.pop("method", None)
    return http_call(rt.http, "POST", args)


_HTTP_PARAMS = ("url", "method", "headers", "body", "query", "auth", "timeout")

# What workflows/label_compliance.yaml uses, and nothing more (tests/workflows/test_stdlib_subset.py pins it): a
# function the YAML starts using is added here with its reference semantics and a test.
FUNCTIONS: dict[str, StdFunction] = {
    "default": StdFunction(("value", "default_value"), 2, _default),
    "get_type": StdFunction(("value",), 1, lambda rt, a: type_name(a[0])),
    "string": StdFunction(("value",), 1, _string),
    "map.get": StdFunction(("map", "keys"), 2, _map_get),
    "text.match_regex": StdFunction(("source", "regex"), 2, _match_regex),
    "text.split": StdFunction(("source", "separator"), 2, _split),
    "json.encode_to_string": StdFunction(("data", "indent"), 1, _json_encode_to_string),
    "sys.get_env": StdFunction(("name", "default"), 1, _get_env),
    "sys.log": StdFunction(("data", "severity", "text", "json", "timeout"), 0, _log),
    "http.post": StdFunction(_HTTP_PARAMS, 1, _http_post),
    "http.default_retry_predicate": StdFunction(("exception",), 1, lambda rt, a: _default_retry_predicate(a[0])),
}


def bind_arguments(name: str, fn: StdFunction, positional: list[Any] | None, named: dict[str, Any] | None) -> list[Any]:
    """Order the arguments by the function's parameters; a wrong count or an unknown name is a TypeError."""
    if named is not None:
        unknown = set(named) - set(fn.params)
        if unknown:
            raise raised("TypeError", f"{name}: unknown argument(s) {sorted(unknown)}; accepts {list(fn.params)}")
        values = [named.get(p) for p in fn.params]
        missing = [p for p in fn.params[: fn.required] if named.get(p) is None]
        if missing:
            raise raised("TypeError", f"{name}: missing argument(s) {missing}")
        return values
    args = positional or []
    if not fn.required <= len(args) <= len(fn.params):
        raise raised("TypeError", f"{name}: expected {fn.required}..{len(fn.params)} arguments, got {len(args)}")
    return args + [None] * (len(fn.params) - len(args))
