"""Heavy modules load where a path needs them, not at import: a text check and each function's cold start pay
only for what they use (the OCR runtime loads on a function's first photo, once per instance)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
OCR = ("rapidocr", "onnxruntime", "numpy", "PIL", "pypdfium2")
CLIENTS = ("google.genai", "google.cloud.firestore", "google.cloud.storage", "google.cloud.documentai")
SLOW_IMPORTS = ("pydantic_settings",)  # asyncio, email, ssl...: as long as the import floor itself


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


@pytest.mark.parametrize("function", ["extract", "run_agent_group", "assemble_report", "render_docx"])
def test_a_function_imports_no_ocr_runtime_nor_llm_client_at_cold_start(function: str) -> None:
    modules = _modules_after(
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('main', 'functions/{function}/main.py')\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
    )
    assert _loaded(modules, (*OCR, "google.genai", *SLOW_IMPORTS)) == []
