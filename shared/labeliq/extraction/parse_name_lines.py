"""Front-panel lines as name pieces: "EN / FR" halves with their language, and names wrapped over
lines joined back into one ("Stone Ground Whole Wheat / Crackers"), so the whole name is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, fold_same_length, join_texts
from labeliq.models import Language


def letters_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


PIECE_SPLIT = re.compile(r"\s+/\s+|\s*\|\s*")
_CONTINUES = re.compile(
    r"(?:[,&\-]|\b(?:and|or|of|in|with|et|ou|de|du|des|au|aux|a|à|avec|en|la|le|les|sur|pour))$", re.IGNORECASE
)
_MAX_NAME_LINES = 3


@dataclass
class Piece:
    lines: list[SourceLine]
    text: str
    language: Language


def split_pieces(lines: list[SourceLine], positions: list[int]) -> list[Piece]:
    """Each candidate line cut at "EN / FR" separators, with the language of each half."""
    out: list[Piece] = []
    for position in positions:
        line = lines[position]
        for part in (part.strip() for part in PIECE_SPLIT.split(line.text)):
            if part:
                out.append(Piece([line], part, guess_language(part)))
    return out


def _adjacent(lines: list[SourceLine], previous: SourceLine, following: SourceLine) -> bool:
    """The two lines follow each other in the stream with no blank line between them."""
    try:
        first = next(i for i, line in enumerate(lines) if line is previous)
        second = next(i for i, line in enumerate(lines) if line is following)
    except StopIteration:
        return False
    return second == first + 1


def join_wrapped(lines: list[SourceLine], pieces: list[Piece], first_is_candidate_start: bool) -> list[Piece]:
    """A name that wraps over lines is one name: a piece continues the one before it when both are
    whole lines next to each other and it is in the same language, starts in lower case, or the line
    before ends on a connecting word ("Craquelins de blé entier / moulu sur pierre")."""
    out: list[Piece] = []
    for piece in pieces:
        if out:
            previous = out[-1]
            whole_lines = piece.text == piece.lines[0].text and previous.text.endswith(previous.lines[-1].text)
            languages = {previous.language, piece.language}
            same_language = len(languages) == 1 and languages <= {"en", "fr"}
            known_next = piece.language in ("unknown", "bilingual") and previous.language in ("en", "fr")
            strong = piece.text[:1].islower() or bool(_CONTINUES.search(previous.text))
            # the first line of the front, in its own case, is more often a brand above the name than
            # the first half of a wrapped name: only a sentence that visibly runs on is joined to it
            weak_allowed = (previous is not out[0] or not first_is_candidate_start) and _name_tail(
                previous.text, piece.text
            )
            continues = strong or (
                weak_allowed
                and (same_language or (known_next and _followed_by_other_language(pieces, piece, previous.language)))
            )
            if (
                whole_lines
                and continues
                and len(previous.lines) < _MAX_NAME_LINES
                and _adjacent(lines, previous.lines[-1], piece.lines[0])
                and not (piece.language in ("en", "fr") and previous.language in ("en", "fr") and not same_language)
            ):
                text = join_texts([previous.text, piece.text])
                language = previous.language if previous.language in ("en", "fr") else guess_language(text)
                out[-1] = Piece([*previous.lines, *piece.lines], text, language)
                continue
        out.append(piece)
    return out


_SENTENCE_WORDS = re.compile(
    r"\b(?:with|made|no|now|contains?|source|good|excellent|free|per|avec|fait|faits|faite|sans|contient|pour"
    r"|bonne|excellente|maintenant)\b"
)


def _name_tail(previous: str, following: str) -> bool:
    """A capitalised line may end a name wrapped from the line above ("Cream of Mushroom" / "Soup") when
    it is short, printed in the same case, and reads as a noun, not a descriptor ("Made with whole grain")."""
    if letters_all_caps(previous) != letters_all_caps(following):
        return False
    return len(following.split()) <= 3 and not _SENTENCE_WORDS.search(fold_same_length(following))


def stacked_block_start(pieces: list[Piece], pair: int) -> int:
    """Where the name starts when the front prints one language's block, then the other's, each as
    a name and the same number of descriptor lines ("Sesame Crackers / Made with whole grain" above
    "Craquelins au sésame / Faits de grains entiers"): the adjacent pair found is the last line of the
    first block and the first of the second, and the name is the first line of each block."""
    language = pieces[pair].language
    start = pair
    while start > 0 and pieces[start - 1].language == language:
        start -= 1
    before = pair - start + 1
    after = 0
    while pair + 1 + after < len(pieces) and pieces[pair + 1 + after].language == pieces[pair + 1].language:
        after += 1
    return start if before == after and before >= 2 else pair


def join_symmetric_wrap(lines: list[SourceLine], pieces: list[Piece]) -> list[Piece]:
    """Two single lines in one language first on the front, followed by the other language's name
    wrapped over two lines, are that name wrapped the same way, not a brand above a one-line name."""
    if len(pieces) < 3:
        return pieces
    first, second, third = pieces[:3]
    if (
        len(first.lines) == 1
        and len(second.lines) == 1
        and first.text == first.lines[0].text
        and second.text == second.lines[0].text
        and first.language == second.language
        and first.language in ("en", "fr")
        and third.language in ("en", "fr")
        and third.language != first.language
        and len(third.lines) >= 2
        and _adjacent(lines, first.lines[0], second.lines[0])
    ):
        joined = Piece([first.lines[0], second.lines[0]], join_texts([first.text, second.text]), first.language)
        return [joined, *pieces[2:]]
    return pieces


def _followed_by_other_language(pieces: list[Piece], piece: Piece, language: Language) -> bool:
    index = next(i for i, p in enumerate(pieces) if p is piece)
    following = pieces[index + 1] if index + 1 < len(pieces) else None
    other = "fr" if language == "en" else "en"
    return following is not None and following.language == other
