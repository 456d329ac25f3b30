"""Split a panel into blocks and pull side-by-side English and French columns apart.

OCR reads a two-column bilingual panel across both columns, so one line holds the end of an English
sentence and the start of the French one ("Ingredients: Water, sugar,     Ingrédients : Eau, sucre,").
Parsers need each language as its own run of lines, so a block whose lines split into an English half
and a French half at a wide gap is rewritten as its left column followed by its right column.
Nutrition Facts tables are never split: their wide gaps separate amounts from %DV, not languages.
"""

from __future__ import annotations

import re
from statistics import median

from labeliq.extraction.language import guess_language, language_scores
from labeliq.extraction.lines import SourceLine, clean_text, fold_same_length
from labeliq.extraction.titles import nft_heading
from labeliq.models import Panel

_GAP = re.compile(r"(?:[ \t]{3,}|\t+| ?[|¦] ?(?=\S))")
# Words of a table other than its title; the title counts only as a heading (titles.nft_heading), not in a sentence
_NFT_MARKERS = re.compile(
    r"daily\s*value|valeur\s*quotidienne|supplemented\s*food\s*facts"
    r"|or\s*less\s*is\s*a\s*little|ou\s*moins\s*c'est\s*peu|% ?dv\b|% ?vq\b"
)
_SFFT_TITLE = re.compile(r"supplemented\s*food\s*facts")
_NFT_END = re.compile(r"or\s*more\s*is\s*a\s*lot|c'est\s*beaucoup|not\s*a\s*significant\s*source|source\s*negligeable")
_COLUMN_TOLERANCE = 10
# side by side: English and French, or either official language next to a third one (Spanish, Italian)
_COLUMN_LANGUAGES = ({"en", "fr"}, {"en", "other"}, {"fr", "other"})
_MAX_COLUMNS = 4


class _Cleaned(dict[str, str]):
    """One panel's lines cleaned once each (labeliq.extraction.lines.clean_text): the segmenter looks at a line's
    cleaned text several times (title joins, table cuts, table test, the line itself)."""

    def __missing__(self, raw: str) -> str:
        self[raw] = cleaned = clean_text(raw)
        return cleaned

    def line(self, panel: str, index: int, raw: str, column: int | None = None) -> SourceLine:
        """make_line, with the cleaned text looked up."""
        return SourceLine(panel=panel, index=index, raw=raw.rstrip(), text=self[raw], column=column)


def panel_lines(panel: Panel) -> list[SourceLine]:
    """The panel's lines in reading order; blank lines kept as block separators."""
    raw_lines = panel.text.splitlines()
    cleaned = _Cleaned()
    out: list[SourceLine] = []
    for block in _blocks(raw_lines, cleaned):
        if out:
            out.append(SourceLine(panel.name, block[0][0], "", ""))
        out.extend(_read_block(panel.name, block, cleaned))
    return out


def _blocks(raw_lines: list[str], cleaned: _Cleaned) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines; a Nutrition Facts run ends at its footnote even without a blank line."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, raw in enumerate(raw_lines):
        if not raw.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if current and _split_title(current[-1][1], raw, cleaned):
            current[-1] = (current[-1][0], f"{current[-1][1].rstrip()} {raw.strip()}")
            continue
        current.append((index, raw))
    if current:
        blocks.append(current)
    out: list[list[tuple[int, str]]] = []
    for block in blocks:
        out.extend(_split_after_table(block, cleaned))
    return out


_TITLE_HEADS = {"nutrition": "facts", "valeur": "nutritive", "valeurs": "nutritives"}


def _split_title(previous: str, raw: str, cleaned: _Cleaned) -> bool:
    """ "Nutrition" and "Facts" (or "Valeur" / "nutritive") read as two lines are one table title."""
    head = fold_same_length(cleaned[previous]).strip(" .:")
    tail = fold_same_length(cleaned[raw]).strip()
    return head in _TITLE_HEADS and tail.startswith(_TITLE_HEADS[head])


def _split_after_table(block: list[tuple[int, str]], cleaned: _Cleaned) -> list[list[tuple[int, str]]]:
    """Cut the block before a table title and after the table's footnote, so the table stands alone."""
    folded = [fold_same_length(cleaned[raw]) for _, raw in block]
    if not any(_is_table_text(text) for text in folded):
        return [block]
    title = next((i for i, text in enumerate(folded) if nft_heading(text) or _SFFT_TITLE.search(text)), None)
    if title is not None and title > 0:
        return [block[:title], *_split_after_table(block[title:], cleaned)]
    last_end = max((i for i, text in enumerate(folded) if _NFT_END.search(text)), default=-1)
    if last_end < 0 or last_end == len(block) - 1:
        return [block]
    # the footnote or the "not a significant source" sentence may wrap onto more lines
    cut = last_end + 1
    while cut < len(block) and (
        _NFT_END.search(folded[cut])
        or (not block[cut - 1][1].rstrip().endswith(".") and block[cut][1].strip()[:1].islower())
    ):
        cut += 1
    if cut >= len(block):
        return [block]
    return [block[:cut], *_split_after_table(block[cut:], cleaned)]


def _is_table_text(folded: str) -> bool:
    return bool(_NFT_MARKERS.search(folded)) or nft_heading(folded)


def _is_table_block(block: list[tuple[int, str]], cleaned: _Cleaned) -> bool:
    return any(_is_table_text(fold_same_length(cleaned[raw])) for _, raw in block)


def _two_language_split(raw: str) -> int | None:
    """Where the line's right column starts, if its two halves read as English and French."""
    best: int | None = None
    for gap in _GAP.finditer(raw):
        left, right = raw[: gap.start()], raw[gap.end() :]
        if not left.strip() or not right.strip():
            continue
        langs = {guess_language(left), guess_language(right)}
        if langs in _COLUMN_LANGUAGES:
            best = gap.end()
            break
    return best


def _language_boundary(text: str) -> int | None:
    """Where a line without a wide gap switches from one official language to the other, if it does."""
    words = list(re.finditer(r"\S+", text))
    best: tuple[float, int] | None = None
    for k in range(1, len(words)):
        cut = words[k].start()
        en_l, fr_l, _ = language_scores(text[:cut])
        en_r, fr_r, _ = language_scores(text[cut:])
        for score in ((en_l - fr_l) + (fr_r - en_r), (fr_l - en_l) + (en_r - fr_r)):
            differs = (en_l > fr_l) != (en_r > fr_r) and min(abs(en_l - fr_l), abs(en_r - fr_r)) >= 1
            if differs and (best is None or score > best[0]):
                best = (score, cut)
    return best[1] if best and best[0] >= 2 else None


def _read_block(panel: str, block: list[tuple[int, str]], cleaned: _Cleaned, first_column: int = 0) -> list[SourceLine]:
    """The block's lines, its left column first; a right column that itself holds two languages side
    by side (English, French and Spanish in three columns) is split again."""
    if _is_table_block(block, cleaned) or len(block) == 0:
        return [cleaned.line(panel, index, raw) for index, raw in block]
    splits = [(index, raw, _two_language_split(raw)) for index, raw in block]
    starts = [cut for _, _, cut in splits if cut is not None]
    if len(starts) == 1 and len(block) > 2 and first_column == 0:
        # one "6 bars | 6 barres" line is a pair printed inline, not two columns running down the block
        inline, at = next((raw, cut) for _, raw, cut in splits if cut is not None)
        if "|" in inline[: at or 0] or "¦" in inline[: at or 0]:
            starts = []
    if not starts:
        if first_column == 0:
            return [cleaned.line(panel, index, raw) for index, raw in block]
        return [cleaned.line(panel, index, raw.strip(), first_column) for index, raw in block]
    column = int(median(starts))
    right_language = _right_language(splits)
    left: list[SourceLine] = []
    right: list[tuple[int, str]] = []
    for index, raw, cut in splits:
        if cut is None:
            cut = _nearest_gap(raw, column)
        if cut is None:
            indent = len(raw) - len(raw.lstrip())
            in_right_column = indent >= column - _COLUMN_TOLERANCE and indent > 0
            # OCR that does not keep positions gives a right-column-only line no indent: its language tells
            if in_right_column or (indent == 0 and guess_language(raw) == right_language):
                right.append((index, raw.strip()))
                continue
            if len(raw.rstrip()) > column + _COLUMN_TOLERANCE:
                boundary = _language_boundary(raw)
                if boundary is not None:
                    left.append(cleaned.line(panel, index, raw[:boundary], first_column))
                    right.append((index, raw[boundary:].strip()))
                    continue
            left.append(cleaned.line(panel, index, raw, first_column))
            continue
        if raw[:cut].strip():
            left.append(cleaned.line(panel, index, raw[:cut].rstrip(), first_column))
        right.append((index, raw[cut:].strip()))
    separator = SourceLine(panel, block[-1][0], "", "")
    if first_column + 2 < _MAX_COLUMNS:
        right_lines = _read_block(panel, right, cleaned, first_column + 1)
    else:
        right_lines = [cleaned.line(panel, index, raw, first_column + 1) for index, raw in right]
    return [*left, separator, *right_lines]


def _right_language(splits: list[tuple[int, str, int | None]]) -> str:
    """The language of the right column, from the lines whose halves were told apart."""
    votes: list[str] = [guess_language(raw[cut:]) for _, raw, cut in splits if cut is not None]
    return max(("fr", "en", "other"), key=votes.count)


def _nearest_gap(raw: str, column: int) -> int | None:
    """The wide gap that ends nearest the column start found on the other lines of the block; a line
    with a single wide gap splits there, wherever it is (OCR rows do not keep the column's position)."""
    gaps = [g for g in _GAP.finditer(raw) if raw[: g.start()].strip() and raw[g.end() :].strip()]
    if len(gaps) == 1:
        return gaps[0].end()
    best: int | None = None
    for gap in gaps:
        if abs(gap.end() - column) <= _COLUMN_TOLERANCE and (
            best is None or abs(gap.end() - column) < abs(best - column)
        ):
            best = gap.end()
    return best
