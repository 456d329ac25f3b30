"""Finding diet-related health claims in panel text and comparing them with the FDR's exact wording.

Only the wording in column 1 of the table following B.01.603 may be used, with other words allowed
before or after but not inside (B.01.603(1)). The canonical sentences are in
lexicons/data/health_claims.json, copied verbatim from the FDR (EN and FR); "(Naming the food)" may be
any name. A sentence that talks about reducing the risk of a disease and is not one of them is a wording
fail; one that treats, cures or prevents a disease is a drug claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from labeliq import lexicons
from labeliq.models import LabelFacts
from labeliq.text import fold


@dataclass(frozen=True)
class HealthClaimMatch:
    item: str  # "1", "2", "3", "4", "4.1", "5"
    variant: int  # 1-based statement number within the item
    language: str
    text: str  # the matched text as folded from the panel
    food: str  # what stood for "(Naming the food)"
    panel: str


@dataclass(frozen=True)
class SuspectSentence:
    text: str
    panel: str
    language: str
    drug_like: bool


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = lexicons.load("health_claims")
    return loaded


def _pattern_source(sentence: str, placeholder: str, language: str) -> str:
    folded = fold(sentence)
    hole = fold(placeholder)
    before, _, after = folded.partition(hole) if hole in folded else (folded, "", "")
    parts = [re.escape(before)]
    if hole in folded:
        verb = ""
        for singular, plural in ((" is ", "are"), (" est ", "sont")):
            if after.startswith(singular):  # a plural food name takes the plural verb
                verb, after = rf"\s+(?:{singular.strip()}|{plural})\s+", after[len(singular) :]
        # "(Naming the food)": any name up to 80 characters without a full stop (a design bound, not an FDR number)
        parts += [r"(?P<food>[^.]{1,80}?)", verb, re.escape(after)]
    text = "".join(parts).replace(r"\ ", r"\s+")
    if language == "fr":
        # B.01.601(3): "lipides" may replace "graisses" (the adjective then agrees: saturés); plural agreement allowed.
        text = text.replace(r"graisses\s+saturees", r"(?:graisses\s+saturees|lipides\s+satures)")
        text = text.replace(r"graisses\s+trans", r"(?:graisses|lipides)\s+trans")
        text = text.replace("pauvre", "pauvres?")
    text = text.replace("'", "'?")
    return text


_GROUP = re.compile(r"\([^()]*\)")
_OPTIONAL = re.compile(r"\\s\+|.\?")  # a space, or a character that may be absent ("'?", "pauvres?")


def _word_needed(source: str) -> str:
    """The longest word every match of a sentence pattern contains: its letters outside any group.

    Compiling the forty sentences was the largest cost of a process's first label, so a sentence is compiled only
    once a panel holds this word (most labels make no health claim at all).
    """
    while _GROUP.search(source):
        source = _GROUP.sub(" ", source)
    words = re.findall(r"[a-z]+", _OPTIONAL.sub(" ", source).replace("\\", " "))
    return max(words, key=len, default="")


@cache
def _regex(source: str) -> re.Pattern[str]:
    return re.compile(source)


@cache
def _compiled() -> tuple[tuple[str, int, str, str, str], ...]:
    """(item, statement number, language, pattern source, a word it needs); compiled on first use (_regex)."""
    out = []
    for item, languages in data()["items"].items():
        for language in ("en", "fr"):
            for number, sentence in enumerate(languages[language], start=1):
                source = _pattern_source(sentence, data()["placeholder"][language], language)
                out.append((item, number, language, source, _word_needed(source)))
    # Longest first so "... is a good source of potassium and is low in sodium" beats "... is low in sodium".
    return tuple(sorted(out, key=lambda entry: len(entry[3]), reverse=True))


def panel_text(facts: LabelFacts) -> list[tuple[str, str]]:
    """(panel name, folded text with line breaks joined) for every panel."""
    return [(p.name, fold(p.text.replace("-\n", "").replace("\n", " "))) for p in facts.panels]


def find_matches(facts: LabelFacts) -> tuple[list[HealthClaimMatch], list[SuspectSentence]]:
    matches: list[HealthClaimMatch] = []
    suspects: list[SuspectSentence] = []
    for panel, text in panel_text(facts):
        taken: list[tuple[int, int]] = []
        for item, number, language, source, needed in _compiled():
            if needed not in text:
                continue  # cannot match: not compiled
            for found in _regex(source).finditer(text):
                if any(not (found.end() <= a or found.start() >= b) for a, b in taken):
                    continue
                taken.append((found.start(), found.end()))
                food = found.groupdict().get("food") or ""
                matches.append(HealthClaimMatch(item, number, language, found.group(0), food.strip(), panel))
        suspects += _suspects(text, panel, taken)
    return matches, suspects


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_WINDOW_WORDS = 5  # a drug verb or a risk phrase counts only with a disease word this close after it


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (between . ! ?) holding text[start:end], clipped around it so evidence stays readable."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    left = max(before[-1] if before else 0, start - 120)
    after = _SENTENCE_END.search(text, end)
    right = min(after.end() if after else len(text), end + 130)
    return left, right


@cache
def _proximity() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Per language: (drug verb ... disease, risk phrase ... disease) within a few words."""
    lexicon = data()
    out: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
    gap = rf"(?:\W+\w+){{0,{_WINDOW_WORDS}}}?\W+"
    for language in ("en", "fr"):
        diseases = "|".join(re.escape(fold(w)) for w in sorted(lexicon["diseases"][language], key=len, reverse=True))
        verbs = "|".join(re.escape(fold(w)) for w in sorted(lexicon["drug_verbs"][language], key=len, reverse=True))
        risks = "|".join(re.escape(fold(w)) for w in sorted(lexicon["risk_phrases"][language], key=len, reverse=True))
        drug = re.compile(rf"(?<![a-z])(?:{verbs}){gap}(?:{diseases})(?![a-z])")
        risk = re.compile(
            rf"(?<![a-z])(?:(?:{risks}){gap}(?:{diseases})|carie\w*|cavities|tooth decay|cariogen\w*)(?![a-z])"
        )
        out[language] = (drug, risk)
    return out


def _suspects(text: str, panel: str, taken: list[tuple[int, int]]) -> list[SuspectSentence]:
    out: list[SuspectSentence] = []
    seen: list[tuple[int, int]] = []
    for language, (drug, risk) in _proximity().items():
        for pattern, drug_like in ((drug, True), (risk, False)):
            for found in pattern.finditer(text):
                if any(found.start() < b and found.end() > a for a, b in taken + seen):
                    continue
                left, right = _sentence_around(text, found.start(), found.end())
                seen.append((left, right))
                out.append(SuspectSentence(text[left:right].strip(), panel, language, drug_like))
    return out
