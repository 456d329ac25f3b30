"""Identity on the principal display panel: brand, common name (EN and FR) and net quantity.

The common name is what is left on the front once the brand, the net quantity, claims, the nutrition
symbol and counts are set aside; the brand is recognised because it starts the dealer's company name
or is set apart (all capitals, a trade-mark sign) above the name (CFIA ILT: a brand is not a common name).
"""

from __future__ import annotations

import re

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, provenance
from labeliq.models import Language, TextFact

_NET_QUANTITY = re.compile(
    r"(?<![\w.,/])((?:\d+(?:[.,]\d+)?|\d+\s*/\s*\d+|[½¼¾])\s?(?:kg|KG|Kg|g|G|mL|ml|ML|mℓ|L|l|ℓ)"
    r"(?:\s*\(?\s*\d+(?:[.,]\d+)?\s*(?:U\.?S\.?\s*)?(?:fl\.?\s*oz|oz|lbs?)\.?\s*\)?)?)(?![\w])"
)
_COUNT_OR_DIGITS = re.compile(r"^\W*\d")
_MARKETING = re.compile(r"^\W*(?:new|nouveau|nouvelle|improved|ameliore|ameliore|now|maintenant)\b\W*$")
_TRADEMARK = re.compile(r"[®™©]|\(r\)|\(tm\)", re.IGNORECASE)


def find_net_quantity(lines: list[SourceLine], consumed: set[int], claims: set[int]) -> list[TextFact]:
    """Metric quantities on lines no other parser took (claim lines such as "5 g of protein" excluded)."""
    found: list[TextFact] = []
    for position, line in enumerate(lines):
        if position in consumed or position in claims or line.blank:
            continue
        for match in _NET_QUANTITY.finditer(line.text):
            found.append(
                TextFact(
                    text=match.group(1).strip(),
                    language="bilingual",
                    evidence=evidence([line]),
                    source=provenance([line]),
                )
            )
            consumed.add(position)
    return found


def _is_brand(line: SourceLine, company_lines: list[str], rank: int, candidates_after: int) -> bool:
    folded = fold_same_length(line.text).strip(" .,®™")
    if not folded:
        return False
    if rank <= 1 and candidates_after >= 1:
        for company in company_lines:
            company_folded = fold_same_length(company).strip()
            if company_folded.startswith(folded + " ") or company_folded.split(",")[0].strip(" .") == folded:
                return True
    if _TRADEMARK.search(line.text):
        return True
    letters = [ch for ch in line.text if ch.isalpha()]
    all_caps = bool(letters) and all(ch.isupper() for ch in letters)
    return rank == 0 and candidates_after >= 2 and all_caps and guess_language(line.text) == "unknown"


def find_identity(
    lines: list[SourceLine], skip: set[int], company_lines: list[str]
) -> tuple[list[TextFact], list[TextFact]]:
    """Brand and common names on one principal display panel; company_lines are the dealer texts and
    the other panels' lines, where a brand shows up as the start of the company name."""
    candidates = [p for p, line in enumerate(lines) if p not in skip and not line.blank]
    candidates = [
        p
        for p in candidates
        if not _COUNT_OR_DIGITS.match(lines[p].text)
        and len(lines[p].text) > 2
        and not _MARKETING.match(fold_same_length(lines[p].text))
    ]
    brands: list[TextFact] = []
    names: list[TextFact] = []
    remaining: list[int] = []
    for rank, position in enumerate(candidates):
        line = lines[position]
        if _is_brand(line, company_lines, rank, len(candidates) - rank - 1):
            brands.append(_fact(line, line.text, "unknown"))
        else:
            remaining.append(position)
    pieces: list[tuple[SourceLine, str, Language]] = []
    for position in remaining:
        line = lines[position]
        parts = [part.strip() for part in re.split(r"\s+/\s+|\s*\|\s*", line.text) if part.strip()]
        for part in parts:
            pieces.append((line, part, guess_language(part)))
    # a name the lexicon cannot place is the other language's version when it directly follows an
    # English name or directly precedes a French one (names are printed as a pair)
    languages = [piece[2] for piece in pieces]
    for i, (line, text, language) in enumerate(pieces):
        if language not in ("unknown", "bilingual"):
            continue
        if i > 0 and languages[i - 1] == "en" and "fr" not in languages:
            pieces[i] = (line, text, "fr")
            languages[i] = "fr"
        elif i + 1 < len(pieces) and languages[i + 1] == "fr" and "en" not in languages:
            pieces[i] = (line, text, "en")
            languages[i] = "en"
    pair = next(
        (
            i
            for i in range(len(pieces) - 1)
            if {pieces[i][2], pieces[i + 1][2]} == {"en", "fr"} and pieces[i][0] is not pieces[i + 1][0]
        ),
        None,
    )
    if pair is not None:
        # the first English/French pair of lines is the common name; a line above it is the brand
        if pair > 0 and not brands and pieces[0][0].index == lines[candidates[0]].index:
            brands.append(_fact(pieces[0][0], pieces[0][0].text, "unknown"))
        return brands, [_fact(line, text, lang) for line, text, lang in pieces[pair : pair + 2]]
    chosen: dict[Language, tuple[SourceLine, str, Language]] = {}
    for piece in pieces:
        chosen.setdefault(piece[2], piece)
    for language in ("en", "fr", "bilingual", "unknown"):
        if language in chosen and (language in ("en", "fr") or not ({"en", "fr"} & chosen.keys())):
            line, text, lang = chosen[language]
            names.append(_fact(line, text, lang))
    return brands, names


def _fact(line: SourceLine, text: str, language: Language) -> TextFact:
    return TextFact(text=text, language=language, evidence=evidence([line]), source=provenance([line]))
