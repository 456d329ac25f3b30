"""labeliq.intake: the one set of panel rules the CLI and the cloud share (issue 12.3, issue 16 items 6, 8, 9)."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from labeliq.intake import (
    MAX_JSON_DEPTH,
    IntakeError,
    IntakeLimits,
    check_panel_file,
    check_panel_files,
    check_panel_name,
    check_panel_names,
    check_unique,
    json_depth,
    load_json_object,
    read_context_file,
    read_panel_file,
    text_panel,
)

LIMITS = IntakeLimits(max_panels=4, max_text_panel_bytes=1_000, max_image_bytes=5_000)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("front\u202etxt.gpj.txt", id="right-to-left-override"),
        pytest.param("fr\u200bont.txt", id="zero-width-space"),
        pytest.param("front\u2066.txt", id="left-to-right-isolate"),
        pytest.param("fro\u00adnt.txt", id="soft-hyphen"),
        pytest.param("front\x07.txt", id="control-character"),
        pytest.param("\u3164.txt", id="hangul-filler"),
        pytest.param("front\u2028back.txt", id="line-separator"),
    ],
)
def test_names_with_invisible_or_direction_characters_are_refused(name: str) -> None:
    with pytest.raises(IntakeError, match=r"invisible or control character U\+"):
        check_panel_name(name)


@pytest.mark.parametrize("name", ["front.txt", "Étiquette-arrière.txt", "back_2.jpg", "panneau avant.png"])
def test_ordinary_names_pass(name: str) -> None:
    assert check_panel_name(name) == name


@pytest.mark.parametrize("name", ["../front.txt", "a/front.txt", ".hidden.txt", "job.json", ""])
def test_path_tricks_and_the_manifest_name_are_refused(name: str) -> None:
    with pytest.raises(IntakeError):
        check_panel_name(name)


def test_panel_names_are_unique_without_case_in_the_cloud_rule() -> None:
    # Issue 16.9: the cloud compared exactly, so Front.txt and front.txt gave two principal display panels.
    with pytest.raises(IntakeError, match=r"front\.txt: panel name 'front' is also given by Front\.txt"):
        check_panel_names(["Front.txt", "front.txt"], LIMITS)
    with pytest.raises(IntakeError, match="also given by"):
        check_unique(["FRONT.jpg", "front.txt"])


def test_panel_names_give_their_kinds_and_the_count_is_limited() -> None:
    assert check_panel_names(["front.txt", "back.JPG", "side.pdf"], LIMITS) == ["text", "image", "image"]
    with pytest.raises(IntakeError, match="5 panels given; at most 4"):
        check_panel_names([f"p{i}.txt" for i in range(5)], LIMITS)
    with pytest.raises(IntakeError, match=r"unsupported file type '\.doc'"):
        check_panel_names(["front.doc"], LIMITS)


def test_a_missing_file_is_missing_before_its_type_is_judged(tmp_path: Path) -> None:
    # Issue 16: a missing label.docx was reported as an unsupported type before it was reported missing.
    with pytest.raises(IntakeError, match=r"label.docx: no such file$"):
        check_panel_file(tmp_path / "label.docx")


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    # Issue 16: `labeliq check DIR` said "unsupported file type '(none)'".
    with pytest.raises(IntakeError, match=r"is a folder; give the panel files inside it"):
        check_panel_file(tmp_path)


def test_a_large_file_is_refused_from_its_size_without_being_read(tmp_path: Path) -> None:
    # Issue 16.6: the CLI read a 200 MB image whole before refusing it. A sparse 200 MB file costs no disk; reading
    # it would cost 200 MB of memory.
    big = tmp_path / "front.jpg"
    with big.open("wb") as handle:
        handle.truncate(200_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(IntakeError, match=r"the file is 200,000,000 bytes; the limit is 5,000 bytes"):
            read_panel_file(big, "image", LIMITS)
        with pytest.raises(IntakeError, match=r"the limit is 5,000 bytes"):
            check_panel_files([big], LIMITS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000


def test_a_read_is_capped_even_when_the_file_grows_after_its_size_was_checked(tmp_path: Path) -> None:
    from labeliq.intake import read_capped

    grown = tmp_path / "front.txt"
    grown.write_bytes(b"x" * 5_000)
    with grown.open("rb") as stream, pytest.raises(IntakeError, match="larger than the limit of 1,000 bytes"):
        read_capped(stream, "front.txt", 1_000)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"Oat\x00Bars", "NUL", id="nul"),
        pytest.param(b"Barres \xe0 l'avoine", "not UTF-8", id="latin-1"),
        pytest.param(b" \n\t ", "is empty", id="blank"),
    ],
)
def test_text_panel_content_rules(data: bytes, message: str) -> None:
    with pytest.raises(IntakeError, match=message):
        text_panel("front.txt", data)


def test_a_text_panel_keeps_its_role_from_its_name() -> None:
    panel = text_panel("Front-left.txt", "\ufeffOat Bars".encode())
    assert (panel.name, panel.text, panel.is_principal_display, panel.is_bottom) == (
        "Front-left",
        "Oat Bars",
        True,
        False,
    )


def test_json_depth_ignores_brackets_inside_strings() -> None:
    assert json_depth('{"a": "[[[{{{", "b": [1, {"c": 2}]}') == 3
    assert json_depth('{"a": "\\"[[["}') == 1


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5_000, 200_000])
def test_deep_json_is_refused_naming_the_file_and_the_limit(depth: int) -> None:
    # Issue 16.8: a deeply nested context or manifest was an internal error (RecursionError) instead of a refusal.
    text = '{"category": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    with pytest.raises(IntakeError, match=rf"context.json: the context nests {depth} levels deep; the limit is"):
        load_json_object(text, "context.json", "context")


def test_a_deep_context_file_is_refused(tmp_path: Path) -> None:
    context = tmp_path / "context.json"
    context.write_text('{"category": ' + "[" * 3000 + "]" * 3000 + "}", encoding="utf-8")
    with pytest.raises(IntakeError, match=f"nests 3001 levels deep; the limit is {MAX_JSON_DEPTH}"):
        read_context_file(context)


def test_a_context_file_that_is_a_folder_or_missing_says_so(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="no such context file"):
        read_context_file(tmp_path / "nope.json")
    with pytest.raises(IntakeError, match="is not a file"):
        read_context_file(tmp_path)


def test_an_ordinary_context_reads() -> None:
    data = load_json_object(
        json.dumps({"category": "crackers", "reference_amount": {"value": 20, "unit": "g"}}), "c", "context"
    )
    assert data["reference_amount"] == {"value": 20, "unit": "g"}
