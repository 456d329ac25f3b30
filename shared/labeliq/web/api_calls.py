"""In-process calls from a page to the JSON API, carrying the caller's own request headers (and so identity).

A page is rendered from exactly what the API answers that user: the API verifies the signed identity assertion and
the project membership on every call, so the page can never show more than the API would, and a non-member gets
the same 404 from the page as from the API.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import flask
from werkzeug.test import EnvironBuilder

ApiHandler = Callable[[flask.Request], Any]

# Headers that describe the page request's own body; a sub-request has none.
_BODY_HEADERS = frozenset({"content-length", "content-type", "transfer-encoding"})


@dataclass(frozen=True)
class ApiAnswer:
    status: int
    data: Any  # the decoded JSON body (None when the body is not JSON)
    request_id: str

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class ApiSession:
    """The API as the page's caller sees it."""

    def __init__(self, request: flask.Request, api: ApiHandler) -> None:
        self._api = api
        self._remote_addr = request.remote_addr or "127.0.0.1"
        self._app: flask.Flask = flask.current_app._get_current_object()  # type: ignore[attr-defined]
        self._headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _BODY_HEADERS]

    def get_many(self, calls: dict[str, tuple[str, dict[str, str] | None]]) -> dict[str, ApiAnswer]:
        """Several independent GETs at once (each in its own request context): a page waits for the slowest only."""
        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            futures = {name: pool.submit(self.get, path, query) for name, (path, query) in calls.items()}
            return {name: future.result() for name, future in futures.items()}

    def get(self, path: str, query: dict[str, str] | None = None) -> ApiAnswer:
        builder = EnvironBuilder(
            path=path,
            method="GET",
            query_string={k: v for k, v in (query or {}).items() if v},
            headers=self._headers,
            environ_base={"REMOTE_ADDR": self._remote_addr},
        )
        with self._app.request_context(builder.get_environ()):
            response = self._app.make_response(self._api(flask.request._get_current_object()))  # type: ignore[attr-defined]
        return ApiAnswer(
            status=response.status_code,
            data=response.get_json(silent=True),
            request_id=response.headers.get("X-Request-Id", ""),
        )
