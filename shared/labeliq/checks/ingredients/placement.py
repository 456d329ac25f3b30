"""Where the list sits and what it may leave out or reorder (cfia-rules.md 5.4, 5.12, 5.15, 5.16, 5.18).

These rows are permissions or layout rules: the label text can show which entries close the list, which entries
come from the B.01.009(1) table, which panel holds the list and whether B.01.011 variation wording is used, but not
the formulation, the border or the background. What text cannot show is a `needs_review` naming what to check.
"""

from __future__ import annotations

import re

from labeliq.checks.common.findings import not_applicable, passed, review
from labeliq.checks.common.ingredients_text import Entry, ParsedList, short, strip_qualifiers
from labeliq.checks.common.lexicons import additive_names
from labeliq.checks.ingredients.rules import R5_4, R5_12, R5_15, R5_16, R5_18
from labeliq.models import Finding, LabelFacts
from labeliq.text import fold

CITE_TAIL = "FDR B.01.008.2(4)"
CITE_EXEMPT_COMPONENTS = "FDR B.01.009(1),(3),(4)"
CITE_BORDER = "FDR B.01.008.2(2), B.01.010.3(1)(a.2), B.01.010.4(1)(c)"
CITE_LOCATION = "FDR B.01.005(1)-(3), B.01.008(1)(b)"
CITE_VARIATION = "FDR B.01.011(1)(d),(2)(a)"

# B.01.008.2(4) classes, by the words that name them on labels (EN and FR). Additives come from the lexicon.
_SEASONING = re.compile(r"\b(seasonings?|assaisonnements?)\b")
_SPICE_HERB = re.compile(r"\b(spices?|herbs?|epices?|fines herbes|herbes?)\b")
_FLAVOUR = re.compile(r"\b(flavou?rs?|flavou?ring|aromes?|aromatisants?)\b")
_ENHANCER = re.compile(r"\b(glutamate|inosinate|guanylate|ribonucleotides?)\b")
_VITAMIN = re.compile(r"\b(vitamins?|vitamines?|thiamine?|riboflavine?|niacine?|folic acid|acide folique|folate)\b")
_MINERAL = re.compile(
    r"\b(reduced iron|fer reduit|iron|fer|zinc (oxide|sulphate|sulfate)|oxyde de zinc|potassium iodide|"
    r"iodure de potassium|ferrous \w+|\w+ ferreux)\b"
)
_SULPHITE = re.compile(r"sul(ph|f)it|sulphur dioxide|sulfur dioxide|anhydride sulfureux|metabisul|bisul")

# B.01.009(1) table items whose components need not be shown (EN, FR), as labels name them.
_TABLE_ITEMS = frozenset(
    fold(n)
    for n in (
        "butter",
        "beurre",
        "margarine",
        "shortening",
        "shortening d'huile végétale",
        "lard",
        "saindoux",
        "leaf lard",
        "monoglycerides",
        "monoglycérides",
        "diglycerides",
        "diglycérides",
        "rice",
        "riz",
        "starch",
        "amidon",
        "modified starch",
        "amidon modifié",
        "flour",
        "farine",
        "wheat flour",
        "farine de blé",
        "soy flour",
        "farine de soja",
        "graham flour",
        "whole wheat flour",
        "farine de blé entier",
        "baking powder",
        "poudre à pâte",
        "milk",
        "lait",
        "chewing gum base",
        "gomme de base",
        "cocoa",
        "cacao",
        "salt",
        "sel",
        "vinegar",
        "vinaigre",
    )
)

# B.01.011 wording: an ingredient may not be present, another may be substituted, proportions may change.
_VARIATION = re.compile(
    r"\b(and/or|et/ou|may contain one or more of|may not be present|subject to change|peut contenir un ou plusieurs"
    r"|sous réserve de modifications|proportions? (may|can) vary)\b",
    re.I,
)


def tail_class(name: str) -> str | None:
    """The B.01.008.2(4) class an entry belongs to, or None for an ingredient that keeps its weight position."""
    folded = strip_qualifiers(name, None)
    if folded in {"salt", "sel", "sea salt", "sel de mer"}:
        return None  # salt added separately is excluded from the seasonings of (4)(a)
    checks = (
        (_SEASONING, "seasoning"),
        (_SPICE_HERB, "spice or herb"),
        (_FLAVOUR, "flavour"),
        (_ENHANCER, "flavour enhancer"),
        (_VITAMIN, "vitamin"),
        (_MINERAL, "mineral nutrient"),
        (_SULPHITE, "food additive"),
    )
    for pattern, label in checks:
        if pattern.search(folded):
            return label
    names = additive_names()
    if folded in names.known and folded not in names.not_additives:
        return "food additive"
    return None


def tail(entries: list[Entry]) -> list[tuple[Entry, str]]:
    """The trailing run of entries of the B.01.008.2(4) classes, in printed order."""
    run: list[tuple[Entry, str]] = []
    for entry in reversed(entries):
        label = tail_class(entry.name)
        if label is None:
            break
        run.append((entry, label))
    return list(reversed(run))


def tail_order(pl: ParsedList) -> Finding:
    run = tail(pl.entries)
    lang = (pl.language or "unknown").upper()
    if not run:
        return not_applicable(
            R5_4,
            f"The {lang} list does not end with spices, seasonings, flavours, additives, vitamins or minerals, so "
            "the any-order tail of B.01.008.2(4) is not used.",
            CITE_TAIL,
            short(pl.body, 80),
            pl.panel,
        )
    listed = ", ".join(f"{e.name} ({label})" for e, label in run)
    seasonings = [e.name for e, label in run if label == "seasoning"]
    if seasonings:
        return review(
            R5_4,
            f"The {lang} list ends with items it may show in any order ({listed}). Seasonings other than spices "
            f"and herbs ({', '.join(seasonings)}) may sit there only if they total no more than 2 % of the weight "
            "of the ingredients: check the formulation.",
            CITE_TAIL,
            short(", ".join(e.raw for e, _ in run), 120),
            pl.panel,
        )
    return passed(
        R5_4,
        f"The {lang} list closes with items B.01.008.2(4) allows at the end in any order ({listed}); their order "
        "among themselves is free.",
        CITE_TAIL,
        short(", ".join(e.raw for e, _ in run), 120),
        pl.panel,
    )


def exempt_components(pl: ParsedList) -> Finding | None:
    """5.12: a B.01.009(1) item printed without components is permitted; said so the reader sees it was weighed."""
    bare = [e.name for e in pl.entries if not e.components and strip_qualifiers(e.name, pl.language) in _TABLE_ITEMS]
    if not bare:
        return None
    return passed(
        R5_12,
        f"{', '.join(bare)}: items of the table to B.01.009(1), whose components need not be shown; a food "
        "allergen, gluten or sulphite source among those components must still be declared (B.01.009(3),(4)), "
        "which the allergen check judges.",
        CITE_EXEMPT_COMPONENTS,
        ", ".join(bare),
        pl.panel,
    )


def border(pl: ParsedList) -> Finding:
    return review(
        R5_15,
        f"Check on the {pl.panel} panel that the {(pl.language or 'unknown').upper()} list of ingredients is set "
        "apart by a solid border or lines or by a contrasting background, and that the phenylalanine statement, "
        "the Contains statement and any May contain statement sit inside the same border or background on the "
        "same continuous surface: text does not show borders or backgrounds.",
        CITE_BORDER,
        short(pl.source.title + " " + pl.body, 80),
        pl.panel,
    )


def location(facts: LabelFacts, lists: list[ParsedList]) -> Finding:
    bottoms = {p.name for p in facts.panels if p.is_bottom}
    elsewhere = [pl for pl in lists if pl.panel not in bottoms]
    if elsewhere:
        return passed(
            R5_16,
            f"The list of ingredients is shown on the {elsewhere[0].panel} panel, not only on the bottom.",
            CITE_LOCATION,
            panel=elsewhere[0].panel,
        )
    return review(
        R5_16,
        f"The list of ingredients appears only on the bottom panel ({lists[0].panel}). Required information may "
        "not be shown only on the bottom of the container (B.01.005(1),(2)) unless the container is ornamental "
        "(B.01.005(3)); confirm whether it is, otherwise the list must also appear on another panel.",
        CITE_LOCATION,
        short(lists[0].body, 80),
        lists[0].panel,
    )


def variation_wording(pl: ParsedList) -> Finding | None:
    """5.18: B.01.011 substitution or proportion wording is in play only when the list uses it."""
    match = _VARIATION.search(pl.body)
    if match is None:
        return None
    return review(
        R5_18,
        f"The {(pl.language or 'unknown').upper()} list uses variation wording ('{match.group(0)}'). B.01.011 "
        "allows it for 12 months from labelling only if every food that may be used is listed, the statement is "
        "part of the list, and the alternatives are grouped by class in the descending order of their probable "
        "use: check these against the formulation plan. It is not a precautionary allergen statement.",
        CITE_VARIATION,
        short(pl.body[max(0, match.start() - 40) : match.end() + 40], 120),
        pl.panel,
    )


def placement_findings(facts: LabelFacts, lists: list[ParsedList]) -> list[Finding]:
    findings: list[Finding] = []
    for pl in lists:
        findings.append(tail_order(pl))
        findings.append(border(pl))
        for optional in (exempt_components(pl), variation_wording(pl)):
            if optional is not None:
                findings.append(optional)
    findings.append(location(facts, lists))
    return findings
