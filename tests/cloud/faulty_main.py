"""Test-only wrapper around the four functions: injects faults chosen by the job id, and is otherwise transparent.

Loaded by functions-framework as module `main` (with --target extract, run_agent_group, ...). A job id holding
  "-f503before-"  the first call of each (function, job, group) answers 503 before any work is done
  "-f503after-"   the first call does all the work, then answers 503: the answer is lost, the work is not
  "-hang-"        render_docx's first call does all the work, then hangs (the test kills the process mid-call)
  "-failtables-"  every run_agent_group call for the tables group answers 500 (a group that fails for good)
"First" holds across restarts (a marker file in LABELIQ_TEST_FAULT_DIR), as a restarted process must not hang again.
Every injected fault is logged as a JSON line with "event": "fault_injected", so a test can prove it fired.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import functions_framework

REPO = Path(__file__).resolve().parents[2]
_lock = threading.Lock()
_modules: dict[str, Any] = {}


def _real(name: str) -> Callable[[Any], Any]:
    with _lock:
        if name not in _modules:
            spec = importlib.util.spec_from_file_location(f"real_{name}", REPO / "functions" / name / "main.py")
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            _modules[name] = module
    function: Callable[[Any], Any] = getattr(_modules[name], name)
    return function


def _first_call(name: str, body: dict[str, Any]) -> bool:
    """True once per (function, job, group or version), across restarts: a marker file is created atomically."""
    key = f"{name}.{body.get('job_id')}.{body.get('group') or body.get('version') or ''}"
    try:
        fd = os.open(Path(os.environ["LABELIQ_TEST_FAULT_DIR"]) / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def _note(name: str, fault: str, body: dict[str, Any]) -> None:
    """One JSON line, written whole: print() writes the line and its newline in two calls, so the notes of parallel
    group calls (and the functions' own log lines) interleaved and broke each other (4 faults counted of 6)."""
    line = {"severity": "WARNING", "event": "fault_injected", "fault": fault, "function": name, **body}
    sys.stderr.write(json.dumps(line, default=str) + "\n")
    sys.stderr.flush()


def _wrap(name: str) -> Callable[[Any], Any]:
    def handler(request: Any) -> Any:
        body = request.get_json(silent=True)
        job_id = body.get("job_id") if isinstance(body, dict) else None
        if not isinstance(job_id, str) or not isinstance(body, dict) or body.get("failure") is not None:
            return _real(name)(request)
        if "-failtables-" in job_id and name == "run_agent_group" and body.get("group") == "tables":
            _note(name, "-failtables-", body)  # every call: the tables branch fails for good (500 is not retried)
            return {"error": {"code": "injected", "message": "the tables group failed (injected)"}}, 500
        for fault in ("-f503before-", "-f503after-", "-hang-"):
            if fault == "-hang-" and name != "render_docx":
                continue  # one hanging function is enough to kill mid-call
            if fault in job_id and _first_call(name, body):
                _note(name, fault, body)
                if fault == "-f503before-":
                    return {"error": {"code": "injected", "message": "injected fault"}}, 503
                answer = _real(name)(request)
                if fault == "-f503after-":
                    return {"error": {"code": "injected", "message": "answer lost after the work"}}, 503
                time.sleep(60)  # the test kills this process while it hangs here
                return answer
        return _real(name)(request)

    handler.__name__ = name
    return functions_framework.http(handler)


extract = _wrap("extract")
run_agent_group = _wrap("run_agent_group")
assemble_report = _wrap("assemble_report")
render_docx = _wrap("render_docx")
