"""Child process of test_adversarial_text: time the whole text path (parse, every checker) on one hostile input.

Run as `python -m tests.robustness.adversarial_run KIND`. It warms up, times a small input of the kind, prints
`small SECONDS`, then times the 1 MB input and prints `large SECONDS LIMITS COULD_NOT_RUN`. The parent kills it
when the large input takes longer than its bound relative to the small one: a super-linear path may take hours,
and a regex holding the GIL cannot be interrupted from inside the process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from labeliq.extraction.text_parser import parse_label
from labeliq.models import LabelFacts, Panel, ProductContext
from labeliq.pipeline import check_label

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LARGE = 1_000_000
SMALL = 2_000


def _real(name: str) -> str:
    return (SAMPLES / "granola-compliant" / name).read_text(encoding="utf-8")


def hostile_text(kind: str, size: int) -> str:
    """A panel of about `size` characters of one hostile shape."""
    back = _real("back.txt")
    shapes = {
        "long-word": lambda: "a" * size,
        "italian-and": lambda: "ab e " * (size // 5),
        "deep-nesting": lambda: "Ingredients: " + "(" * (size // 2) + "oats" + ")" * (size // 2),
        "many-commas": lambda: "Ingredients: " + "sugar, " * (size // 7),
        "hyphen-wraps": lambda: "Ingredients: " + "-\n".join(["glucose"] * (size // 9)),
        "unicode-spaces": lambda: "Contains " + "\u2003" * size + "/ milk",
        "real-lines": lambda: (back + "\n") * max(1, size // len(back)),
        "real-one-line": lambda: (back.replace("\n", " ") + " ") * max(1, size // len(back)),
    }
    return shapes[kind]()


def run_once(text: str) -> tuple[float, LabelFacts, list[str]]:
    started = time.perf_counter()
    facts = parse_label([Panel(name="front", text=text), Panel(name="back", text=_real("back.txt"))])
    report = check_label(facts, ProductContext(), "adversarial")
    return time.perf_counter() - started, facts, report.summary.checker_errors


def main(kind: str) -> None:
    run_once(hostile_text(kind, SMALL))  # imports, lexicons and regex compilation are not the input's cost
    small, _, _ = run_once(hostile_text(kind, SMALL))
    print(f"small {small:.4f}", flush=True)
    large, facts, errors = run_once(hostile_text(kind, LARGE))
    print(f"large {large:.4f} {len(facts.limits)} {len(errors)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
