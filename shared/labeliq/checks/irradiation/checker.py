"""Irradiated food (cfia-rules.md section 4).

Sources confirmed in ../shared/domain/sources/ (lexicon irradiation_foods): FDR B.26.003 and its table
(potatoes, onions, wheat/flour/whole wheat flour, whole or ground spices and dehydrated seasoning
preparations, fresh raw ground beef, frozen raw ground beef); B.01.035(1),(3) (symbol on the principal
display panel, close to "treated with radiation" / "treated by irradiation" / "irradiated"; the French
text reads « traité par radiation », « traité par irradiation », « irradié » — not "traité par ionisation"),
(5) (symbol diameter), (6) ("irradiated" before an ingredient of 10 % or more), (7),(10) (bilingual
statements, "Do not irradiate again" / « Ne pas irradier de nouveau »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.label_lines import is_principal, panel_lines
from labeliq.checks.irradiation.rules import R4_1, R4_2, R4_3, R4_4, R4_5
from labeliq.lexicons import load
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

_STATEMENT_EN = re.compile(r"(?<![a-z])(irradiated|treated (with radiation|by irradiation))(?![a-z])")
_STATEMENT_FR = re.compile(r"(?<![a-z])(irradie(e|s|es)?|traite(e|s|es)? par (radiation|irradiation))(?![a-z])")
_NEGATED = re.compile(r"(not|never|non|ni|jamais|pas|sans|without|free from|no) (been )?(etre )?$")
_DO_NOT_AGAIN = re.compile(r"do not irradiate again|ne pas irradier de nouveau")
_IRRADIATED_INGREDIENT = re.compile(r"(?<![a-z])(irradiated) ([a-z' -]{2,40})")
_FR_INGREDIENT = re.compile(r"([a-z' -]{2,40}?) irradiee?s?(?![a-z])")


@dataclass(frozen=True)
class _Statement:
    panel: str
    text: str
    language: str  # "en" or "fr"


def _is_negated(folded: str, start: int) -> bool:
    return _NEGATED.search(folded[max(0, start - 20) : start]) is not None


def _statements(facts: LabelFacts) -> list[_Statement]:
    """Whole-food irradiation statements (outside the ingredient lists), EN and FR, negations excluded."""
    ingredient_texts = [fold(i.text) for i in facts.ingredients]
    sources = [(f.source.panel, f.text) for f in facts.irradiation]
    sources += [(line.panel, line.text) for line in panel_lines(facts)]
    out: list[_Statement] = []
    seen: set[tuple[str, str, str]] = set()
    for panel, text in sources:
        folded = fold(text)
        if not folded or folded.startswith("ingredients") or any(folded in i for i in ingredient_texts):
            continue
        for pattern, lang in ((_STATEMENT_EN, "en"), (_STATEMENT_FR, "fr")):
            if any(not _is_negated(folded, m.start()) for m in pattern.finditer(folded)):
                key = (panel, folded, lang)
                if key not in seen:
                    seen.add(key)
                    out.append(_Statement(panel, text, lang))
    return out


@cache
def _food_terms() -> list[tuple[int, str]]:
    terms: list[tuple[int, str]] = []
    for food in load("irradiation_foods")["foods"]:
        for term in food["en"] + food["fr"]:
            terms.append((food["item"], fold(term)))
    return sorted(terms, key=lambda t: len(t[1]), reverse=True)


# Form words that may follow (EN) or lead (FR) the name of a Div. 26 food without making it another food.
_EN_FORM_TAIL = re.compile(r"(\s+(powder|flakes|granules|minced|chopped|blend|mix|ground|whole|dried|dehydrated))+$")
_FR_FORM_HEAD = re.compile(r"^((poudre|flocons|granules|melange|ail|epices?)\s+(d'|de |d )|\s)+")


def _names_the_food(folded: str, term: str, language: str | None) -> bool:
    """The term is the food the name names, not a word inside the name of another food: English puts the
    food last ("Ground Black Pepper", not "Tomato & Basil Pasta Sauce"), French first ("Oignons jaunes", not
    "Sauce ... et basilic"). B.26.003 permits the listed foods themselves, not foods that contain them."""
    en = _EN_FORM_TAIL.sub("", folded).rstrip(" .")
    fr = _FR_FORM_HEAD.sub("", folded).lstrip()
    ends = re.search(r"(?<![a-z])" + re.escape(term) + r"$", en) is not None
    starts = re.match(re.escape(term) + r"(?![a-z])", fr) is not None
    if language == "en":
        return ends
    if language == "fr":
        return starts
    return ends or starts


def _table_item(name: str, language: str | None = None, *, whole_name: bool = False) -> int | None:
    """The Div. 26 table item a food name matches, None when it is not a food that may be irradiated. With
    whole_name (a common name), the item must be the food named, not an ingredient named inside it."""
    folded = fold(name)
    non_wheat = [fold(w) for w in load("irradiation_foods")["non_wheat_flour_words"]]
    for item, term in _food_terms():
        m = re.search(r"(?<![a-z])" + re.escape(term) + r"(?![a-z])", folded)
        if m is None or (whole_name and not _names_the_food(folded, term, language)):
            continue
        if (
            item == 3
            and term in ("flour", "farine")
            and any(re.search(rf"\b{re.escape(w)}\b", folded) for w in non_wheat)
        ):
            continue
        if item in (5, 6) and re.search(r"\b(cooked|cuit|patties|galettes|sausage|saucisse)\b", folded):
            continue
        return item
    return None


def _food_names(facts: LabelFacts, context: ProductContext) -> list[str]:
    """The common names as printed: what the label says the food is (never the words of the context's category)."""
    return [n.text for n in facts.common_names]


def _check_permitted(facts: LabelFacts, context: ProductContext, statements: list[_Statement]) -> Finding:
    cite = "FDR B.26.003 and table to Division 26"
    if not statements:
        return not_applicable(R4_1, "No irradiation statement was found on the label.", cite)
    names = _food_names(facts, context)
    evidence = statements[0].text
    if not names:
        return review(
            R4_1,
            "The label says the food is irradiated but its common name was not found, so it cannot be matched "
            "against the foods that may be irradiated.",
            cite,
            evidence,
            statements[0].panel,
        )
    languages: list[str | None] = [n.language for n in facts.common_names] or [None]
    pairs = list(zip(names, languages, strict=False))
    items = [i for n, lang in pairs if (i := _table_item(n, lang, whole_name=True)) is not None]
    if items:
        return passed(
            R4_1, f"'{names[0]}' is a food that may be irradiated (Div. 26 table item {items[0]}).", cite, evidence
        )
    return failed(
        R4_1,
        f"The label says '{names[0]}' is irradiated, but only potatoes, onions, wheat and wheat flour, spices and "
        "dehydrated seasonings, and fresh or frozen raw ground beef may be irradiated and sold.",
        cite,
        evidence,
        statements[0].panel,
    )


def _check_symbol_and_statement(facts: LabelFacts, statements: list[_Statement]) -> list[Finding]:
    cite = "FDR B.01.035(1), (3)"
    if not statements:
        return []
    on_pdp = [s for s in statements if is_principal(facts, s.panel) is not False]
    out: list[Finding] = []
    if not on_pdp:
        out.append(
            failed(
                R4_2,
                "The irradiation statement is not on the principal display panel; the radura symbol must be on the "
                "principal display panel with the statement in close proximity.",
                cite,
                statements[0].text,
                statements[0].panel,
            )
        )
    else:
        out.append(
            review(
                R4_2,
                f"The statement '{on_pdp[0].text}' uses permitted wording; the international irradiation symbol "
                "(radura) must appear on the principal display panel next to it, which text cannot show.",
                cite,
                on_pdp[0].text,
                on_pdp[0].panel,
            )
        )
    out.append(
        review(
            R4_3,
            "The radura's outer diameter must be at least the height of the net quantity numerals; without "
            "bounding boxes it cannot be measured.",
            "FDR B.01.035(5)",
        )
    )
    return out


def _irradiated_ingredients(facts: LabelFacts) -> list[tuple[str, str, str]]:
    """(ingredient name, language, list title) for each ingredient preceded by "irradiated" / followed by "irradié"."""
    out: list[tuple[str, str, str]] = []
    for lst in facts.ingredients:
        folded = fold(lst.text)
        for m in _IRRADIATED_INGREDIENT.finditer(folded):
            name = re.split(r"[,().;]", m.group(2))[0].strip()
            out.append((name, "fr" if m.group(1).startswith("irradie") else "en", lst.title))
        for m in _FR_INGREDIENT.finditer(folded):
            name = re.split(r"[,().;:]", m.group(1))[-1].strip()
            if name:
                out.append((name, "fr", lst.title))
    return out


def _check_ingredients(facts: LabelFacts) -> list[Finding]:
    cite = "FDR B.01.035(6)"
    found = _irradiated_ingredients(facts)
    out: list[Finding] = []
    for name, _lang, _title in found:
        if _table_item(name) is None:
            out.append(
                failed(
                    R4_1,
                    f"The ingredient '{name}' is declared irradiated but is not a food that may be irradiated.",
                    "FDR B.26.003 and table to Division 26",
                    name,
                )
            )
    if found:
        out.append(
            review(
                R4_4,
                "Irradiated ingredients are declared with 'irradiated'; whether every irradiated ingredient of 10 % "
                "or more is so declared needs the formulation.",
                cite,
                ", ".join(n for n, _, _ in found),
            )
        )
    return out


def _check_bilingual(facts: LabelFacts, statements: list[_Statement]) -> Finding | None:
    cite = "FDR B.01.035(10), B.01.012(2)"
    langs = {s.language for s in statements}
    langs |= {lang for _, lang, _ in _irradiated_ingredients(facts)}
    if not langs:
        return None
    text = fold(facts.full_text())
    if _DO_NOT_AGAIN.search(text) and not ("do not irradiate again" in text and "ne pas irradier de nouveau" in text):
        return failed(R4_5, "'Do not irradiate again' must be shown in both languages.", "FDR B.01.035(7), (10)")
    if {"en", "fr"} <= langs:
        return passed(R4_5, "The irradiation statement is shown in English and French.", cite)
    missing = "French" if "en" in langs else "English"
    return failed(
        R4_5,
        f"The irradiation statement is shown in one language only; the {missing} statement is missing "
        "(FR: « irradié », « traité par irradiation » or « traité par radiation »).",
        cite,
        statements[0].text if statements else "",
        statements[0].panel if statements else None,
    )


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    statements = _statements(facts)
    findings = [_check_permitted(facts, context, statements)]
    findings.extend(_check_symbol_and_statement(facts, statements))
    findings.extend(_check_ingredients(facts))
    bilingual = _check_bilingual(facts, statements)
    if bilingual is not None:
        findings.append(bilingual)
    return findings
