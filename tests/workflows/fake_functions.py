"""Tiny stand-ins for the four Cloud Functions on 127.0.0.1, answering exactly the documented contracts.

Each test scripts faults per function (and per group) as a queue of (status, body) answers consumed before the
contract answer, and reads back every request the workflow made.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FUNCTIONS = ("extract", "run_agent_group", "assemble_report", "render_docx")
ENV_NAMES = {
    "extract": "EXTRACT_URL",
    "run_agent_group": "RUN_AGENT_GROUP_URL",
    "assemble_report": "ASSEMBLE_REPORT_URL",
    "render_docx": "RENDER_DOCX_URL",
}


def contract_answer(function: str, body: dict[str, Any]) -> dict[str, Any]:
    job_id = body["job_id"]
    if function == "extract":
        return {"job_id": job_id, "status": "EXTRACTED", "facts_uri": f"gs://out/facts/{job_id}.json"}
    if function == "run_agent_group":
        group = body["group"]
        return {
            "job_id": job_id,
            "group": group,
            "status": "DONE",
            "result_uri": f"firestore://jobs/{job_id}/groups/{group}",
        }
    if function == "assemble_report":
        if "failure" in body:
            return {"job_id": job_id, "status": "FAILED"}
        return {
            "job_id": job_id,
            "status": "ASSEMBLED",
            "version": 1,
            "report_uri": f"gs://out/reports/{job_id}/v1.json",
        }
    version = body["version"]
    return {
        "job_id": job_id,
        "status": "DONE",
        "version": version,
        "docx_uri": f"gs://out/reports/{job_id}/v{version}.docx",
    }


@dataclass
class Request:
    function: str
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class FakeFunctions:
    """The four functions on one local server, one path each."""

    requests: list[Request] = field(default_factory=list)
    faults: dict[tuple[str, str | None], deque[tuple[int, Any]]] = field(default_factory=lambda: defaultdict(deque))
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    def fail(self, function: str, status: int, body: Any, times: int = 1, group: str | None = None) -> None:
        for _ in range(times):
            self.faults[(function, group)].append((status, body))

    def calls(self, function: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r.body for r in self.requests if r.function == function]

    @property
    def env(self) -> dict[str, str]:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return {env: f"http://{host!s}:{port}/{fn}" for fn, env in ENV_NAMES.items()}

    def answer(self, function: str, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, Any]:
        with self.lock:
            self.requests.append(Request(function, body, headers))
            for key in ((function, body.get("group")), (function, None)):
                if self.faults[key]:
                    return self.faults[key].popleft()
        return 200, contract_answer(function, body)

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                function = self.path.strip("/")
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                if function not in FUNCTIONS:
                    status, answer = 404, {"error": {"code": "NOT_FOUND", "message": f"no function {function}"}}
                else:
                    status, answer = fake.answer(function, body, dict(self.headers.items()))
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
