"""Builds a function's deployment package the way terraform/functions.tf does, for tests.

Terraform zips main.py, every shared/labeliq file matching LIBRARY_PATTERN but none of CLI_PATTERNS, and one
requirements.txt merged from shared/requirements.txt, the function's own requirements.txt, (extract with the local
OCR engine) shared/requirements-ocr.txt and (extract with relabel_translator = "cloud_translation")
shared/requirements-translate.txt, sorted and de-duplicated. test_function_packages checks that this mirror still
matches the HCL.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIBRARY_DIR = REPO / "shared" / "labeliq"
LIBRARY_PATTERN = "**/*.{py,json,typed,html,css,js,svg}"  # html..svg: the web page's templates and assets
LIBRARY_SUFFIXES = (".py", ".json", ".typed", ".html", ".css", ".js", ".svg")
# The command line is not shipped: no function imports it (terraform subtracts this fileset).
CLI_PATTERNS = ("cli/**", "samples_run.py", "submit_batch.py")
CLI_TOP_LEVEL = ("cli", "samples_run.py", "submit_batch.py")


def requirement_lines(path: Path, *, skip_options: bool = False) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("#") and not (skip_options and line.startswith("-"))]


def merged_requirements(function: str, ocr_engine: str = "documentai", translator: str = "glossary") -> list[str]:
    lines = requirement_lines(REPO / "shared" / "requirements.txt")
    lines += requirement_lines(REPO / "functions" / function / "requirements.txt", skip_options=True)
    if function == "extract" and ocr_engine == "rapidocr":
        lines += requirement_lines(REPO / "shared" / "requirements-ocr.txt")
    if function == "extract" and translator == "cloud_translation":
        lines += requirement_lines(REPO / "shared" / "requirements-translate.txt")
    return sorted(set(lines))


def library_files() -> list[Path]:
    return sorted(
        p.relative_to(LIBRARY_DIR)
        for p in LIBRARY_DIR.rglob("*")
        if p.is_file()
        and p.suffix in LIBRARY_SUFFIXES
        and "__pycache__" not in p.parts
        and p.relative_to(LIBRARY_DIR).parts[0] not in CLI_TOP_LEVEL
    )


def build_package(
    function: str, destination: Path, ocr_engine: str = "documentai", translator: str = "glossary"
) -> Path:
    package = destination / function
    package.mkdir(parents=True)
    shutil.copyfile(REPO / "functions" / function / "main.py", package / "main.py")
    (package / "requirements.txt").write_text("\n".join(merged_requirements(function, ocr_engine, translator)) + "\n")
    for relative in library_files():
        target = package / "labeliq" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LIBRARY_DIR / relative, target)
    return package
