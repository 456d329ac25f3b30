"""Collect the body of a titled statement that may wrap over several lines."""

from __future__ import annotations

from collections.abc import Callable

from labeliq.extraction.lines import SourceLine
from labeliq.extraction.titles import starts_section


def collect_body(
    lines: list[SourceLine],
    start: int,
    *,
    ends_at_full_stop: bool = True,
    open_brackets: Callable[[str], int] | None = None,
) -> int:
    """The stream position one past the last line of the statement that starts at `start`.

    A statement runs on while the next line is not blank and does not open another section; when
    `ends_at_full_stop` is set it also stops after a line that ends a sentence (unless brackets are
    still open, which only a list with components can tell, hence `open_brackets`).
    """
    end = start + 1
    depth = open_brackets(lines[start].text) if open_brackets else 0
    while end < len(lines):
        previous, line = lines[end - 1], lines[end]
        if line.blank or starts_section(line):
            break
        if ends_at_full_stop and depth <= 0 and previous.text.endswith(".") and line.text[:1].isupper():
            break
        depth += open_brackets(line.text) if open_brackets else 0
        end += 1
    return end
