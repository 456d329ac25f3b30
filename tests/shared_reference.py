"""The team's reference folder `../shared` (rules, sources, eval sets) beside the repository: tests that need it
ask for it here and skip with what they need when a plain clone does not have it."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_file(relative: str) -> Path:
    """../shared/<relative>, or a skip that says which file the test needs and where it is expected."""
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"needs the reference file ../shared/{relative} (expected at {path}); not in this checkout")
    return path
