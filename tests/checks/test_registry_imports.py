"""Checker modules are imported one thread at a time: the three groups of a job can reach one function process at
once, and concurrent first imports met in Python's module locks (_DeadlockError, a checker "could not run")."""

from __future__ import annotations

import importlib
import threading
import time
from types import ModuleType

import pytest

from labeliq.checks import registry
from labeliq.checks.common import advice


class _ImportWatch:
    """Stands in for importlib.import_module: counts how many threads are inside it at once."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.inside = 0
        self.most = 0
        self.guard = threading.Lock()

    def __call__(self, name: str) -> ModuleType:
        with self.guard:
            self.inside += 1
            self.most = max(self.most, self.inside)
        time.sleep(0.02)  # a first import takes time; long enough for the other threads to arrive
        try:
            module: ModuleType = self.real(name)  # type: ignore[operator]
            return module
        finally:
            with self.guard:
                self.inside -= 1


def _at_once(calls: list[object]) -> None:
    start = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: object) -> None:
        start.wait()
        try:
            call()  # type: ignore[operator]
        except BaseException as exc:  # noqa: BLE001 - re-raised below in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def test_checker_packages_are_imported_one_thread_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    watch = _ImportWatch(importlib.import_module)
    monkeypatch.setattr(registry, "import_module", watch)
    specs = [s for s in registry.CHECKERS if s.group in ("identity", "content", "tables")][:6]
    _at_once([s.function for s in specs])
    assert watch.most == 1


def test_fixes_modules_are_imported_under_the_same_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    watch = _ImportWatch(importlib.import_module)
    monkeypatch.setattr(registry, "import_module", watch)
    advice._fixes_of.cache_clear()
    names = [s.name for s in registry.CHECKERS][:4]
    try:
        _at_once([lambda n=n: advice._fixes_of(n) for n in names] + [registry.CHECKERS[0].function])
    finally:
        advice._fixes_of.cache_clear()
    assert watch.most == 1
