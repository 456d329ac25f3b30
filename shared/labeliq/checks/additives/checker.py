"""Section 13: food additives as named in the list of ingredients.

The names come from Health Canada's Lists of Permitted Food Additives as copied in
lexicons/data/permitted_additives.json, which is partial (13 of 15 lists, no conditions of use): so a
name it does not know is needs_review, never fail. What can fail from text is the manner of
declaring: an E/INS number standing alone (13.3), the repealed "colour" class name (13.5), a
household colour preparation without its PDP words (13.5), colour in vanilla (13.8).
"""

from __future__ import annotations

import re
from functools import cache

from labeliq.checks.additives.names import class_name_finding, function_word_findings
from labeliq.checks.additives.rules import R13_1, R13_3, R13_5, R13_6, R13_8, R13_9
from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.ingredients_text import Entry, ParsedList, parsed_lists, short, strip_qualifiers, walk
from labeliq.checks.common.lexicons import (
    additive_names,
    colour_class_entries,
    is_colour_class_name,
    sugars_group_terms,
    sweetener_kind,
)
from labeliq.checks.common.named_food import common_name_text
from labeliq.lexicons import load
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

CITE_LISTS = "CFIA ILT, food additives; Health Canada Lists of Permitted Food Additives"
CITE_NUMBERS = "CFIA ILT, food additives (INS and E-numbers)"
CITE_COLOUR = "CFIA ILT, food additives (food colours); FDR B.01.010"
CITE_COLOUR_PREP = "FDR B.16.015(a)"
CITE_VANILLA = "FDR B.16.010"
CITE_FLAVOUR = "FDR B.10.008; FDR B.01.008.2(4)(b)"
CITE_PREPARATION = "FDR B.16.013, B.16.014"

# An E / INS number ("E330", "INS 160a"): the whole name (with a roman-numeral variant), or inside a name.
_E_CODE = r"(e|ins|sin)\s?-?\d{3,4}[a-z]?"
E_NUMBER = re.compile(rf"^{_E_CODE}(\s?\(?[ivx]+\)?)?$")
_E_INSIDE = re.compile(rf"(?<![a-z0-9]){_E_CODE}(?![a-z0-9])")
_ADDITIVE_LOOKING = re.compile(
    r"(?<![a-z])(acid|acide|gum|gomme|esters?|edta|datem|polysorbate|carrageen\w*|carraghén\w*|lactylate|sorbitan|"
    r"lecithin|lécithine|cellulose|peroxide|bromate|azodicarbonamide|ferrocyanide|paraben|hydroquinone|butylated|"
    r"gallate|glycerides?|glycérides?)(?![a-z])|"
    r"(benzoate|sorbate|propionate|nitrite|nitrate|sulphite|sulfite|phosphate|erythorbate|ascorbate|citrate|tartrate|"
    r"lactate|gluconate|silicate|stearate|stéarate|alginate|carbonate|chloride|chlorure|hydroxide|hydroxyde|oxide|"
    r"oxyde|sulphate|sulfate|succinate|fumarate|malate|acetate|acétate|glutamate|guanylate|inosinate|"
    r"ribonucleotide)s?(?![a-z])"
)
_NOT_ADDITIVE_WORDS = re.compile(r"vitamin|vitamine|fatty acid|acides? gras|amino acid|acides? aminés?|maltodextrin")
_FLAVOUR = re.compile(r"flavou?r|ar[oô]me|aromatisant|saveur", re.I)
_ARTIFICIAL = re.compile(r"artificial|imitation|artificiel|synthétique", re.I)
_NATURE_IDENTICAL = re.compile(r"nature[- ]identical|identique[s]? (à la|aux) nature", re.I)
_NATURAL = re.compile(r"natural|naturel", re.I)


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    lists = parsed_lists(facts)
    if not lists:
        return [
            not_applicable(R13_1, "No list of ingredients was found, so no additive could be looked up.", CITE_LISTS)
        ]
    findings: list[Finding] = []
    for pl in lists:
        entries = [e for e in _judged_entries(pl)]
        findings.append(_names(pl, entries))
        known = sorted({e.name for e in entries if classify_additive(e.name) == "known"})
        findings.append(function_word_findings(pl, known))
        class_name = class_name_finding(pl)
        if class_name is not None:
            findings.append(class_name)
        findings.append(_numbers(pl))
        findings.append(_colours(pl))
        unlisted = _unlisted_colours(pl)
        if unlisted is not None:
            findings.append(unlisted)
        flavour = _flavours(pl)
        if flavour is not None:
            findings.append(flavour)
    findings.extend(_product_rules(facts, context, lists))
    return findings


def _judged_entries(pl: ParsedList) -> list[Entry]:
    """Entries whose names are judged as possible additives: not the sugars group, not sweeteners (11.1)."""
    groups = sugars_group_terms(None)
    out: list[Entry] = []
    for entry in pl.entries:
        if entry.folded in groups:
            continue
        out.extend(e for e in walk([entry]) if e.name and sweetener_kind(e.name) is None)
    return out


def _lang(pl: ParsedList) -> str:
    return (pl.language or "unknown").upper()


_FR_ANIONS = {
    "chlorure": "chloride", "sulfate": "sulphate", "sulfite": "sulphite", "bisulfite": "bisulphite",
    "metabisulfite": "metabisulphite", "hydroxyde": "hydroxide", "oxyde": "oxide",
}  # fmt: skip
_FR_SALT = re.compile(r"^(\w+)(?: acide)? d['e ]\s*(sodium|potassium|calcium|magnesium|ammonium)$")
_FR_ACID = re.compile(r"^acide (\w+)ique$")


def _english_name(folded: str) -> str | None:
    """A regular French additive name rewritten in English ("benzoate de sodium" -> "sodium benzoate")."""
    salt = _FR_SALT.match(folded)
    if salt:
        return f"{salt.group(2)} {_FR_ANIONS.get(salt.group(1), salt.group(1))}"
    acid = _FR_ACID.match(folded)
    if acid:
        stem = {"tartr": "tartar", "benzo": "benzo"}.get(acid.group(1), acid.group(1))
        return f"{stem}ic acid"
    return None


def classify_additive(name: str) -> str | None:
    """'known', 'unknown' (looks like an additive, not in the lexicon) or None (an ordinary ingredient)."""
    lex = additive_names()
    stripped = strip_qualifiers(name, None)
    if not stripped or E_NUMBER.match(stripped) or is_colour_class_name(name):
        return None
    if stripped in lex.known:
        return "known"
    if stripped in lex.not_additives or _NOT_ADDITIVE_WORDS.search(stripped):
        return None
    without_numbers = _E_INSIDE.sub("", stripped).strip()
    english = _english_name(without_numbers)
    if without_numbers in lex.known or (english is not None and english in lex.known):
        return "known"
    for source in ("soy ", "soya ", "sunflower ", "canola ", "corn ", "tapioca ", "potato ", "wheat "):
        if stripped.startswith(source) and stripped[len(source) :] in lex.known:
            return "known"
    if _ADDITIVE_LOOKING.search(stripped) or _E_INSIDE.search(stripped):
        return "unknown"
    return None


def _names(pl: ParsedList, entries: list[Entry]) -> Finding:
    known = sorted({e.name for e in entries if classify_additive(e.name) == "known"})
    unknown = sorted({e.name for e in entries if classify_additive(e.name) == "unknown"})
    if unknown:
        return review(
            R13_1,
            f"The {_lang(pl)} list names {', '.join(unknown)}, which look like food additives but are not in the "
            "additive lexicon (a partial copy of the Lists of Permitted Food Additives): check each is permitted in "
            "this food and declared by its listed name or a CFIA permitted synonym.",
            CITE_LISTS,
            short(pl.body),
            pl.panel,
        )
    if known:
        return passed(
            R13_1,
            f"The {_lang(pl)} list declares {', '.join(known)} by names found in the Lists of Permitted Food "
            "Additives (permitted foods and maximum levels are not checked).",
            CITE_LISTS,
            short(pl.body),
            pl.panel,
        )
    return not_applicable(
        R13_1, f"No food additive was recognised in the {_lang(pl)} list.", CITE_LISTS, short(pl.body), pl.panel
    )


def _number_alone(entry: Entry, parent: Entry | None) -> bool:
    if not E_NUMBER.match(fold(entry.name)):
        return False
    if any(classify_additive(c.name) is not None for c in entry.components):
        return False  # "E102 (tartrazine)": the name is there, the number supplements it
    if parent is None:
        return True
    parent_name = parent.name
    return (
        is_colour_class_name(parent_name)
        or strip_qualifiers(parent_name, None) in additive_names().function_class_names
    )


def _numbers(pl: ParsedList) -> Finding:
    alone: list[str] = []

    def visit(entries: list[Entry], parent: Entry | None) -> None:
        for entry in entries:
            if _number_alone(entry, parent):
                alone.append(entry.name if parent is None else f"{parent.name} ({entry.name})")
            visit(entry.components, entry)

    visit(pl.entries, None)
    if alone:
        return failed(
            R13_3,
            f"The {_lang(pl)} list declares additives by number only: {', '.join(alone)}. INS or E-numbers are not "
            "acceptable alone as the common name; they may only follow the additive's name.",
            CITE_NUMBERS,
            short(pl.body),
            pl.panel,
            term=alone[0],
        )
    if _E_INSIDE.search(fold(pl.body)):
        return passed(
            R13_3,
            f"E/INS numbers in the {_lang(pl)} list accompany the additives' names.",
            CITE_NUMBERS,
            short(pl.body),
            pl.panel,
        )
    return not_applicable(R13_3, f"No E or INS number appears in the {_lang(pl)} list.", CITE_NUMBERS)


def _colours(pl: ParsedList) -> Finding:
    lex = additive_names()
    class_names = [e.raw.strip() for e in colour_class_entries(pl.entries)]
    if class_names:
        return failed(
            R13_5,
            f"The {_lang(pl)} list declares colour by the repealed class name ({', '.join(class_names)}); each "
            "food colour must be declared by its specific name (e.g. 'allura red', 'tartrazine lake').",
            CITE_COLOUR,
            short(pl.body),
            pl.panel,
        )
    us_names = [e.name for e in walk(pl.entries) if strip_qualifiers(e.name, None) in lex.us_colour_names]
    if us_names:
        return review(
            R13_5,
            f"The {_lang(pl)} list names colours by their US designations ({', '.join(us_names)}); the Canadian "
            "common names are those of the List of Permitted Colouring Agents (e.g. 'allura red' for Red 40) unless "
            "CFIA lists the designation as a permitted synonym.",
            CITE_COLOUR,
            short(pl.body),
            pl.panel,
        )
    colours = sorted({e.name for e in walk(pl.entries) if strip_qualifiers(e.name, None) in lex.colours})
    if colours:
        return passed(
            R13_5,
            f"Colours in the {_lang(pl)} list are declared by specific names ({', '.join(colours)}).",
            CITE_COLOUR,
            short(pl.body),
            pl.panel,
        )
    return not_applicable(R13_5, f"No food colour was found in the {_lang(pl)} list.", CITE_COLOUR)


CITE_COLOUR_LIST = "FDR B.16.002, B.16.003; Health Canada List of Permitted Colouring Agents (List 3)"


@cache
def _colour_name_pattern(colour: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(colour) + r"(?![a-z0-9])")


def _colour_entry_matches(name: str, colour: str) -> bool:
    return _colour_name_pattern(colour).search(name) is not None


def _unlisted_colours(pl: ParsedList) -> Finding | None:
    """A colour named in the list that no Canadian food colour list carries (lexicon colouring_agents)."""
    lexicon = load("colouring_agents")
    names = [(e.name, fold(e.name)) for e in walk(pl.entries) if e.name]
    for kind in ("drug_only", "not_on_canadian_lists"):
        for colour in lexicon[kind]:
            hit = next(
                (raw for raw, folded in names if any(_colour_entry_matches(folded, n) for n in colour["names"])), None
            )
            if hit is None:
                continue
            if kind == "drug_only":
                return failed(
                    R13_1,
                    f"The {_lang(pl)} list declares '{hit}' ({colour['e']}), a colour that is not on the List of "
                    "Permitted Colouring Agents nor on CFIA's table of food colours permitted in Canada; the FDR "
                    "names it only among the colouring agents permitted in drugs (C.01.040.2(3)). A food containing "
                    "a food additive not permitted for it is adulterated.",
                    CITE_COLOUR_LIST,
                    short(pl.body),
                    pl.panel,
                )
            return review(
                R13_1,
                f"The {_lang(pl)} list declares '{hit}' ({colour['e']}), a colour not on CFIA's table of food colours "
                "permitted in Canada nor in the part of the List of Permitted Colouring Agents available here: is it "
                "on List 3 for this food?",
                CITE_COLOUR_LIST,
                short(pl.body),
                pl.panel,
            )
    return None


def _flavours(pl: ParsedList) -> Finding | None:
    flavours = [e for e in walk(pl.entries) if _FLAVOUR.search(e.name)]
    if not flavours:
        return None
    detached = [
        e.raw.strip()
        for e in flavours
        if not _ARTIFICIAL.search(e.name) and any(_ARTIFICIAL.search(c.name) for c in e.components)
    ]
    identical = [e.raw.strip() for e in flavours if _NATURE_IDENTICAL.search(e.raw)]
    bare = [
        e.name
        for e in flavours
        if not _ARTIFICIAL.search(e.raw)
        and not _NATURAL.search(e.raw)
        and re.fullmatch(r"(flavou?rs?|ar[oô]mes?)", fold(e.name))
    ]
    if detached or identical or bare:
        parts = []
        if detached:
            parts.append(f"'artificial' is set apart from the flavour's name in {', '.join(detached)}")
        if identical:
            parts.append(f"'nature-identical' is not a Canadian designation ({', '.join(identical)})")
        if bare:
            parts.append(f"{', '.join(bare)} does not say whether the flavour is natural or artificial")
        return review(
            R13_9,
            f"Flavour wording in the {_lang(pl)} list: {'; '.join(parts)}. An artificial or imitation flavour "
            "carries 'artificial' or 'imitation' as an integral part of its name, in the same type.",
            CITE_FLAVOUR,
            short(pl.body),
            pl.panel,
        )
    return passed(
        R13_9,
        f"Flavours in the {_lang(pl)} list are named as natural or artificial ({', '.join(e.name for e in flavours)}).",
        CITE_FLAVOUR,
        short(pl.body),
        pl.panel,
    )


def _product_rules(facts: LabelFacts, context: ProductContext, lists: list[ParsedList]) -> list[Finding]:
    findings: list[Finding] = []
    described = common_name_text(facts)  # what the label's own name says the food is, not `category`
    lex = additive_names()
    if re.search(r"food colou?r|colorant alimentaire|icing colou?r", described):
        pdp = " ".join(p.text for p in facts.principal_display_panels())
        if re.search(r"food colour preparation", pdp, re.I):
            findings.append(
                passed(R13_5, "The principal display panel reads 'Food Colour Preparation'.", CITE_COLOUR_PREP)
            )
        else:
            findings.append(
                failed(
                    R13_5,
                    "A food colour preparation for household use must show the words 'Food Colour Preparation' on "
                    "the principal display panel; they were not found there (if it contains no synthetic colour, "
                    "this does not apply).",
                    CITE_COLOUR_PREP,
                )
            )
    if re.search(
        r"\bvanill(a|e)\b.*\b(extract|flavou?r|extrait|arome)\b|\b(extract|extrait|arome)\b.*\bvanill", described
    ):
        coloured = [
            e.name
            for pl in lists
            for e in walk(pl.entries)
            if strip_qualifiers(e.name, None) in lex.colours or is_colour_class_name(e.name)
        ]
        if coloured:
            findings.append(
                failed(
                    R13_8,
                    f"Vanilla extract or vanilla flavour must not contain added colour; the list declares "
                    f"{', '.join(coloured)}.",
                    CITE_VANILLA,
                    short(lists[0].body),
                    lists[0].panel,
                )
            )
        else:
            findings.append(passed(R13_8, "No added colour is declared in this vanilla product.", CITE_VANILLA))
    if re.search(r"additive preparation|pre-?mix|préparation d'additifs|prémélange", described):
        findings.append(
            review(
                R13_6,
                "An additive preparation or pre-mix must show, grouped with its list, the amount of each additive or "
                "directions for use that keep the final food within the maximum levels; check this statement.",
                CITE_PREPARATION,
            )
        )
    return findings
