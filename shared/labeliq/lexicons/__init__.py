"""Lexicons are data files inside the package (EN and FR), loaded once and cached."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """Load lexicons/data/<name>.json; each file says where its content comes from in "source"."""
    path = resources.files("labeliq.lexicons").joinpath("data", f"{name}.json")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
