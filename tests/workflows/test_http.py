"""http.* calls against a real server on 127.0.0.1, pinned to the Workflows reference (http-requests, error-types)."""

from __future__ import annotations

import contextlib
import json
import socket
import textwrap
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from devstack.wf_stdlib import RecordingSleeper
from devstack.workflow_runner import WorkflowDefinitionError, WorkflowError, run_workflow


class Echo(BaseHTTPRequestHandler):
    """/status/N answers N with a JSON error body; /slow sleeps; anything else echoes the request."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length) if length else b""
        if self.path.startswith("/slow"):
            time.sleep(1.0)
        if self.path.startswith("/status/"):
            status = int(self.path.split("?")[0].split("/")[2])
            payload: Any = {"error": {"code": "BAD_MANIFEST", "message": "the manifest is not valid JSON"}}
        else:
            status = 200
            payload = {
                "method": self.command,
                "path": self.path,
                "content_type": self.headers.get("Content-Type"),
                "authorization": self.headers.get("Authorization"),
                "body": json.loads(raw) if raw else None,
            }
        data = json.dumps(payload).encode()
        with contextlib.suppress(BrokenPipeError):  # /slow: the client timed out and left on purpose
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def run(source: str, argument: Any = None) -> Any:
    return run_workflow(textwrap.dedent(source), argument, {}, sleeper=RecordingSleeper(), log_sink=lambda r: None)


POST = """
main:
  params: [args]
  steps:
    - call_it:
        call: http.post
        args:
          url: ${args.url}
          auth:
            type: OIDC
          timeout: ${args.timeout}
          query:
            page: 2
          body:
            job_id: J1
            nested:
              ok: true
        result: response
    - done:
        return: ${response}
"""


def test_post_sends_json_and_returns_body_code_headers(base_url: str) -> None:
    # http-requests: a map body is sent as JSON; the result is a map with body (decoded JSON), code and headers.
    response = run(POST, {"url": base_url + "/echo", "timeout": 10})
    assert response["code"] == 200
    assert response["body"]["method"] == "POST"
    assert response["body"]["path"] == "/echo?page=2"
    assert response["body"]["content_type"] == "application/json"
    assert response["body"]["body"] == {"job_id": "J1", "nested": {"ok": True}}
    assert response["body"]["authorization"] is None  # OIDC is accepted and ignored locally
    assert "Content-Type" in response["headers"]


def test_non_2xx_raises_http_error_map(base_url: str) -> None:
    # error-types: "HttpError: Raised when an HTTP request fails with an HTTP error status" (code, body, headers).
    with pytest.raises(WorkflowError) as info:
        run(POST, {"url": base_url + "/status/400", "timeout": 10})
    error = info.value.error
    assert error["tags"] == ["HttpError"]
    assert error["code"] == 400
    assert error["message"] == "HTTP server responded with error code 400"
    assert error["body"] == {"error": {"code": "BAD_MANIFEST", "message": "the manifest is not valid JSON"}}
    assert "Content-Type" in error["headers"]


def test_refused_connection_raises_connection_failed_error() -> None:
    # error-types: "ConnectionFailedError: Raised when a connection is not established with the API endpoint".
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(WorkflowError) as info:
        run(POST, {"url": f"http://127.0.0.1:{port}/gone", "timeout": 5})
    assert info.value.error["tags"] == ["ConnectionFailedError"]


def test_timeout_is_honoured(base_url: str) -> None:
    # syntax reference: "timeout: ... the request times out" -> TimeoutError tag.
    started = time.monotonic()
    with pytest.raises(WorkflowError) as info:
        run(POST, {"url": base_url + "/slow", "timeout": 0.2})
    assert info.value.error["tags"] == ["TimeoutError"]
    assert time.monotonic() - started < 0.9


def test_timeout_above_the_documented_maximum_is_refused(base_url: str) -> None:
    # Workflows facts: "1800 s is the maximum" for an HTTP request timeout.
    with pytest.raises(WorkflowError) as info:
        run(POST, {"url": base_url + "/echo", "timeout": 1801})
    assert info.value.error["tags"] == ["ValueError"]


def test_except_as_gets_the_http_error_map(base_url: str) -> None:
    source = """
    main:
      params: [args]
      steps:
        - call_it:
            try:
              call: http.post
              args:
                url: ${args.url}
                timeout: 5
            except:
              as: e
              steps:
                - report:
                    return:
                      code: ${e.code}
                      tags: ${e.tags}
                      reason: ${e.body.error.message}
    """
    assert run(source, {"url": base_url + "/status/404"}) == {
        "code": 404,
        "tags": ["HttpError"],
        "reason": "the manifest is not valid JSON",
    }


def test_unknown_http_argument_fails_loudly() -> None:
    source = """
    - call_it:
        call: http.post
        args:
          url: http://127.0.0.1:9/
          retries: 3
    """
    with pytest.raises(WorkflowDefinitionError, match=r"call_it.*retries"):
        run(source)


def test_connection_dropped_before_the_answer_raises_connection_error() -> None:
    # error-types: "ConnectionError: Raised when a connection is successfully established with the endpoint but
    # there is a problem with the connection during data transfer" (e.g. the function's process was killed).
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    def accept_and_drop() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.close()

    dropper = threading.Thread(target=accept_and_drop, daemon=True)
    dropper.start()
    try:
        with pytest.raises(WorkflowError) as info:
            run(POST, {"url": f"http://127.0.0.1:{port}/drop", "timeout": 5})
    finally:
        dropper.join(timeout=5)
        listener.close()
    assert info.value.error["tags"] == ["ConnectionError"]
