"""Panel lines as the parsers see them: a cleaned text for matching, the raw text for evidence.

Every fact must point back at the panel lines it was read from, so a line keeps its 0-based index in
the panel text even after side-by-side columns were pulled apart into two reading streams.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from labeliq.models import Provenance

# Characters OCR invents from rules, borders and bullets drawn around label sections.
_STRAY = re.compile(r"[|¦~_]+")
_EDGE_BULLETS = re.compile(r"^[\s•·]+(?=\S)|[\s•·]+$")
_SPACES = re.compile(r"[ \t\u00a0]+")
# "0" read for "o" inside a word (S0dium, C0ntains), and "O" read for "0" inside a number (1O g).
_ZERO_IN_WORD = re.compile(r"(?<![\w.,])([A-Za-zÀ-ÿ]*)0([A-Za-zÀ-ÿ]*)(?![\w])")
_UNIT_WORDS = {"mg", "mcg", "ml", "cal", "kcal", "kj", "kg", "g", "l", "oz", "lb", "lbs", "µg", "ug"}
_LETTER_O_IN_NUMBER = re.compile(r"(?<=\d)[Oo](?=\d|\s*(?:%|mg|g|mL|ml|L|kJ)\b|\b)")


@dataclass(frozen=True)
class SourceLine:
    """One line (or one column of a line) of a panel, in reading order."""

    panel: str
    index: int  # 0-based line index in the panel text
    raw: str  # as OCR read it (one column only, when the line held two)
    text: str  # cleaned: stray marks removed, spaces folded, 0/O confusions repaired
    column: int | None = None  # 0 left / 1 right when the panel line held two side-by-side columns

    @property
    def blank(self) -> bool:
        return not self.text


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one, so a match's span indexes the original."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        out.append(base if len(base) == 1 else ch.lower())
    return "".join(out).replace("’", "'").replace("‘", "'")


def _repair_zero(match: re.Match[str]) -> str:
    """S0dium -> Sodium, but 0g and 0mg stay numbers."""
    left, right = match.group(1), match.group(2)
    word = match.group(0)
    if not left and right.lower() in _UNIT_WORDS:
        return word
    if len(left) + len(right) < 2:
        return word
    return left + ("O" if (left + right).isupper() else "o") + right


def clean_text(raw: str) -> str:
    """Remove what OCR adds around the words, keep every word and number as read."""
    text = _STRAY.sub(" ", raw)
    text = text.replace("’", "'").replace("‘", "'")
    text = _EDGE_BULLETS.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _ZERO_IN_WORD.sub(_repair_zero, text)
    text = _LETTER_O_IN_NUMBER.sub("0", text)
    return text


def make_line(panel: str, index: int, raw: str, column: int | None = None) -> SourceLine:
    return SourceLine(panel=panel, index=index, raw=raw.rstrip(), text=clean_text(raw), column=column)


def provenance(lines: list[SourceLine]) -> Provenance:
    """The panel and the range of original line indexes the given lines came from."""
    real = [line for line in lines if line.index >= 0]
    if not real:
        raise ValueError("a fact needs at least one source line")
    columns = {line.column for line in real}
    return Provenance(
        panel=real[0].panel,
        line_start=min(line.index for line in real),
        line_end=max(line.index for line in real),
        column=columns.pop() if len(columns) == 1 else None,
    )


def evidence(lines: list[SourceLine]) -> str:
    """The lines as OCR read them (one column when the line held two), one per line."""
    return "\n".join(line.raw.strip() for line in lines if not line.blank)


_KEEP_HYPHEN_LEFT = {
    "glucose",
    "non",
    "sans",
    "semi",
    "multi",
    "mono",
    "high",
    "low",
    "gluten",
    "sugar",
    "fat",
    "sodium",
    "peanut",
    "nut",
    "whole",
    "extra",
    "pre",
    "post",
    "self",
    "free",
    "omega",
    "oméga",
    "vitamin",
    "vitamine",
}
_KEEP_HYPHEN_RIGHT = {"free", "fructose", "based", "style", "grain", "made", "raised", "range", "fed", "3", "6"}
_WORD_END = re.compile(r"([A-Za-zÀ-ÿ0-9]+)-$")
_WORD_START = re.compile(r"^([A-Za-zÀ-ÿ0-9]+)")


def join_texts(texts: list[str], vocabulary: str = "") -> str:
    """Join wrapped lines into one string, undoing end-of-line hyphenation unless the hyphen is part
    of the word (glucose-fructose, peanut-free): the rest of the label (vocabulary) breaks the tie."""
    folded_vocab = fold_same_length(vocabulary)
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
            continue
        end = _WORD_END.search(out)
        start = _WORD_START.search(text)
        if end and start and not out.endswith(" -"):
            left, right = end.group(1), start.group(1)
            joined = fold_same_length(left + right)
            hyphenated = fold_same_length(left + "-" + right)
            keep = (
                hyphenated in folded_vocab
                or fold_same_length(left) in _KEEP_HYPHEN_LEFT
                or fold_same_length(right) in _KEEP_HYPHEN_RIGHT
                or right[:1].isupper()
            ) and joined not in folded_vocab
            out = out + text if keep else out[:-1] + text
        else:
            out = out + " " + text
    return out
