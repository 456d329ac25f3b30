"""Each function's package, built as Terraform builds it, imports in a clean process from its own files and
needs no distribution outside its merged requirements (and what they depend on)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.terraform.hcl_model import load_terraform
from tests.terraform.package_builder import (
    CLI_PATTERNS,
    CLI_TOP_LEVEL,
    LIBRARY_PATTERN,
    build_package,
    merged_requirements,
)

FUNCTIONS = ("extract", "run_agent_group", "assemble_report", "render_docx")

# Runs inside the clean interpreter: imports main from the package, then lists the distributions it loaded and
# the closure of the distributions its requirements.txt allows.
PROBE = r"""
import sys
before = set(sys.modules)  # what the interpreter loads at start-up (e.g. setuptools' .pth hook) is not ours
package = sys.argv[1]
sys.path.insert(0, package)
import main, labeliq
import importlib
for extra in sys.argv[3:]:  # modules the function imports lazily, on the path being tested
    importlib.import_module(extra)
import importlib.metadata as md, json, re
from packaging.requirements import Requirement
entry_point = sys.argv[2]
assert callable(getattr(main, entry_point)), f"main.{entry_point} is not callable"
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
# (distribution, extras asked of it): pip installs an extra's requirements when a requirement names the extra,
# e.g. google-cloud-translate needs google-api-core[grpc], which brings grpcio-status.
pinned = [Requirement(l) for l in open(package + "/requirements.txt").read().split() if l]
todo = [(req.name, frozenset(req.extras)) for req in pinned]
allowed, seen = set(), set()
while todo:
    name, extras = todo.pop()
    name = norm(name)
    if (name, extras) in seen:
        continue
    seen.add((name, extras))
    allowed.add(name)
    for spec in md.requires(name) or []:
        req = Requirement(spec)
        if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in ("", *extras)):
            todo.append((req.name, frozenset(req.extras)))
top_to_dists = md.packages_distributions()
loaded = {}
for module_name, module in list(sys.modules.items()):
    if module_name in before or module_name.split(".")[0] in ("packaging",):
        continue
    file = getattr(module, "__file__", None) or ""
    if "site-packages" not in file:
        continue
    top = module_name.split(".")[0]
    loaded[top] = sorted({norm(d) for d in top_to_dists.get(top, [])})
print(json.dumps({"labeliq": labeliq.__file__, "loaded": loaded, "allowed": sorted(allowed)}))
"""


def test_python_mirror_matches_the_hcl() -> None:
    tf = load_terraform()
    text = tf.texts["functions.tf"]
    assert f'fileset(local.library_dir, "{LIBRARY_PATTERN}")' in text
    for pattern in CLI_PATTERNS:
        assert f'fileset(local.library_dir, "{pattern}")' in text
    assert "library_files = setsubtract(" in text
    assert '"${path.module}/../shared/requirements.txt"' in text
    assert '"${path.module}/../shared/requirements-ocr.txt"' in text
    assert '"${path.module}/../shared/requirements-translate.txt"' in text
    assert 'name == "extract" && var.relabel_translator == "cloud_translation" ? local.translate_requirements' in text
    assert 'filename = "labeliq/${source.value}"' in text
    assert "sort(distinct(concat(" in text


@pytest.mark.parametrize("function", FUNCTIONS)
def test_requirements_are_pinned(function: str) -> None:
    for ocr_engine in ("documentai", "rapidocr"):
        for translator in ("glossary", "cloud_translation"):
            for line in merged_requirements(function, ocr_engine, translator):
                assert "==" in line, f"{function}: {line!r} is not pinned"


def test_only_extract_with_cloud_translation_carries_the_translate_client() -> None:
    assert not [r for r in merged_requirements("extract") if r.startswith("google-cloud-translate")]
    assert not [r for r in merged_requirements("run_agent_group", translator="cloud_translation") if "translate" in r]
    assert [r for r in merged_requirements("extract", translator="cloud_translation") if "translate" in r] == [
        "google-cloud-translate==3.28.0"
    ]


def test_extract_with_cloud_translation_imports_the_translate_client_from_its_own_requirements(
    tmp_path: Path,
) -> None:
    # Issue 14's gap: LABELIQ_TRANSLATOR=cloud in a zip without google-cloud-translate failed at the first relabel job.
    package = build_package("extract", tmp_path, translator="cloud_translation")
    lazy = ["labeliq.relabel.cloud_translate", "google.cloud.translate_v3"]
    result = subprocess.run(
        [sys.executable, "-I", "-c", PROBE, str(package), "extract", *lazy],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert "google" in probe["loaded"] and "google-cloud-translate" in probe["loaded"]["google"]
    allowed = set(probe["allowed"])
    outside = {top: dists for top, dists in probe["loaded"].items() if dists and not set(dists) & allowed}
    assert not outside, f"extract imports distributions missing from its requirements: {outside}"


@pytest.mark.parametrize("function", FUNCTIONS)
def test_package_imports_in_a_clean_process(function: str, tmp_path: Path) -> None:
    package = build_package(function, tmp_path)
    entry_point = load_terraform().locals["function_entry_points"][function]
    result = subprocess.run(
        [sys.executable, "-I", "-c", PROBE, str(package), entry_point],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["labeliq"].startswith(str(package)), "labeliq must come from the vendored copy"
    allowed = set(probe["allowed"])
    outside = {top: dists for top, dists in probe["loaded"].items() if dists and not set(dists) & allowed}
    assert not outside, f"{function} imports distributions missing from its requirements: {outside}"


def _imported_modules(source: str) -> set[str]:
    """Every module a file names in an import statement (at any depth: lazy imports count)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("function", FUNCTIONS)
def test_package_carries_no_development_code(function: str, tmp_path: Path) -> None:
    # The local stack and the Workflows runner live in devstack/ (a development package): no zip carries them, and
    # nothing a zip carries imports them, so editing the runner redeploys no function.
    package = build_package(function, tmp_path)
    shipped = sorted(p.relative_to(package) for p in package.rglob("*.py"))
    assert not [p for p in shipped if "local" in p.parts or "devstack" in p.parts], shipped
    assert not [p for p in shipped if len(p.parts) > 1 and p.parts[1] in CLI_TOP_LEVEL], shipped
    importers = {
        str(p): sorted(m for m in _imported_modules((package / p).read_text(encoding="utf-8")) if m.startswith(DEV))
        for p in shipped
    }
    assert not {p: m for p, m in importers.items() if m}, "shipped code imports the development stack"


DEV = ("devstack", "labeliq.local", "labeliq.cli")
