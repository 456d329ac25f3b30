"""A fake Gemini endpoint on 127.0.0.1: the real google-genai client talks HTTP to it, so the SDK's
request building, response parsing, error mapping and timeout all run as in production; only the
server is fake, and it replays recorded responses (tests/llm/recordings/)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from labeliq.llm import LlmClient, LlmSettings, MemoryCache

RECORDINGS = Path(__file__).parent / "recordings"


def recording(name: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((RECORDINGS / name).read_text(encoding="utf-8"))
    return body


@dataclass
class Scripted:
    status: int
    body: dict[str, Any]
    delay_s: float = 0.0


@dataclass
class FakeGemini:
    url: str = ""
    script: list[Scripted] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def reply(self, *items: tuple[int, str] | tuple[int, str, float]) -> None:
        for item in items:
            status, name = item[0], item[1]
            delay = float(item[2]) if len(item) > 2 else 0.0  # type: ignore[misc]
            self.script.append(Scripted(status, recording(name), delay))


def _handler(fake: FakeGemini) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            fake.requests.append(json.loads(self.rfile.read(length) or b"{}"))
            fake.paths.append(self.path)
            if not fake.script:
                self._send(500, {"error": {"code": 500, "message": "fake: no scripted response", "status": "INTERNAL"}})
                return
            item = fake.script.pop(0)
            if item.delay_s:
                fake.release.wait(item.delay_s)
            self._send(item.status, item.body)

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client timed out and went away, which is what the timeout test wants

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def fake_gemini() -> Iterator[FakeGemini]:
    fake = FakeGemini()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Sleeps:
    calls: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_client(fake_gemini: FakeGemini, sleeps: Sleeps) -> Any:
    def make(timeout_s: float = 5.0, cache: Any = None, **overrides: Any) -> LlmClient:
        settings = LlmSettings(
            enabled=True,
            api_key="test-key-not-a-secret",
            base_url=fake_gemini.url,
            timeout_s=timeout_s,
            **overrides,
        )
        return LlmClient(settings, cache if cache is not None else MemoryCache(), sleep=sleeps)

    return make
