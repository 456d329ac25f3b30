"""Finding the dealer's name and address on a label, and telling a physical place from a URL or code.

Shared by name_address (SFCR 218(1)(b), CFIA ILT "name and principal place of business") and
country_of_origin (SFCR 223: a Canadian dealer of an imported food needs "Imported by" or an origin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from labeliq.checks.common.label_lines import panel_lines
from labeliq.lexicons import load
from labeliq.models import LabelFacts
from labeliq.text import fold, has_term
from labeliq.text_patterns import CONTACT_WORDS, EMAIL, PHONE, PO_BOX, POSTAL_CA, STREET, URL, US_ZIP

_SUFFIX = re.compile(
    r"(?<![A-Za-z])(inc|ltd|ltée|ltee|limited|limitée|corp|corporation|co|company|compagnie|cie|llc|l\.l\.c|"
    r"gmbh|s\.a\.?|s\.a\.s|srl|s\.r\.l|s\.p\.a|spa|b\.v|bv|plc|pty|ulc|lp|s\.e\.n\.c)(?![A-Za-z])\.?",
    re.I,
)
_ROLE = re.compile(
    r"^(imported|distributed|manufactured|made|packed|packaged|produced|prepared)\s+(by|for)\b|"
    r"^(import[ée]|distribu[ée]|fabriqu[ée]|emball[ée]|produit|pr[ée]par[ée])\s+(par|pour)\b",
    re.I,
)


@dataclass(frozen=True)
class DealerBlock:
    panel: str
    line_start: int | None
    text: str


def _is_dealer_head(text: str) -> bool:
    return bool(_SUFFIX.search(text) or _ROLE.search(text.strip()))


def _looks_like_address(text: str) -> bool:
    return bool(
        POSTAL_CA.search(text)
        or STREET.search(text)
        or URL.search(text)
        or PHONE.search(text)
        or place_markers(text)
        or US_ZIP.search(text)
    )


def dealer_blocks(facts: LabelFacts) -> list[DealerBlock]:
    """The parser's dealer facts; when it found none, company-name lines and the address lines after them."""
    if facts.dealer:
        by_panel: dict[str, list[tuple[int | None, str]]] = {}
        for d in facts.dealer:
            by_panel.setdefault(d.source.panel, []).append((d.source.line_start, d.text))
        return [
            DealerBlock(panel, parts[0][0], "\n".join(text for _, text in parts)) for panel, parts in by_panel.items()
        ]
    lines = panel_lines(facts)
    out: list[DealerBlock] = []
    used: set[tuple[str, int]] = set()
    for pos, line in enumerate(lines):
        if (line.panel, line.index) in used or not _is_dealer_head(line.text):
            continue
        if _ROLE.search(line.text) is None and len(line.text) > 80:
            continue  # a sentence that happens to say "Co." is not a company line
        block = [line.text]
        used.add((line.panel, line.index))
        for nxt in lines[pos + 1 : pos + 4]:
            if nxt.panel != line.panel or not _looks_like_address(nxt.text) or _is_dealer_head(nxt.text):
                break
            block.append(nxt.text)
            used.add((nxt.panel, nxt.index))
        out.append(DealerBlock(line.panel, line.index, "\n".join(block)))
    return out


@cache
def _places() -> tuple[list[str], list[str], list[str], list[str]]:
    prov = load("provinces")
    names: list[str] = []
    abbrevs: list[str] = []
    for code, variants in prov["provinces"].items():
        abbrevs.append(code)
        for v in variants:
            (abbrevs if len(v) <= 4 and "." not in v and v.isupper() else names).append(v)
    countries: list[str] = []
    for entry in load("countries")["countries"].values():
        countries.extend(entry["en"] + entry["fr"])
    return names, abbrevs, countries + list(prov["us_states"]), list(prov["cities"])


def place_markers(text: str) -> list[str]:
    """Provinces, states, countries and known cities named in the text (upper-case codes matched exactly)."""
    names, abbrevs, countries, cities = _places()
    found = [n for n in names + cities if has_term(text, n)]
    found += [c for c in countries if len(c) > 3 and has_term(text, c)]
    found += [c for c in countries if len(c) <= 3 and re.search(rf"(?<![\w.]){re.escape(c)}(?![\w])", text)]
    found += [a for a in abbrevs if re.search(rf"(?<![\w.]){a}(?![\w.])", text)]
    return found


def canadian_markers(text: str) -> list[str]:
    """Evidence that an address is in Canada: a postal code, a province, or the word Canada."""
    names, abbrevs, _, _ = _places()
    found = [m.group(0) for m in POSTAL_CA.finditer(text)]
    found += [n for n in names if has_term(text, n)]
    found += [a for a in abbrevs if re.search(rf"(?<![\w.]){a}(?![\w.])", text)]
    if has_term(text, "canada"):
        found.append("Canada")
    return found


def foreign_markers(text: str) -> list[str]:
    """Countries other than Canada, and US states, named in an address."""
    _, _, countries, _ = _places()
    canada = {fold(c) for c in load("countries")["countries"]["CA"]["en"]}
    return [c for c in place_markers(text) if c in countries and fold(c) not in canada]


def country_names(text: str) -> list[str]:
    """Only the country names among the places in the text (US states and provinces excluded)."""
    countries = {fold(c) for e in load("countries")["countries"].values() for c in e["en"] + e["fr"]}
    return [p for p in place_markers(text) if fold(p) in countries]


def non_physical_parts(text: str) -> tuple[str, list[str]]:
    """The text with URLs, e-mails, phone numbers, postal/ZIP codes and contact words removed, and what was removed."""
    removed: list[str] = []
    for pattern in (URL, EMAIL, PHONE, POSTAL_CA, US_ZIP, CONTACT_WORDS):
        removed += [m.group(0) for m in pattern.finditer(text)]
        text = pattern.sub(" ", text)
    return text, [r for r in removed if r.strip()]


def physical_markers(text: str) -> list[str]:
    """Places and civic addresses: what makes a principal place of business a physical location."""
    found = place_markers(text)
    found += [m.group(0) for m in STREET.finditer(text)]
    return found


def has_po_box(text: str) -> bool:
    return PO_BOX.search(text) is not None


def company_name_end(text: str) -> int:
    """Index just after the legal-form suffix of the first company name (0 when there is none)."""
    match = _SUFFIX.search(text)
    return match.end() if match else 0
