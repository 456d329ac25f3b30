"""Section 12: supplemented foods (FDR B.29, B.01.401(4),(5)).

A supplemented food shows a Supplemented Food Facts table (SFFt) instead of a Nutrition Facts table,
its cautionary statements under "Caution"/"Attention", and the caution identifier on the principal
display panel exactly when there are cautions. Whether a food is supplemented is read from the label
(SFFt, identifier, cautions) and from context.supplemented_food; ingredients that suggest it (caffeine,
amino acids, vitamins in a drink) with an NFt are needs_review, because fortification is not
supplementation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from labeliq.checks.common.findings import failed, not_applicable, passed, review
from labeliq.checks.common.ingredients_case import ACRONYMS
from labeliq.checks.common.ingredients_text import parsed_lists, text_outside_lists, walk
from labeliq.checks.common.label_lines import panel_lines
from labeliq.checks.supplements.presentation import presentation_findings
from labeliq.checks.supplements.rules import R12_1, R12_2, R12_3, R12_4, R12_5, R12_6, R12_10, R12_11
from labeliq.models import Finding, LabelFacts, ProductContext
from labeliq.text import fold

CITE_TABLE = "FDR B.29.002, B.01.401(4),(5)"
CITE_CAUTIONS = "FDR B.29.020(1),(2)"
CITE_ADJACENT = "FDR B.29.020(3)-(5)"
CITE_SI_LIST = "CFIA ILT, supplemented foods; List of Permitted Supplemental Ingredients"
CITE_SFCI = "FDR B.29.021(1)"
CITE_TRANSITION = "SOR/2022-169 s. 36 (FDR Related Provisions)"
CITE_SMALL = "FDR B.29.018, B.29.019"
CITE_HIGH_CAFFEINE = "FDR B.29.028"
_HIGH_CAFFEINE = re.compile(r"high caffeine content|teneur [ée]lev[ée]e en caf[ée]ine", re.I)
_VITAMIN_CLAIM = re.compile(
    r"vitamins?\b|vitamines?\b|minerals?\b|minéraux|\bniacin|\bniacine|\bb6\b|\bb12\b|\bzinc\b|magnesium|magnésium",
    re.I,
)
_AMOUNT_AT_END = re.compile(r"\d\s*(mg|µg|mcg|g|%|ug)\s*$", re.I)
# SOR/2022-169 s. 36: "Sections 32 to 35 cease to have effect on December 31, 2025" (FDR EN text, Related Provisions).
TRANSITION_ENDS = dt.date(2025, 12, 31)
# Schedule K.2: an exclamation mark beside a bar reading "Supplemented" / "Supplémenté" (either order)
_SFCI_LINE = re.compile(r"^\W*(supplemented|suppl[ée]ment[ée])(\s*/\s*(suppl[ée]ment[ée]|supplemented))?\W*$", re.I)
_SFFT_TEXT = re.compile(r"supplemented food facts|renseignements sur l'aliment suppl[ée]ment[ée]", re.I)
_SI_HINT = re.compile(
    r"\bcaffeine\b|\bcaféine\b|\bL-?(leucine|isoleucine|valine|arginine|carnitine|glutamine|lysine|theanine)\b|"
    r"\btaurine\b|\bamino acids?\b|\bacides? aminés?\b",
    re.I,
)
_VITAMIN = re.compile(r"vitamin|vitamine|niacin|thiamin|riboflavin|folic|folique|\bzinc\b|magnesium|magnésium", re.I)
_DRINK = re.compile(r"drink|beverage|water|boisson|eau|energy|gum|gomme|bar\b|barre", re.I)


@dataclass(frozen=True)
class SupplementedEvidence:
    sfft: str
    sfci: str
    caution_title: str
    cautions: list[str]


def _evidence(facts: LabelFacts) -> SupplementedEvidence:
    sup = facts.supplemented
    sfft = sup.sfft_title if sup else ""
    sfci = sup.identifier_text if sup else ""
    title = sup.caution_title if sup else ""
    cautions = [s.text for s in sup.caution_statements] if sup else []
    if not sfft:
        sfft = next((m.group(0) for p in facts.panels if (m := _SFFT_TEXT.search(p.text))), "")
    if not sfci:
        for line in panel_lines(facts, principal_only=True):
            if _SFCI_LINE.match(line.text):
                sfci = line.text
    return SupplementedEvidence(sfft, sfci, title, cautions)


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    ev = _evidence(facts)
    findings = [_table(facts, context, ev)]
    if not (ev.sfft or ev.sfci) and context.supplemented_food is not True:
        # a "Caution:" line alone ("Caution: contents hot") does not make a food supplemented
        return findings
    if ev.cautions or ev.caution_title:
        findings.extend(_cautions(ev))
        findings.append(
            review(
                R12_3,
                "The caution list must sit next to the SFFt of the same language with nothing in between, and the "
                "French version must not start on the line where the English ends (unless ADS < 100 cm²); layout "
                "cannot be judged from text.",
                CITE_ADJACENT,
                " ".join(ev.cautions)[:160],
            )
        )
    findings.append(_identifier(ev))
    findings.append(_required_cautions(ev, context))
    findings.extend(_high_caffeine(facts))
    findings.append(_transition(context))
    findings.extend(presentation_findings(facts, context, bool(ev.cautions or ev.caution_title), bool(ev.sfci)))
    # B.29.018/B.29.019 and B.29.020(5): 100 cm² of available display surface (FDR EN text in sources/)
    if context.available_display_surface_cm2 is not None and context.available_display_surface_cm2 < 100:
        findings.append(
            review(
                R12_11,
                f"The available display surface is {context.available_display_surface_cm2:g} cm² (< 100 cm²): the "
                "SFFt may be replaced by 'how to obtain' information or shown in reduced form, with exceptions.",
                CITE_SMALL,
            )
        )
    return findings


def _si_hints(facts: LabelFacts, context: ProductContext) -> list[str]:
    hints = []
    described = " ".join(c.text for c in facts.common_names)  # the label's name, not the words of `category`
    drink_like = _DRINK.search(described) is not None
    for pl in parsed_lists(facts):
        for entry in walk(pl.entries):
            if _SI_HINT.search(entry.name) or (drink_like and entry.depth == 0 and _VITAMIN.search(entry.name)):
                hints.append(entry.name)
    return sorted(set(hints))


def _table(facts: LabelFacts, context: ProductContext, ev: SupplementedEvidence) -> Finding:
    nft = facts.nutrition_facts
    before_transition = context.judged_on() <= TRANSITION_ENDS
    if ev.sfft and nft is not None:
        return failed(
            R12_1,
            "The label shows both a Supplemented Food Facts table and a Nutrition Facts table; a supplemented food "
            "carries the SFFt instead of an NFt.",
            CITE_TABLE,
            f"{ev.sfft} | {nft.title}",
            nft.source.panel,
        )
    if ev.sfci and nft is not None and not ev.sfft:
        marker = f"caution identifier '{ev.sfci}'"
        return failed(
            R12_1,
            f"The label carries {marker}, which marks a supplemented food, but shows a Nutrition Facts table instead "
            "of a Supplemented Food Facts table.",
            CITE_TABLE,
            ev.sfci or " ".join(ev.cautions)[:160],
        )
    if context.supplemented_food is True and not ev.sfft:
        verdict = review if before_transition else failed
        return verdict(
            R12_1,
            "The context says this is a supplemented food, but no Supplemented Food Facts table was found"
            + (" (the label shows a Nutrition Facts table instead)." if nft is not None else ".")
            + (" Until 2025-12-31 transitional provisions may apply." if before_transition else ""),
            CITE_TABLE,
        )
    if ev.sfft:
        if context.supplemented_food is False:
            return review(
                R12_1,
                "The label shows a Supplemented Food Facts table although the context says the food is not "
                "supplemented; check which applies.",
                CITE_TABLE,
                ev.sfft,
            )
        return passed(
            R12_1, f"The supplemented food shows a Supplemented Food Facts table ('{ev.sfft}').", CITE_TABLE, ev.sfft
        )
    if ev.cautions and context.supplemented_food is None:
        return review(
            R12_1,
            f"A caution list appears ('{ev.caution_title} {ev.cautions[0]}') without a Supplemented Food Facts table "
            "or caution identifier; if this is a supplemented food it needs both (the context does not say).",
            CITE_TABLE,
            " ".join(ev.cautions)[:160],
        )
    hints = _si_hints(facts, context)
    if hints and nft is not None and context.supplemented_food is None:
        return review(
            R12_1,
            f"The list declares {', '.join(hints)} and the label shows a Nutrition Facts table. If these are "
            "supplemental ingredients (not fortification or a permitted additive use), the food is a supplemented "
            "food and needs an SFFt; the context does not say (supplemented_food).",
            CITE_TABLE,
            ", ".join(hints),
        )
    return not_applicable(
        R12_1,
        "No Supplemented Food Facts table, caution list or caution identifier was found"
        + (" and the context says the food is not supplemented." if context.supplemented_food is False else "."),
        CITE_TABLE,
    )


def _cautions(ev: SupplementedEvidence) -> list[Finding]:
    findings: list[Finding] = []
    titles = [t.strip() for t in re.split(r"\s+/\s+", ev.caution_title) if t.strip()]
    evidence = f"{ev.caution_title} {' '.join(ev.cautions)}".strip()[:200]
    if not titles:
        findings.append(
            failed(
                R12_2,
                "Cautionary statements are shown without the title 'Caution' / 'Attention'.",
                CITE_CAUTIONS,
                evidence,
            )
        )
    else:
        wrong = [t for t in titles if not re.fullmatch(r"(caution|attention)\s*:?", fold(t))]
        if wrong:
            findings.append(
                failed(
                    R12_2,
                    f"The caution list is titled {', '.join(repr(t) for t in wrong)}; the title must be 'Caution' "
                    "(English) and 'Attention' (French), with or without a colon.",
                    CITE_CAUTIONS,
                    evidence,
                )
            )
    case = [s for s in ev.cautions if _caution_case_problem(s)]
    if case:
        findings.append(
            failed(
                R12_2,
                f"Cautionary statements must be in lower case with a capital first letter: {'; '.join(case[:3])}.",
                CITE_CAUTIONS,
                evidence,
            )
        )
    if not findings:
        findings.append(
            passed(
                R12_2,
                f"The caution list is titled {' / '.join(titles)} and its statements are in lower case with a capital "
                "first letter.",
                CITE_CAUTIONS,
                evidence,
            )
        )
    # B.29.020(1)(b), (2): the bold title and the border or contrasting background are on the package, not the text
    findings.append(
        review(
            R12_2.part("presentation"),
            "Check on the package that the caution list's title is in bold and that the list is set apart by a "
            "solid-line border or lines, or by a contrasting background.",
            CITE_CAUTIONS,
            evidence,
        )
    )
    return findings


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", fold(text)).split())


def _required_cautions(ev: SupplementedEvidence, context: ProductContext) -> Finding:
    """12.4: every cautionary statement column 4 of the List requires is shown (B.29.020(1)). The List is not in our
    sources, so the statements come from the context key `cautionary_statements`; without it, a question."""
    wanted = context.cautionary_statements
    if wanted is None:
        finding = review(
            R12_4,
            "Which cautionary statements are required depends on the supplemental ingredients and their amounts "
            "(List of Permitted Supplemental Ingredients, column 4), which is not available here; give them as the "
            "context key cautionary_statements to have each one checked.",
            CITE_SI_LIST,
        )
        return finding.model_copy(
            update={
                "question": "Which cautionary statements does column 4 of the List of Permitted Supplemental "
                "Ingredients require for this food's supplemental ingredients and amounts, and are they all shown?"
            }
        )
    cite = "FDR B.29.020(1); List of Permitted Supplemental Ingredients, column 4 (statements given in the context)"
    shown = _squash(" ".join(ev.cautions))
    if not wanted:
        return passed(
            R12_4,
            "The context says the List of Permitted Supplemental Ingredients requires no cautionary statement for "
            "this food.",
            cite,
        )
    missing = [text for s in wanted for text in (s.en, s.fr) if _squash(text) not in shown]
    if not missing:
        return passed(
            R12_4,
            f"Each of the {len(wanted)} cautionary statements required for this food is shown in English and French.",
            cite,
            " ".join(ev.cautions)[:160],
        )
    finding = failed(
        R12_4,
        f"The label does not show these required cautionary statements: {'; '.join(missing)}. Every cautionary "
        "statement that column 4 of the List of Permitted Supplemental Ingredients sets out for the food's "
        'supplemental ingredients must be shown in the list titled "Caution" / "Attention".',
        cite,
        " ".join(ev.cautions)[:160],
    )
    return finding.model_copy(update={"fix": f'Add to the "Caution" / "Attention" list: {"; ".join(missing)}.'})


def _caution_case_problem(statement: str) -> bool:
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", statement)
    if not letters:
        return False
    if not letters[0].isupper():
        return True
    shouting = [w for w in re.findall(r"[A-ZÀ-Þ]{3,}", statement) if w not in ACRONYMS]
    return bool(shouting)


def _identifier(ev: SupplementedEvidence) -> Finding:
    if ev.cautions and not ev.sfci:
        return failed(
            R12_5,
            "The label shows cautionary statements but no supplemented food caution identifier ('Supplemented / "
            "Supplémenté' with 'Health Canada / Santé Canada') was found on the principal display panel.",
            CITE_SFCI,
            " ".join(ev.cautions)[:160],
        )
    if ev.sfci and not ev.cautions:
        return failed(
            R12_5,
            f"The principal display panel carries the caution identifier ('{ev.sfci}') but the label shows no "
            "cautionary statements; the identifier is allowed only when there are cautions.",
            CITE_SFCI,
            ev.sfci,
        )
    if ev.sfci:
        return review(
            R12_5,
            f"The caution identifier ('{ev.sfci}') is on the principal display panel with the caution list; its "
            "format (black and white, standard or compact), size and placement need review.",
            CITE_SFCI,
            ev.sfci,
        )
    return not_applicable(R12_5, "No cautionary statement and no caution identifier: none is required.", CITE_SFCI)


def _high_caffeine(facts: LabelFacts) -> list[Finding]:
    """B.29.028: with "high caffeine content", no vitamin or mineral representation outside the list and SFFt."""
    lines = text_outside_lists(facts)
    flagged = next((line for _, _, line in lines if _HIGH_CAFFEINE.search(line)), None)
    if flagged is None:
        return []
    claims = [
        (panel, line.strip())
        for panel, _, line in lines
        if _VITAMIN_CLAIM.search(line) and not _AMOUNT_AT_END.search(line) and not _HIGH_CAFFEINE.search(line)
    ]
    if claims:
        panel, text = claims[0]
        return [
            failed(
                R12_6,
                f"The label carries 'high caffeine content' and also a vitamin or mineral representation ('{text}'); "
                "only declarations in the list of ingredients or the SFFt are allowed then.",
                CITE_HIGH_CAFFEINE,
                text,
                panel,
            )
        ]
    return [
        passed(
            R12_6,
            "The label carries 'high caffeine content' and makes no vitamin or mineral representation outside the "
            "list of ingredients and the SFFt.",
            CITE_HIGH_CAFFEINE,
            flagged.strip(),
        )
    ]


def _transition(context: ProductContext) -> Finding:
    judged = context.judged_on()
    if judged <= TRANSITION_ENDS:
        return review(
            R12_10,
            f"Judged on {judged.isoformat()}: until 2025-12-31 the transitional provisions of SOR/2022-169 "
            "(ss. 32-35, foods with a Temporary Marketing Authorization) may exempt this food from parts of B.29.",
            CITE_TRANSITION,
        )
    return passed(
        R12_10,
        f"Judged on {judged.isoformat()}: the SOR/2022-169 transition ended on 2025-12-31, so Division 29 applies "
        "in full.",
        CITE_TRANSITION,
    )
