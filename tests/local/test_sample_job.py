"""A sample folder sent through the local stack is its panels and its context, never the notes kept beside them."""

from __future__ import annotations

import json
from pathlib import Path

from devstack.stack import sample_job


def test_a_sample_is_its_panels_and_context_without_its_notes(tmp_path: Path) -> None:
    (tmp_path / "front.txt").write_text("Crackers / Craquelins", encoding="utf-8")
    (tmp_path / "back.JPG").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "NOTES.md").write_text("arithmetic re-checked by hand", encoding="utf-8")
    (tmp_path / "context.json").write_text(json.dumps({"imported": False}), encoding="utf-8")
    (tmp_path / "photos").mkdir()

    panels, context = sample_job(tmp_path)

    assert sorted(panels) == ["back.JPG", "front.txt"]
    assert context == {"imported": False}
