"""Origin statements and country names as printed ("Product of X", "Produit de X", "Made in Canada ...").

Used by country_of_origin; kept apart so the statement grammar (EN and FR) can be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from labeliq.checks.common.label_lines import panel_lines
from labeliq.lexicons import load
from labeliq.models import LabelFacts
from labeliq.text import fold, word_spans

# Phrases that state where the food comes from, on folded text.
ORIGIN_PHRASE = re.compile(
    r"(?<![a-z])(product of|produce of|produit (de la|de l'|des|du|de|d')|made in|fabrique (au|aux|en|a)|"
    r"country of origin|pays d'origine|origin ?:|origine ?:|grown in|cultive (au|aux|en))(?![a-z])"
)
# "Imported by/for" and "Importé(e) par/pour" (SFCR 223(1)); shared by country_of_origin and bilingual.
IMPORTED_BY_EN = re.compile(r"imported (by|for)", re.I)
IMPORTED_BY_FR = re.compile(r"import[ée]e? (par|pour)", re.I)
MADE_IN_CANADA = re.compile(r"made in canada|fabrique au canada")
PRODUCT_OF_CANADA = re.compile(
    r"product of canada|produit du canada|(100 ?% )?canadian (product|made)|100 ?% (canadian|canadien(ne)?s?)"
)
_SEGMENT_END = re.compile(
    r"[.;/|\d]|\b(inc|ltd|ltee|limited|limitee|corp|llc|gmbh|packed|packaged|prepared|imported|distributed|from|with|using|for|by|emball[a-z]*|importe[a-z]*|"
    r"distribue[a-z]*|a partir|avec|pour|par|prepare[a-z]*)\b"
)
_DOTTED = {"u.s.a.": "usa", "u.s.a": "usa", "u.s.": "usa", "u.k.": "uk", "e.-u.": "etats-unis"}
BLEND = re.compile(r"blend of|melange de")
PRINTED_IN = re.compile(
    r"(printed|lithographed|lithographically printed|manufactured|made) in|imprime (au|aux|en)|fabrique (au|en)"
)
PRINTED_SUBJECT = re.compile(
    r"\b(label|labels|container|can|package|packaging|bottle|etiquette|contenant|emballage|boite|bouteille)\b"
)


@dataclass(frozen=True)
class Statement:
    panel: str
    line: int | None
    text: str


@cache
def _country_terms() -> list[tuple[str, str]]:
    terms: list[tuple[str, str]] = []
    for code, entry in load("countries")["countries"].items():
        for name in entry["en"] + entry["fr"]:
            terms.append((fold(name), code))
    return sorted(terms, key=lambda t: len(t[0]), reverse=True)


def countries_in(folded: str) -> list[str]:
    """Country codes named in folded text, each once, in order of appearance."""
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for term, code in _country_terms():
        for start, end in word_spans(folded, term, "a-z0-9.", "a-z0-9"):
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            hits.append((start, code))
    out: list[str] = []
    for _, code in sorted(hits):
        if code not in out:
            out.append(code)
    return out


def origin_countries(folded: str) -> list[list[str]]:
    """For each origin phrase in the text, the countries it names (up to the end of that statement)."""
    for dotted, plain in _DOTTED.items():
        folded = folded.replace(dotted, plain)
    out: list[list[str]] = []
    for m in ORIGIN_PHRASE.finditer(folded):
        rest = folded[m.end() :]
        end = _SEGMENT_END.search(rest)
        segment = rest[: end.start()] if end else rest
        out.append(countries_in(segment))
    return out


def origin_statements(facts: LabelFacts) -> list[Statement]:
    """The parser's origin statements plus every panel line with an origin phrase, without duplicates."""
    seen: set[str] = set()
    out: list[Statement] = []
    for fact in facts.origin_statements:
        key = fold(fact.text)
        if key not in seen:
            seen.add(key)
            out.append(Statement(fact.source.panel, fact.source.line_start, fact.text))
    for line in panel_lines(facts):
        folded = fold(line.text)
        if not (ORIGIN_PHRASE.search(folded) or PRODUCT_OF_CANADA.search(folded)):
            continue
        if any(folded in s or s in folded for s in seen):
            continue
        seen.add(folded)
        out.append(Statement(line.panel, line.index, line.text))
    return out
