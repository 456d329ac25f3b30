"""Irradiation statements (FDR B.01.035), sweetener statements (FDR B.16.017-B.16.019) and the
front-of-package "High in / Élevé en" symbol text (FDR B.01.350-B.01.357), as printed."""

from __future__ import annotations

import re

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, join_texts, provenance
from labeliq.models import TextFact

_IRRADIATION = re.compile(
    r"\birradiat(?:ed|ion)\b|\btreated\s+(?:with|by)\s+(?:radiation|irradiation)\b|\btraite(?:e|s|es)?\s+par\s+"
    r"(?:irradiation|ionisation)\b|\birradie(?:e|s|es)?\b|\bionise(?:e|s|es)?\b|\bdo\s+not\s+irradiate\b"
    r"|\bne\s+pas\s+irradier\b"
)
_SWEETENER = re.compile(
    r"\bas\s+sweet\s+as\b|\baussi\s+sucre(?:e|s|es)?\s+que\b|\bmeme\s+pouvoir\s+sucrant\b|\bpouvoir\s+sucrant\b"
    r"|\bsweetness\s+(?:of|equivalent)\b|\d+(?:[.,]\d+)?\s?g\s+(?:of\s+|de\s+|d')?(?:polydextrose|erythritol)"
    r"|(?:polydextrose|erythritol)\b[^.]{0,40}?\d+(?:[.,]\d+)?\s?g\b"
)
_FOP_HEAD = re.compile(r"\bhigh\s+in\b|\beleve\s+en\b")
_FOP_AUTHORITY = re.compile(r"health\s+canada|sante\s+canada")
_FOP_WORDS = re.compile(
    r"^(?:\W|high\s+in|eleve\s+en|sat\.?\s*fat|gras\s+sat\.?|saturated\s+fat|sugars?|sucres|sodium|health\s+canada"
    r"|sante\s+canada|and|et)*$"
)


def find_irradiation(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[TextFact]:
    return _find_sentences(lines, consumed, vocabulary, _IRRADIATION)


def find_sweetener_statements(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[TextFact]:
    return _find_sentences(lines, consumed, vocabulary, _SWEETENER)


def _find_sentences(
    lines: list[SourceLine], consumed: set[int], vocabulary: str, pattern: re.Pattern[str]
) -> list[TextFact]:
    found: list[TextFact] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if position in consumed or line.blank:
            position += 1
            continue
        start, end = position, position + 1
        while (
            end < len(lines)
            and not lines[end].blank
            and end not in consumed
            and not lines[end - 1].text.endswith(".")
            and lines[end].text[:1].islower()
        ):
            end += 1
        block = lines[start:end]
        text = join_texts([b.text for b in block], vocabulary)
        if not pattern.search(fold_same_length(text)):
            position += 1
            continue
        # "Irradiated / Irradié" is two statements, one per language; a half without the words is dropped
        parts = [part.strip() for part in re.split(r"\s+/\s+", text) if part.strip()]
        for part in [p for p in parts if pattern.search(fold_same_length(p))] or [text]:
            found.append(
                TextFact(text=part, language=guess_language(part), evidence=evidence(block), source=provenance(block))
            )
        consumed.update(range(start, end))
        position = end
    return found


def find_fop_symbol(lines: list[SourceLine], consumed: set[int]) -> list[TextFact]:
    """The nutrition symbol's words: "High in / Élevé en", the nutrients, "Health Canada / Santé Canada"."""
    found: list[TextFact] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        folded = fold_same_length(line.text)
        if position in consumed or line.blank or not _FOP_HEAD.search(folded):
            position += 1
            continue
        end = position + 1
        authority = bool(_FOP_AUTHORITY.search(folded))
        while end < len(lines) and end - position <= 8 and end not in consumed:
            text = fold_same_length(lines[end].text)
            if lines[end].blank:
                end += 1
                continue
            if not _FOP_WORDS.match(text.strip()):
                break
            authority = authority or bool(_FOP_AUTHORITY.search(text))
            end += 1
            if authority:
                break
        while end > position + 1 and lines[end - 1].blank:
            end -= 1
        block = [b for b in lines[position:end] if not b.blank]
        whole = " ".join(fold_same_length(b.text) for b in block)
        if not authority and not _FOP_WORDS.match(whole):
            position += 1
            continue
        text = " ".join(b.text for b in block)
        found.append(
            TextFact(text=text, language=guess_language(text), evidence=evidence(block), source=provenance(block))
        )
        consumed.update(range(position, end))
        position = end
    return found
