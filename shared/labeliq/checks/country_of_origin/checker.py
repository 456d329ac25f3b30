"""Country of origin, "Imported by" and origin claims (cfia-rules.md 3.3-3.10).

Sources confirmed in ../shared/domain/sources/: SFCR 206(2) (quoted expressions in both languages),
222 (place of manufacture of the label or container), 223(1)-(3) ("Imported by"/"importé par" or the
geographic origin, close to the dealer and at least as high); CFIA ILT "country of origin" (commodities that
must show "Product of"), "origin claims" (one country only, "A blend of" allowed; "Product of Canada" and
"Canadian" need virtually all Canadian content, minor foreign ingredients under 2 %; "Made in Canada" needs
"from imported ingredients" or "from domestic and imported ingredients", "and/or" is not permitted; "local"
means the province or territory of sale or within 50 km).
"""

from __future__ import annotations

import re

from labeliq.checks.common.dealer import DealerBlock, canadian_markers, dealer_blocks, foreign_markers
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.label_lines import panel_lines
from labeliq.checks.common.origin_text import (
    BLEND,
    IMPORTED_BY_EN,
    IMPORTED_BY_FR,
    MADE_IN_CANADA,
    ORIGIN_PHRASE,
    PRINTED_IN,
    PRINTED_SUBJECT,
    PRODUCT_OF_CANADA,
    Statement,
    countries_in,
    origin_countries,
    origin_statements,
)
from labeliq.checks.country_of_origin.rules import R3_3, R3_4, R3_5, R3_6, R3_7, R3_8, R3_9, R3_10
from labeliq.lexicons import load
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

_CITE_IMPORTED = "SFCR 223(1), (2); SFCR 206(2)"
_CITE_PROXIMITY = "SFCR 223(3)"
_CITE_MANDATORY = "CFIA ILT, country of origin (mandatory labelling)"
_CITE_CLAIMS = "CFIA ILT, origin claims"
_MADE_IN_OK_EN = re.compile(r"from (domestic and imported|imported and domestic|imported) ingredients")
_MADE_IN_OK_FR = re.compile(
    r"(a partir d'|d')ingredients (canadiens et importes|importes et canadiens|importes)"
    r"|(a partir d'|d')ingredients (du pays|domestiques) et importes"
)
_AND_OR = re.compile(r"and ?/ ?or|et ?/ ?ou")
_LOCAL = re.compile(r"(?<![a-z])(local|locally (grown|made|produced|sourced)|produit local|d'ici)(?![a-z])")


def _applies(context: ProductContext) -> bool | None:
    """Whether SFCR 223 applies: True wholly made abroad, False domestic, None unknown."""
    if context.wholly_manufactured_abroad is not None:
        return context.wholly_manufactured_abroad
    if context.imported is False:
        return False
    return None


def _country_code(name: str | None) -> str | None:
    if not name:
        return None
    codes = countries_in(fold(name))
    return codes[0] if len(codes) == 1 else None


def _geographic_origin(statements: list[Statement]) -> list[Statement]:
    """Statements that name where the food comes from (not "Made in Canada from imported ingredients")."""
    out = []
    for s in statements:
        folded = fold(s.text)
        if any(countries for countries in origin_countries(folded)) and not MADE_IN_CANADA.search(folded):
            out.append(s)
    return out


def _check_imported_by(facts: LabelFacts, context: ProductContext, statements: list[Statement]) -> list[Finding]:
    applies = _applies(context)
    text = facts.full_text() + "\n" + "\n".join(t.text for t in facts.imported_by)
    en, fr = IMPORTED_BY_EN.search(text), IMPORTED_BY_FR.search(text)
    origin = _geographic_origin(statements)
    blocks = dealer_blocks(facts)
    dealer_text = "\n".join(b.text for b in blocks)
    out: list[Finding] = []
    if applies is False:
        return [
            not_applicable(
                R3_3,
                "The food is not wholly made abroad, so no 'Imported by/for' statement is required.",
                _CITE_IMPORTED,
            )
        ]
    if applies is None and not (en or fr):
        return out
    if en and fr:
        return [_imported_by_order(facts, blocks)]
    if origin:
        out.append(
            passed(
                R3_3,
                "The geographic origin of the imported food is shown, so 'Imported by/for' is not required.",
                _CITE_IMPORTED,
                origin[0].text,
                origin[0].panel,
            )
        )
        out.extend(_check_proximity(facts, origin))
        return out
    if en or fr:
        shown, missing = ("Imported by/for", "importé par/pour") if en else ("Importé par/pour", "imported by/for")
        match = en or fr
        verdict = failed if applies else review
        unknown = "" if applies else " (whether the food is wholly made abroad, so that it is required, is not given)"
        out.append(
            verdict(
                R3_3,
                f"'{shown}' is shown without '{missing}'; the expression must be in both official languages{unknown}.",
                _CITE_IMPORTED,
                match.group(0) if match else "",
            )
        )
        return out
    if blocks and foreign_markers(dealer_text) and not canadian_markers(dealer_text):
        return [
            passed(
                R3_3,
                "The dealer shown is the foreign manufacturer, which identifies the food as imported.",
                _CITE_IMPORTED,
                blocks[0].text,
                blocks[0].panel,
            )
        ]
    if applies is None:
        return out
    return [
        failed(
            R3_3,
            "The food was wholly manufactured abroad but the label shows neither 'Imported by/for' + "
            "'Importé par/pour' before the Canadian dealer nor the geographic origin of the food.",
            _CITE_IMPORTED,
            blocks[0].text if blocks else "",
            blocks[0].panel if blocks else None,
        )
    ]


def _imported_by_order(facts: LabelFacts, blocks: list[DealerBlock]) -> Finding:
    """'Imported by' must precede the dealer's name: printed after it, the statement needs a second look."""
    lines = [
        line for line in panel_lines(facts) if IMPORTED_BY_EN.search(line.text) or IMPORTED_BY_FR.search(line.text)
    ]
    for line in lines:
        before = [b for b in blocks if b.panel == line.panel and b.line_start is not None and b.line_start < line.index]
        if before and not any(b.panel == line.panel and b.line_start == line.index for b in blocks):
            return review(
                R3_3,
                "'Imported by/for' / 'Importé par/pour' is printed after the dealer's name; the expressions must "
                "precede the name and principal place of business.",
                _CITE_IMPORTED,
                line.text,
                line.panel,
            )
    evidence = lines[0].text if lines else ""
    return passed(
        R3_3,
        "'Imported by/for' and 'Importé par/pour' precede the dealer.",
        _CITE_IMPORTED,
        evidence,
        lines[0].panel if lines else None,
    )


def _check_proximity(facts: LabelFacts, origin: list[Statement]) -> list[Finding]:
    blocks = dealer_blocks(facts)
    if not blocks:
        return []
    statement = origin[0]
    same_panel = [b for b in blocks if b.panel == statement.panel]
    if not same_panel:
        return [
            failed(
                R3_4,
                f"The geographic origin ('{statement.text}', '{statement.panel}' panel) is not on the same panel as "
                f"the dealer ('{blocks[0].panel}' panel); it must be in close proximity to the dealer's name.",
                _CITE_PROXIMITY,
                statement.text,
                statement.panel,
            )
        ]
    near = any(
        b.line_start is None or statement.line is None or abs(b.line_start - statement.line) <= 4 for b in same_panel
    )
    where = "next to" if near else "on the same panel as, but several lines from,"
    return [
        review(
            R3_4,
            f"The geographic origin is {where} the dealer; its characters must be at least as high as the dealer's, "
            "which text cannot show.",
            _CITE_PROXIMITY,
            statement.text,
            statement.panel,
        )
    ]


def _check_mandatory(context: ProductContext, statements: list[Statement]) -> Finding | None:
    # which commodity the food is comes from the explicit key origin_commodity, never the words of `category`
    if not context.imported or context.origin_commodity is None:
        return None
    commodities: dict[str, str] = load("origin_commodities")["commodities"]
    hit = commodities[context.origin_commodity]
    product_of = [s for s in statements if re.search(r"product of|produit (de|du|des|d')", fold(s.text))]
    if product_of:
        return passed(
            R3_5,
            f"The imported {hit} shows its country of origin.",
            _CITE_MANDATORY,
            product_of[0].text,
            product_of[0].panel,
        )
    if context.wholly_manufactured_abroad is None:
        return review(
            R3_5,
            f"Imported {hit} generally must show 'Product of [country]'; none was found, and whether the food is "
            "wholly of foreign origin is not given.",
            _CITE_MANDATORY,
        )
    if not context.wholly_manufactured_abroad:
        return None
    return failed(
        R3_5,
        f"Imported {hit} must show 'Product of [country]' / 'Produit de [pays]'; no such statement was found.",
        _CITE_MANDATORY,
    )


def _check_multiple(statements: list[Statement]) -> list[Finding]:
    out: list[Finding] = []
    for s in statements:
        folded = fold(s.text)
        if BLEND.search(folded):
            continue
        for countries in origin_countries(folded):
            if len(countries) > 1:
                out.append(
                    failed(
                        R3_6,
                        f"The origin statement names several countries ({', '.join(countries)}); a food has one "
                        "country of origin. 'A blend of [country] and [country] ...' may be used instead.",
                        _CITE_CLAIMS,
                        s.text,
                        s.panel,
                    )
                )
                break
    if not out and any(ORIGIN_PHRASE.search(fold(s.text)) for s in statements):
        first = statements[0]
        out.append(passed(R3_6, "Each origin statement names a single country.", _CITE_CLAIMS, first.text, first.panel))
    return out


def _check_product_of_canada(context: ProductContext, facts: LabelFacts, statements: list[Statement]) -> Finding | None:
    claims = [Statement(s.panel, s.line, s.text) for s in statements if PRODUCT_OF_CANADA.search(fold(s.text))]
    for c in facts.claims:
        if c.kind == "origin" and re.search(r"\bcanadi(an|en|enne)s?\b", fold(c.text)):
            claims.append(Statement(c.source.panel, c.source.line_start, c.text))
    if not claims:
        return None
    claim = claims[0]
    origin = _country_code(context.country_of_origin)
    if context.wholly_manufactured_abroad or (origin is not None and origin != "CA"):
        return failed(
            R3_7,
            f"The label claims Canadian origin ('{claim.text}') but the food was made abroad; 'Product of Canada' "
            "requires all or virtually all ingredients, processing and labour to be Canadian.",
            _CITE_CLAIMS,
            claim.text,
            claim.panel,
        )
    hundred = "100" in claim.text
    need = "entirely Canadian" if hundred else "all or virtually all Canadian (foreign ingredients under 2 % in total)"
    return review(
        R3_7,
        f"'{claim.text}' requires the ingredients, processing and labour to be {need}; this needs the formulation.",
        _CITE_CLAIMS,
        claim.text,
        claim.panel,
    )


def _statement_with_next(facts: LabelFacts, s: Statement) -> str:
    """The statement and, when the qualifier wraps, the next line of the same panel."""
    panel = facts.panel(s.panel)
    if panel is None or s.line is None:
        return s.text
    lines = panel.text.splitlines()
    nxt = lines[s.line + 1] if s.line + 1 < len(lines) else ""
    if MADE_IN_CANADA.search(fold(nxt)) or not nxt.strip():
        return s.text
    return f"{s.text} {nxt}"


def _check_made_in_canada(facts: LabelFacts, statements: list[Statement]) -> list[Finding]:
    out: list[Finding] = []
    for s in statements:
        folded_line = fold(s.text)
        for m in MADE_IN_CANADA.finditer(folded_line):
            text = fold(_statement_with_next(facts, s))
            start = text.find(m.group(0))
            nxt = MADE_IN_CANADA.search(text, start + 1)
            segment = text[start : nxt.start() if nxt else None]
            french = m.group(0).startswith("fabrique")
            ok = (_MADE_IN_OK_FR if french else _MADE_IN_OK_EN).search(segment)
            if _AND_OR.search(segment):
                out.append(
                    failed(
                        R3_8,
                        "'Made in Canada from domestic and/or imported ingredients' is not permitted; the qualifier "
                        "must be 'from imported ingredients' or 'from domestic and imported ingredients'.",
                        _CITE_CLAIMS,
                        s.text,
                        s.panel,
                    )
                )
            elif ok:
                out.append(
                    passed(R3_8, "'Made in Canada' carries a permitted qualifier.", _CITE_CLAIMS, s.text, s.panel)
                )
            else:
                out.append(
                    failed(
                        R3_8,
                        f"'{s.text.strip()}' has no qualifying statement; 'Made in Canada' must say 'from imported "
                        "ingredients' or 'from domestic and imported ingredients' (FR: 'à partir d'ingrédients "
                        "importés' / 'canadiens et importés').",
                        _CITE_CLAIMS,
                        s.text,
                        s.panel,
                    )
                )
    return out


def _check_local(facts: LabelFacts) -> Finding | None:
    texts = [(c.text, c.source.panel) for c in facts.claims]
    texts += [(line.text, line.panel) for line in panel_lines(facts, principal_only=True)]
    for text, panel in texts:
        if _LOCAL.search(fold(text)):
            return review(
                R3_9,
                f"'{text}' is a 'local' claim: the food must be produced in the province or territory where it is "
                "sold, or sold within 50 km of it; where it is sold is not known from the label.",
                _CITE_CLAIMS,
                text,
                panel,
            )
    return None


def _check_printed_in(facts: LabelFacts) -> list[Finding]:
    out: list[Finding] = []
    for line in panel_lines(facts):
        folded = fold(line.text)
        m = PRINTED_IN.search(folded)
        if m is None or MADE_IN_CANADA.search(folded) or not countries_in(folded[m.end() :]):
            continue
        if not m.group(0).startswith(("printed", "lithographed", "imprime")) and not PRINTED_SUBJECT.search(folded):
            continue
        if PRINTED_SUBJECT.search(folded):
            out.append(
                passed(
                    R3_10,
                    "The place of printing is said to refer to the label or container.",
                    "SFCR 222",
                    line.text,
                    line.panel,
                )
            )
        else:
            out.append(
                failed(
                    R3_10,
                    f"'{line.text}' refers to a place of manufacture without saying that it refers only to the "
                    "label or container (e.g. 'Label printed in Canada').",
                    "SFCR 222",
                    line.text,
                    line.panel,
                )
            )
    return out


def _check_context_mismatch(context: ProductContext, statements: list[Statement]) -> Finding | None:
    origin = _country_code(context.country_of_origin)
    if origin is None:
        return None
    for s in statements:
        folded = fold(s.text)
        if MADE_IN_CANADA.search(folded) or BLEND.search(folded):
            continue
        for countries in origin_countries(folded):
            if len(countries) == 1 and countries[0] != origin:
                return review(
                    R3_3,
                    f"The label gives the origin as {countries[0]} but the product context says "
                    f"{context.country_of_origin}; the origin shown must be true.",
                    _CITE_PROXIMITY,
                    s.text,
                    s.panel,
                )
    return None


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    statements = origin_statements(facts)
    findings = _check_imported_by(facts, context, statements)
    for finding in (
        _check_mandatory(context, statements),
        _check_product_of_canada(context, facts, statements),
        _check_local(facts),
        _check_context_mismatch(context, statements),
    ):
        if finding is not None:
            findings.append(finding)
    findings.extend(_check_multiple(statements))
    findings.extend(_check_made_in_canada(facts, statements))
    findings.extend(_check_printed_in(facts))
    return findings
