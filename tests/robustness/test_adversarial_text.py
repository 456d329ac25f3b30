"""Every text path (the parser and all sixteen checkers) is linear or bounded on 1 MB of hostile text.

Each shape is timed at 2 KB and at 1 MB in the same child process; the 1 MB run must finish within RATIO times
the 2 KB one (the size ratio is 500). A quadratic path (a regex rescanning a long word from each of its letters,
a join that searches the whole label per line, a parser re-splitting each nesting level) takes minutes to hours
at 1 MB, so the child is killed at the bound and the test fails instead of hanging. The bound is a ratio measured
in the same run, not an absolute time, so a slower machine moves both sides.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RATIO = 40  # the 1 MB input may cost at most this many times the 2 KB one (its size is 500 times larger)
FLOOR_S = 2.0  # below this a small run's time is noise, not a base for a ratio

KINDS = [
    "long-word",
    "italian-and",
    "deep-nesting",
    "many-commas",
    "hyphen-wraps",
    "unicode-spaces",
    "real-lines",
    "real-one-line",
]


def _read_line(process: subprocess.Popen[str], deadline: float) -> str | None:
    """The child's next stdout line, or None if the deadline passes first (the child is then killed)."""
    assert process.stdout is not None
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=max(0.0, deadline - time.monotonic())):
                return process.stdout.readline()
    return None


@pytest.mark.parametrize("kind", KINDS)
def test_one_megabyte_of_hostile_text_costs_a_bounded_multiple_of_two_kilobytes(kind: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.robustness.adversarial_run", kind],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        small_line = _read_line(process, time.monotonic() + 120)
        assert small_line and small_line.startswith("small "), f"{kind}: the 2 KB run gave {small_line!r}"
        small = float(small_line.split()[1])
        bound = RATIO * max(small, FLOOR_S / RATIO)
        large_line = _read_line(process, time.monotonic() + bound)
        assert large_line is not None, f"{kind}: 1 MB took over {bound:.1f} s ({RATIO} x the 2 KB run's {small:.3f} s)"
        _, seconds, limits, could_not_run = large_line.split()
    finally:
        process.kill()
        process.wait()
    assert float(seconds) <= bound
    assert int(could_not_run) == 0, f"{kind}: a checker could not run on 1 MB of text"
    assert int(limits) >= 1, f"{kind}: the cut text is not said in LabelFacts.limits"
