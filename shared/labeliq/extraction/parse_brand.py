"""Telling the brand from the common name on the principal display panel.

A brand, trade or coined name is not a common name (CFIA ILT, common name): a front that shows only a
brand, the net quantity and claims has no common name. The brand is recognised by a trade-mark sign,
by being the start of the dealer's company name, by being a short all-capitals line without a food
word, or by being made of words that come back nowhere else on the label. Size and novelty tags
("New! / Nouveau!", "Family size") are neither brand nor name.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

from labeliq.extraction.language import guess_language, has_listed_words
from labeliq.extraction.lines import SourceLine, fold_same_length
from labeliq.extraction.parse_name_lines import PIECE_SPLIT, Piece, letters_all_caps
from labeliq.lexicons import load

TRADEMARK = re.compile(r"[®™©]|\(r\)|\(tm\)", re.IGNORECASE)


@cache
def _tag_patterns() -> tuple[re.Pattern[str], ...]:
    tags = cast(dict[str, Any], load("claim_words"))["front_tags"]
    return tuple(re.compile(rf"^(?:{pattern})$") for language in ("en", "fr") for pattern in tags[language])


def is_front_tag(text: str) -> bool:
    """ "New! / Nouveau!", "Family size", "Format familial": each half is a marketing tag, not a name."""
    parts = [part for part in PIECE_SPLIT.split(text) if part.strip()]
    if not parts:
        return False
    for part in parts:
        folded = re.sub(r"[^\w%$ .-]+", " ", fold_same_length(part))
        folded = re.sub(r"\s+", " ", folded).strip(" .-")
        if not any(pattern.match(folded) for pattern in _tag_patterns()):
            return False
    return True


def _company_brand(text: str, company_lines: list[str]) -> bool:
    """The line is the start of a company name printed on the label ("Prairie Crisp" and "Prairie Crisp
    Snacks Ltd."), or shares that name's distinctive first word ("Northern Harvest", "Northern Foods Inc.")."""
    folded = fold_same_length(text).strip(" .,®™")
    if not folded:
        return False
    first = folded.split()[0]
    for company in company_lines:
        company_folded = fold_same_length(company).strip()
        if company_folded.startswith(folded + " ") or company_folded.split(",")[0].strip(" .") == folded:
            return True
        company_first = company_folded.split()[0] if company_folded.split() else ""
        if len(first) >= 4 and first == company_first and guess_language(text) in ("unknown", "other"):
            return True
        # French company names put the kind of business first ("Laiterie Rivière-Rouge inc.",
        # "Charcuterie Boréale Ltée"): an all-capitals line of no food word inside the name is its brand
        if (
            letters_all_caps(text)
            and not has_listed_words(text)
            and re.search(rf"(?<![\w-]){re.escape(folded)}(?![\w-])", company_folded)
        ):
            return True
    return False


def is_brand(line: SourceLine, company_lines: list[str], rank: int) -> bool:
    """A brand is printed first (or right after a tag), and is known by a trade-mark sign, by being
    the start of the dealer's name, or by being a short all-capitals line without a food word."""
    text = line.text.strip()
    if not fold_same_length(text).strip(" .,®™"):
        return False
    if TRADEMARK.search(text):
        return True
    if rank > 1:
        return False
    if _company_brand(text, company_lines):
        return True
    short = len(text.split()) <= 4 and len(text) <= 32
    # accents alone ("BORÉALE") make a line look French, but a brand has no food or labelling word
    return rank == 0 and short and letters_all_caps(text) and not has_listed_words(text)


def looks_coined(text: str, vocabulary: str) -> bool:
    """A title-case line of capitalised words, none of them a food word known to the language lexicon
    nor found anywhere else on the label: a brand printed alone, not the name of the food (whose
    words come back in the ingredient list)."""
    words = re.findall(r"[A-Za-zÀ-ÿ']+", text)
    if len(words) < 2 or len(words) > 4 or not all(word[:1].isupper() for word in words):
        return False
    if guess_language(text) != "unknown":
        return False
    folded_vocabulary = fold_same_length(vocabulary)
    return not any(
        len(word) >= 4 and re.search(rf"\b{re.escape(fold_same_length(word))}", folded_vocabulary) for word in words
    )


def first_is_coined(lines: list[SourceLine], candidates: list[int], pieces: list[Piece], vocabulary: str) -> bool:
    """The first line of the front reads as a coined brand ("Harvest Table" above "Soupe aux tomates"):
    a whole line, of no known food word, sharing no word with the rest of the front or the label.
    A name in the other language usually shares a word with it ("Pita Bread", "Pain pita")."""
    first = pieces[0]
    if first.language != "unknown" or first.text != first.lines[0].text:
        return False
    if first.lines[0] is not lines[candidates[0]]:
        return False
    others = "\n".join(piece.text for piece in pieces[1:])
    return looks_coined(first.text, f"{vocabulary}\n{others}")
