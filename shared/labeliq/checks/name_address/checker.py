"""Name and principal place of business (cfia-rules.md 3.1, 3.2).

Sources confirmed in ../shared/domain/sources/: SFCR 218(1)(b) and (2) (any part of the label but the
bottom alone), 220 (fresh produce packaged at retail is exempt); CFIA ILT "name and principal place of
business": the place must be a physical location; websites, telephone numbers, virtual addresses and a
numerical code ("Négociants à 12345 (France)") are not acceptable; city with province or country suffices.
"""

from __future__ import annotations

import re

from labeliq.checks.common.dealer import (
    DealerBlock,
    company_name_end,
    country_names,
    dealer_blocks,
    has_po_box,
    non_physical_parts,
    physical_markers,
)
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.label_lines import is_bottom
from labeliq.checks.name_address.rules import R3_1, R3_2
from labeliq.models import Finding, LabelFacts, ProductContext

_CITE_PLACE = "SFCR 218(1)(b), (2); FDR B.01.007(1.1)(a)"
_CITE_PHYSICAL = "CFIA ILT, name and principal place of business"
_ROLE_WORDS = re.compile(
    r"\b(imported|distributed|manufactured|made|packed|packaged|produced|prepared|by|for|import[ée]|distribu[ée]|"
    r"fabriqu[ée]|emball[ée]|produit|pr[ée]par[ée]|par|pour)\b",
    re.I,
)


def _exempt(context: ProductContext) -> bool:
    """FDR B.01.007(2): fresh fruits or vegetables prepackaged at retail (explicit context keys, not `category`)."""
    return bool(context.packaged_at_retail) and context.product_kind == "fresh_fruit_or_vegetable"


def _check_placement(facts: LabelFacts, blocks: list[DealerBlock]) -> Finding:
    if not blocks:
        return failed(
            R3_1,
            "No name and principal place of business of the person by or for whom the food was made or packaged "
            "was found; it must be shown on the label (any part but the bottom alone).",
            _CITE_PLACE,
        )
    visible = [b for b in blocks if not is_bottom(facts, b.panel)]
    if not visible:
        return failed(
            R3_1,
            f"The name and principal place of business appears only on the bottom of the container "
            f"('{blocks[0].panel}' panel); it must also appear on another part of the label.",
            _CITE_PLACE,
            blocks[0].text,
            blocks[0].panel,
        )
    return passed(
        R3_1,
        "The name and principal place of business is shown on a part of the label other than the bottom.",
        _CITE_PLACE,
        visible[0].text,
        visible[0].panel,
    )


def _locator_finding(block: DealerBlock) -> Finding:
    text = block.text
    rest = text[company_name_end(text) :] if company_name_end(text) else text
    places = physical_markers(rest)
    stripped, removed = non_physical_parts(rest)
    codes = [r for r in removed if re.fullmatch(r"[\s\d-]+|[A-Z]\d[A-Z][ -]?\d[A-Z]\d", r.strip())]
    only_countries = bool(places) and set(places) <= set(country_names(rest))
    if places and not (codes and only_countries):
        return passed(
            R3_2,
            f"The principal place of business names a physical location ({', '.join(dict.fromkeys(places))}).",
            _CITE_PHYSICAL,
            text,
            block.panel,
        )
    if places:
        return failed(
            R3_2,
            "The principal place of business is given only as a country and a numerical code; a code is not a "
            "physical location (the city must be named).",
            _CITE_PHYSICAL,
            text,
            block.panel,
        )
    words = re.sub(r"[^\w]+", " ", _ROLE_WORDS.sub(" ", stripped)).strip()
    if removed and not words:
        return failed(
            R3_2,
            f"The principal place of business is given only as {', '.join(removed)}; a website, telephone number "
            "or postal code is not a physical location (at least the city with the province or country).",
            _CITE_PHYSICAL,
            text,
            block.panel,
        )
    if has_po_box(rest):
        return review(
            R3_2,
            "The principal place of business is a post-office box; it must lead to a physical location.",
            _CITE_PHYSICAL,
            text,
            block.panel,
        )
    if words:
        return review(
            R3_2,
            f"The address part '{words}' was not recognised as a city, province, country or civic address; "
            "the principal place of business must be a physical location.",
            _CITE_PHYSICAL,
            text,
            block.panel,
        )
    return failed(
        R3_2,
        "Only a name is shown, with no principal place of business; the city with the province or country is "
        "the usual minimum.",
        _CITE_PHYSICAL,
        text,
        block.panel,
    )


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    blocks = dealer_blocks(facts)
    if not blocks and _exempt(context):
        return [
            not_applicable(
                R3_1,
                "Fresh fruits or vegetables packaged at retail and visible in the package need no dealer name.",
                "SFCR 220",
            )
        ]
    findings = [_check_placement(facts, blocks)]
    if blocks:
        visible = [b for b in blocks if not is_bottom(facts, b.panel)] or blocks
        verdicts = [_locator_finding(b) for b in visible]
        # One acceptable declaration is enough; report the best one, or the first problem.
        best = next((f for f in verdicts if f.verdict.value == "pass"), verdicts[0])
        findings.append(best)
    return findings
