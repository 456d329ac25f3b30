"""`labeliq check` on the inputs a newcomer or an attacker gives it (issue 16): each refused with exit 2 and one
line that names the file and the problem, never an internal error, and never after reading a huge file whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def labeliq(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "labeliq.cli", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def front(tmp_path: Path) -> Path:
    path = tmp_path / "front.txt"
    path.write_text("Oat Bars\nBarres d'avoine\n", encoding="utf-8")
    return path


def refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "label"
    folder.mkdir()
    refused(labeliq("check", "--out", tmp_path / "out", folder), f"{folder}: is a folder", f"{folder}/*.txt")


def test_a_missing_file_of_an_unsupported_type_is_reported_missing(tmp_path: Path) -> None:
    refused(labeliq("check", "--out", tmp_path / "out", tmp_path / "label.docx"), "label.docx: no such file")


def test_a_deeply_nested_context_is_refused_naming_the_file_and_the_limit(tmp_path: Path) -> None:
    context = tmp_path / "context.json"
    context.write_text('{"category": ' + "[" * 20_000 + "]" * 20_000 + "}", encoding="utf-8")
    done = labeliq("check", "--context", context, "--out", tmp_path / "out", front(tmp_path))
    refused(done, str(context), "nests 20001 levels deep; the limit is 16")


def test_a_huge_image_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "back.jpg"
    with big.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: no disk, but 200 MB to read
    done = labeliq("check", "--out", tmp_path / "out", front(tmp_path), big)
    refused(done, f"{big}: the file is 200,000,000 bytes; the limit is 20,000,000 bytes")


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\x1b"], ids=["rtl-override", "zero-width", "escape"])
def test_a_file_name_with_an_invisible_or_direction_character_is_refused(tmp_path: Path, char: str) -> None:
    spoof = tmp_path / f"back{char}gpj.txt"
    spoof.write_text("Ingredients: oats", encoding="utf-8")
    refused(labeliq("check", "--out", tmp_path / "out", front(tmp_path), spoof), f"U+{ord(char):04X}")


def test_check_help_lists_the_context_keys_the_exit_codes_and_the_image_types() -> None:
    done = labeliq("check", "--help")
    assert done.returncode == 0
    for words in (
        "durable_life_days",
        "reference_amount",
        "country_of_origin",
        ".jpg .jpeg .png .webp .tif .tiff .pdf",
        "exit codes",
        "2  bad input",
        "needs_review",
    ):
        assert words in done.stdout, words
