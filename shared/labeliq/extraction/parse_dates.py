"""Date markings ("best before / meilleur avant", "packaged on / empaqueté le", expiry, "use by /
employez avant") and storage instructions, as printed.

The date token is captured however it is written ("27 JU 28", "2027-03-15", "06/28/25"): judging the
format is the date checker's job, and it needs the printed form to do it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from labeliq.extraction.language import guess_language
from labeliq.extraction.lines import SourceLine, evidence, fold_same_length, join_texts, provenance
from labeliq.extraction.titles import STORAGE_LEAD, starts_section
from labeliq.models import DateMark, Language, TextFact

DateKind = Literal["best_before", "packaged_on", "expiry", "use_by", "other"]
_PHRASE_TABLE: tuple[tuple[DateKind, Language, str], ...] = (
    ("best_before", "en", r"\bbest\s*bef[o0]re?\b|\bbest\s*if\s*used\s*by\b|\bbest\s*by\b|\bbb\b(?=\s*/\s*ma\b)"),
    ("best_before", "fr", r"\bmeill?eur\s*avant?\b|(?<=bb/)ma\b|(?<=bb /)ma\b|(?<=bb / )ma\b"),
    ("packaged_on", "en", r"\bpackaged\s*on\b|\bpacked\s*on\b"),
    ("packaged_on", "fr", r"\bempaquete\s*le\b|\bemballe\s*le\b"),
    ("expiry", "en", r"\bexpiry(?:\s*date)?\b|\bexpiration(?:\s*date)?\b|\bexpires?(?:\s*on)?\b|\bexp\b\.?"),
    ("expiry", "fr", r"\bdate\s*d'expiration\b|\bexpire\s*le\b"),
    ("use_by", "en", r"\buse\s*by\b"),
    ("use_by", "fr", r"\bemployez\s*avant\b|\butiliser\s*avant\b"),
)
_PHRASES = tuple((kind, language, re.compile(pattern)) for kind, language, pattern in _PHRASE_TABLE)
_MONTHS = (
    r"jan(?:uary|vier)?|feb(?:ruary)?|fev(?:rier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin"
    r"|july?|juil(?:let)?|aug(?:ust)?|aout|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?"
    r"|dec(?:ember|embre)?"
)
_DATE_TOKENS = (
    re.compile(r"\b\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\b"),
    re.compile(r"\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}\b"),
    re.compile(rf"(?:\b\d{{2,4}}\s+)?\b(?:{_MONTHS})\.?\s*\d{{1,2}}\b(?:\s+(?:{_MONTHS})\b)?", re.IGNORECASE),
    re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b(?:\s+\d{{2,4}}\b)?", re.IGNORECASE),
    # written without spaces ("27MR15", "15JN28") or with dots or dashes ("27.MR.15"): the whole run
    re.compile(r"\b\d{1,4}(?P<code>[A-Z]{2,3})\d{1,4}\b", re.IGNORECASE),
    re.compile(r"\b\d{1,4}([.\-/])(?P<code>[A-Z]{2,3})\1\d{1,4}\b", re.IGNORECASE),
    # "27 JU 28", "JN 28", "7 JN 28": a leading day or year of one digit belongs to the token too
    re.compile(r"(?:\b\d{1,4}\s*)?\b(?P<code>[A-Z]{2,3})\s*\d{1,2}\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2}\s*(?P<code>[A-Z]{2,3})\b(?:\s*\d{2,4}\b)?", re.IGNORECASE),
)
# short words that sit next to numbers in date lines without being month codes (DE is December, so
# the French "de" cannot be told apart and stays a code)
_NOT_MONTH_CODES = {
    "on",
    "of",
    "le",
    "la",
    "by",
    "in",
    "at",
    "to",
    "see",
    "the",
    "lot",
    "pm",
    "am",
    "g",
    "mg",
    "ml",
}
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÀ-Ý])")
# a lot or batch code printed under the date words is not the date ("LOT 27MA15")
_LOT_CODE = re.compile(r"^\W*(?:lot|batch|code|l\s*[:#])(?:\s*(?:no|n[o°]|#)\.?)?\b")
_EXPLANATION = re.compile(r"\b(?:see|voir)\b[^/]*", re.IGNORECASE)
_DURABLE_LIFE = re.compile(r"within\s+\d+\s+days|dans\s+les\s+\d+\s+jours|durable\s+life|duree\s+de\s+conservation")


@dataclass
class _Hit:
    kind: DateKind
    language: Language
    words: str
    date_text: str
    explanation: str
    lines: list[SourceLine] = field(default_factory=list)
    position: int = 0


def find_date_token(text: str) -> re.Match[str] | None:
    """The first date-like token: numeric, month words, or a two/three-letter month code in any case."""
    for pattern in _DATE_TOKENS:
        for match in pattern.finditer(text):
            code = match.groupdict().get("code")
            if code is None or code.lower() not in _NOT_MONTH_CODES:
                return match
    return None


def _phrase_hits(text: str) -> list[tuple[int, int, DateKind, Language]]:
    """Date words in the line, longest first so "date d'expiration" is not read as "expiration"."""
    folded = fold_same_length(text)
    candidates = [
        (match.start(), match.end(), kind, language)
        for kind, language, pattern in _PHRASES
        for match in pattern.finditer(folded)
    ]
    hits: list[tuple[int, int, DateKind, Language]] = []
    for hit in sorted(candidates, key=lambda h: h[0] - h[1]):
        if all(hit[1] <= start or hit[0] >= end for start, end, _, _ in hits):
            hits.append(hit)
    return sorted(hits)


def _mask(text: str, spans: list[tuple[int, int, DateKind, Language]]) -> str:
    chars = list(text)
    for start, end, _, _ in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def find_dates(lines: list[SourceLine], consumed: set[int]) -> list[DateMark]:
    hits: list[_Hit] = []
    for position, line in enumerate(lines):
        if position in consumed or line.blank:
            continue
        phrases = _phrase_hits(line.text)
        if not phrases:
            continue
        used = [position]
        masked = _mask(line.text, phrases)
        tokens = _tokens_by_kind(masked, phrases)
        date_line = line
        if tokens and tokens[-1][1] is None:
            following = next(
                (p for p in range(position + 1, min(position + 3, len(lines))) if not lines[p].blank), None
            )
            if following is not None and following not in consumed:
                candidate = find_date_token(lines[following].text)
                lot_code = _LOT_CODE.match(fold_same_length(lines[following].text))
                if candidate and not lot_code and not _phrase_hits(lines[following].text):
                    tokens[-1] = (tokens[-1][0], candidate)
                    date_line = lines[following]
                    used.append(following)
        explanation_text = ""
        explanation = _EXPLANATION.search(masked)
        if explanation:
            explanation_text = explanation.group(0).strip(" .:")
        for near in range(position + 1, min(position + 3, len(lines))):
            if near not in consumed and _DURABLE_LIFE.search(fold_same_length(lines[near].text)):
                explanation_text = explanation_text or lines[near].text
                used.append(near)
                break
        for group_index, (group, token) in enumerate(tokens):
            last_group = group_index == len(tokens) - 1
            for start, end, kind, language in group:
                hits.append(
                    _Hit(
                        kind=kind,
                        language=language,
                        words=line.text[start:end].strip(" :/"),
                        date_text=token.group(0).strip() if token else "",
                        explanation=explanation_text,
                        lines=[line] + ([date_line] if date_line is not line and last_group else []),
                        position=position,
                    )
                )
        consumed.update(used)
    return _merge(hits)


Phrase = tuple[int, int, DateKind, Language]


def _tokens_by_kind(masked: str, phrases: list[Phrase]) -> list[tuple[list[Phrase], re.Match[str] | None]]:
    """Each run of date words of one kind on the line with the date printed with it.

    "Packaged on / Empaqueté le JN 28 Best before / Meilleur avant JL 03" holds two dates: each run
    of words takes the date between its first word and the next run's first word ("Best before 17 JN
    28 Meilleur avant" puts it between the English and French words of one run), else the date just
    before its words that no other run took ("JN 28 Packaged on").
    """
    groups: list[list[Phrase]] = []
    for phrase in phrases:
        if groups and groups[-1][-1][2] == phrase[2]:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
    out: list[tuple[list[Phrase], re.Match[str] | None]] = []
    taken_until = 0
    for index, group in enumerate(groups):
        region_end = groups[index + 1][0][0] if index + 1 < len(groups) else len(masked)
        token = _token_in(masked, group[0][0], region_end)
        if token is None:
            token = _token_in(masked, taken_until, group[0][0])
        if token is not None:
            taken_until = max(taken_until, token.end())
        out.append((group, token))
    return out


def _token_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first date token inside text[start:end], with spans relative to the whole text."""
    if end <= start:
        return None
    return find_date_token(" " * start + text[start:end])


def _merge(hits: list[_Hit]) -> list[DateMark]:
    """English and French words for one date (on one line, adjacent lines or two columns) are one mark."""
    groups: list[list[_Hit]] = []
    for hit in hits:
        for group in groups:
            head = group[0]
            same_date = hit.date_text and hit.date_text == head.date_text
            near = abs(hit.position - group[-1].position) <= 2 and (
                not hit.date_text or not head.date_text or same_date
            )
            if head.kind == hit.kind and hit.language not in [h.language for h in group] and (same_date or near):
                group.append(hit)
                break
        else:
            groups.append([hit])
    marks: list[DateMark] = []
    for group in groups:
        lines = sorted({id(line): line for hit in group for line in hit.lines}.values(), key=lambda x: x.index)
        languages: list[Language] = []
        for hit in group:
            if hit.language not in languages:
                languages.append(hit.language)
        marks.append(
            DateMark(
                kind=group[0].kind,
                words=" / ".join(hit.words for hit in group),
                words_languages=languages,
                date_text=next((hit.date_text for hit in group if hit.date_text), ""),
                explanation=next((hit.explanation for hit in group if hit.explanation), ""),
                source=provenance(lines),
            )
        )
    return marks


def find_storage_instructions(lines: list[SourceLine], consumed: set[int], vocabulary: str) -> list[TextFact]:
    found: list[TextFact] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if position in consumed or line.blank or not STORAGE_LEAD.search(fold_same_length(line.text)):
            position += 1
            continue
        end = position + 1
        while (
            end < len(lines)
            and not lines[end].blank
            and not line.text.endswith(".")
            and not lines[end - 1].text.endswith(".")
            and not starts_section(lines[end])
            and lines[end].text[:1].islower()
        ):
            end += 1
        block = lines[position:end]
        text = join_texts([b.text for b in block], vocabulary)
        for part in _split_bilingual(text):
            found.append(
                TextFact(text=part, language=guess_language(part), evidence=evidence(block), source=provenance(block))
            )
        consumed.update(range(position, end))
        position = end
    return found


def _split_bilingual(text: str) -> list[str]:
    """ "Keep refrigerated / Garder réfrigéré" is two instructions, one per language; so is "Keep
    refrigerated. Garder au frais." on one line. A sentence in a third language is not an instruction
    in an official language and is left out."""
    parts = [part.strip() for part in re.split(r"\s+/\s+", text) if part.strip()]
    if len(parts) > 1 and all(STORAGE_LEAD.search(fold_same_length(part)) for part in parts):
        return [part for part in parts if guess_language(part) != "other"]
    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    if len(sentences) < 2:
        return [text]
    runs: list[tuple[Language, str]] = []
    for sentence in sentences:
        language = guess_language(sentence)
        opens = bool(STORAGE_LEAD.search(fold_same_length(sentence)))
        if runs and (language in ("unknown", "bilingual", runs[-1][0]) or not opens) and language != "other":
            runs[-1] = (runs[-1][0], f"{runs[-1][1]} {sentence}")
        else:
            runs.append((language, sentence))
    kept = [sentence for language, sentence in runs if language != "other"]
    return kept or [text]
