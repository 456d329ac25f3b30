"""Panel lines as the parsers see them: a cleaned text for matching, the raw text for evidence.

Every fact must point back at the panel lines it was read from, so a line keeps its 0-based index in
the panel text even after side-by-side columns were pulled apart into two reading streams.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from labeliq.models import Provenance

# Characters OCR invents from rules, borders and bullets drawn around label sections.
_STRAY = re.compile(r"[|¦~_]+")
_EDGE_BULLETS = re.compile(r"^[\s•·]+(?=\S)|[\s•·]+$")
_SPACES = re.compile(r"\s+")  # every kind of space: a run of any of them is one space
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


class _SameLengthFold(dict[int, str]):
    """A str.translate table filled on first use: one character's folded form, computed once per character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        folded = base if len(base) == 1 else ch.lower()
        if len(folded) != 1:  # "İ".lower() is two characters: keep the length
            folded = ch
        folded = {"’": "'", "‘": "'"}.get(folded, folded)
        self[code] = folded
        return folded


_SAME_LENGTH_FOLD = _SameLengthFold()


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one, so a match's span indexes the original."""
    return text.translate(_SAME_LENGTH_FOLD)


def _repair_zero(match: re.Match[str]) -> str:
    """S0dium -> Sodium, but 0g and 0mg stay numbers."""
    left, right = match.group(1), match.group(2)
    word = match.group(0)
    if not left and right.lower() in _UNIT_WORDS:
        return word
    if len(left) + len(right) < 2:
        return word
    # a zero opening a word stands for the capital O it looks like ("Contains: 0ats"), unless the word
    # runs on after a lower-case word ("rolled 0ats")
    before = match.string[: match.start()].rstrip()
    capital = (left + right).isupper() or (not left and not before[-1:].islower())
    return left + ("O" if capital else "o") + right


def _spaced(word: str) -> str:
    """A title word as OCR may read it: a space may fall between any two letters ("N utrition"), and
    i/l/1 and o/0 are confused ("Nutritlon"); the caller folds case."""
    classes = {"i": "[il1!|]", "l": "[il1!|]", "o": "[o0]", "e": "[eé3]", "a": "[a4@]", " ": r"\s*"}
    return " ?".join(classes.get(ch, re.escape(ch)) for ch in word)


def _confusable(word: str) -> str:
    """A table word as OCR may read it, with i/l/1 and o/0 confused ("Sodlum", "Calclum", "lron")."""
    classes = {"i": "[il1!|]", "l": "[il1!|]", "o": "[o0]"}
    return "".join(classes.get(ch.lower(), re.escape(ch)) for ch in word)


# Nutrition Facts row names: a row OCR misread is a nutrient the table checkers would report missing.
_TABLE_WORDS = (
    "Calories",
    "Calorie",
    "Sodium",
    "Potassium",
    "Calcium",
    "Protein",
    "Iron",
    "Cholesterol",
    "Vitamin",
    "Vitamine",
    "Fibre",
    "Fibres",
    "Lipides",
    "Glucides",
    "Saturated",
    "Polyunsaturated",
    "Monounsaturated",
)


# Section titles with OCR letter confusions or split letters, and the word they stand for. Each
# needs its whole phrase (or the colon of a title), so running text is never rewritten.
_REPAIRED_WORDS: tuple[tuple[str, str, str], ...] = (
    # (pattern, the word it stands for, the letters any match of it holds once squashed: see _squashed)
    (rf"(?<![\w])(?:{_spaced('nutrition facts')})(?![\w])", "Nutrition Facts", "nutrition facts"),
    (rf"(?<![\w])(?:{_spaced('valeur nutritive')})(?![\w])", "Valeur nutritive", "valeur nutritive"),
    (rf"(?<![\w])(?:{_spaced('best before')})(?![\w])", "Best before", "best before"),
    (rf"(?<![\w])(?:{_spaced('meilleur avant')})(?![\w])", "Meilleur avant", "meilleur avant"),
    (r"(?<![\w])c[o0]nt[a4@][il1!|]ns(?=\s*:)", "Contains", "contains"),
    (r"(?<![\w])c[o0]nt[a4@][il1!|]n(?=\s*:)", "Contain", "contain"),
    (r"(?<![\w])c[o0]nt[il1!|][eé3]nt(?=\s*:)", "Contient", "contient"),
    (r"(?<=peut )c[o0]nt[eé3]n[il1!|]r(?![\w])", "contenir", "contenir"),
    (rf"(?<![\w])(?:{_spaced('ingredients')}|{_spaced('ingredient')})(?=\s*:)", "Ingredients", "ingredient"),
    *((rf"(?<![\w]){_confusable(word)}(?![\w])", word, word) for word in _TABLE_WORDS),
)
# A line squashed for the test above: lower case, without spaces, and each OCR confusion the patterns read
# (i l 1 ! | as one letter, o 0, e é 3, a 4 @) as one letter. re.IGNORECASE also matches "ı" and "ſ" for i and s,
# and "İ" lowers to i plus a combining dot. Any text a repair's pattern matches holds its squashed word, so a line
# that does not is spared that pattern's substitution (the result is the same: it could not have matched).
_SQUASH = str.maketrans(
    {"l": "i", "1": "i", "!": "i", "|": "i", "ı": "i", "0": "o", "é": "e", "3": "e", "4": "a", "@": "a", "ſ": "s"}
    | {"\u0307": None}
)


def _squashed(text: str) -> str:
    return "".join(text.lower().translate(_SQUASH).split())


_KEYWORD_REPAIRS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), word, _squashed(letters)) for pattern, word, letters in _REPAIRED_WORDS
)
# Most lines hold none of them: one search for any of them spares those lines a substitution per title word.
_ANY_KEYWORD = re.compile("|".join(f"(?:{pattern})" for pattern, _, _ in _REPAIRED_WORDS), re.IGNORECASE)
_CONFUSABLE_CAPITALS = "l1!|"


def _keyword_case(found: str, word: str) -> str:
    """The repaired word in the case it was printed in."""
    letters = [ch for ch in found[1:] if ch.isalpha() and ch not in _CONFUSABLE_CAPITALS]
    if letters and all(ch.isupper() for ch in letters):
        return word.upper()
    if found[:1].islower() and found[:1] not in _CONFUSABLE_CAPITALS:
        return word.lower()
    return word[:1].upper() + word[1:]


def _repair_keyword(pattern: re.Pattern[str], word: str, text: str) -> str:
    """The text with each match of one repair's pattern written as its word (a title already right is kept)."""

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        canonical = word
        if word == "Ingredients":
            if " " not in found.strip():
                return found  # the list title regex reads l/1/I confusions itself and keeps them as printed
            canonical = "Ingrédient" if "é" in found.lower() else "Ingredient"
            canonical += "s" if found[-1:] in "sS5" else ""
        if fold_same_length(found).replace(" ", "") == fold_same_length(canonical).replace(" ", "") and (
            found.count(" ") == canonical.count(" ")
        ):
            return found  # already right: keep the printed case and accents
        return _keyword_case(found, canonical)

    return pattern.sub(replace, text)


def _repair_keywords(text: str) -> str:
    if not _ANY_KEYWORD.search(text):
        return text
    squashed = _squashed(text)
    for pattern, word, letters in _KEYWORD_REPAIRS:
        if letters in squashed:
            repaired = _repair_keyword(pattern, word, text)
            if repaired != text:
                text, squashed = repaired, _squashed(repaired)
    return text


def clean_text(raw: str) -> str:
    """Remove what OCR adds around the words, keep every word and number as read (section titles
    that OCR misread are repaired, since the parsers find sections by their titles)."""
    text = _STRAY.sub(" ", raw)
    text = text.replace("’", "'").replace("‘", "'")
    # Unicode hyphens read as the ASCII one; a soft hyphen shows only where the line breaks
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub("\u00ad(?=\\s*$)", "-", text).replace("\u00ad", "")
    text = _EDGE_BULLETS.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _ZERO_IN_WORD.sub(_repair_zero, text)
    text = _LETTER_O_IN_NUMBER.sub("0", text)
    text = _repair_keywords(text)
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
# The longest word a line-end hyphen is judged on: only the end of the joined text is looked at, so each join
# costs the same however long the text before it (a longer "word" is not one a vocabulary can tell about).
_MAX_WORD = 64
_WORD_END = re.compile(rf"([A-Za-zÀ-ÿ0-9]{{1,{_MAX_WORD}}})-$")
_WORD_START = re.compile(rf"^([A-Za-zÀ-ÿ0-9]{{1,{_MAX_WORD}}})")
_VOCABULARY_WORDS = re.compile(r"[a-z0-9à-ÿ]+(?:-[a-z0-9à-ÿ]+)*")


@functools.lru_cache(maxsize=8)
def _vocabulary_index(vocabulary: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded words of the label, and its hyphenated word pairs ("peanut-free"), built once per label.

    Looking a join up in these sets costs the same however long the label is (a substring search of the whole
    label per join made a long label quadratic).
    """
    words: set[str] = set()
    pairs: set[str] = set()
    for token in _VOCABULARY_WORDS.findall(fold_same_length(vocabulary)):
        parts = token.split("-")
        words.update(parts)
        pairs.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
    return frozenset(words), frozenset(pairs)


def join_texts(texts: list[str], vocabulary: str = "") -> str:
    """Join wrapped lines into one string, undoing end-of-line hyphenation unless the hyphen is part
    of the word (glucose-fructose, peanut-free): the rest of the label (vocabulary) breaks the tie."""
    return join_with_bounds(texts, vocabulary)[0]


def join_with_bounds(texts: list[str], vocabulary: str = "") -> tuple[str, list[int]]:
    """join_texts, and for each text the length of the join up to and including it (where its line ends).

    Linear in the total length: each join looks only at the end of what is joined so far.
    """
    words, pairs = _vocabulary_index(vocabulary)
    parts: list[str] = []
    bounds: list[int] = []
    length = 0
    tail = ""  # the last characters of the join: all a join decision looks at
    for text in texts:
        text = text.strip()
        if text:
            if not parts:
                parts.append(text)
                length, tail = len(text), text[-(_MAX_WORD + 2) :]
            else:
                end = _WORD_END.search(tail)
                start = _WORD_START.search(text)
                keep = True
                if end and start and not tail.endswith(" -"):
                    keep = _keeps_hyphen(end.group(1), start.group(1), words, pairs)
                    separator = ""
                else:
                    separator = " "
                if not keep:
                    parts[-1] = parts[-1][:-1]
                    length -= 1
                    tail = tail[:-1]
                parts.append(separator + text)
                length += len(separator) + len(text)
                tail = (tail + separator + text)[-(_MAX_WORD + 2) :]
        bounds.append(length)
    return "".join(parts), bounds


def _keeps_hyphen(left: str, right: str, words: frozenset[str], pairs: frozenset[str]) -> bool:
    joined = fold_same_length(left + right)
    return (
        fold_same_length(left + "-" + right) in pairs
        or fold_same_length(left) in _KEEP_HYPHEN_LEFT
        or fold_same_length(right) in _KEEP_HYPHEN_RIGHT
        or right[:1].isupper()
    ) and joined not in words
