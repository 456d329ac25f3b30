"""Fake checkers installed in the registry, so the pipeline is tested without depending on the real rules."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

import pytest

from labeliq.checks import registry
from labeliq.models import Finding, Group, LabelFacts, ProductContext

FakeCheck = Callable[[LabelFacts, ProductContext], list[Finding]]
Installer = Callable[[dict[str, tuple[Group, FakeCheck | None]]], None]


@pytest.fixture
def fake_checkers(monkeypatch: pytest.MonkeyPatch) -> Installer:
    """Replace the registry with the given checkers; a None function stands for a module not built yet."""

    def install(checkers: dict[str, tuple[Group, FakeCheck | None]]) -> None:
        specs = []
        for name, (group, function) in checkers.items():
            module = f"fake_{name}"
            specs.append(registry.CheckerSpec(name, group, module))
            if function is not None:
                fake = types.ModuleType(f"labeliq.checks.{module}")
                fake.check = function  # type: ignore[attr-defined]
                monkeypatch.setitem(sys.modules, f"labeliq.checks.{module}", fake)
        monkeypatch.setattr(registry, "CHECKERS", tuple(specs))

    return install
