"""Declaration of net quantity (cfia-rules.md 3.11-3.17).

Sources confirmed in ../shared/domain/sources/: SFCR 199(1)(a) (qualified net quantity is misleading;
the ILT lists "approximately", "average weight", "big litre", "full litre"), 221 (on the principal display
panel), 229 and Schedule 6 (numeral heights 1.6 / 3.2 / 6.4 / 9.5 / 12.7 mm for ≤ 32 / ≤ 258 / ≤ 645 /
≤ 2 580 / > 2 580 cm²), 230 (bold, contrast), 232 (metric), 233 (mL/g below 1 000, L/kg from 1 000; 500 as
0.5; decimal kg for bulk at retail), 234 (three figures, two below 100; final decimal zero optional),
235 (below one: words or a leading zero), 236 (metric and Canadian units grouped), 237 (fluid ounces);
CFIA ILT "net quantity": bilingual symbols g, kg, mL/ml/mℓ, L/l/ℓ, case sensitive ("G" not allowed), no
punctuation after the symbol, one space between number and symbol, no fractions in metric, words in both
languages, U.S. units other than the fluid ounce marked "U.S.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.label_lines import is_principal, panel_lines
from labeliq.checks.net_quantity.quantity_text import (
    FLUID,
    METRIC_SYMBOLS,
    METRIC_WORDS_EN,
    METRIC_WORDS_FR,
    Token,
    significant_figures,
    tokens,
)
from labeliq.checks.net_quantity.rules import R3_11, R3_12, R3_13, R3_14, R3_15, R3_16, R3_17
from labeliq.lexicons import load
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold, has_term

_NUTRIENT_LINE = re.compile(
    r"\b(fat|lipides|protein|prot[ée]ines|fibre|fibres|sugars?|sucres?|sodium|calories|carbohydrate|glucides|"
    r"per|pour|par|serving|portion|cholesterol|potassium|calcium|iron|fer)\b|%|\bmg\b",
    re.I,
)


@dataclass(frozen=True)
class _Decl:
    panel: str
    line: int | None
    text: str  # the raw line as printed
    tokens: list[Token]


def _raw_line(facts: LabelFacts, panel: str, line: int | None, fallback: str) -> str:
    p = facts.panel(panel)
    if p is not None and line is not None:
        lines = p.text.splitlines()
        if 0 <= line < len(lines) and tokens(lines[line]):
            return lines[line].strip()
    return fallback


def _declarations(facts: LabelFacts) -> list[_Decl]:
    """The parser's net quantities (raw line re-read for case), else quantity lines of the principal panels."""
    out: list[_Decl] = []
    for fact in facts.net_quantity:
        raw = _raw_line(facts, fact.source.panel, fact.source.line_start, fact.evidence or fact.text)
        toks = tokens(raw) or tokens(fact.text)
        if toks:
            out.append(_Decl(fact.source.panel, fact.source.line_start, raw, toks))
    if any(is_principal(facts, d.panel) is not False for d in out):
        return out
    for line in panel_lines(facts, principal_only=True):
        toks = [t for t in tokens(line.text) if t.metric or t.canadian]
        if toks and not _NUTRIENT_LINE.search(line.text):
            out.append(_Decl(line.panel, line.index, line.text, toks))
    return out


# SFCR 231, 244 and the CFIA "Units of Measurement for the Net Quantity Declaration of Certain Foods" (CFIA ILT,
# shell eggs): shell eggs are declared by numerical count, as a number or in words ("12", "one dozen").
_EGG_COUNT = re.compile(
    r"\b(?:\d+|one dozen|a dozen|dozen|une douzaine|douzaine)\s+(?:large |medium |small |extra large |"
    r"jumbo |gros |moyens |petits |extra-gros )?(?:eggs?|oeufs?)\b"
)


def _egg_count(facts: LabelFacts) -> tuple[str, str] | None:
    for line in panel_lines(facts, principal_only=True):
        match = _EGG_COUNT.search(fold(line.text))
        if match is not None:
            return line.text, line.panel
    return None


def _check_presence(facts: LabelFacts, context: ProductContext, decls: list[_Decl]) -> Finding:
    cite = "SFCR 221, 232"
    if context.product_kind == "shell_eggs" and not any(any(t.metric for t in d.tokens) for d in decls):
        count = _egg_count(facts)
        if count is not None:
            return passed(
                R3_11,
                "Shell eggs (context product_kind) declare their net quantity by numerical count, here on the "
                "principal display panel.",
                "SFCR 221, 231, 244; CFIA ILT, shell eggs (net quantity by count)",
                count[0],
                count[1],
            )
    on_pdp = [d for d in decls if is_principal(facts, d.panel) is not False]
    if not decls:
        return failed(
            R3_11,
            "No declaration of net quantity was found; it must be on the principal display panel in metric units.",
            cite,
        )
    if not on_pdp:
        return failed(
            R3_11,
            f"The net quantity appears on the '{decls[0].panel}' panel only; it must be on the principal "
            "display panel.",
            cite,
            decls[0].text,
            decls[0].panel,
        )
    metric = [d for d in on_pdp if any(t.metric for t in d.tokens)]
    if not metric:
        if context.packaged_at_retail:
            return review(
                R3_11,
                "The net quantity is only in Canadian units; this is allowed only for food packaged from bulk at "
                "retail (SFCR 241.4(2)(b)), which the context does not establish.",
                cite,
                on_pdp[0].text,
                on_pdp[0].panel,
            )
        return failed(
            R3_11,
            f"The net quantity '{on_pdp[0].text}' is not in metric units; a metric declaration (g, kg, mL, L) is "
            "required on the principal display panel.",
            cite,
            on_pdp[0].text,
            on_pdp[0].panel,
        )
    if is_principal(facts, metric[0].panel) is None:
        return review(
            R3_11,
            "A metric net quantity was found but no panel is marked as the principal display panel.",
            cite,
            metric[0].text,
            metric[0].panel,
        )
    return passed(
        R3_11,
        "The net quantity is declared in metric units on the principal display panel.",
        cite,
        metric[0].text,
        metric[0].panel,
    )


def _check_unit_range(context: ProductContext, decl: _Decl, tok: Token) -> Finding | None:
    cite = "SFCR 233"
    if tok.value is None or tok.canonical is None:
        return None
    unit = tok.canonical
    if unit in ("g", "mL") and tok.value >= 1000:
        big = "kg" if unit == "g" else "L"
        return failed(
            R3_12,
            f"'{tok.raw}' is 1 000 {unit} or more and must be declared in {big} (e.g. {tok.value / 1000:g} {big}).",
            cite,
            decl.text,
            decl.panel,
        )
    if unit in ("kg", "L") and tok.value < 1:
        small = "g" if unit == "kg" else "mL"
        if abs(tok.value - 0.5) < 1e-9:
            return passed(R3_12, f"500 {small} may be shown as 0.5 {unit}.", "SFCR 233(2)", decl.text, decl.panel)
        if unit == "kg" and context.packaged_at_retail:
            return passed(
                R3_12,
                "A decimal fraction of a kilogram is allowed for food packaged at retail.",
                "SFCR 233(3)",
                decl.text,
                decl.panel,
            )
        if unit == "kg" and context.packaged_at_retail is None:
            return review(
                R3_12,
                f"'{tok.raw}' is below 1 {unit}; a decimal fraction of a kilogram is allowed only for food packaged "
                "from bulk at retail or catch-weight food, which the context does not say.",
                "SFCR 233(1), (3)",
                decl.text,
                decl.panel,
            )
        return failed(
            R3_12,
            f"'{tok.raw}' is below 1 000 {small} and must be declared in {small} (e.g. {tok.value * 1000:g} {small}).",
            cite,
            decl.text,
            decl.panel,
        )
    return passed(R3_12, f"'{tok.raw}' uses the unit its size requires.", cite, decl.text, decl.panel)


def _check_figures(decl: _Decl, tok: Token) -> Finding | None:
    if not tok.metric:
        return None
    if tok.fraction:
        return failed(
            R3_13,
            f"'{tok.raw}' uses a fraction; fractions are not acceptable in metric units (use a decimal such as 0.5, "
            "or words).",
            "SFCR 234, 235; CFIA ILT, net quantity",
            decl.text,
            decl.panel,
        )
    if tok.number.startswith((".", ",")):
        return failed(
            R3_13,
            f"'{tok.raw}' is below one unit without a zero before the decimal point (e.g. 0.5).",
            "SFCR 235",
            decl.text,
            decl.panel,
        )
    figures = significant_figures(tok.number)
    if figures > 3:
        return failed(
            R3_13,
            f"'{tok.raw}' shows {figures} figures; the net quantity is declared to three figures (e.g. 453.59 → 454).",
            "SFCR 234",
            decl.text,
            decl.panel,
        )
    return passed(R3_13, f"'{tok.raw}' is shown to at most three figures.", "SFCR 234, 235", decl.text, decl.panel)


def _check_symbol(facts: LabelFacts, decl: _Decl, tok: Token) -> Finding | None:
    cite = "CFIA ILT, net quantity (language and symbols); SFCR 206(1)"
    if not tok.metric:
        return None
    if tok.unit.lower() in METRIC_WORDS_EN | METRIC_WORDS_FR:
        words = {w for t in decl.tokens for w in [t.unit.lower()]}
        context_text = fold(decl.text + " " + " ".join(d.text for d in _declarations(facts)))
        has_en = bool(words & METRIC_WORDS_EN - METRIC_WORDS_FR) or any(
            has_term(context_text, w) for w in METRIC_WORDS_EN - METRIC_WORDS_FR
        )
        has_fr = bool(words & METRIC_WORDS_FR - METRIC_WORDS_EN) or any(
            has_term(context_text, w) for w in METRIC_WORDS_FR - METRIC_WORDS_EN
        )
        shared = tok.unit.lower() in METRIC_WORDS_EN & METRIC_WORDS_FR
        if shared or (has_en and has_fr):
            return passed(R3_14, "The unit written in words appears in both languages.", cite, decl.text, decl.panel)
        return failed(
            R3_14,
            f"The unit '{tok.unit}' is written in words in one language only; words must appear in English and "
            "French (gram/gramme), or use the bilingual symbol.",
            cite,
            decl.text,
            decl.panel,
        )
    if tok.unit not in METRIC_SYMBOLS:
        return failed(
            R3_14,
            f"'{tok.raw}' uses '{tok.unit}', which is not an accepted metric symbol (g, kg, mL/ml/mℓ, L/l/ℓ; the "
            "symbols are case sensitive and 'G' may not replace 'g').",
            cite,
            decl.text,
            decl.panel,
        )
    if tok.punct == "." or tok.punct == ":":
        return failed(R3_14, f"'{tok.raw}': no punctuation may follow the metric symbol.", cite, decl.text, decl.panel)
    if tok.space == "":
        return failed(
            R3_14,
            f"'{tok.raw}': a single space must separate the number from the unit symbol (e.g. '500 g').",
            cite,
            decl.text,
            decl.panel,
        )
    return passed(R3_14, f"'{tok.raw}' uses a bilingual metric symbol.", cite, decl.text, decl.panel)


def _check_qualifiers(decls: list[_Decl]) -> Finding | None:
    qualifiers: list[str] = load("net_quantity_units")["qualifiers"]
    for decl in decls:
        found = [q for q in qualifiers if has_term(decl.text, q)]
        if any(t.qualified for t in decl.tokens):
            found.append("~")
        if found:
            return failed(
                R3_15,
                f"The net quantity is qualified by '{found[0]}'; qualifying the declared net quantity is misleading "
                "and prohibited.",
                "SFCR 199(1)(a); CFIA ILT, net quantity",
                decl.text,
                decl.panel,
            )
    if decls:
        return passed(R3_15, "The net quantity is not qualified.", "SFCR 199(1)(a)", decls[0].text, decls[0].panel)
    return None


def _check_height(context: ProductContext, decls: list[_Decl]) -> Finding | None:
    if not decls:
        return None
    pds = context.principal_display_surface_cm2
    cite = "SFCR 229(1)(a), 230, Schedule 6"
    if pds is None:
        need = "the Schedule 6 height for the principal display surface (1.6 to 12.7 mm; the surface area is not given)"
    else:
        table: list[list[float | None]] = load("net_quantity_units")["schedule_6_mm"]
        mm = next(h for limit, h in table if limit is None or pds <= limit)
        need = f"at least {mm} mm high for a principal display surface of {pds:g} cm²"
    return review(
        R3_16,
        f"The net quantity numerals must be bold, in distinct contrast and {need}; type size and weight cannot be "
        "measured from text.",
        cite,
        decls[0].text,
        decls[0].panel,
    )


def _check_canadian_units(decls: list[_Decl]) -> list[Finding]:
    out: list[Finding] = []
    units: dict[str, dict[str, float]] = load("net_quantity_units")
    metric = [(d, t) for d in decls for t in d.tokens if t.metric]
    for decl in decls:
        for tok in decl.tokens:
            if not tok.canadian:
                continue
            if not metric:
                continue  # 3.11 reports the missing metric declaration
            near = [
                (d, m)
                for d, m in metric
                if d.panel == decl.panel and (d.line is None or decl.line is None or abs(d.line - decl.line) <= 1)
            ]
            if not near:
                out.append(
                    failed(
                        R3_17,
                        f"'{tok.raw}' is not grouped with the metric declaration; metric and Canadian units must "
                        "be shown together.",
                        "SFCR 236",
                        decl.text,
                        decl.panel,
                    )
                )
                continue
            volume = any(m.canonical in ("mL", "L") for _, m in near)
            base = tok.unit.lower().rstrip("s")
            if volume and base in ("oz", "ounce", "once") and not FLUID.search(tok.unit):
                out.append(
                    failed(
                        R3_17,
                        f"'{tok.raw}' declares a liquid in ounces; fluids must use fluid ounces ('fl oz').",
                        "SFCR 237(1); CFIA ILT, net quantity",
                        decl.text,
                        decl.panel,
                    )
                )
                continue
            us_unit = next((u for u in ("pint", "quart", "gallon") if base.startswith(u)), None)
            if us_unit and tok.value and not tok.us:
                ml = [m.value * (1000 if m.canonical == "L" else 1) for _, m in near if m.value]
                us_ml = units["us_units_ml"][us_unit] * tok.value
                if any(abs(v - us_ml) / us_ml < 0.02 for v in ml):
                    out.append(
                        failed(
                            R3_17,
                            f"'{tok.raw}' is a U.S. {us_unit} (by its metric equivalent) but is not marked 'U.S.'.",
                            "CFIA ILT, net quantity",
                            decl.text,
                            decl.panel,
                        )
                    )
                    continue
            out.append(
                passed(
                    R3_17,
                    f"'{tok.raw}' is grouped with the metric declaration.",
                    "SFCR 236, 237",
                    decl.text,
                    decl.panel,
                )
            )
    return out


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    decls = _declarations(facts)
    findings = [_check_presence(facts, context, decls)]
    pdp = [d for d in decls if is_principal(facts, d.panel) is not False] or decls
    for decl in pdp:
        for tok in decl.tokens:
            for finding in (
                _check_unit_range(context, decl, tok),
                _check_figures(decl, tok),
                _check_symbol(facts, decl, tok),
            ):
                if finding is not None:
                    findings.append(finding)
    for finding in (_check_qualifiers(pdp), _check_height(context, pdp)):
        if finding is not None:
            findings.append(finding)
    findings.extend(_check_canadian_units(pdp))
    return findings
