"""Heavy modules load where a path needs them, not at import: a text check and each function's cold start pay
only for what they use (the OCR runtime loads on a function's first photo, once per instance)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devstack.stack import LocalStack
from tests.cloud.helpers import new_id, sample

REPO = Path(__file__).resolve().parents[2]
OCR = ("rapidocr", "onnxruntime", "numpy", "PIL", "pypdfium2")
CLIENTS = ("google.genai", "google.cloud.firestore", "google.cloud.storage", "google.cloud.documentai")
SLOW_IMPORTS = ("pydantic_settings",)  # asyncio, email, ssl...: as long as the import floor itself
FUNCTIONS = ("extract", "run_agent_group", "assemble_report", "render_docx")
# What a step does only when it runs (not when it replays its stored answer), and what only a DOCX needs.
STEP_WORK: tuple[str, ...] = ("docx", "labeliq.docx_report", "labeliq.pipeline", "labeliq.report", "labeliq.checks")
STEP_WORK += ("labeliq.extraction",)


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    return set(json.loads(done.stdout.splitlines()[-1]))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in modules]


def test_a_text_check_loads_no_ocr_no_cloud_client() -> None:
    modules = _modules_after(
        "from pathlib import Path\n"
        "from labeliq.config import load_settings\n"
        "from labeliq.docx_report import render_docx\n"
        "from labeliq.extraction.text_parser import parse_label\n"
        "from labeliq.models import Panel, ProductContext\n"
        "from labeliq.pipeline import check_label\n"
        "load_settings()\n"
        "sample = Path('samples/granola-compliant')\n"
        "panels = [Panel(name=p.stem, text=p.read_text()) for p in sorted(sample.glob('*.txt'))]\n"
        "render_docx(check_label(parse_label(panels), ProductContext(), 'lazy'))\n"
    )
    assert _loaded(modules, OCR + CLIENTS + SLOW_IMPORTS) == []


@pytest.mark.parametrize("function", [*FUNCTIONS, "api"])
def test_a_function_imports_no_ocr_runtime_nor_cloud_client_at_cold_start(function: str) -> None:
    """Nothing a function's first request may not need is imported before it (the clients: on first use); asyncio
    is, so that gunicorn's worker inherits it from the arbiter (labeliq.cloud.prefork)."""
    modules = _modules_after(
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('main', 'functions/{function}/main.py')\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
    )
    assert _loaded(modules, (*OCR, *CLIENTS, *SLOW_IMPORTS, *STEP_WORK)) == []
    assert "asyncio" in modules


# Each function's first request in one process, as functions-framework serves it: a replayed step of a done job.
REPLAY = """
import json, sys
import functions_framework
job_id, bodies, answers = sys.argv[1], json.loads(sys.argv[2]), {}
for name, extra in bodies.items():
    app = functions_framework.create_app(name, f"functions/{name}/main.py")
    answer = app.test_client().post("/", json={"job_id": job_id, "execution_id": "replay", **extra})
    answers[name] = [answer.status_code, sorted(sys.modules)]
print(json.dumps(answers))
"""


@pytest.mark.emulator
def test_a_replayed_step_imports_only_what_answering_from_its_claim_needs(stack: LocalStack) -> None:
    """A retried or duplicate delivery of a finished step answers from its stored claim: no Storage client (but
    in extract, which reads the manifest to tell a reused job id apart), no checkers, no report, no DOCX, no OCR."""
    job_id = new_id("lazy")
    panels, context = sample()
    stack.client.run_workflow(stack.client.upload_job(job_id, panels, context))
    # extract last: it is the one that imports the Storage client
    bodies = {"run_agent_group": {"group": "identity"}, "assemble_report": {}, "render_docx": {"version": 1}}
    bodies["extract"] = {}
    done = subprocess.run(
        [sys.executable, "-c", REPLAY, job_id, json.dumps(bodies)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=stack.function_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answers = json.loads(done.stdout.splitlines()[-1])
    assert {name: status for name, (status, _) in answers.items()} == dict.fromkeys(bodies, 200)
    after_three = set(answers["render_docx"][1])
    assert "google.cloud.firestore" in after_three
    assert _loaded(after_three, (*OCR, "google.cloud.storage", "google.genai", *STEP_WORK)) == []
    assert _loaded(set(answers["extract"][1]), (*OCR, "google.genai", *STEP_WORK)) == []


def test_a_read_not_started_early_is_made_where_it_is_taken() -> None:
    """A cold process does not prefetch a step's input (its Storage client is not made yet): the read is made by
    `get`, in the caller's thread, and not at all when the step ends before taking it."""
    from labeliq.cloud.clients import OnFirstUse
    from labeliq.cloud.parallel import Prefetched

    calls: list[str] = []

    def read(what: str, answer: object) -> object:
        calls.append(what)
        return answer

    assert Prefetched(lambda: read("dropped", 0), now=False) is not None
    late = Prefetched(lambda: read("taken", 7), now=False)
    assert calls == []
    assert late.get() == 7
    assert calls == ["taken"]
    client = OnFirstUse(lambda: read("made", "client"))
    assert not client.made
    assert client.upper() == "CLIENT"
    assert client.made and calls.count("made") == 1
