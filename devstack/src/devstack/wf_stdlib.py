"""The part of the Workflows standard library the runner implements, each function as the reference describes it.

A function has an ordered parameter list, so it can be called positionally in an expression
(`${text.split(name, "/")}`) or with named `args` in a `call` step (`call: sys.log` / `args: {severity: ...}`).
Anything not listed here is refused when the workflow is loaded, never silently ignored.
"""

from __future__ import annotations

import json
import math
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TextIO

from devstack.wf_errors import raised
from devstack.wf_expr import FunctionRef, is_number, type_name
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
    """A complete retry policy usable as `retry: ${...}` (http.default_retry and its non-idempotent twin)."""

    predicate: FunctionRef
    max_retries: int
    initial_delay: float
    max_delay: float
    multiplier: float


# retry.default_backoff: "initial_delay 1 s, max_delay 60 s, multiplier 1.25" (stdlib reference, retry module).
DEFAULT_BACKOFF = {"initial_delay": 1, "max_delay": 60, "multiplier": 1.25}


def _default_retry_predicate(error: Any) -> bool:
    # "Retries on 429, 502, 503 and 504, as well as on any ConnectionError, ConnectionFailedError and TimeoutError."
    return _retry_match(error, {429, 502, 503, 504}, {"ConnectionError", "ConnectionFailedError", "TimeoutError"})


def _default_retry_predicate_non_idempotent(error: Any) -> bool:
    # "Retries on 429 (Too Many Requests) and 503 (Service Unavailable), as well as on ConnectionFailedError."
    return _retry_match(error, {429, 503}, {"ConnectionFailedError"})


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
    "http.default_retry_predicate_non_idempotent": FunctionRef("http.default_retry_predicate_non_idempotent"),
    "retry.always": FunctionRef("retry.always"),
    "retry.never": FunctionRef("retry.never"),
    "retry.default_backoff": DEFAULT_BACKOFF,
    "http.default_retry": RetryPolicy(FunctionRef("http.default_retry_predicate"), 5, 1, 60, 1.25),
    "http.default_retry_non_idempotent": RetryPolicy(
        FunctionRef("http.default_retry_predicate_non_idempotent"), 5, 1, 60, 1.25
    ),
}
MODULES = frozenset({"http", "sys", "text", "json", "map", "list", "retry", "time", "uuid", "math"})

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


def _len(rt: Runtime, a: list[Any]) -> int:
    return len(_need((str, list, dict, bytes), a[0], "len"))


def _keys(rt: Runtime, a: list[Any]) -> list[str]:
    return list(_need(dict, a[0], "keys"))


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


def _map_merge(rt: Runtime, a: list[Any]) -> dict[str, Any]:
    return {**_need(dict, a[0], "map.merge"), **_need(dict, a[1], "map.merge")}


def _map_delete(rt: Runtime, a: list[Any]) -> dict[str, Any]:
    return {k: v for k, v in _need(dict, a[0], "map.delete").items() if k != a[1]}


def _list_concat(rt: Runtime, a: list[Any]) -> list[Any]:
    return [*_need(list, a[0], "list.concat"), a[1]]


def _list_prepend(rt: Runtime, a: list[Any]) -> list[Any]:
    return [a[1], *_need(list, a[0], "list.prepend")]


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


def _int(rt: Runtime, a: list[Any]) -> int:
    value = a[0]
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError as exc:
            raise raised("ValueError", f"int() cannot parse {value!r}") from exc
    if is_number(value):
        if isinstance(value, float) and not math.isfinite(value):
            raise raised("ValueError", "int() of a non-finite number")
        return int(value)
    raise raised("TypeError", f"int() cannot convert {type_name(value)}")


def _double(rt: Runtime, a: list[Any]) -> float:
    value = a[0]
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError as exc:
            raise raised("ValueError", f"double() cannot parse {value!r}") from exc
    if is_number(value):
        return float(value)
    raise raised("TypeError", f"double() cannot convert {type_name(value)}")


def _regex(pattern: Any) -> re.Pattern[str]:
    try:
        return re.compile(_need(str, pattern, "regex"))
    except re.error as exc:
        raise raised("ValueError", f"invalid regular expression {pattern!r}: {exc}") from exc


def _match_regex(rt: Runtime, a: list[Any]) -> bool:
    # "Checks whether a string contains a match of the regular expression" (partial match, like RE2 PartialMatch).
    return _regex(a[1]).search(_need(str, a[0], "text.match_regex source")) is not None


def _find_all_regex(rt: Runtime, a: list[Any]) -> list[dict[str, Any]]:
    source = _need(str, a[0], "text.find_all_regex source")
    return [{"index": m.start(), "match": m.group()} for m in _regex(a[1]).finditer(source)]


def _find_all(rt: Runtime, a: list[Any]) -> list[dict[str, Any]]:
    source = _need(str, a[0], "text.find_all source")
    needle = _need(str, a[1], "text.find_all substr")
    return [{"index": m.start(), "match": needle} for m in re.finditer(re.escape(needle), source)]


def _split(rt: Runtime, a: list[Any]) -> list[str]:
    sep = _need(str, a[1], "text.split separator")
    if not sep:
        raise raised("ValueError", "text.split separator must not be empty")
    source: str = _need(str, a[0], "text.split source")
    return source.split(sep)


def _replace_all(rt: Runtime, a: list[Any]) -> str:
    source: str = _need(str, a[0], "text.replace_all source")
    return source.replace(_need(str, a[1], "text.replace_all substr"), _need(str, a[2], "text.replace_all value"))


def _replace_all_regex(rt: Runtime, a: list[Any]) -> str:
    source = _need(str, a[0], "text.replace_all_regex source")
    return _regex(a[1]).sub(_need(str, a[2], "text.replace_all_regex value"), source)


def _substring(rt: Runtime, a: list[Any]) -> str:
    source = _need(str, a[0], "text.substring source")
    start = max(0, _need(int, a[1], "text.substring start"))
    end = min(len(source), _need(int, a[2], "text.substring end"))
    return source[start:end] if start < end else ""


def _encode_text(rt: Runtime, a: list[Any]) -> bytes:
    text: str = _need(str, a[0], "text.encode")
    return text.encode(a[1] if len(a) > 1 and a[1] else "utf-8")


def _decode_text(rt: Runtime, a: list[Any]) -> str:
    try:
        return bytes(_need(bytes, a[0], "text.decode")).decode(a[1] if len(a) > 1 and a[1] else "utf-8")
    except UnicodeDecodeError as exc:
        raise raised("ValueError", f"text.decode: {exc}") from exc


def _json_text(value: Any, indent: Any) -> str:
    if isinstance(value, bytes):
        raise raised("TypeError", "bytes cannot be JSON-encoded")
    if indent is None or indent is False:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    width = 2 if indent is True else _need(int, indent, "indent")
    return json.dumps(value, ensure_ascii=False, indent=width)


def _json_encode_to_string(rt: Runtime, a: list[Any]) -> str:
    return _json_text(a[0], a[1] if len(a) > 1 else None)


def _json_encode(rt: Runtime, a: list[Any]) -> bytes:
    return _json_text(a[0], a[1] if len(a) > 1 else None).encode()


def _json_decode(rt: Runtime, a: list[Any]) -> Any:
    data = _need((bytes, str), a[0], "json.decode")
    try:
        return json.loads(data)
    except ValueError as exc:
        raise raised("ValueError", f"json.decode: {exc}") from exc


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


def _sleep(rt: Runtime, a: list[Any]) -> None:
    seconds = a[0]
    if not is_number(seconds) or seconds < 0:
        raise raised("ValueError", f"sys.sleep needs a non-negative number of seconds, got {seconds!r}")
    rt.sleeper.sleep(float(seconds))
    return None


def _time_format(rt: Runtime, a: list[Any]) -> str:
    seconds = a[0]
    if not is_number(seconds):
        raise raised("TypeError", "time.format needs seconds since the epoch")
    return datetime.fromtimestamp(float(seconds), UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _http(method: str) -> Callable[[Runtime, list[Any]], Any]:
    names = ("url", "method", "headers", "body", "query", "auth", "timeout")

    def call(rt: Runtime, a: list[Any]) -> Any:
        args = {k: v for k, v in zip(names, a, strict=False) if v is not None}
        verb = method if method != "REQUEST" else str(args.pop("method", ""))
        if method != "REQUEST":
            args.pop("method", None)
        elif verb not in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            raise raised("ValueError", f"http.request: unsupported method {verb!r}")
        return http_call(rt.http, verb, args)

    return call


_HTTP_PARAMS = ("url", "method", "headers", "body", "query", "auth", "timeout")

FUNCTIONS: dict[str, StdFunction] = {
    "default": StdFunction(("value", "default_value"), 2, _default),
    "len": StdFunction(("value",), 1, _len),
    "keys": StdFunction(("map",), 1, _keys),
    "get_type": StdFunction(("value",), 1, lambda rt, a: type_name(a[0])),
    "string": StdFunction(("value",), 1, _string),
    "int": StdFunction(("value",), 1, _int),
    "double": StdFunction(("value",), 1, _double),
    "map.get": StdFunction(("map", "keys"), 2, _map_get),
    "map.merge": StdFunction(("first", "second"), 2, _map_merge),
    "map.delete": StdFunction(("map", "key"), 2, _map_delete),
    "list.concat": StdFunction(("objs", "val"), 2, _list_concat),
    "list.prepend": StdFunction(("objs", "val"), 2, _list_prepend),
    "text.match_regex": StdFunction(("source", "regex"), 2, _match_regex),
    "text.find_all_regex": StdFunction(("source", "regex"), 2, _find_all_regex),
    "text.find_all": StdFunction(("source", "substr"), 2, _find_all),
    "text.split": StdFunction(("source", "separator"), 2, _split),
    "text.replace_all": StdFunction(("source", "substr", "value"), 3, _replace_all),
    "text.replace_all_regex": StdFunction(("source", "regex", "value"), 3, _replace_all_regex),
    "text.substring": StdFunction(("source", "start", "end"), 3, _substring),
    "text.to_lower": StdFunction(("source",), 1, lambda rt, a: _need(str, a[0], "text.to_lower").lower()),
    "text.to_upper": StdFunction(("source",), 1, lambda rt, a: _need(str, a[0], "text.to_upper").upper()),
    "text.encode": StdFunction(("text", "charset"), 1, _encode_text),
    "text.decode": StdFunction(("data", "charset"), 1, _decode_text),
    "json.encode_to_string": StdFunction(("data", "indent"), 1, _json_encode_to_string),
    "json.encode": StdFunction(("data", "indent"), 1, _json_encode),
    "json.decode": StdFunction(("data",), 1, _json_decode),
    "sys.get_env": StdFunction(("name", "default"), 1, _get_env),
    "sys.log": StdFunction(("data", "severity", "text", "json", "timeout"), 0, _log),
    "sys.now": StdFunction((), 0, lambda rt, a: time.time()),
    "sys.sleep": StdFunction(("seconds",), 1, _sleep),
    "time.format": StdFunction(("seconds",), 1, _time_format),
    "uuid.generate": StdFunction((), 0, lambda rt, a: str(uuid.uuid4())),
    "http.get": StdFunction(_HTTP_PARAMS, 1, _http("GET")),
    "http.post": StdFunction(_HTTP_PARAMS, 1, _http("POST")),
    "http.put": StdFunction(_HTTP_PARAMS, 1, _http("PUT")),
    "http.patch": StdFunction(_HTTP_PARAMS, 1, _http("PATCH")),
    "http.delete": StdFunction(_HTTP_PARAMS, 1, _http("DELETE")),
    "http.request": StdFunction(_HTTP_PARAMS, 2, _http("REQUEST")),
    "http.default_retry_predicate": StdFunction(("exception",), 1, lambda rt, a: _default_retry_predicate(a[0])),
    "http.default_retry_predicate_non_idempotent": StdFunction(
        ("exception",), 1, lambda rt, a: _default_retry_predicate_non_idempotent(a[0])
    ),
    "retry.always": StdFunction(("exception",), 1, lambda rt, a: True),
    "retry.never": StdFunction(("exception",), 1, lambda rt, a: False),
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
