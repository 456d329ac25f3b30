"""Identity on the principal display panel: brand, common name (EN and FR) and net quantity.

The common name is what is left on the front once the brand, the net quantity, claims, the nutrition
symbol and counts are set aside; the brand is recognised because it starts the dealer's company name
or is set apart (all capitals, a trade-mark sign) above the name (CFIA ILT: a brand is not a common name).
"""

from __future__ import annotations

import re

from labeliq.extraction.amount_lines import is_amount_statement
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, provenance
from labeliq.extraction.parse_brand import TRADEMARK, first_is_coined, is_brand, is_front_tag
from labeliq.extraction.parse_flavour import is_flavour_line
from labeliq.extraction.parse_name_lines import (
    Piece,
    join_symmetric_wrap,
    join_wrapped,
    split_pieces,
    stacked_block_start,
)
from labeliq.models import Language, TextFact

_NET_QUANTITY = re.compile(
    r"(?<![\w.,/])((?:\d+(?:[.,]\d+)?|\d+\s*/\s*\d+|[½¼¾])\s?(?:kg|KG|Kg|g|G|mL|ml|ML|mℓ|L|l|ℓ)"
    r"(?:\s*\(?\s*\d+(?:[.,]\d+)?\s*(?:U\.?S\.?\s*)?(?:fl\.?\s*oz|oz|lbs?)\.?\s*\)?)?)(?![\w])"
)
_COUNT_OR_DIGITS = re.compile(r"^\W*\d")
_MARKETING = re.compile(r"^\W*(?:new|nouveau|nouvelle|improved|ameliore|ameliore|now|maintenant)\b\W*$")


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


def find_identity(
    lines: list[SourceLine],
    skip: set[int],
    company_lines: list[str],
    vocabulary: str = "",
    ingredients: frozenset[str] = frozenset(),
) -> tuple[list[TextFact], list[TextFact]]:
    """Brand and common names on one principal display panel; company_lines are the dealer texts and
    the other panels' lines, where a brand shows up as the start of the company name; vocabulary is
    the text of the other panels (without the company lines), where the words of a name come back;
    ingredients are the word stems of the label's ingredient lists, which flavour lines are made of."""
    candidates = [p for p, line in enumerate(lines) if p not in skip and not line.blank]
    candidates = [
        p
        for p in candidates
        if not _COUNT_OR_DIGITS.match(lines[p].text)
        and len(lines[p].text) > 2
        and not _MARKETING.match(fold_same_length(lines[p].text))
        and not is_front_tag(lines[p].text)
        # "Total fluoride ion: 0.1 ppm", "Vitamin C content: 60 mg": a statement of an amount describes the food
        and not is_amount_statement(lines[p].text)
    ]
    brands: list[TextFact] = []
    remaining: list[int] = []
    for rank, position in enumerate(candidates):
        line = lines[position]
        first_brand = not brands and is_brand(line, company_lines, rank)
        # a second trade-marked line right under the brand is a sub-brand ("Harvest Table® / Bistro™")
        sub_brand = bool(brands) and not remaining and bool(TRADEMARK.search(line.text))
        if first_brand or sub_brand:
            brands.append(_fact([line], line.text, "unknown"))
        else:
            remaining.append(position)
    pieces = split_pieces(lines, remaining)
    pieces = join_wrapped(lines, pieces, bool(remaining) and not brands and remaining[0] == candidates[0])
    pieces = join_symmetric_wrap(lines, pieces)
    if not brands and pieces and first_is_coined(lines, candidates, pieces, vocabulary):
        brands.append(_fact(pieces[0].lines, pieces[0].text, "unknown"))
        pieces = pieces[1:]
    # "HONEY & ALMOND / MIEL ET AMANDES" under the name is the variety, not the name (parse_flavour); but a
    # name may be made of the food's own ingredients ("Milk Chocolate" beside "Chocolat au lait"): a line of
    # ingredient words is a variety only when its other-language partner is one too
    flavour = [is_flavour_line(p.text, ingredients) for p in pieces]
    named = [p for i, p in enumerate(pieces) if not flavour[i] or _partner_names_food(pieces, flavour, i)]
    if named:
        pieces = named
    # a name the lexicon cannot place is the other language's version when it directly follows an
    # English name or directly precedes a French one (names are printed as a pair)
    languages = [piece.language for piece in pieces]
    for i, piece in enumerate(pieces):
        if piece.language not in ("unknown", "bilingual"):
            continue
        if i > 0 and languages[i - 1] == "en" and "fr" not in languages:
            piece.language = languages[i] = "fr"
        elif i + 1 < len(pieces) and languages[i + 1] == "fr" and "en" not in languages:
            piece.language = languages[i] = "en"
    pair = next(
        (
            i
            for i in range(len(pieces) - 1)
            if {pieces[i].language, pieces[i + 1].language} == {"en", "fr"}
            and not set(map(id, pieces[i].lines)) & set(map(id, pieces[i + 1].lines))
        ),
        None,
    )
    if pair is not None:
        # the first English/French pair of lines is the common name; a line above it is the brand
        pair = stacked_block_start(pieces, pair)
        first = pieces[0]
        if pair > 0 and not brands and first.lines[0].index == lines[candidates[0]].index:
            brands.append(_fact(first.lines, first.text, "unknown"))
        name = pieces[pair]
        other = next(p for p in pieces[pair + 1 :] if p.language in ("en", "fr") and p.language != name.language)
        return brands, [_fact(p.lines, p.text, p.language) for p in (name, other)]
    if not brands and pieces and pieces[0].language in ("unknown", "other"):
        first = pieces[0]
        # a name in a third language only ("Salsa di pomodoro") does not make the line above it a name
        if any(p.language in ("en", "fr", "other") for p in pieces[1:]):
            # a line printed above the (one-language) name is the brand
            brands.append(_fact(first.lines, first.text, "unknown"))
            pieces = pieces[1:]
    chosen: dict[Language, Piece] = {}
    for i, piece in enumerate(pieces):
        # The half of an "EN / FR" line is the translation of its own other half ("Skinless, boneless / Sans peau,
        # sans arêtes"), so it is a name only together with that half, never the partner of a name printed elsewhere
        # (B.01.006(1), B.01.012(2): the French name is the French version of the common name).
        partner = _same_line_partner(pieces, i)
        other_language: Language = "fr" if piece.language == "en" else "en"
        if partner is not None and other_language in chosen and chosen[other_language] is not pieces[partner]:
            continue
        chosen.setdefault(piece.language, piece)
        if partner is not None and piece is chosen[piece.language] and pieces[partner].language == other_language:
            chosen.setdefault(other_language, pieces[partner])
    names: list[TextFact] = []
    for language in ("en", "fr", "bilingual", "unknown"):
        if language in chosen and (language in ("en", "fr") or not ({"en", "fr"} & chosen.keys())):
            piece = chosen[language]
            names.append(_fact(piece.lines, piece.text, piece.language))
    return brands, names


def _same_line_partner(pieces: list[Piece], i: int) -> int | None:
    """The neighbouring piece printed on the same line as piece i (the other half of an "EN / FR" line), if any."""
    if pieces[i].language not in ("en", "fr"):
        return None
    lines = set(map(id, pieces[i].lines))
    return next(
        (
            j
            for j in (i - 1, i + 1)
            if 0 <= j < len(pieces)
            and pieces[j].language != pieces[i].language
            and set(map(id, pieces[j].lines)) & lines
        ),
        None,
    )


def _partner_names_food(pieces: list[Piece], flavour: list[bool], i: int) -> bool:
    """The piece printed as the other-language version of piece i (its neighbour, on the same line first) is not
    a line of ingredient words, so the two are the name in both languages, not a variety line."""
    language = pieces[i].language
    if language not in ("en", "fr"):
        return False
    other = "fr" if language == "en" else "en"
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(pieces) and pieces[j].language == other]
    same_line = [j for j in neighbours if set(map(id, pieces[j].lines)) & set(map(id, pieces[i].lines))]
    partners = same_line or neighbours
    return bool(partners) and not flavour[partners[0]]


def _fact(lines: list[SourceLine], text: str, language: Language) -> TextFact:
    return TextFact(text=text, language=language, evidence=evidence(lines), source=provenance(lines))
