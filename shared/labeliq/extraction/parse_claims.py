"""Claims in the free text of the label (nutrient content, health, natural, kosher, halal, organic,
homemade, artisan, gluten-free, allergen-free, GE, raising, origin, sweetener), with the certifying
body printed near a halal, kosher or organic claim (FDR B.01.050, SFCR 354).

The claim words live in lexicons/data/claim_words.json; this module only finds them in clauses.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, fold_same_length, provenance
from labeliq.extraction.paragraphs import Clause, clauses, paragraphs
from labeliq.lexicons import load
from labeliq.models import Claim, ClaimKind, Language

_HEBREW = re.compile(r"[\u0590-\u05ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CERTIFIED_KINDS = ("halal", "kosher", "organic")
# A food's name followed by its fortification ("Oat beverage with added calcium", "Boisson d'avoine enrichie de
# calcium") is still a common name: the fortification words do not make the line "mostly claim".
_NAME_THEN_FORTIFICATION = re.compile(
    r"^\w.*?\s(?:with added|enriched with|fortified with|(?:enrichi|fortifie|additionne)e?s? (?:de|en|avec|d'))\s"
)


@cache
def _patterns() -> tuple[tuple[ClaimKind, Language, re.Pattern[str]], ...]:
    data = cast(dict[str, Any], load("claim_words"))
    nutrients: dict[str, str] = data["nutrients"]
    out: list[tuple[ClaimKind, Language, re.Pattern[str]]] = []
    for kind, by_language in data["claims"].items():
        for language, patterns in by_language.items():
            for pattern in patterns:
                expanded = pattern.replace("NUTRIENTS", nutrients[language])
                out.append((cast(ClaimKind, kind), cast(Language, language), re.compile(expanded)))
    return tuple(out)


@cache
def _certifier_patterns() -> tuple[re.Pattern[str], ...]:
    data = cast(dict[str, Any], load("claim_words"))
    return tuple(re.compile(p) for patterns in data["certifier"].values() for p in patterns)


def certifier_in(text: str) -> str:
    """The certifying body named in the text ("Certified Halal by X" gives "X"), as printed."""
    folded = fold_same_length(text)
    for pattern in _certifier_patterns():
        match = pattern.search(folded)
        if match:
            name = text[match.start(1) : match.end(1)]
            name = re.split(r"\s+/\s+|(?<=[a-z)])\.\s", name)[0]
            return name.strip(" .:;,")
    return ""


def match_claims(text: str) -> list[tuple[ClaimKind, Language, int, int]]:
    """Each claim kind found in the text, the language of the words that matched, and the span."""
    folded = fold_same_length(text)
    found: dict[ClaimKind, tuple[set[Language], int, int]] = {}
    for kind, language, pattern in _patterns():
        match = pattern.search(folded)
        if match is None:
            continue
        languages, start, end = found.get(kind, (set(), match.start(), match.end()))
        languages.add(language)
        found[kind] = (languages, min(start, match.start()), max(end, match.end()))
    if _HEBREW.search(text) and "kosher" not in found:
        found["kosher"] = ({"other"}, 0, len(text))
    if _ARABIC.search(text) and "halal" not in found:
        found["halal"] = ({"other"}, 0, len(text))
    out: list[tuple[ClaimKind, Language, int, int]] = []
    for kind, (languages, start, end) in found.items():
        if len(languages) == 1:
            language = next(iter(languages))
        else:
            guessed = guess_language(text)
            language = guessed if guessed in ("en", "fr") else "bilingual"
        out.append((kind, language, start, end))
    return out


def find_claims(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> tuple[list[Claim], set[int], set[int]]:
    """Claims in the free text; also the stream positions of claim lines, and of lines that are mostly
    claim wording (those cannot be the common name; "Organic Granola" still can)."""
    claims: list[Claim] = []
    mostly_claim: set[int] = set()
    claim_lines: set[int] = set()
    all_clauses = [clause for run in paragraphs(lines, consumed) for clause in clauses(lines, run, vocabulary)]
    for clause in all_clauses:
        for kind, language, start, end in match_claims(clause.text):
            certifier = _nearby_certifier(clause, all_clauses) if kind in _CERTIFIED_KINDS else ""
            claims.append(
                Claim(
                    kind=kind, text=clause.text, language=language, certifier=certifier, source=provenance(clause.lines)
                )
            )
            claim_lines.update(clause.positions)
            if (end - start) >= 0.5 * len(clause.text) and not _NAME_THEN_FORTIFICATION.match(
                fold_same_length(clause.text)
            ):
                mostly_claim.update(clause.positions)
    return claims, claim_lines, mostly_claim


def share_certifiers(claims: list[Claim]) -> list[Claim]:
    """A certifier printed once on the label (back panel) counts for the same claim elsewhere (front)."""
    named = {claim.kind: claim.certifier for claim in claims if claim.certifier}
    return [
        claim.model_copy(update={"certifier": named[claim.kind]})
        if not claim.certifier and claim.kind in named
        else claim
        for claim in claims
    ]


def _nearby_certifier(clause: Clause, all_clauses: list[Clause]) -> str:
    """The certifier in the claim itself, else in a clause within three lines of it."""
    name = certifier_in(clause.text)
    if name:
        return name
    low, high = min(clause.positions), max(clause.positions)
    for other in all_clauses:
        if other is not clause and min(other.positions) <= high + 3 and max(other.positions) >= low - 3:
            name = certifier_in(other.text)
            if name:
                return name
    return ""
