"""Prepackaged water and ice (FDR Division 12), judged as 1.6.water: the statements the name's standard brings.

cfia-rules.md has no row for Division 12; its nearest row is 1.6 (standardized names), so the statements a water
named "mineral water" / "spring water" must carry are a sub-case of it. Quoted from
../shared/domain/sources/food-and-drug-regulations.en.txt (the .fr.txt says the same):
- B.12.002: "The label on a container of water represented as mineral water or spring water shall carry a statement
  (a) of the geographical location of the underground source from which it is obtained; (b) of the total dissolved
  mineral salt content expressed in parts per million; and (c) of the total fluoride ion content expressed in parts
  per million."
- B.12.008: "A statement of the total fluoride ion content expressed in parts per million shall appear on the
  principal display panel of the label on a sealed container of water, other than water represented as mineral water
  or spring water and on the label on a container of prepackaged ice."
The CFIA ILT (water and ice) reads B.12.008 as the principal display panel for ice too; the regulation, in both
languages ("ainsi que sur l'étiquette de la glace préemballée"), says only the label: fluoride off the PDP of ice is a
review item. No source equates mg/L with parts per million, so an amount in mg/L is a review item, not a pass.

Only a product whose common name is water or ice is judged: "coconut water", "water crackers", "ice cream" and
water in an ingredient list are other foods, and other foods get no finding (their reports stay as they were).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.label_lines import Line, is_principal, panel_lines
from labeliq.checks.common_name.rules import R1_6_WATER
from labeliq.models import Finding, LabelFacts, Verdict
from labeliq.text import fold

CITE_SPRING = "FDR B.12.002"
CITE_OTHER = "FDR B.12.008"

_B12_002 = (
    '"The label on a container of water represented as mineral water or spring water shall carry a statement '
    "(a) of the geographical location of the underground source from which it is obtained; (b) of the total "
    "dissolved mineral salt content expressed in parts per million; and (c) of the total fluoride ion content "
    'expressed in parts per million." (FDR B.12.002)'
)
_B12_008 = (
    '"A statement of the total fluoride ion content expressed in parts per million shall appear on the principal '
    "display panel of the label on a sealed container of water, other than water represented as mineral water or "
    'spring water and on the label on a container of prepackaged ice." (FDR B.12.008)'
)


class Kind(Enum):
    SPRING = "mineral or spring water"
    WATER = "water"
    ICE = "ice"


_SPRING_NAME = re.compile(r"(?<![a-z])(mineral water|spring water|eau minerale|eau de source|eau de sources)(?![a-z])")
# The whole name, folded: a water or ice with the words that describe its treatment, never another food.
_WATER_WORDS = (
    r"natural|pure|purified|distilled|demineralized|demineralised|deionized|carbonated|sparkling|still|artesian|"
    r"alkaline|bottled|table|drinking|well|glacier|spring|ozonated|filtered|fluoridated|premium|fresh"
)
_EAU_WORDS = (
    r"naturelle|pure|purifiee|distillee|demineralisee|desionisee|gazeuse|gazeifiee|petillante|plate|artesienne|"
    r"alcaline|embouteillee|de table|potable|de puits|de glacier|ozonee|filtree|fluoree"
)
_FLUORIDE_ADDED = r"(?: with added fluoride| with fluoride| additionnee de fluorure| avec fluorure ajoute)?"
_WATER_NAME = re.compile(
    rf"^(?:(?:{_WATER_WORDS})[ ,-]+)*water{_FLUORIDE_ADDED}$|^eau(?: (?:{_EAU_WORDS}))*" + _FLUORIDE_ADDED + "$"
)
_ICE_NAME = re.compile(
    r"^(?:(?:party|crushed|bagged|cubed|block|clear|pure|purified)[ ,-]+)*ice(?: cubes?| blocks?)?$|"
    r"^(?:cubes de glace|glacons|glace(?: concassee| en cubes| en bloc| pure)?)$"
)


def _name_kind(name: str) -> Kind | None:
    folded = fold(name)
    if _SPRING_NAME.search(folded):
        return Kind.SPRING
    folded = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9, -]", " ", folded)).strip(" ,-")
    if _WATER_NAME.match(folded):
        return Kind.WATER
    if _ICE_NAME.match(folded):
        return Kind.ICE
    return None


def water_kind(facts: LabelFacts) -> tuple[Kind, list[Line]] | None:
    """What Division 12 calls the product, and the lines of the common name that name it; None for other foods."""
    named = [(k, n) for n in facts.common_names if (k := _name_kind(n.text)) is not None]
    if not named:
        return None
    kinds = [k for k, _ in named]
    kind = Kind.SPRING if Kind.SPRING in kinds else kinds[0]
    return kind, [
        Line(n.source.panel, n.source.line_start if n.source.line_start is not None else -1, n.text) for _, n in named
    ]


_UNIT_PPM = re.compile(r"\d\s*(ppm|p\.p\.m\.?|parts? per million|parties? par million)(?![a-z])")
_UNIT_MG_L = re.compile(
    r"\d\s*(mg/l|mg / l|mg per litre|mg per liter|mg par litre|milligrams? per lit(re|er))(?![a-z])"
)
_NUMBER = re.compile(r"\d")
_FLUORIDE = re.compile(r"(?<![a-z])(fluoride|fluorure)s?(?![a-z])")
_TDS = re.compile(
    r"(?<![a-z])(dissolved (mineral )?(salts?|solids|minerals)|mineral salts? content|tds|total dissolved|"
    r"sels mineraux dissous|solides dissous|matieres dissoutes|mineraux dissous|residu sec)(?![a-z])"
)
# "Source: Saint-Élie-de-Caxton, Quebec", "Source location / Lieu de la source : ...", "Source souterraine : ..."
_SOURCE_LABEL = re.compile(
    r"^(underground |spring )?(source|spring)( location| site)?( of (the )?(water|spring))?"
    r"\s*[:\-–]\s*(?P<place>\S.*)$|"
    r"^(lieu|emplacement|provenance|position geographique) de (la )?source( souterraine)?\s*[:\-–]\s*(?P<lieu>\S.*)$|"
    r"^source souterraine\s*[:\-–]\s*(?P<souterraine>\S.*)$"
)
# Words that may introduce a place the text cannot parse: "drawn from a spring near ...", "captée à ...".
_SOURCE_HINT = re.compile(
    r"(?<![a-z])(source|spring|springs|aquifer|drawn from|bottled at|sourced from|captee|puisee|embouteillee a|"
    r"nappe|aquifere)(?![a-z])"
)


@dataclass(frozen=True)
class Statement:
    """One Division 12 statement looked for, and the words for its findings."""

    what: str  # "the total fluoride ion content"
    fix: str
    fix_fr: str


_FLUORIDE_STATEMENT = Statement(
    "the total fluoride ion content in parts per million",
    'Add a statement of the total fluoride ion content in parts per million, e.g. "Total fluoride ion: 0.05 ppm / '
    'Teneur totale en ion fluorure : 0,05 ppm".',
    "Ajoutez l'indication de la teneur totale en ion fluorure, en parties par million, p. ex. « Teneur totale en ion "
    "fluorure : 0,05 ppm / Total fluoride ion: 0.05 ppm ».",
)
_TDS_STATEMENT = Statement(
    "the total dissolved mineral salt content in parts per million",
    'Add a statement of the total dissolved mineral salt content in parts per million, e.g. "Total dissolved mineral '
    'salts: 42 ppm / Teneur totale en sels minéraux dissous : 42 ppm".',
    "Ajoutez l'indication de la teneur totale en sels minéraux dissous, en parties par million, p. ex. « Teneur "
    "totale en sels minéraux dissous : 42 ppm / Total dissolved mineral salts: 42 ppm ».",
)
_SOURCE_STATEMENT = Statement(
    "the geographical location of the underground source",
    'Add a statement of the geographical location of the underground source the water is drawn from, e.g. "Source: '
    'Saint-Élie-de-Caxton, Quebec / Source : Saint-Élie-de-Caxton (Québec)".',
    "Ajoutez l'indication de la position géographique de la source souterraine dont provient l'eau, p. ex. « Source "
    ": Saint-Élie-de-Caxton (Québec) / Source: Saint-Élie-de-Caxton, Quebec ».",
)


def _other_lines(facts: LabelFacts, names: list[Line]) -> list[Line]:
    """The label's lines less the water's name, the ingredient lists, the brand and the dealer's name and address: a
    "source" or "fluoride" there is no Division 12 statement ("Ingredients: water, sodium fluoride", "chemin de la
    Source", the brand "SOURCE BOISÉE"). The parser keeps "Source: <place>" out of the dealer lines."""
    taken = {(line.panel, line.index) for line in names}
    sources = [i.source for i in facts.ingredients] + [d.source for d in facts.dealer + facts.imported_by + facts.brand]
    for src in sources:
        if src.line_start is None:
            continue
        end = src.line_end if src.line_end is not None else src.line_start
        taken |= {(src.panel, i) for i in range(src.line_start, end + 1)}
    return [line for line in panel_lines(facts) if (line.panel, line.index) not in taken]


def _amount_finding(
    lines: list[Line], keyword: re.Pattern[str], statement: Statement, citation: str, quote: str
) -> tuple[Finding, Line | None]:
    """Pass for the statement with an amount in ppm, review for mg/L or no unit, fail when no line states it."""
    said = [line for line in lines if keyword.search(fold(line.text))]
    with_ppm = [line for line in said if _UNIT_PPM.search(fold(line.text))]
    if with_ppm:
        line = with_ppm[0]
        return passed(
            R1_6_WATER,
            f"The label states {statement.what} ('{line.text}'). {quote}",
            citation,
            " / ".join(x.text for x in with_ppm[:2]),
            line.panel,
        ), line
    if said:
        line = said[0]
        mg_l = any(_UNIT_MG_L.search(fold(x.text)) for x in said)
        why = (
            "gives the amount in mg/L, not in parts per million; the regulation and the CFIA guidance in the sources "
            "speak only of parts per million"
            if mg_l
            else "gives no amount in parts per million"
            if not any(_NUMBER.search(x.text) for x in said)
            else "gives an amount without the unit parts per million"
        )
        return review(
            R1_6_WATER,
            f"The label mentions {statement.what.split(' in parts')[0]} ('{line.text}') but {why}. {quote}",
            citation,
            " / ".join(x.text for x in said[:2]),
            line.panel,
            question=f"Does the label state {statement.what} (expressed in ppm, as the regulation requires)?",
            question_fr="L'étiquette indique-t-elle la teneur exigée, exprimée en parties par million (ppm) ?",
        ), line
    return failed(
        R1_6_WATER,
        f"No statement of {statement.what} was found on the label. {quote}",
        citation,
        fix=statement.fix,
        fix_fr=statement.fix_fr,
    ), None


def _source_finding(lines: list[Line]) -> Finding:
    stated = [line for line in lines if _SOURCE_LABEL.match(fold(line.text))]
    if stated:
        return passed(
            R1_6_WATER,
            f"The label states the geographical location of the underground source ('{stated[0].text}'). {_B12_002}",
            CITE_SPRING,
            " / ".join(x.text for x in stated[:2]),
            stated[0].panel,
        )
    hints = [line for line in lines if _SOURCE_HINT.search(fold(line.text))]
    if hints:
        return review(
            R1_6_WATER,
            f"No 'Source:' statement was recognised; '{hints[0].text}' may name the underground source's location, "
            f"which the text cannot confirm. {_B12_002}",
            CITE_SPRING,
            hints[0].text,
            hints[0].panel,
            question="Does the label state the geographical location of the underground source the water is "
            f"obtained from (e.g. '{hints[0].text}')?",
            question_fr="L'étiquette indique-t-elle la position géographique de la source souterraine dont provient "
            "l'eau ?",
        )
    return failed(
        R1_6_WATER,
        f"No statement of the geographical location of the underground source was found on the label. {_B12_002}",
        CITE_SPRING,
        fix=_SOURCE_STATEMENT.fix,
        fix_fr=_SOURCE_STATEMENT.fix_fr,
    )


def _fluoride_on_pdp(facts: LabelFacts, kind: Kind, lines: list[Line]) -> Finding:
    """B.12.008: the fluoride statement, on the principal display panel of water (the label of ice)."""
    found, line = _amount_finding(lines, _FLUORIDE, _FLUORIDE_STATEMENT, CITE_OTHER, _B12_008)
    if line is None or found.verdict is not Verdict.PASS:
        return found
    principal = is_principal(facts, line.panel)
    pdp_lines = [x for x in lines if is_principal(facts, x.panel) and _FLUORIDE.search(fold(x.text))]
    if principal or any(_UNIT_PPM.search(fold(x.text)) for x in pdp_lines):
        return found
    if principal is None:
        return review(
            R1_6_WATER,
            f"The fluoride statement ('{line.text}') is on the '{line.panel}' panel, and no panel is marked as the "
            f"principal display panel, where B.12.008 requires it. {_B12_008}",
            CITE_OTHER,
            line.text,
            line.panel,
            question="Is the fluoride statement on the principal display panel?",
            question_fr="L'indication de la teneur en ion fluorure figure-t-elle dans l'espace principal ?",
        )
    if kind is Kind.ICE:
        return review(
            R1_6_WATER,
            f"The fluoride statement ('{line.text}') is on the '{line.panel}' panel, not the principal display panel. "
            "For ice B.12.008 (EN and FR) asks for it on the label; the CFIA Industry Labelling Tool reads the "
            f"principal display panel for ice as for water. {_B12_008}",
            CITE_OTHER,
            line.text,
            line.panel,
            question="Should the fluoride statement of this ice move to the principal display panel (the CFIA "
            "reading of B.12.008)?",
            question_fr="L'indication du fluorure de cette glace doit-elle figurer dans l'espace principal (lecture "
            "de l'ACIA de l'article B.12.008) ?",
        )
    return failed(
        R1_6_WATER,
        f"The fluoride statement ('{line.text}') is on the '{line.panel}' panel; for water other than mineral or "
        f"spring water it must appear on the principal display panel. {_B12_008}",
        CITE_OTHER,
        line.text,
        line.panel,
        fix="Show the statement of the total fluoride ion content in parts per million on the principal display panel.",
        fix_fr="Indiquez la teneur totale en ion fluorure, en parties par million, dans l'espace principal.",
    )


def check_water(facts: LabelFacts) -> list[Finding]:
    """The Division 12 statements for a label whose common name is water or ice; nothing for other foods."""
    found = water_kind(facts)
    if found is None:
        return []
    kind, names = found
    lines = _other_lines(facts, names)
    if kind is Kind.SPRING:
        return [
            _source_finding(lines),
            _amount_finding(lines, _TDS, _TDS_STATEMENT, CITE_SPRING, _B12_002)[0],
            _amount_finding(lines, _FLUORIDE, _FLUORIDE_STATEMENT, CITE_SPRING, _B12_002)[0],
        ]
    return [_fluoride_on_pdp(facts, kind, lines)]
