"""What the detected nutrition symbol says and where, and the PDP claims next to it (cfia-rules.md 7.12-7.17).

The symbol's words are fixed by Schedule K.1 (FDR): "High in" / "Élevé en", the bars "Sat fat" / "Gras sat.",
"Sugars" / "Sucres", "Sodium", and "Health Canada" / "Santé Canada". Text shows which nutrients the symbol
names and in which languages; colour, size and position need the image, so those rows go to a person.
"""

from __future__ import annotations

import re

from labeliq.checks.common import claim_parse
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.fop_symbol.rules import R7_12, R7_13, R7_14, R7_15, R7_16, R7_17
from labeliq.checks.fop_symbol.thresholds import NAMES
from labeliq.models import Finding, LabelFacts
from labeliq.text import fold

# Words of the symbol per nutrient (FDR B.01.352 table: "Saturated fat (Sat fat)", "Sugars", "Sodium"; French
# FDR: "Gras saturés (Gras sat.)", "sucres", "sodium").
_SYMBOL_WORDS = {
    "saturated_fat": re.compile(r"\bsat\.?\s*fat\b|\bsaturated\b|\bgras\s+sat\b|\bgras\s+satures?\b"),
    "sugars": re.compile(r"\bsugars?\b|\bsucres?\b"),
    "sodium": re.compile(r"\bsodium\b"),
}

# Schedule K.1 figure descriptions (FDR, EN text line 14366 ff., FR figures 1(FH) ff.): headings and bar words.
_HEADINGS = {"en": re.compile(r"\bhigh\s+in\b"), "fr": re.compile(r"\beleve\s+en\b")}
_CREDITS = {"en": re.compile(r"\bhealth\s+canada\b"), "fr": re.compile(r"\bsante\s+canada\b")}
_BAR_WORDS = {
    "saturated_fat": {"en": re.compile(r"\bsat\.?\s*fat\b|\bsaturated\b"), "fr": re.compile(r"\bgras\s+sat")},
    "sugars": {"en": re.compile(r"\bsugars?\b"), "fr": re.compile(r"\bsucres?\b")},
}


def check_wording(text: str, panel: str | None) -> list[Finding]:
    """7.13: the symbol's words in both languages (B.01.351(2): bilingual, or an English and a French version)."""
    folded = fold(text)
    missing = [f'"{w}"' for lang, w in (("en", "High in"), ("fr", "Élevé en")) if not _HEADINGS[lang].search(folded)]
    credits = [
        f'"{w}"' for lang, w in (("en", "Health Canada"), ("fr", "Santé Canada")) if not _CREDITS[lang].search(folded)
    ]
    for words in _BAR_WORDS.values():
        found = {lang for lang, pattern in words.items() if pattern.search(folded)}
        if found and len(found) == 1:
            missing.append("the " + ("French" if "en" in found else "English") + " word for a nutrient it lists")
    cite = "FDR B.01.351(1),(2), Schedule K.1"
    if not missing and credits:
        # the small "Health Canada / Santé Canada" line is easily lost in extraction: a person looks
        return [
            review(
                R7_13.part("wording"),
                f"The symbol text read lacks {' and '.join(credits)}, which Schedule K.1 places at the bottom of the "
                "symbol; a reviewer must confirm it on the label.",
                cite,
                text,
                panel,
            )
        ]
    if not missing:
        return [passed(R7_13.part("wording"), "The symbol shows its English and French words.", cite, text, panel)]
    return [
        failed(
            R7_13.part("wording"),
            f"The nutrition symbol lacks {', '.join(missing)}; it must be shown in English and French (one bilingual "
            "symbol, or an English and a French version) as set out in Schedule K.1, unless the label may be "
            "unilingual (B.01.351(4)).",
            cite,
            text,
            panel,
        )
    ]


def symbol_text(facts: LabelFacts) -> str:
    return "\n".join(t.text for t in facts.fop_symbol)


def symbol_nutrients(text: str) -> set[str]:
    folded = fold(text)
    return {key for key, pattern in _SYMBOL_WORDS.items() if pattern.search(folded)}


def claims_interplay(facts: LabelFacts) -> list[Finding]:
    """7.15: no PDP claim about a nutrient the symbol names, except "reduced in"; no "unsweetened" with sugars."""
    shown = symbol_nutrients(symbol_text(facts))
    if not shown:
        return []
    pdp = {p.name for p in facts.principal_display_panels()}
    out: list[Finding] = []
    symbol = fold(symbol_text(facts))
    for claim in facts.claims:
        if claim.source.panel not in pdp or fold(claim.text) in symbol:  # the symbol's own words are not a claim
            continue
        for parsed in claim_parse.parse(claim.text):
            subject = "saturated_fat" if parsed.subject == "trans_fat" else parsed.subject
            if parsed.kind == "unsweetened" and "sugars" in shown:
                out.append(
                    failed(
                        R7_15,
                        f'"{claim.text}" appears on the principal display panel with a nutrition symbol for sugars; '
                        '"unsweetened" is not allowed there.',
                        "FDR B.01.509(2)",
                        claim.text,
                        claim.source.panel,
                    )
                )
            elif subject in shown and parsed.kind not in ("reduced", "unsweetened"):
                out.append(
                    failed(
                        R7_15,
                        f'"{claim.text}" is a claim about {NAMES[subject]} on the principal display panel that also '
                        f'carries a nutrition symbol for {NAMES[subject]}; only a "reduced in" claim is allowed there.',
                        "FDR B.01.503(1.1)",
                        claim.text,
                        claim.source.panel,
                    )
                )
        if "sodium" in shown and re.search(
            r"sodium[- ]restricted|salt[- ]restricted|regime hyposode", fold(claim.text)
        ):
            out.append(
                failed(
                    R7_15,
                    f'"{claim.text}" represents the product for a '
                    "sodium-restricted diet on a panel with a sodium symbol.",
                    "FDR B.01.508(2)",
                    claim.text,
                    claim.source.panel,
                )
            )
    return out


def layout_reviews(facts: LabelFacts, shown_text: str, panel: str | None) -> list[Finding]:
    if not shown_text.strip():
        return []
    pdp = {p.name for p in facts.principal_display_panels()}
    out = [
        review(
            R7_12,
            "The symbol's appearance (black and white, the Schedule K.1 version and format for the principal display "
            "surface) cannot be read from text; a reviewer must confirm it.",
            "FDR B.01.351, B.01.352",
            shown_text,
            panel,
        ),
        review(
            R7_14,
            "The symbol's position (principal display panel, right or upper half, clear space, 10 % from the edge on "
            "cylinders) needs the layout; a reviewer must confirm it.",
            "FDR B.01.354, B.01.355",
            shown_text,
            panel,
        ),
        review(
            R7_17,
            "No look-alike symbol may appear; logos cannot be judged from text.",
            "FDR B.01.358",
            shown_text,
            panel,
        ),
    ]
    if panel is not None and pdp and panel not in pdp:
        out.insert(
            0,
            failed(
                R7_14,
                f'The nutrition symbol was read on the "{panel}" panel, not on the principal display panel.',
                "FDR B.01.350(1), B.01.354",
                shown_text,
                panel,
            ),
        )
    if any(c.source.panel in pdp and c.kind in ("nutrient_content", "health") for c in facts.claims):
        out.append(
            review(
                R7_16,
                "Health-related representations on the principal display panel must not be larger than the symbol's "
                "letters (same nutrient) or twice their size (other nutrients); letter heights need the image.",
                "FDR B.01.357",
                shown_text,
                panel,
            )
        )
    return out
