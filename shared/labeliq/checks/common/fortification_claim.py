"""Reading a fortification statement ("enriched with calcium and vitamins A and D", "iron-fortified",
"additionné de vitamine D") as a representation about each vitamin or mineral nutrient it names.

FDR D.01.004(1) and D.02.002(1) govern any "statement or claim concerning the vitamin [mineral nutrient] content of
the food", not only the "source of" wording, so each named nutrient is judged by 14.A14 like a "source of" claim.
Only the wording "<enriched|fortified> with ...", "with added ...", "<nutrient>-fortified/-enriched" and the French
"enrichi(e)(s) de/en ...", "fortifié(e)(s) de/en ...", "additionné(e)(s) de ..." is read: the bare word "enriched"
before a food's name ("enriched flour", "farine enrichie", "enriched pasta") is the standardized common name of a food
whose enrichment the standard itself prescribes (FDR B.13.001(1), B.13.052(2); CFIA ILT, "Common names"), not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labeliq.checks.common.micronutrients import BY_KEY

# Folded (lower case, unaccented) nutrient words -> Nutrition Facts keys. Bare vitamin letters ("a", "b12") are read
# only after "vitamin(s)" / "vitamine(s)" in the same list.
_WORDS: dict[str, str] = {
    "calcium": "calcium",
    "iron": "iron",
    "fer": "iron",
    "potassium": "potassium",
    "magnesium": "magnesium",
    "zinc": "zinc",
    "phosphorus": "phosphorus",
    "phosphore": "phosphorus",
    "iodine": "iodide",
    "iodide": "iodide",
    "iode": "iodide",
    "selenium": "selenium",
    "thiamin": "thiamine",
    "thiamine": "thiamine",
    "riboflavin": "riboflavin",
    "riboflavine": "riboflavin",
    "niacin": "niacin",
    "niacine": "niacin",
    "folate": "folate",
    "folic acid": "folate",
    "acide folique": "folate",
    "biotin": "biotin",
    "biotine": "biotin",
    "pantothenic acid": "pantothenic_acid",
    "acide pantothenique": "pantothenic_acid",
}
_LETTERS: dict[str, str] = {
    "a": "vitamin_a",
    "c": "vitamin_c",
    "d": "vitamin_d",
    "d2": "vitamin_d",
    "d3": "vitamin_d",
    "e": "vitamin_e",
    "k": "vitamin_k",
    "b1": "thiamine",
    "b2": "riboflavin",
    "b3": "niacin",
    "b6": "vitamin_b6",
    "b12": "vitamin_b12",
}
_NUTRIENT = "|".join(sorted((*(re.escape(w) for w in _WORDS), r"vitamins?|vitamines?"), key=len, reverse=True))
_LEAD = re.compile(
    r"(?<![a-z])(?:(?P<en>(?:enriched|fortified) with|with added)"
    r"|(?:enrichi|fortifie|additionne)e?s? (?:de|en|avec|d'))\s*"
)
_SUFFIXED = re.compile(rf"(?<![a-z])({_NUTRIENT}|vitamine? [a-z]\d*)[- ](?:fortified|enriched)\b")
_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\bplus\b)\s*")
_ARTICLE = re.compile(r"^(?:de la |de l'|d'|de |du |des |en |the )")
_TOKEN = re.compile(rf"^(?:(?P<word>{_NUTRIENT})(?:\s+(?P<letter>[a-z]\d*))?|(?P<bare>[a-z]\d{{0,2}}))(?![a-z0-9])")
_UNNAMED = re.compile(r"(?:vitamins?|vitamines?|minerals?|mineraux|nutrients?|nutriments?)\b")


@dataclass(frozen=True)
class Fortification:
    subjects: tuple[str, ...]  # Nutrition Facts keys of the nutrients named, in label order
    unnamed: bool  # "fortified with vitamins and minerals": no nutrient named
    language: str  # "en" or "fr", from the wording that matched
    span: tuple[int, int]


def is_vitamin(key: str) -> bool:
    return key in BY_KEY and BY_KEY[key].vitamin


def find(folded: str) -> list[Fortification]:
    """Every fortification statement in a folded claim text, with the nutrients it names."""
    out: list[Fortification] = []
    for match in _LEAD.finditer(folded):
        subjects, end = _read_list(folded, match.end())
        language = "en" if match.group("en") else "fr"
        if subjects:
            out.append(Fortification(subjects, False, language, (match.start(), end)))
        elif _UNNAMED.match(folded, match.end()):
            out.append(Fortification((), True, language, (match.start(), match.end())))
    for match in _SUFFIXED.finditer(folded):
        subjects, _ = _read_list(match.group(1), 0)
        if subjects:
            out.append(Fortification(subjects, False, "en", (match.start(), match.end())))
    return out


def _read_list(folded: str, start: int) -> tuple[tuple[str, ...], int]:
    """The nutrients of a list such as "calcium and vitamins a, d, riboflavin and b12": a bare letter counts only after
    "vitamin(s)"; the list ends at the first item that is not a nutrient ("calcium for strong bones" ends it)."""
    subjects: list[str] = []
    in_vitamins = False
    position = start
    end = start
    while position < len(folded):
        rest = folded[position:]
        article = _ARTICLE.match(rest)
        offset = article.end() if article else 0
        token = _TOKEN.match(rest[offset:])
        if token is None:
            break
        word, letter, bare = token.group("word"), token.group("letter"), token.group("bare")
        key = ""
        if word and word.startswith("vitamin"):
            in_vitamins = True
            key = _LETTERS.get(letter or "", "")
            if letter and not key:
                break
        elif word:
            key = _WORDS[word]
        elif in_vitamins and bare in _LETTERS:
            key = _LETTERS[bare]
        else:
            break
        if key and key not in subjects:
            subjects.append(key)
        end = position + offset + token.end()
        separator = _SEPARATOR.match(folded, end)
        if separator is None or separator.end() == end:
            break
        position = separator.end()
    return tuple(subjects), end
