"""Bilingual labelling (cfia-rules.md section 2): mandatory information in English and in French.

Sources confirmed in ../shared/domain/sources/: FDR B.01.012(2) (both languages), (9) (the dealer may be
in one language), (3)-(7) (local, test-market and specialty foods, which the product context cannot tell,
so they are named in the message rather than assumed); SFCR 206(1),(2); FDR B.01.008.2(9), B.01.010.3(3),
B.01.010.4(2), B.29.020(5) (100 cm² same-line rule); CFIA ILT "bilingual food labelling" (no third
language inside the Nutrition Facts table; voluntary claims that must then be bilingual).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from labeliq.checks.bilingual.exemptions import exemption_findings
from labeliq.checks.bilingual.rules import R2_1, R2_2, R2_7, R2_8, R2_9
from labeliq.checks.common.findings import failed, passed, review
from labeliq.checks.common.language import languages_of, same_in_both_languages
from labeliq.checks.common.origin_text import IMPORTED_BY_EN, IMPORTED_BY_FR
from labeliq.checks.nutrition_facts import small_package
from labeliq.models import AllergenStatement, Claim, Finding, IngredientList, LabelFacts, Language, ProductContext

_CITE = "FDR B.01.012(2); SFCR 206(1)"
_EXEMPTIONS = "unless the food is a local, test-market or specialty food (FDR B.01.012(3)-(7))"
# Titles in each language, matched on the raw text (accents kept) when the parser missed one version.
_TITLES: dict[str, dict[str, re.Pattern[str]]] = {
    "list of ingredients": {
        "en": re.compile(r"(?<![\w])ingredients\s*:", re.I),
        "fr": re.compile(r"(?<![\w])ingrédients\s*:", re.I),
    },
    "'Contains' statement": {
        "en": re.compile(r"(?<![\w])contains\s*:", re.I),
        "fr": re.compile(r"(?<![\w])contient\s*:", re.I),
    },
    "precautionary ('May contain') statement": {
        "en": re.compile(r"(?<![\w])may contain", re.I),
        "fr": re.compile(r"(?<![\w])peut contenir", re.I),
    },
    "Nutrition Facts table title": {
        "en": re.compile(r"nutrition facts", re.I),
        "fr": re.compile(r"valeur nutritive", re.I),
    },
    "date marking words": {
        "en": re.compile(r"best before|packaged on|expiry date|use by", re.I),
        "fr": re.compile(r"meilleur avant|empaqueté le|emballé le|date limite d.utilisation|utiliser avant", re.I),
    },
    "'Imported by/for' statement": {
        "en": IMPORTED_BY_EN,
        "fr": IMPORTED_BY_FR,
    },
    "front-of-package nutrition symbol": {
        "en": re.compile(r"high in", re.I),
        "fr": re.compile(r"[ée]lev[ée] en", re.I),
    },
}
_LANG_NAME = {"en": "English", "fr": "French"}
_LANG_FR = {"en": "anglaise", "fr": "française"}


@dataclass
class _Field:
    name: str
    languages: set[str]
    evidence: str
    panel: str | None


def _union(items: Iterable[tuple[Language, str]]) -> set[str]:
    out: set[str] = set()
    for language, text in items:
        out |= languages_of(language, text)
    return out


def _allergen_field(name: str, statements: list[AllergenStatement]) -> _Field | None:
    if not statements:
        return None
    langs = _union((s.language, f"{s.title} {s.text}") for s in statements)
    return _Field(name, langs, " / ".join(f"{s.title} {s.text}" for s in statements), statements[0].source.panel)


def _ingredient_field(lists: list[IngredientList]) -> _Field | None:
    if not lists:
        return None
    langs = _union((i.language, f"{i.title} {i.text}") for i in lists)
    return _Field("list of ingredients", langs, " / ".join(i.title for i in lists), lists[0].source.panel)


def _fields(facts: LabelFacts) -> list[_Field]:
    out: list[_Field | None] = []
    if facts.common_names:
        out.append(
            _Field(
                "common name",
                _union((n.language, n.text) for n in facts.common_names),
                " / ".join(n.text for n in facts.common_names),
                facts.common_names[0].source.panel,
            )
        )
    out.append(_ingredient_field(facts.ingredients))
    out.append(_allergen_field("'Contains' statement", facts.contains))
    out.append(_allergen_field("precautionary ('May contain') statement", facts.may_contain))
    nft = facts.nutrition_facts
    if nft is not None and not (small_package.is_short_statement(nft) and not nft.title_languages):
        # a small package's short statement (B.01.467) has no table title to judge
        langs = _union((lang, "") for lang in nft.title_languages) or languages_of("unknown", nft.title)
        out.append(_Field("Nutrition Facts table title", langs, nft.title, nft.source.panel))
    if facts.dates:
        langs = set()
        for mark in facts.dates:
            langs |= _union((lang, "") for lang in mark.words_languages) or languages_of("unknown", mark.words)
        out.append(_Field("date marking words", langs, " / ".join(d.words for d in facts.dates), None))
    simple = [
        ("storage instructions", facts.storage_instructions),
        ("'Imported by/for' statement", facts.imported_by),
        ("front-of-package nutrition symbol", facts.fop_symbol),
        ("phenylalanine statement", facts.phenylalanine_statements),
        ("sweetener statement", facts.sweetener_statements),
    ]
    if facts.supplemented is not None:
        simple.append(("cautionary statements", facts.supplemented.caution_statements))
    for name, items in simple:
        if items:
            langs = _union((t.language, t.text) for t in items)
            out.append(_Field(name, langs, " / ".join(t.text for t in items), items[0].source.panel))
    return [f for f in out if f is not None]


def _check_field(field: _Field, full_text: str) -> Finding:
    langs = set(field.languages)
    titles = _TITLES.get(field.name)
    if titles and langs and not {"en", "fr"} <= langs:
        # The parser may have missed the other version; its printed title is evidence enough.
        langs |= {lang for lang, pattern in titles.items() if pattern.search(full_text)}
    if {"en", "fr"} <= langs:
        return passed(
            R2_1, f"English and French versions of the {field.name} are shown.", _CITE, field.evidence, field.panel
        )
    if not langs:
        return review(
            R2_1,
            f"The language of the {field.name} could not be determined; it must be in English and French.",
            _CITE,
            field.evidence,
            field.panel,
        )
    shown = next(iter(langs))
    missing = "fr" if shown == "en" else "en"
    if field.name == "common name" and same_in_both_languages(field.evidence):
        return review(
            R2_1,
            f"The common name '{field.evidence}' has no English- or French-specific word; it may be the same in both "
            "languages, which a reviewer should confirm.",
            _CITE,
            field.evidence,
            field.panel,
        )
    return failed(
        R2_1,
        f"Only the {_LANG_NAME[shown]} version of the {field.name} was found; "
        f"the {_LANG_NAME[missing]} version is missing. "
        f"Mandatory information must be in both official languages {_EXEMPTIONS}.",
        _CITE,
        field.evidence,
        field.panel,
        fix=f"Add the {_LANG_NAME[missing]} version of the {field.name}, with the same information as the "
        f"{_LANG_NAME[shown]} one.",
        fix_fr=f"Ajoutez la version {_LANG_FR[missing]} de cette mention, avec la même information que la version "
        f"{_LANG_FR[shown]}.",
    )


def _check_dealer(facts: LabelFacts) -> Finding | None:
    if not facts.dealer:
        return None
    dealer = facts.dealer[0]
    return passed(
        R2_2,
        "The name and principal place of business may be shown in English or French only; it was not required "
        "to be bilingual.",
        "FDR B.01.012(9); SFCR 206(1)",
        dealer.text,
        dealer.source.panel,
    )


_CLAIM_KINDS = {"nutrient_content": "nutrient content claim", "health": "health claim", "organic": "organic claim"}
_CLAIM_CITES = {
    "nutrient_content": "FDR B.01.501",
    "health": "FDR B.01.600",
    "organic": "SFCR 355(1)",
}


def _check_claims(claims: list[Claim]) -> list[Finding]:
    out: list[Finding] = []
    for kind, label in _CLAIM_KINDS.items():
        items = [c for c in claims if c.kind == kind]
        if not items:
            continue
        counts = {"en": 0, "fr": 0}
        unknown = 0
        for claim in items:
            langs = languages_of(claim.language, claim.text)
            for lang in langs:
                counts[lang] += 1
            unknown += not langs
        evidence = " / ".join(c.text for c in items)
        panel = items[0].source.panel
        cite = _CLAIM_CITES[kind]
        if counts["en"] and counts["fr"]:
            if counts["en"] == counts["fr"] or unknown:
                out.append(passed(R2_7, f"The {label}s appear in English and French.", cite, evidence, panel))
            else:
                out.append(
                    review(
                        R2_7,
                        f"{counts['en']} English and {counts['fr']} French {label}s were found; each claim must "
                        "appear in both languages.",
                        cite,
                        evidence,
                        panel,
                    )
                )
        elif counts["en"] or counts["fr"]:
            shown = "en" if counts["en"] else "fr"
            other = "fr" if shown == "en" else "en"
            out.append(
                failed(
                    R2_7,
                    f"The {label} '{items[0].text}' appears only in {_LANG_NAME[shown]}; once made, it must also "
                    f"appear in {_LANG_NAME[other]}.",
                    cite,
                    evidence,
                    panel,
                )
            )
        else:
            out.append(review(R2_7, f"The language of the {label} could not be determined.", cite, evidence, panel))
    return out


def _check_nft_language(facts: LabelFacts) -> Finding | None:
    nft = facts.nutrition_facts
    if nft is None:
        return None
    cite = "CFIA ILT, bilingual food labelling (Nutrition Facts table)"
    if nft.other_language_text:
        return failed(
            R2_8,
            "The Nutrition Facts table contains text in a language other than English and French; no other "
            "language is permitted inside the table.",
            cite,
            " / ".join(nft.other_language_text),
            nft.source.panel,
        )
    return passed(R2_8, "No third language was found inside the Nutrition Facts table.", cite, panel=nft.source.panel)


# The two titles of each statement the same-line rule covers, read on the raw panel lines.
_SAME_LINE_KINDS: dict[str, tuple[str, re.Pattern[str], re.Pattern[str]]] = {
    "list of ingredients": (
        "FDR B.01.008.2(9)",
        re.compile(r"(?<![\w])ingredients?\s*:", re.I),
        re.compile(r"(?<![\w])ingrédients?\s*:", re.I),
    ),
    "'Contains' statement": (
        "FDR B.01.010.3(3)",
        re.compile(r"(?<![\w])contains\s*:", re.I),
        re.compile(r"(?<![\w])contient\s*:", re.I),
    ),
    "precautionary statement": (
        "FDR B.01.010.4(2)",
        re.compile(r"(?<![\w])may contain\b", re.I),
        re.compile(r"(?<![\w])peut contenir\b", re.I),
    ),
}
_ANY_TITLE = re.compile(
    r"(?<![\w])(ingr[ée]dients?\s*:|contains\s*:|contient\s*:|may contain|peut contenir|best before|"
    r"meilleur avant|nutrition facts|valeur nutritive)",
    re.I,
)


_COLUMN_GAP = re.compile(r"(\s{3,}|\t)$")


def _clashes(text: str, first: re.Pattern[str], second: re.Pattern[str]) -> list[str]:
    """Lines where a version of the statement begins after text of the other version on that same line."""
    lines = text.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        for own, other in ((first, second), (second, first)):
            for m in own.finditer(line):
                before = line[: m.start()]
                if not re.search(r"\w", before) or _COLUMN_GAP.search(before):
                    continue  # at the start of its line, or a second column printed side by side
                if other.search(before):
                    out.append(line.strip())
                    continue
                # The other version may have started on an earlier line and run on to this one.
                for j in range(i - 1, -1, -1):
                    prev = lines[j]
                    if not prev.strip():
                        break
                    if other.search(prev):
                        out.append(line.strip())
                        break
                    if _ANY_TITLE.search(prev):
                        break
    return out


def _check_same_line(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    out: list[Finding] = []
    ads = context.available_display_surface_cm2
    for name, (cite, first, second) in _SAME_LINE_KINDS.items():
        present = [p for p in facts.panels if first.search(p.text) and second.search(p.text)]
        if not present:
            continue
        clash = [(p.name, line) for p in present for line in _clashes(p.text, first, second)]
        if not clash:
            out.append(passed(R2_9, f"The English and French versions of the {name} start on separate lines.", cite))
        elif ads is not None and ads < 100:
            out.append(
                passed(
                    R2_9,
                    f"The two versions of the {name} share a line, allowed as the display surface is < 100 cm².",
                    cite,
                    clash[0][1],
                    clash[0][0],
                )
            )
        elif ads is None:
            out.append(
                review(
                    R2_9,
                    f"One version of the {name} starts on the line where the other ends; this is allowed only "
                    "if the available display surface is less than 100 cm², which the context does not give.",
                    cite,
                    clash[0][1],
                    clash[0][0],
                )
            )
        else:
            out.append(
                failed(
                    R2_9,
                    f"One version of the {name} starts on the same line where the other ends; with an available "
                    "display surface of 100 cm² or more they must start on separate lines.",
                    cite,
                    clash[0][1],
                    clash[0][0],
                )
            )
    return out


def check(facts: LabelFacts, context: ProductContext) -> list[Finding]:
    full_text = facts.full_text()
    findings = [_check_field(f, full_text) for f in _fields(facts)]
    for finding in (_check_dealer(facts), _check_nft_language(facts)):
        if finding is not None:
            findings.append(finding)
    findings.extend(_check_claims(facts.claims))
    findings.extend(_check_same_line(facts, context))
    findings.extend(exemption_findings(facts))
    return findings
