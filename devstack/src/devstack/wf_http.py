"""HTTP for the local Workflows runner: a small transport interface and the `http.*` call semantics.

The transport only moves bytes (so tests can inject one); `http_call` turns Workflows arguments into a request and
the answer into the documented result map `{body, code, headers}`, raising the documented error maps: `HttpError`
for a non-2xx answer, `ConnectionFailedError` when no connection was made, `ConnectionError` when it broke during
the transfer, `TimeoutError` when the `timeout` (default 300 s, at most 1800 s) ran out.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Protocol

from devstack.wf_errors import WorkflowDefinitionError, raised
from devstack.wf_expr import type_name

DEFAULT_TIMEOUT_S = 300.0
MAX_TIMEOUT_S = 1800.0
HTTP_ARGS = frozenset({"url", "method", "headers", "body", "query", "auth", "timeout"})


@dataclass
class HttpResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class TransportConnectionFailed(Exception):
    """No connection could be made (refused, unknown host)."""


class TransportConnectionBroken(Exception):
    """The connection was made but broke before the answer was complete."""


class TransportTimeout(Exception):
    """The request did not complete within its timeout."""


class HttpClient(Protocol):
    def request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None, timeout_s: float
    ) -> HttpResponse: ...


class UrllibHttpClient:
    """The default transport; ignores proxy settings because the local stack talks to 127.0.0.1."""

    def __init__(self) -> None:
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None, timeout_s: float
    ) -> HttpResponse:
        req = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with self._opener.open(req, timeout=timeout_s) as resp:
                return HttpResponse(resp.status, dict(resp.headers.items()), resp.read())
        except urllib.error.HTTPError as exc:
            return HttpResponse(exc.code, dict(exc.headers.items()), exc.read())
        except urllib.error.URLError as exc:
            # Raised while connecting or sending: a reset or broken pipe means the connection was made, then broke.
            if isinstance(exc.reason, TimeoutError):
                raise TransportTimeout(str(exc.reason)) from exc
            if isinstance(exc.reason, BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
                raise TransportConnectionBroken(str(exc.reason)) from exc
            raise TransportConnectionFailed(str(exc.reason)) from exc
        except TimeoutError as exc:
            raise TransportTimeout(str(exc)) from exc
        except (ConnectionError, http.client.HTTPException) as exc:
            raise TransportConnectionBroken(str(exc)) from exc


def _encode_body(body: Any, headers: dict[str, str]) -> bytes | None:
    if body is None:
        return None
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    if isinstance(body, bytes):
        if content_type is None:
            headers["Content-Type"] = "application/octet-stream"
        return body
    if isinstance(body, str) and content_type is not None and not content_type.startswith("application/json"):
        return body.encode()
    if content_type is None:
        headers["Content-Type"] = "application/json"
    return json.dumps(body, ensure_ascii=False).encode()


def _decode_body(resp: HttpResponse) -> Any:
    content_type = next((v for k, v in resp.headers.items() if k.lower() == "content-type"), "")
    if not resp.body:
        return None if "json" in content_type else ""
    if "json" in content_type:
        try:
            return json.loads(resp.body)
        except ValueError as exc:
            raise raised("ValueError", f"response is not valid JSON: {exc}") from exc
    if content_type.startswith("text/") or not content_type:
        return resp.body.decode("utf-8", errors="replace")
    return resp.body


def _timeout(args: dict[str, Any]) -> float:
    timeout = args.get("timeout", DEFAULT_TIMEOUT_S)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= MAX_TIMEOUT_S:
        raise raised("ValueError", f"timeout must be a number of seconds in (0, {MAX_TIMEOUT_S:g}], got {timeout!r}")
    return float(timeout)


def _check_auth(auth: Any) -> None:
    # OIDC / OAuth2 tokens are minted by the cloud; locally the type is checked and then ignored.
    if auth is None:
        return
    if not isinstance(auth, dict) or auth.get("type") not in ("OIDC", "OAuth2"):
        raise raised("ValueError", f"auth must be {{type: OIDC|OAuth2}}, got {auth!r}")


def http_call(client: HttpClient, method: str, args: dict[str, Any]) -> dict[str, Any]:
    unknown = set(args) - HTTP_ARGS
    if unknown:
        raise WorkflowDefinitionError(f"http.{method.lower()}: unsupported argument(s) {sorted(unknown)}")
    url = args.get("url")
    if not isinstance(url, str) or not url:
        raise raised("TypeError", f"url must be a non-empty string, got {type_name(url)}")
    _check_auth(args.get("auth"))
    timeout_s = _timeout(args)
    query = args.get("query")
    if query is not None:
        if not isinstance(query, dict):
            raise raised("TypeError", "query must be a map")
        sep = "&" if urllib.parse.urlsplit(url).query else "?"
        url = url + sep + urllib.parse.urlencode({k: _query_value(v) for k, v in query.items()}, doseq=True)
    raw_headers = args.get("headers") or {}
    if not isinstance(raw_headers, dict):
        raise raised("TypeError", "headers must be a map")
    headers = {str(k): str(v) for k, v in raw_headers.items()}
    data = _encode_body(args.get("body"), headers)
    try:
        resp = client.request(method, url, headers, data, timeout_s)
    except TransportTimeout as exc:
        raise raised("TimeoutError", f"request to {url} timed out after {timeout_s:g} s: {exc}") from exc
    except TransportConnectionFailed as exc:
        raise raised("ConnectionFailedError", f"could not connect to {url}: {exc}") from exc
    except TransportConnectionBroken as exc:
        raise raised("ConnectionError", f"connection to {url} broke: {exc}") from exc
    body = _decode_body(resp)
    if not 200 <= resp.status < 300:
        raise raised(
            "HttpError",
            f"HTTP server responded with error code {resp.status}",
            code=resp.status,
            headers=resp.headers,
            body=body,
        )
    return {"body": body, "code": resp.status, "headers": resp.headers}


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
