"""Free text of a panel (what no section parser took) as paragraphs and clauses, each tied to its lines.

Claims and marketing sentences wrap over lines and share a line with their other-language version
("Peanut-free / Sans arachides"), so they are matched clause by clause, not line by line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, join_with_bounds

_CONNECTOR_END = re.compile(
    r"(?:[,\-&]|\b(?:and|or|of|in|the|a|to|with|for|et|ou|de|du|des|en|le|la|les|au|aux|avec|pour|par|is|est))$", re.I
)
_CLAUSE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-ZÀ-Ý0-9])|\s+/\s+|\s*\|\s*|\s{2,}")


@dataclass(frozen=True)
class Clause:
    text: str
    lines: list[SourceLine]
    positions: list[int]  # stream positions of the lines the clause spans


def _wrapped(previous: str, following: str) -> bool:
    """A long line without a full stop, followed by a line that finishes the sentence, was wrapped."""
    if len(previous) < 30 or not re.search(r"[.!?]$", following):
        return False
    return guess_language(following) in (guess_language(previous), "unknown")


def paragraphs(lines: list[SourceLine], skip: set[int]) -> list[list[int]]:
    """Runs of free-text stream positions that read as one wrapped sentence or statement."""
    runs: list[list[int]] = []
    current: list[int] = []
    for position, line in enumerate(lines):
        if position in skip or line.blank:
            if current:
                runs.append(current)
            current = []
            continue
        if current:
            previous = lines[current[-1]].text
            continues = not re.search(r"[.!?:]$", previous) and (
                line.text[:1].islower() or bool(_CONNECTOR_END.search(previous)) or _wrapped(previous, line.text)
            )
            if not continues or position != current[-1] + 1:
                runs.append(current)
                current = []
        current.append(position)
    if current:
        runs.append(current)
    return runs


def clauses(lines: list[SourceLine], run: list[int], vocabulary: str) -> list[Clause]:
    """Split a paragraph into sentences and "EN / FR" halves, keeping the lines each one came from."""
    texts = [lines[p].text for p in run]
    joined, bounds = join_with_bounds(texts, vocabulary)
    out: list[Clause] = []
    start = 0
    for match in [*_CLAUSE_SPLIT.finditer(joined), None]:
        end = match.start() if match else len(joined)
        text = joined[start:end].strip()
        if text:
            # the first line ending after the clause starts, and the first ending at or after its end
            first = bisect.bisect_right(bounds, start)
            last = min(bisect.bisect_left(bounds, end), len(bounds) - 1)
            positions = run[first : last + 1]
            out.append(Clause(text=text, lines=[lines[p] for p in positions], positions=positions))
        if match:
            start = match.end()
    return out
