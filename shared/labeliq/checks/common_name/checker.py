"""Common name (cfia-rules.md section 1): on the principal display panel, in English and French.

Sources, all confirmed in ../shared/domain/sources/: FDR B.01.006(1), B.01.012(2), (8), (10) (the
one-language alcoholic names, lexicon alcoholic_common_names), B.01.100(1) ("simulated"),
B.12.002 and B.12.008 (prepackaged water and ice, 1.6.water in water.py); SFCR 210(2),(3)
(1.6 mm, 0.8 mm when the principal display surface is 10 cm² or less), 218(1)(a), 219(1), 224;
CFIA ILT "common name" (no words between prescribed words, coined and brand names).
True nature (1.5) and coined names (1.7) beyond the brand heuristic are LLM questions (llm_judge.py).
"""

from __future__ import annotations

import itertools
import re

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.label_lines import is_principal, panel_lines
from labeliq.checks.common.language import languages_of, same_in_both_languages
from labeliq.checks.common.names import names_are_descriptive, true_nature_settled
from labeliq.checks.common.translation import Comparison, compare
from labeliq.checks.common_name.rules import R1_1, R1_2, R1_3, R1_5, R1_6, R1_7, R1_8, R1_9
from labeliq.checks.common_name.water import check_water
from labeliq.extraction.language import guess_language
from labeliq.lexicons import load
from labeliq.models import Finding, LabelFacts, ProductContext, TextFact
from labeliq.text import fold, has_term

_CITE_PDP = "FDR B.01.006(1); SFCR 218(1)(a)"
_CITE_BILINGUAL = "FDR B.01.012(2); SFCR 206(1)"
_CITE_HEIGHT = "SFCR 210(2), 210(3), 211"
_CITE_STANDARD = "CFIA ILT, common name (prescribed common names)"
_CITE_COINED = "CFIA ILT, common name (coined, trade and brand names)"
_CITE_SIMULATED = "FDR B.01.100(1)"
_CITE_FLAVOUR = "SFCR 224, 229(1)(b)"

_MEAT_WORDS = ["chicken", "beef", "pork", "turkey", "bacon", "sausage", "sausages", "ham", "poulet", "boeuf", "porc"]
_MEAT_WORDS += ["dinde", "saucisse", "saucisses", "jambon", "meat", "viande"]
_PLANT_MARKERS = ["plant-based", "plant based", "meatless", "vegan", "veggie", "vegetarian", "meat-free", "meat free"]
_PLANT_MARKERS += ["a base de plantes", "vegetalien", "vegane", "vege", "sans viande", "vegetarien", "simili"]
_JOINING = re.compile(r"(?<![a-z])(and|or|not|with|et|ou|non|avec|&)(?![a-z])")
_ARTIFICIAL_FLAVOUR = re.compile(r"artificial(ly)? flavou?r|imitation flavou?r|arome artificiel|saveur artificielle")
_FLAVOUR_STATEMENT = ["artificial", "artificially", "imitation", "simulated", "artificiel", "artificielle", "simule"]


def _exempt_category(context: ProductContext) -> bool:
    """FDR B.01.006(2): fresh fruits or vegetables may be exempt (the context key product_kind, not `category`)."""
    return context.product_kind == "fresh_fruit_or_vegetable"


def _name_panels(facts: LabelFacts) -> tuple[list[TextFact], bool | None]:
    """The common names on principal display panels, and whether any panel is marked principal at all."""
    flags = [is_principal(facts, n.source.panel) for n in facts.common_names]
    if any(f is None for f in flags):
        return facts.common_names, None
    return [n for n, f in zip(facts.common_names, flags, strict=True) if f], True


def _check_presence(
    facts: LabelFacts, context: ProductContext, pdp_names: list[TextFact], marked: bool | None
) -> Finding:
    if not facts.common_names:
        if _exempt_category(context):
            return review(
                R1_1,
                "No common name was found; fresh fruits or vegetables visible and identifiable in the package "
                "(or apples showing their variety) are exempt, which the text cannot confirm.",
                "FDR B.01.006(2); SFCR 219(1)",
            )
        return failed(
            R1_1,
            "No common name was found on the label; the common name must be shown on the principal display panel.",
            _CITE_PDP,
        )
    if marked is None:
        first = facts.common_names[0]
        return review(
            R1_1,
            "A common name was found but no panel is marked as the principal display panel, so its placement "
            "cannot be confirmed.",
            _CITE_PDP,
            evidence=first.evidence or first.text,
            panel=first.source.panel,
        )
    if not pdp_names:
        first = facts.common_names[0]
        return failed(
            R1_1,
            f"The common name appears only on the '{first.source.panel}' panel; it must be shown on the "
            "principal display panel.",
            _CITE_PDP,
            evidence=first.evidence or first.text,
            panel=first.source.panel,
        )
    first = pdp_names[0]
    if not any(languages_of(n.language, n.text) for n in pdp_names):
        moved = _name_pair_elsewhere(facts)
        foreign = all(guess_language(n.text) == "other" for n in pdp_names)
        if moved is not None or foreign:
            where = (
                f"an English and French name ('{moved[0].text}' / '{moved[1].text}') appears only on the "
                f"'{moved[0].source.panel}' panel"
                if moved is not None
                else "no English or French name is shown"
            )
            return failed(
                R1_1,
                f"The principal display panel shows '{first.text}', a name in neither official language, and "
                f"{where}; the common name must be shown on the principal display panel.",
                _CITE_PDP,
                evidence=" / ".join(n.text for n in pdp_names),
                panel=first.source.panel,
            )
    return passed(
        R1_1,
        "The common name is shown on the principal display panel.",
        _CITE_PDP,
        evidence=" / ".join(n.text for n in pdp_names),
        panel=first.source.panel,
    )


def _name_like(fact: TextFact) -> bool:
    words = fact.text.split()
    return 1 <= len(words) <= 8 and not re.search(r"[\d:;.!?]\s*$|\d", fact.text)


def _name_pair_elsewhere(facts: LabelFacts) -> tuple[TextFact, TextFact] | None:
    """An English line and a French line, one under the other, that no parser took as anything else, on a panel
    other than the principal display panel: a common name printed off the front."""
    loose = [
        f
        for f in facts.other_statements
        if is_principal(facts, f.source.panel) is False and _name_like(f) and f.language in ("en", "fr")
    ]
    for first, second in itertools.pairwise(loose):
        a, b = first.source.line_start, second.source.line_start
        if (
            first.source.panel == second.source.panel
            and a is not None
            and b is not None
            and b == a + 1
            and {first.language, second.language} == {"en", "fr"}
        ):
            return first, second
    return None


def _counterparts_on_front(facts: LabelFacts, en: str, fr: str) -> bool:
    """Both names have their translation among the principal display panel's lines ("ICED CAPPUCCINO / CAPPUCCINO
    GLACÉ" above "Coffee beverage ... / Boisson au café ..."): the front names the food in both languages."""
    lines = [line.text for line in panel_lines(facts, principal_only=True)]
    return any(compare(en, line).status == "match" for line in lines) and any(
        compare(line, fr).status == "match" for line in lines
    )


def _settled_questions(facts: LabelFacts) -> list[Finding]:
    """1.7, 1.5 and the translation part of 1.2 where the lexicons settle them (common.names, common.translation);
    otherwise the LLM judge (or, offline, a person) gets the question."""
    out: list[Finding] = []
    names = " / ".join(n.text for n in facts.common_names)
    panel = facts.common_names[0].source.panel if facts.common_names else None
    if names_are_descriptive(facts):
        out.append(
            passed(
                R1_7,
                f"Every word of the common name ({names}) is a word that names or describes a food; it is not a "
                "coined, trade or brand name.",
                _CITE_COINED,
                names,
                panel,
            )
        )
    if true_nature_settled(facts):
        out.append(
            passed(
                R1_5,
                "The common name describes the food, and nothing in the list of ingredients (a dried, smoked, "
                "concentrated or reconstituted main ingredient, or a single food in a packing medium) calls for "
                "words on its true nature that the name lacks.",
                "FDR B.01.006.1",
                names,
                panel,
            )
        )
    en = next((n.text for n in facts.common_names if n.language == "en"), None)
    fr = next((n.text for n in facts.common_names if n.language == "fr"), None)
    if en is not None and fr is not None:
        compared = compare(en, fr)
        if compared.status != "match" and _counterparts_on_front(facts, en, fr):
            compared = Comparison("match")
        if compared.status == "match":
            out.append(
                passed(
                    R1_2,
                    f"The English and French common names ('{en}' / '{fr}') name the same food: each word is the "
                    "other's translation in the lexicon.",
                    _CITE_BILINGUAL,
                    names,
                    panel,
                )
            )
        elif compared.status == "mismatch":
            out.append(
                review(
                    R1_2,
                    f"Do '{en}' and '{fr}' name the same food? The words {', '.join(compared.differing[:4])} have no "
                    "counterpart in the other language.",
                    _CITE_BILINGUAL,
                    names,
                    panel,
                )
            )
    return out


def _check_bilingual(facts: LabelFacts, pdp_names: list[TextFact]) -> Finding | None:
    if not facts.common_names:
        return None
    names = pdp_names or facts.common_names
    evidence = " / ".join(n.text for n in names)
    panel = names[0].source.panel
    langs: set[str] = set()
    for name in names:
        langs |= languages_of(name.language, name.text)
    if {"en", "fr"} <= langs:
        return passed(R1_2, "The common name is shown in English and in French.", _CITE_BILINGUAL, evidence, panel)
    alcoholic: list[str] = load("alcoholic_common_names")["names"]
    if any(fold(n.text) == fold(a) for n in names for a in alcoholic):
        return passed(
            R1_2,
            "The common name is one of the alcoholic beverage names that may appear in one language on the "
            "principal display panel.",
            "FDR B.01.012(10)",
            evidence,
            panel,
        )
    if not langs:
        return review(
            R1_2,
            "The language of the common name could not be determined; it must be shown in English and French.",
            _CITE_BILINGUAL,
            evidence,
            panel,
        )
    missing = "French" if "fr" not in langs else "English"
    neutral = [n.text for n in names if same_in_both_languages(n.text)]
    if neutral:
        return review(
            R1_2,
            f"Only one common name was found, and '{neutral[0]}' has no English- or French-specific word: it may be "
            "the same in both languages (e.g. 'spaghetti', 'tofu'), which a reviewer should confirm.",
            _CITE_BILINGUAL,
            evidence,
            panel,
        )
    other = [n for n in facts.common_names if n not in names]
    other_langs: set[str] = set()
    for name in other:
        other_langs |= languages_of(name.language, name.text)
    if ("fr" if missing == "French" else "en") in other_langs:
        return review(
            R1_2,
            f"The {missing} common name is not on the principal display panel but on another panel; this is "
            "allowed only if that surface is of the same size and prominence as the principal display panel.",
            "FDR B.01.012(8)",
            evidence,
            panel,
        )
    return failed(
        R1_2,
        f"The common name is shown only in {'English' if missing == 'French' else 'French'}; the {missing} "
        "common name is missing. Mandatory information must be in both official languages.",
        _CITE_BILINGUAL,
        evidence,
        panel,
    )


def _check_height(facts: LabelFacts, context: ProductContext) -> Finding | None:
    if not facts.common_names:
        return None
    pds = context.principal_display_surface_cm2
    if pds is None:
        need = "1.6 mm (0.8 mm if the principal display surface is 10 cm² or less)"
    else:
        need = "0.8 mm" if pds <= 10 else "1.6 mm"
    return review(
        R1_3,
        f"The common name must be at least {need} high (lowercase 'o'); type size cannot be measured from text.",
        _CITE_HEIGHT,
        evidence=facts.common_names[0].text,
        panel=facts.common_names[0].source.panel,
    )


def _prescribed_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in fold(name).split()]
    return re.compile(r"(?<![a-z0-9])" + r"((?:\s+[\w%'-]+){0,2}?)\s+".join(words) + r"(?![a-z0-9])")


def _check_standardized(facts: LabelFacts) -> list[Finding]:
    lexicon = load("standardized_common_names")
    out: list[Finding] = []
    for fact in facts.common_names:
        folded = fold(fact.text)
        for bad, good in lexicon["non_canadian_names"].items():
            if has_term(folded, bad):
                out.append(
                    failed(
                        R1_6,
                        f"'{bad}' is not an acceptable common name in Canada; the prescribed name is '{good}'.",
                        _CITE_STANDARD,
                        fact.text,
                        fact.source.panel,
                    )
                )
        for name in lexicon["names"]:
            match = _prescribed_pattern(name).search(folded)
            if match is None:
                continue
            inserted = " ".join(g.strip() for g in match.groups() if g.strip())
            if inserted and _JOINING.search(inserted):
                continue  # "meat and cheese spread" names another food, it does not split "meat spread"
            if inserted:
                out.append(
                    failed(
                        R1_6,
                        f"Words are inserted between the words of the prescribed common name '{name}' "
                        f"('{match.group(0)}'); modifiers may precede or follow it but not split it.",
                        _CITE_STANDARD,
                        fact.text,
                        fact.source.panel,
                    )
                )
            else:
                out.append(
                    passed(
                        R1_6,
                        f"The prescribed common name '{name}' is shown without words inserted between its words.",
                        _CITE_STANDARD,
                        fact.text,
                        fact.source.panel,
                    )
                )
    return out


def _check_brand(facts: LabelFacts) -> Finding | None:
    brands = {fold(b.text) for b in facts.brand if b.text.strip()}
    for fact in facts.common_names:
        if fold(fact.text) in brands:
            return review(
                R1_7,
                f"The common name '{fact.text}' is the same as the brand; brand, trade and coined names are "
                "generally not acceptable as common names.",
                _CITE_COINED,
                fact.text,
                fact.source.panel,
            )
    return None


def _check_simulated(facts: LabelFacts) -> Finding | None:
    for fact in facts.common_names:
        text = fold(fact.text)
        meat = [w for w in _MEAT_WORDS if has_term(text, w)]
        if not meat or not any(has_term(text, m) for m in _PLANT_MARKERS):
            continue
        if has_term(text, "simulated") or re.search(r"(?<![a-z])simule(e|es|s)?(?![a-z])", text):
            return passed(R1_8, "The meat-alternative common name includes 'simulated'.", _CITE_SIMULATED, fact.text)
        return review(
            R1_8,
            f"'{fact.text}' names a meat ('{meat[0]}') for a meat alternative; if the food is a simulated meat or "
            "poultry product its common name must include the word 'simulated' (whether it is one depends on "
            "its composition and appearance).",
            _CITE_SIMULATED,
            fact.text,
            fact.source.panel,
        )
    return None


def _check_flavour(facts: LabelFacts) -> Finding | None:
    texts = [fold(i.text) for i in facts.ingredients] or [fold(facts.full_text())]
    if not any(_ARTIFICIAL_FLAVOUR.search(t) for t in texts):
        return None
    pdp = " ".join(line.text for line in panel_lines(facts, principal_only=True))
    if any(has_term(pdp, w) for w in _FLAVOUR_STATEMENT):
        return review(
            R1_9,
            "An artificial flavour is used and the principal display panel says so; its placement near any "
            "pictured natural flavour and its type size (Schedule 6) cannot be checked from text.",
            _CITE_FLAVOUR,
        )
    return review(
        R1_9,
        "An artificial flavour is declared; if the label pictures the natural food it imitates, 'imitation', "
        "'artificial' or 'simulated' must appear on or near the picture (pictures cannot be seen in text).",
        _CITE_FLAVOUR,
    )


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    pdp_names, marked = _name_panels(facts)
    findings = [_check_presence(facts, context, pdp_names, marked)]
    for finding in (_check_bilingual(facts, pdp_names), _check_height(facts, context)):
        if finding is not None:
            findings.append(finding)
    findings.extend(_check_standardized(facts))
    findings.extend(check_water(facts))
    findings.extend(_settled_questions(facts))
    for finding in (_check_brand(facts), _check_simulated(facts), _check_flavour(facts)):
        if finding is not None:
            findings.append(finding)
    if not facts.common_names and _exempt_category(context):
        findings.append(not_applicable(R1_2, "No common name to check for language.", _CITE_BILINGUAL))
    return findings
