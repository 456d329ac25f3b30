"""Evidence a person can read: the label's words around what a finding rests on, never a fixed-length prefix.

A checker knows the offending words (the month code, the sulphiting agent, the claim); a long ingredient list cut
at its first 90 characters hides them. `quote` keeps them in view wherever they sit, marks an ellipsis on each side
that was cut, and returns the span of those words inside the quote (`Finding.highlight`) so a report can show them
in bold. `excerpt` is the same cut for a stored finding (the DOCX's shorter cells): one function, used everywhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

ELLIPSIS = "…"
# Evidence kept in report.json (as LABELIQ_MAX_EVIDENCE_CHARS shows by default): longer text, such as a long
# ingredient list, is quoted around the words that matter; a report cell cuts it shorter with `excerpt`.
QUOTE_CHARS = 600

SHORT_EVIDENCE_CHARS = 80  # evidence this short may be all "the words that matter" (a claim, "500G")

Span = tuple[int, int]


@dataclass(frozen=True)
class Quote:
    text: str
    highlight: Span | None  # [start, end) of the words that matter inside `text`

    @property
    def marked(self) -> str:
        """The words that matter, as printed ("" when none)."""
        if self.highlight is None:
            return ""
        return self.text[self.highlight[0] : self.highlight[1]]


@functools.lru_cache(maxsize=64)
def _folded_with_index(text: str) -> tuple[str, Sequence[int]]:
    """The text lower-cased with accents stripped, and for each folded character the index it came from.

    Cached, and ASCII text folded in one C call: every finding folds its evidence once per quoted term, and an
    evidence of a 20 000-character panel folded character by character made one hostile label take minutes.
    """
    if text.isascii():
        return text.lower(), range(len(text))
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
        base = base.replace("’", "'").replace("‘", "'")
        for c in base:
            out.append(c)
            index.append(i)
    return "".join(out), index


def find_span(text: str, term: str) -> Span | None:
    """Where `term` first occurs in `text` (case, accents and runs of spaces ignored), as a span of `text`."""
    if not term.strip() or not text:
        return None
    folded, index = _folded_with_index(text)
    folded_term, _ = _folded_with_index(term.strip())
    words = [re.escape(w) for w in folded_term.split()]
    match = re.search(r"\s+".join(words), folded)
    if match is None or match.end() == match.start():
        return None
    return index[match.start()], index[match.end() - 1] + 1


def excerpt(text: str, span: Span | None, limit: int = QUOTE_CHARS) -> Quote:
    """At most `limit` characters of `text` around `span`, cut at word boundaries, "…" on each cut side.

    Without a span the start of the text is kept (the words that matter are not known); a span longer than the
    limit is kept whole from its start, so the quote always begins with the words that matter.
    """
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if span is not None:
        span = (span[0] - lead, span[1] - lead)
    if span is not None and not (0 <= span[0] < span[1] <= len(text)):
        span = None
    if len(text) <= limit:
        return Quote(text, span)
    if span is None:
        start, end = 0, _cut_back(text, limit - 1)  # room for the "…"
    else:
        limit -= 2  # room for an ellipsis on each side
        room = max(limit - (span[1] - span[0]), 0)
        # centred on the span, but shifted back when the text ends before the window does
        wanted = min(max(span[0] - room // 2, 0), max(len(text) - limit, 0))
        start = _cut_forward(text, min(wanted, span[0]), span[0])
        end = _cut_back(text, max(min(len(text), start + limit), span[1]))
        if end - start > limit and span[1] - span[0] < limit:
            end = max(span[1], _cut_back(text, start + limit))
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    body = text[start:end]
    shown = f"{head}{body}{tail}"
    if span is None:
        return Quote(shown, None)
    offset = len(head) - start
    return Quote(shown, (span[0] + offset, min(span[1], end) + offset))


def _cut_forward(text: str, at: int, no_later_than: int) -> int:
    """`at` moved forward to the start of a word, but never past `no_later_than`."""
    if at <= 0:
        return 0
    space = text.find(" ", at - 1, no_later_than)
    return space + 1 if space != -1 else at


def _cut_back(text: str, at: int) -> int:
    """`at` moved back to the end of a word (a cut after it leaves no half word)."""
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", 0, at + 1)
    return space if space > at * 0.6 else at


def quote(text: str, term: str | None = None, limit: int = QUOTE_CHARS) -> Quote:
    """The evidence for a finding: `text` quoted around `term` (when it occurs in it), with its span highlighted."""
    span = find_span(text, term) if term else None
    return excerpt(text, span, limit)


# Words a message quotes: 'JU', "Source of fibre", « irradié ». A quote opens and closes at a word boundary, so the
# apostrophe of "malt d'orge" does not end one.
_QUOTED = re.compile(r"""(?<!\w)(?:'([^'\n]{2,80}?)'|"([^"\n]{2,80}?)"|«\s?([^»\n]{2,80}?)\s?»)(?!\w)""")


_TITLES = frozenset(
    {"contains", "contient", "may contain", "peut contenir", "ingredients", "best before"}
    | {"meilleur avant", "nutrition facts", "valeur nutritive"}
)


def quoted_terms(message: str) -> list[str]:
    """The words a finding's message quotes, in order: the candidates for the words its evidence should mark."""
    return [next(g for g in match.groups() if g) for match in _QUOTED.finditer(message)]


def span_named_by(message: str, evidence: str) -> Span | None:
    """The span of the evidence that the message quotes first ('JU' in "... 27 JU 28"), if any.

    A quote of the whole evidence marks it all only when the evidence is short (a claim, a net quantity): in a
    longer text the point is the words inside it that matter.
    """
    whole = len(evidence.strip())
    for term in quoted_terms(message):
        if _folded_with_index(term.strip(" :"))[0] in _TITLES:
            continue  # the statement's title says which statement, not what is wrong in it
        span = find_span(evidence, term)
        if span is not None and (span[1] - span[0] < whole or whole <= SHORT_EVIDENCE_CHARS):
            return span
    return None
