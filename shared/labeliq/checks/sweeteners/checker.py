"""Section 11: sweeteners named in the list of ingredients and the statements they require.

FDR B.16.016-B.16.019 and B.01.402(6), CFIA ILT sweeteners page; the names and where each is
confirmed are in lexicons/data/sweeteners.json. List 9 itself is not in sources/, so a sweetener the
lexicon cannot confirm is needs_review, never fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.ingredients_text import (
    ParsedList,
    list_line_span,
    parsed_lists,
    short,
    text_outside_lists,
    walk,
)
from labeliq.checks.common.label_lines import panel_lines
from labeliq.checks.common.lexicons import SweetenerKind, sweetener_kind, sweeteners_data
from labeliq.checks.common.named_food import names_food
from labeliq.checks.common.rule import Rule
from labeliq.checks.nutrition_facts import small_package
from labeliq.checks.sweeteners.rules import R11_1, R11_2, R11_3, R11_4, R11_5, R11_6, R11_7, R11_9
from labeliq.models import Finding, FindingText, LabelFacts, ProductContext
from labeliq.text import fold

CITE_LIST9 = "CFIA ILT, sweeteners; Health Canada List of Permitted Sweeteners (List 9)"
CITE_PKU = "FDR B.16.016(1)"
CITE_PKU_PLACE = "FDR B.16.016(2); B.01.010.3(1)(a.1)"
CITE_TABLE_TOP = "FDR B.16.019"
CITE_POLYDEXTROSE = "FDR B.16.017"
CITE_ERYTHRITOL = "FDR B.16.018"
CITE_POLYOLS = "FDR B.01.402(6); CFIA ILT, sweeteners"
CITE_CYCLAMATE = "FDR E.01.001-E.01.005; CFIA ILT, sweeteners"
TABLE_TOP_INTENSE = {"aspartame", "sucralose", "acesulfame_potassium", "neotame"}
_PKU_LINE = re.compile(r"ph[eé]nylalanine", re.I)
_SWEETNESS = re.compile(
    r"(as sweet as|sweetness (of|equal|equivalent)|same sweetness|equivalent to|sweetens like|aussi sucré que|"
    r"pouvoir sucrant|équivaut à|équivalent à|sucre autant que)",
    re.I,
)
_SUGAR_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*(tsp|teaspoons?|tbsp|g|cups?|c\. à (thé|café|soupe))\b", re.I)


@dataclass(frozen=True)
class Found:
    name: str
    kind: SweetenerKind
    key: str
    pl: ParsedList


def _found(lists: list[ParsedList]) -> list[Found]:
    out = []
    for pl in lists:
        for entry in walk(pl.entries):
            hit = sweetener_kind(entry.name)
            if hit is not None:
                out.append(Found(entry.name, hit[0], hit[1], pl))
    return out


def _names(facts: LabelFacts) -> str:
    return ", ".join(n.text for n in facts.common_names)


def _is_table_top(facts: LabelFacts, context: ProductContext) -> bool | None:
    """True/False from the label's common name (never the words of `category`); None when no name is shown."""
    if not facts.common_names:
        return None
    return names_food(facts, sweeteners_data()["table_top_categories"]) is not None


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    lists = parsed_lists(facts)
    found = _found(lists)
    if not found:
        return [
            not_applicable(
                R11_1,
                "No sweetener, sugar alcohol or polydextrose was found in the list of ingredients."
                if lists
                else "No list of ingredients was found, so no sweetener could be looked for.",
                CITE_LIST9,
            )
        ]
    table_top = _is_table_top(facts, context)
    findings = _list9(found, facts, table_top)
    keys = {f.key for f in found}
    if "aspartame" in keys:
        findings.extend(_phenylalanine(facts, lists, found))
    if keys & TABLE_TOP_INTENSE:
        findings.append(_table_top(facts, context, table_top, found))
    outside = "\n".join(line for _, _, line in text_outside_lists(facts))
    if "polydextrose" in keys:
        findings.append(_amount_statement(R11_5, "polydextrose", outside, CITE_POLYDEXTROSE, found))
    if "erythritol" in keys:
        findings.append(_erythritol(facts, outside, found))
    if any(f.kind == "sugar_alcohol" for f in found):
        if small_package.statement_in_use(facts, context):
            findings.append(_short_statement_polyols(facts, found))
        else:
            findings.append(_sugar_alcohols_row(facts, found))
    if "cyclamate" in keys:
        findings.append(_cyclamate(facts, table_top, found))
    return findings


def _list9(found: list[Found], facts: LabelFacts, table_top: bool | None) -> list[Finding]:
    findings = []
    seen: set[str] = set()
    for f in found:
        if f.kind in ("cyclamate", "polydextrose") or fold(f.name) in seen:
            continue
        seen.add(fold(f.name))
        evidence, panel = short(f.pl.body), f.pl.panel
        if f.kind == "unconfirmed":
            findings.append(
                review(
                    R11_1,
                    f"'{f.name}' is not a name the sweetener lexicon can confirm on the List of Permitted Sweeteners; "
                    "check that it is a permitted sweetener declared by its common name (e.g. 'steviol glycosides').",
                    CITE_LIST9,
                    evidence,
                    panel,
                )
            )
        elif f.kind == "list9_unconfirmed":
            findings.append(
                review(
                    R11_1,
                    f"'{f.name}' is a sweetener whose listing and permitted foods could not be confirmed from the "
                    "sources at hand; check List 9 for this food.",
                    CITE_LIST9,
                    evidence,
                    panel,
                )
            )
        elif f.key == "monk_fruit_extract" and table_top is not True:
            verdict = failed if table_top is False else review
            findings.append(
                verdict(
                    R11_1,
                    f"'{f.name}' is permitted in table-top sweeteners only; "
                    + (
                        f"the label's common name ({_names(facts)}) does not name one."
                        if table_top is False
                        else "no common name was found, so whether it is a table-top sweetener is unknown."
                    ),
                    CITE_LIST9,
                    evidence,
                    panel,
                )
            )
        elif f.key == "saccharin" and table_top is not True:
            food = names_food(facts, sweeteners_data()["saccharin_foods"])
            if food:
                findings.append(
                    passed(R11_1, f"'{f.name}' is permitted in {food} ({_names(facts)}).", CITE_LIST9, evidence, panel)
                )
            else:
                findings.append(
                    review(
                        R11_1,
                        f"'{f.name}' is permitted only in the foods List 9 names (gum, breath fresheners, canned "
                        "fruit, frozen desserts, toppings, liqueurs, carbonated drinks, fruit spreads, table-top "
                        "sweeteners); "
                        f"the label's common name ({_names(facts) or 'not found'}) does not show it is one.",
                        CITE_LIST9,
                        evidence,
                        panel,
                    )
                )
        else:
            findings.append(
                passed(
                    R11_1,
                    f"'{f.name}' is a permitted sweetener (its conditions of use, foods and maximum levels are not "
                    "checked here).",
                    CITE_LIST9,
                    evidence,
                    panel,
                )
            )
    return findings


_EN_MARKERS = re.compile(r"contains|phenylketonuri|persons|people|individuals", re.I)
_FR_MARKERS = re.compile(r"contient|ph[ée]nylc[ée]tonur|personnes|l['’]aspartame", re.I)


def _statement_languages(text: str) -> set[str]:
    """The languages a statement line covers: a bilingual line counts for both."""
    languages = set()
    if _EN_MARKERS.search(text):
        languages.add("en")
    if _FR_MARKERS.search(text):
        languages.add("fr")
    if not languages:
        languages.add("fr" if "phénylalanine" in text.lower() else "en")
    return languages


def _statements(facts: LabelFacts) -> list[tuple[str, int | None, str]]:
    """(panel, line, text) of every phenylalanine statement: the parser's, else any line naming phenylalanine."""
    out: list[tuple[str, int | None, str]] = [
        (s.source.panel, s.source.line_start, s.text) for s in facts.phenylalanine_statements
    ]
    for line in panel_lines(facts):
        if _PKU_LINE.search(line.text) and not any(p == line.panel and n == line.index for p, n, _ in out):
            out.append((line.panel, line.index, line.text))
    return out


def _phenylalanine(facts: LabelFacts, lists: list[ParsedList], found: list[Found]) -> list[Finding]:
    findings = []
    statements = _statements(facts)
    for pl in lists:
        lang = pl.language or "en"
        mine = [s for s in statements if lang in _statement_languages(s[2])]
        label = "English" if lang == "en" else "French"
        if not mine:
            findings.append(
                failed(
                    R11_2,
                    f"The food contains aspartame but no {label} statement warns that it contains phenylalanine "
                    "(e.g. 'Persons with phenylketonuria: contains phenylalanine' / 'Aspartame contains "
                    "phenylalanine').",
                    CITE_PKU,
                    short(pl.body),
                    pl.panel,
                )
            )
            continue
        panel, line, text = mine[0]
        if not re.search(r"ph[eé]nyl[kc][eé]tonur|aspartame", text, re.I):
            findings.append(
                review(
                    R11_2,
                    f"The {label} statement '{text}' names phenylalanine but neither phenylketonuria nor aspartame; "
                    "check it warns people with phenylketonuria.",
                    CITE_PKU,
                    text,
                    panel,
                )
            )
        else:
            findings.append(
                passed(R11_2, f"The {label} phenylalanine statement is present: '{text}'.", CITE_PKU, text, panel)
            )
        findings.append(_placement(facts, pl, panel, line, text, label))
    return findings


def _placement(facts: LabelFacts, pl: ParsedList, panel: str, line: int | None, text: str, label: str) -> Finding:
    span = list_line_span(facts, pl.source)
    if span is None or line is None:
        return review(
            R11_3,
            f"Where the {label} phenylalanine statement stands relative to the list could not be told from the text; "
            "it must follow the list immediately (same or next line), in bold, before any Contains statement.",
            CITE_PKU_PLACE,
            text,
            panel,
        )
    if panel != pl.panel or line not in (span[1], span[1] + 1):
        where = f"on panel '{panel}'" if panel != pl.panel else f"{line - span[1]} lines after the list ends"
        return failed(
            R11_3,
            f"The {label} phenylalanine statement is {where}; it must appear immediately after the {label} list "
            "of ingredients, on the same line as the last ingredient or the next, with nothing in between.",
            CITE_PKU_PLACE,
            text,
            panel,
        )
    return review(
        R11_3,
        f"The {label} phenylalanine statement immediately follows the list (placement correct); bold type and "
        "the shared border or background cannot be judged from text.",
        CITE_PKU_PLACE,
        text,
        panel,
    )


def _table_top(facts: LabelFacts, context: ProductContext, table_top: bool | None, found: list[Found]) -> Finding:
    names = ", ".join(sorted({f.name for f in found if f.key in TABLE_TOP_INTENSE}))
    if table_top is False:
        return not_applicable(
            R11_4, f"The label's common name ({_names(facts)}) is not a table-top sweetener's.", CITE_TABLE_TOP
        )
    if table_top is None:
        return review(
            R11_4,
            f"The product contains {names}; if it is a table-top sweetener it must state its sweetness per serving "
            "as an equivalent amount of sugar. No common name was found to show what the product is.",
            CITE_TABLE_TOP,
        ).model_copy(
            update={
                "question": "Is the product a table-top sweetener?",
                "fr": FindingText(message="", question="Le produit est-il un édulcorant de table?"),
            }
        )
    candidates = [(s.source.panel, s.text) for s in facts.sweetener_statements]
    candidates += [(panel, line) for panel, _, line in text_outside_lists(facts)]
    for panel, line in candidates:
        if _SWEETNESS.search(line) and _SUGAR_AMOUNT.search(line) and re.search(r"sugar|sucre", line, re.I):
            return passed(R11_4, f"The sweetness per serving is stated: '{line.strip()}'.", CITE_TABLE_TOP, line, panel)
    return failed(
        R11_4,
        f"This table-top sweetener contains {names} but no statement of sweetness per serving expressed as the "
        "amount of sugar giving the same sweetness (e.g. '1 packet is as sweet as 2 tsp of sugar') was found.",
        CITE_TABLE_TOP,
    )


def _amount_statement(rule: Rule, name: str, outside: str, citation: str, found: list[Found]) -> Finding:
    names = "|".join(re.escape(fold(f.name)) for f in found if fold(f.name).startswith(name[:6])) or name
    folded = fold(outside)
    pattern = rf"({names})[^.\n]{{0,60}}?\d+(?:[.,]\d+)?\s*g\b|\d+(?:[.,]\d+)?\s*g\s+(?:of\s+|d['e]\s*)?({names})"
    match = re.search(pattern, folded)
    pl = next(f.pl for f in found if f.key == name or fold(f.name).startswith(name[:6]))
    if match:
        return passed(
            rule, f"The amount of {name} per serving is stated ('{match.group(0)}').", citation, match.group(0)
        )
    return failed(
        rule,
        f"The list declares {name} but the label does not state the amount of {name} in grams per serving of "
        "stated size.",
        citation,
        short(pl.body),
        pl.panel,
    )


def _has_table(facts: LabelFacts) -> str | None:
    if facts.nutrition_facts is not None:
        return "a Nutrition Facts table"
    if facts.supplemented is not None and facts.supplemented.sfft_title:
        return "a Supplemented Food Facts table"
    return None


def _erythritol(facts: LabelFacts, outside: str, found: list[Found]) -> Finding:
    table = _has_table(facts)
    if table:
        return passed(
            R11_6,
            f"The label carries {table}, so no separate statement of the erythritol amount is required.",
            CITE_ERYTHRITOL,
        )
    return _amount_statement(R11_6, "erythritol", outside, CITE_ERYTHRITOL, found)


_POLYOL_ROW = re.compile(r"^\s*(sugar alcohols?|polyols?|polyalcools?|alcools? de sucre|[a-zé]+itol)\b.*\d\s*g", re.I)


_POLYOL_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*g\s*(?:of\s+|de\s+)?(?:sugar alcohols?|polyols?|polyalcools?)", re.I)


def _short_statement_polyols(facts: LabelFacts, found: list[Found]) -> Finding:
    """B.01.467(2.1)(b): on the small-package path the sugar alcohols are stated in grams per serving after the list."""
    names = ", ".join(sorted({f.name for f in found if f.kind == "sugar_alcohol"}))
    hit = next((m.group(0) for p in facts.panels if (m := _POLYOL_AMOUNT.search(p.text))), None)
    if not hit and not small_package.free_of_sugars_claim(facts):
        return passed(
            R11_7,
            f"The list declares {names}; the package uses the small-package alternative to the table (B.01.467(1)) "
            'and makes no "free of sugars" claim, so no table, and no sugar alcohol amount, is required on it; the '
            "amount is part of the information to be given on request (B.01.467(4)).",
            "FDR B.01.467(1), (2.1), (4); B.01.402(6)",
        )
    if hit:
        return passed(
            R11_7,
            f"The package uses the small-package alternative to the table and states the sugar alcohols ('{hit}').",
            "FDR B.01.467(2.1)(b)",
            hit,
        )
    return failed(
        R11_7,
        f"The list declares {names}; without a Nutrition Facts table (small package) the amount of sugar alcohols "
        "in grams per serving must be shown after the list of ingredients.",
        "FDR B.01.467(2.1)(b), B.01.402(6)",
    )


def _sugar_alcohols_row(facts: LabelFacts, found: list[Found]) -> Finding:
    names = ", ".join(sorted({f.name for f in found if f.kind == "sugar_alcohol"}))
    nft = facts.nutrition_facts
    if nft is None:
        if facts.supplemented is not None and facts.supplemented.sfft_title:
            return review(
                R11_7,
                f"The list declares {names}; check that the Supplemented Food Facts table shows the sugar alcohol "
                "amount (its rows were not read).",
                CITE_POLYOLS,
            )
        return review(
            R11_7,
            f"The list declares {names} but no Nutrition Facts table was found; if the label must carry one, it "
            "must show the amount of sugar alcohols.",
            CITE_POLYOLS,
        )
    if "sugar_alcohols" in nft.nutrients:
        row = nft.nutrients["sugar_alcohols"]
        return passed(R11_7, f"The Nutrition Facts table shows '{row.label} {row.amount_text}'.", CITE_POLYOLS)
    panel = facts.panel(nft.source.panel)
    for line in panel.text.splitlines() if panel else []:
        if _POLYOL_ROW.search(line):
            return passed(R11_7, f"The Nutrition Facts table shows '{line.strip()}'.", CITE_POLYOLS, line.strip())
    return failed(
        R11_7,
        f"The list declares {names}, an added sugar alcohol, but the Nutrition Facts table has no "
        "'Sugar alcohols'/'Polyols' line (or the name of the single sugar alcohol) with its amount.",
        CITE_POLYOLS,
        nft.title,
        nft.source.panel,
    )


def _cyclamate(facts: LabelFacts, table_top: bool | None, found: list[Found]) -> Finding:
    hit = next(f for f in found if f.key == "cyclamate")
    if table_top:
        text = facts.full_text()
        if re.search(r"physician|médecin", text, re.I):
            return review(
                R11_9,
                f"'{hit.name}' is a Part E cyclamate sweetener; the physician statement is present, the other Part E "
                "labelling (quantity of cyclamate, energy per measure) needs review.",
                CITE_CYCLAMATE,
                short(hit.pl.body),
                hit.pl.panel,
            )
        return failed(
            R11_9,
            f"This cyclamate sweetener ('{hit.name}') lacks the statement that it should be used only on the "
            "advice of a physician.",
            "FDR E.01.004",
            short(hit.pl.body),
            hit.pl.panel,
        )
    return failed(
        R11_9,
        f"'{hit.name}' is declared in a food: cyclamate sweeteners are not permitted in foods (only as Part E "
        "table-top sweeteners sold on their own).",
        CITE_CYCLAMATE,
        short(hit.pl.body),
        hit.pl.panel,
    )
