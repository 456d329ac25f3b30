"""Reading a nutrient content claim: what it says about which nutrient, in which language.

"Low in sodium", "sodium-free", "bonne source de fibres" become (kind, subject) pairs that the criteria
(claim_criteria) and the FOP interplay rule (7.15) reason about. The words are the claims of FDR
B.01.503 ff. and the TPNCSC subjects (lexicons/data/nutrient_claims.json); detection is lenient on
purpose, judgement is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from labeliq import lexicons
from labeliq.checks.common import fortification_claim
from labeliq.text import fold


@dataclass(frozen=True)
class ParsedClaim:
    kind: str  # free, low, reduced, lower, source, good_source, high_source, very_high_source, fortified, ...
    subject: str  # a nutrient key ("sodium", "fibre", "energy"), or "" for "unsweetened" / sensory "light" / a
    # fortification that names no nutrient ("fortified with vitamins and minerals")
    language: str  # "en" or "fr"
    text: str  # the claim as printed
    modifier: str = ""  # "very", "ultra", "extra" when it precedes or follows the claim (B.01.511(2))
    span: tuple[int, int] = (0, 0)  # where it matched in the folded text

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.subject}"


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = lexicons.load("nutrient_claims")
    return loaded


@cache
def _subject_patterns() -> dict[str, tuple[str, dict[str, str]]]:
    """Per language: a regex alternation of subject words (longest first) and word -> nutrient key."""
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for lang in ("en", "fr"):
        words: dict[str, str] = {}
        for key, entry in data()["subjects"].items():
            for word in entry[lang]:
                words[fold(word)] = key
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out[lang] = (f"(?P<s{{n}}>{alternation})", words)
    return out


# (kind, language, pattern with {S} for the subject); longer claims first so "excellent source of" wins.
_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("very_high_source", "en", r"very high source of {S}"),
    ("high_source", "en", r"high source of {S}"),
    ("excellent_source", "en", r"excellent source of {S}"),
    ("good_source", "en", r"good source of {S}"),
    ("source", "en", r"source of {S}"),
    ("no_added", "en", r"no added {S}|no {S} added|without added {S}|{S} not added"),
    ("free", "en", r"{S}[- ]free|free of {S}|free from {S}|contains no {S}|zero {S}"),
    ("low", "en", r"low in {S}|low[- ]{S}"),
    ("reduced", "en", r"reduced in {S}|reduced[- ]{S}|{S}[- ]reduced"),
    ("lower", "en", r"lower in {S}|less {S}|lower[- ]{S}"),
    ("more", "en", r"more {S}|higher in {S}"),
    ("high_in", "en", r"high in {S}|rich in {S}|high[- ]{S}|packed with {S}|loaded with {S}"),
    ("very_high_source", "fr", r"source tres elevee de {S}|source tres elevee d'{S}"),
    ("high_source", "fr", r"source elevee de {S}|source elevee d'{S}"),
    ("excellent_source", "fr", r"excellente source de {S}|excellente source d'{S}"),
    ("good_source", "fr", r"bonne source de {S}|bonne source d'{S}"),
    ("source", "fr", r"source de {S}|source d'{S}"),
    ("no_added", "fr", r"sans {S} ajoutes?|aucun {S} ajoute|sans ajout de {S}"),
    ("free", "fr", r"sans {S}|ne contient pas de {S}|exempt de {S}"),
    ("low", "fr", r"faible teneur en {S}|pauvre en {S}|faible en {S}|peu de {S}"),
    ("reduced", "fr", r"teneur reduite en {S}|reduit en {S}|{S} reduits?"),
    ("lower", "fr", r"moins de {S}|moins d'{S}"),
    ("more", "fr", r"plus de {S}|plus d'{S}"),
    ("high_in", "fr", r"teneur elevee en {S}|riche en {S}"),
)
_BARE: tuple[tuple[str, str, str, str], ...] = (
    ("lightly_salted", "sodium", "en", r"lightly salted"),
    ("lightly_salted", "sodium", "fr", r"legerement sale"),
    ("unsweetened", "sugars", "en", r"unsweetened"),
    ("unsweetened", "sugars", "fr", r"non sucree?s?"),
)
_LIGHT = re.compile(r"\b(light|lite|legere?)\b")
_LIGHT_SUBJECT = re.compile(
    r"\b(light|lite|legere?)\s+(in|en)\s+(calories|energy|energie|fat|lipides|matieres grasses)\b"
)
_MODIFIER = re.compile(r"\b(very|ultra|extra|tres)\s*$")
_MODIFIER_AFTER = re.compile(r"^\s*(very|ultra|extra)\b")
_BOUND = r"(?<![a-z0-9])(?:{p})(?![a-z0-9])"


_OPTIONAL_CHAR = re.compile(r".\?")  # "s?" in "ajoutes?"
_CHAR_CLASS = re.compile(r"\[[^\]]*\]")  # "[- ]"


def _words_needed(template: str) -> tuple[str, ...]:
    """Per alternative of a template, the longest run of plain text that every match of it contains.

    Compiling a template (the subject alternation is spliced in once or twice) is the parser's largest cost, so
    a template is compiled only when one of these runs occurs in the text: one that cannot match is never built.
    Templates are plain text with {S}, "[...]" classes and "x?" only; anything else is refused here.
    """
    needed = []
    for alternative in template.split("|"):
        plain = _OPTIONAL_CHAR.sub("\0", _CHAR_CLASS.sub("\0", alternative.replace("{S}", "\0")))
        if any(ch in plain for ch in "()[]{}?*+\\^$."):
            raise ValueError(f"claim template {template!r}: only plain text, {{S}}, [...] and x? are read")
        needed.append(max(plain.split("\0"), key=len).strip())
    return tuple(needed)


@cache
def _templates() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple((kind, lang, _words_needed(template)) for kind, lang, template in _TEMPLATES)


@cache
def _compiled(index: int) -> re.Pattern[str]:
    """The template at this index of _TEMPLATES with its language's subjects, compiled once per process."""
    _, lang, template = _TEMPLATES[index]
    subjects = _subject_patterns()
    pieces = template.split("{S}")
    pattern = pieces[0] + "".join(
        subjects[lang][0].replace("{n}", str(n)) + piece for n, piece in enumerate(pieces[1:])
    )
    return re.compile(_BOUND.format(p=pattern))


def parse(text: str) -> list[ParsedClaim]:
    """Every nutrient content claim in `text` (a claim line as printed)."""
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    found: list[ParsedClaim] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    subjects = _subject_patterns()
    for index, (kind, lang, needed) in enumerate(_templates()):
        if not any(words in folded for words in needed):
            continue  # no match possible: not compiled
        for match in _compiled(index).finditer(folded):
            if not free(match.start(), match.end()):
                continue
            if kind == "very_high_source" or not _MODIFIER.search(folded[: match.start()]):
                modifier = ""
            else:
                modifier = _MODIFIER.search(folded[: match.start()]).group(1)  # type: ignore[union-attr]
            after = _MODIFIER_AFTER.search(folded[match.end() :])
            if after and not modifier:
                modifier = after.group(1)
            word = next(v for k, v in match.groupdict().items() if k.startswith("s") and v)
            subject = subjects[lang][1][word]
            taken.append((match.start(), match.end()))
            found.append(ParsedClaim(kind, subject, lang, text, modifier, (match.start(), match.end())))
    for fortified in fortification_claim.find(folded):
        start, end = fortified.span
        if not free(start, end):
            continue
        taken.append((start, end))
        for subject in fortified.subjects or ("",):
            found.append(ParsedClaim("fortified", subject, fortified.language, text, "", (start, end)))
    for kind, subject, lang, pattern_text in _BARE:
        for match in re.finditer(_BOUND.format(p=pattern_text), folded):
            if free(match.start(), match.end()):
                taken.append((match.start(), match.end()))
                found.append(ParsedClaim(kind, subject, lang, text, "", (match.start(), match.end())))
    for match in _LIGHT.finditer(folded):
        if not free(match.start(), match.end()):
            continue
        lang = "en" if match.group(1) in ("light", "lite") else "fr"
        subject_match = _LIGHT_SUBJECT.match(folded, match.start())
        subject = ""
        if subject_match:
            subject = "energy" if subject_match.group(3) in ("calories", "energy", "energie") else "fat"
        found.append(ParsedClaim("light", subject, lang, text, "", (match.start(), match.end())))
    return sorted(found, key=lambda c: c.span)
