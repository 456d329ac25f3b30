"""Fixtures for parser tests: parse panels given as text, and the sample labels shipped in samples/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, Panel

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

Parse = Callable[..., LabelFacts]


def _parse(**panels: str) -> LabelFacts:
    return parse_label([Panel(name=name, text=text) for name, text in panels.items()])


def _parse_sample(name: str) -> LabelFacts:
    folder = SAMPLES / name
    panels = [Panel(name=path.stem, text=path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))]
    return parse_label(panels)


@pytest.fixture
def parse() -> Parse:
    """parse(front="...", back="...") -> LabelFacts."""
    return _parse


@pytest.fixture(scope="session")
def samples() -> dict[str, LabelFacts]:
    return {folder.name: _parse_sample(folder.name) for folder in sorted(SAMPLES.iterdir()) if folder.is_dir()}
