"""The Cloud Translation translator through the real google-cloud-translate client (REST transport) against a fake
endpoint on 127.0.0.1 replaying recorded responses: glossary first, the Cloud glossary passed, retries on 503 only,
a term returned unchanged left untranslated, answers cached."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from labeliq.relabel.cloud_translate import CloudTranslateSettings, CloudTranslator, glossary_csv
from labeliq.relabel.translate import TranslatorSettingsError, translator_from_env

RECORDINGS = Path(__file__).parent / "recordings"


@dataclass
class FakeTranslate:
    url: str = ""
    script: list[tuple[int, str]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


def _handler(fake: FakeTranslate) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            fake.requests.append(json.loads(self.rfile.read(length) or b"{}"))
            fake.paths.append(self.path)
            status, name = fake.script.pop(0) if fake.script else (500, "cloud_error_503.json")
            data = (RECORDINGS / name).read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def fake_translate() -> Iterator[FakeTranslate]:
    fake = FakeTranslate()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _translator(fake: FakeTranslate, sleeps: list[float]) -> CloudTranslator:
    settings = CloudTranslateSettings(
        project="labeliq-test", glossary="labeliq-regulated-it", endpoint=fake.url, timeout_s=5
    )
    return CloudTranslator(settings, sleep=sleeps.append)


def test_glossary_first_then_cloud_with_the_cloud_glossary(fake_translate: FakeTranslate) -> None:
    fake_translate.script += [(200, "cloud_translate_it_en.json"), (200, "cloud_translate_it_fr.json")]
    translator = _translator(fake_translate, [])
    out = {t.source: t for t in translator.translate(["sale", "pomodorini datterini", "nduja"], "it")}
    assert out["sale"].via == "glossary"
    assert (out["pomodorini datterini"].en, out["pomodorini datterini"].fr) == (
        "datterini cherry tomatoes",
        "tomates cerises datterini",
    )
    assert out["pomodorini datterini"].via == "cloud"
    assert not out["nduja"].translated  # returned unchanged: left untranslated and flagged
    first, second = fake_translate.requests
    assert fake_translate.paths[0].split("?")[0] == "/v3/projects/labeliq-test/locations/us-central1:translateText"
    assert first["contents"] == ["nduja", "pomodorini datterini"]
    assert (first["sourceLanguageCode"], first["targetLanguageCode"], second["targetLanguageCode"]) == (
        "it",
        "en",
        "fr",
    )
    assert first["glossaryConfig"]["glossary"].endswith("/glossaries/labeliq-regulated-it")


def test_retries_a_503_then_answers_and_caches(fake_translate: FakeTranslate) -> None:
    fake_translate.script += [
        (503, "cloud_error_503.json"),
        (200, "cloud_translate_it_en.json"),
        (200, "cloud_translate_it_fr.json"),
    ]
    sleeps: list[float] = []
    translator = _translator(fake_translate, sleeps)
    terms = ["pomodorini datterini", "nduja"]
    first = translator.translate(terms, "it")
    second = translator.translate(terms, "it")
    assert first == second
    assert len(fake_translate.requests) == 3 and sleeps == [1.0]
    assert translator.usage.cached_calls == 2


def test_a_400_is_not_retried_and_leaves_terms_untranslated(fake_translate: FakeTranslate) -> None:
    fake_translate.script += [(400, "cloud_error_400.json")]
    translator = _translator(fake_translate, [])
    (result,) = translator.translate(["nduja"], "it")
    assert not result.translated
    assert len(fake_translate.requests) == 1
    assert "Glossary not found" in translator.errors[0]


def test_cloud_glossary_csv_is_made_from_the_regulated_vocabulary() -> None:
    rows = list(csv.reader(io.StringIO(glossary_csv("pl"))))
    assert rows[0] == ["pl", "en", "fr"]
    assert ["maka pszenna", "wheat flour", "farine de blé"] in rows
    assert not any(row[0] == "orzechy" for row in rows)  # a group name with no prescribed name is not sent


def test_cloud_without_a_project_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_TRANSLATOR", "cloud")
    monkeypatch.delenv("LABELIQ_TRANSLATE_PROJECT", raising=False)
    with pytest.raises(TranslatorSettingsError, match="LABELIQ_TRANSLATE_PROJECT"):
        translator_from_env()


def test_cloud_with_a_project_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_TRANSLATOR", "cloud")
    monkeypatch.setenv("LABELIQ_TRANSLATE_PROJECT", "labeliq-test")
    assert translator_from_env().name == "cloud-translation"
