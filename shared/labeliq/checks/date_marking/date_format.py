"""The form of a durable life date (cfia-rules.md 6.4, 6.5), read token by token.

FDR B.01.007(4),(5): the year first and only if needed (at least its last two digits), then the month in
words or by one of the twelve bilingual codes JA FE MR AL MA JN JL AU SE OC NO DE, then the day in
numbers. The French text of B.01.007(5) gives the same twelve codes (JA pour JANVIER ... DE pour
DÉCEMBRE), so one code serves both languages; a month in words must then be shown in both languages
("June 28 juin", CFIA ILT date markings).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from labeliq.text import fold

# B.01.007(5), English and French texts.
MONTH_CODES: dict[str, int] = {
    "JA": 1,
    "FE": 2,
    "MR": 3,
    "AL": 4,
    "MA": 5,
    "JN": 6,
    "JL": 7,
    "AU": 8,
    "SE": 9,
    "OC": 10,
    "NO": 11,
    "DE": 12,
}
CODE_FOR = {month: code for code, month in MONTH_CODES.items()}
EN_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_FR_MONTH_NAMES = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre")
FR_MONTHS = {name: i + 1 for i, name in enumerate((*_FR_MONTH_NAMES, "novembre", "decembre"))}
# Abbreviations that are not the prescribed codes; the month they stand for, when it is clear.
WRONG_ABBREVIATIONS: dict[str, int | None] = {
    "JAN": 1,
    "JANV": 1,
    "FEB": 2,
    "FEV": 2,
    "FEVR": 2,
    "FB": 2,
    "MAR": 3,
    "MRS": 3,
    "AP": 4,
    "AR": 4,
    "APR": 4,
    "AV": 4,
    "AVR": 4,
    "MY": 5,
    "JU": None,  # June or July: exactly the confusion the bilingual codes avoid
    "JUN": 6,
    "JE": 6,
    "JUL": 7,
    "JUIL": 7,
    "JY": 7,
    "AUG": 8,
    "AG": 8,
    "AOU": 8,
    "SEP": 9,
    "SEPT": 9,
    "SP": 9,
    "OCT": 10,
    "OT": 10,
    "NOV": 11,
    "NV": 11,
    "DEC": 12,
    "DC": 12,
}
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True)
class Problem:
    rule: str  # "6.4" (order, numbers, a date that does not exist) or "6.5" (month code / words)
    message: str
    term: str | None = None  # the printed words at fault ("JU"), highlighted in the evidence
    fix: str = ""  # what to write instead, when the reading can say ("Write the month as JN (June) or JL (July)")
    fix_fr: str = ""


_FR_DISPLAY = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre")
FR_MONTH_DISPLAY = (*_FR_DISPLAY, "novembre", "décembre")


def month_code_fix(token: str, month: int | None) -> tuple[str, str]:
    """The codes a wrong abbreviation can stand for: its month's code, or every month whose English or French name
    starts with its letters ("JU": JN (June) or JL (July))."""
    if month is not None:
        months = [month]
    else:
        start = fold(token)
        months = [
            m
            for m in range(1, 13)
            if calendar.month_name[m].lower().startswith(start) or fold(FR_MONTH_DISPLAY[m - 1]).startswith(start)
        ]
    if not months:
        return "", ""
    en = " or ".join(f"{CODE_FOR[m]} ({calendar.month_name[m]})" for m in months)
    fr = " ou ".join(f"{CODE_FOR[m]} ({FR_MONTH_DISPLAY[m - 1]})" for m in months)
    return f"Write the month '{token}' as {en}.", f"Écrivez le mois « {token} » ainsi : {fr}."


@dataclass
class DateReading:
    text: str
    problems: list[Problem] = field(default_factory=list)
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def problems_for(self, rule: str) -> list[Problem]:
        return [p for p in self.problems if p.rule == rule]


@dataclass(frozen=True)
class _Token:
    text: str
    kind: str  # "num", "code", "en", "fr", "wrong", "word"
    month: int | None = None


def _classify(raw: str) -> _Token:
    if raw.isdigit():
        return _Token(raw, "num")
    upper, folded = raw.upper(), fold(raw)
    if upper in MONTH_CODES and (raw.isupper() or len(raw) == 2):
        return _Token(raw, "code", MONTH_CODES[upper])
    if folded in EN_MONTHS and folded in FR_MONTHS:
        return _Token(raw, "both", EN_MONTHS[folded])
    if folded in EN_MONTHS:
        return _Token(raw, "en", EN_MONTHS[folded])
    if folded in FR_MONTHS:
        return _Token(raw, "fr", FR_MONTHS[folded])
    key = fold(raw).upper()
    if key in WRONG_ABBREVIATIONS:
        return _Token(raw, "wrong", WRONG_ABBREVIATIONS[key])
    if raw.isupper() and 2 <= len(raw) <= 4:
        return _Token(raw, "wrong", None)
    return _Token(raw, "word")


def read_date(text: str) -> DateReading:
    """Judge a date as printed against B.01.007(4),(5); the reading keeps every problem found."""
    reading = DateReading(text=text)
    tokens = [_classify(t) for t in _TOKEN.findall(text) if t]
    tokens = [t for t in tokens if t.kind != "word"]
    if any(t.kind in ("code", "en", "fr", "both") for t in tokens):
        # stray capitals around a valid date ("27 MR 15 LOT") are not month attempts
        while tokens and tokens[-1].kind == "wrong" and tokens[-1].month is None:
            tokens.pop()
        while tokens and tokens[0].kind == "wrong" and tokens[0].month is None:
            tokens.pop(0)
    months = [i for i, t in enumerate(tokens) if t.kind not in ("num",)]
    if not tokens:
        reading.problems.append(Problem("6.4", f"'{text}' holds no date."))
        return reading
    if not months:
        reading.problems.append(
            Problem(
                "6.4",
                f"'{text}' shows the month as a number (e.g. an ISO 'YYYY-MM-DD' or a 'MM/DD/YY' date); the month "
                "must be written in words or by its bilingual code (JA, FE, MR, AL, MA, JN, JL, AU, SE, OC, NO, DE), "
                "after the year and before the day.",
            )
        )
        return reading
    _check_month(reading, [tokens[i] for i in months])
    _check_order(reading, tokens, months[0])
    return reading


def _check_month(reading: DateReading, months: list[_Token]) -> None:
    text = reading.text
    for token in months:
        if token.kind == "wrong":
            right = f"; {CODE_FOR[token.month]} is the code for that month" if token.month else ""
            fix, fix_fr = month_code_fix(token.text, token.month)
            reading.problems.append(
                Problem(
                    "6.5",
                    f"'{token.text}' in '{text}' is not one of the bilingual month codes (JA FE MR AL MA JN JL AU SE "
                    f"OC NO DE){right}.",
                    token.text,
                    fix,
                    fix_fr,
                )
            )
    named = {t.month for t in months if t.month is not None}
    if len(named) > 1:
        reading.problems.append(Problem("6.4", f"'{text}' names more than one month."))
    words = [t for t in months if t.kind in ("en", "fr", "both")]
    if words and not any(t.kind == "code" for t in months):
        languages = {t.kind for t in words}
        if "both" not in languages and languages != {"en", "fr"}:
            missing = "French" if "en" in languages else "English"
            month = next(t.month for t in words)
            code = CODE_FOR[month] if month else "the bilingual code"
            reading.problems.append(
                Problem(
                    "6.5",
                    f"The month in '{text}' is written in words in one language only; it must be shown in both "
                    f"English and French (e.g. 'June 28 juin') or by the bilingual code ({code}); the {missing} word "
                    "is missing.",
                )
            )
    if not reading.problems and named:
        reading.month = named.pop()


def _check_order(reading: DateReading, tokens: list[_Token], first_month: int) -> None:
    text = reading.text
    before = [t for t in tokens[:first_month] if t.kind == "num"]
    after_tokens = tokens[first_month + 1 :]
    after = [t for t in after_tokens if t.kind == "num"]
    if len(before) > 1:
        reading.problems.append(
            Problem("6.4", f"'{text}' shows more than one number before the month; only the year may precede it.")
        )
        return
    year: int | None = None
    if before:
        digits = before[0].text
        if len(digits) not in (2, 4):
            reading.problems.append(
                Problem("6.4", f"The year in '{text}' must be shown first by at least its last two digits.")
            )
            return
        year = int(digits) + (2000 if len(digits) == 2 else 0)
    if not after:
        what = "the day must follow the month" if before else "no day follows the month"
        hint = " (a number before the month is read as the year: day-month order is not allowed)" if before else ""
        reading.problems.append(Problem("6.4", f"In '{text}', {what}{hint}."))
        return
    if len(after) > 1 or len(after[0].text) > 2:
        reading.problems.append(
            Problem(
                "6.4",
                f"In '{text}' only the day may follow the month; the year, when shown, comes first (year, month, day).",
            )
        )
        return
    trailing = after_tokens[after_tokens.index(after[0]) + 1 :]
    if before and trailing and trailing[0].kind in ("en", "fr") and before[0].text == after[0].text:
        reading.problems.append(
            Problem("6.4", f"'{text}' puts the day before the month in both languages; the day must follow the month.")
        )
        return
    codes_after_day = [t for t in trailing if t.kind in ("code", "wrong")]
    if codes_after_day:
        reading.problems.append(Problem("6.4", f"In '{text}' the month code must come before the day."))
        return
    day = int(after[0].text)
    month = next((t.month for t in tokens if t.month is not None), None)
    if month is not None:
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            where = f"{calendar.month_name[month]} {year}" if year is not None else calendar.month_name[month]
            reading.problems.append(Problem("6.4", f"'{text}' is not a real date: {where} has no day {day}."))
            return
    reading.year, reading.day = year, day


def as_date(reading: DateReading, judged_on: dt.date) -> dt.date | None:
    """The calendar date a reading stands for; without a year, the next such day from judged_on."""
    if not reading.ok or reading.month is None or reading.day is None:
        return None
    year = reading.year if reading.year is not None else judged_on.year
    try:
        value = dt.date(year, reading.month, reading.day)
    except ValueError:
        return None
    if reading.year is None and value < judged_on:
        try:
            value = dt.date(year + 1, reading.month, reading.day)
        except ValueError:
            return None
    return value


_WORDS_AROUND = re.compile(
    r"best\s*before|meilleur\s*avant|packaged\s*on|empaquet[ée]\s*le|use\s*by|employez\s*avant|\bbb\s*/\s*ma\b|\bbb\b",
    re.IGNORECASE,
)
_GAP = re.compile(r"^[\s./,\-]*$")


def find_date_text(text: str) -> str:
    """The first date-like run in text ("27MR15", "2027-03-15", "June 28 juin"), or "".

    A fallback for marks whose date the parser did not isolate: words such as "best before" are blanked
    first, then numbers and month tokens separated only by spaces, dots, slashes or hyphens are joined.
    """
    masked = _WORDS_AROUND.sub(lambda m: "|" * len(m.group(0)), text)
    tokens = [(m.start(), m.end(), _classify(m.group(0))) for m in _TOKEN.finditer(masked)]
    runs: list[list[tuple[int, int, _Token]]] = []
    for token in tokens:
        if token[2].kind == "word":
            runs.append([])
            continue
        if runs and runs[-1] and _GAP.match(masked[runs[-1][-1][1] : token[0]]) and not _closed(runs[-1], token[2]):
            runs[-1].append(token)
        else:
            runs.append([token])
    for run in runs:
        while run and run[-1][2].kind == "wrong" and run[-1][2].month is None:
            run.pop()
        while run and run[0][2].kind == "wrong" and run[0][2].month is None:
            run.pop(0)
        numbers = sum(1 for t in run if t[2].kind == "num")
        months = len(run) - numbers
        if numbers and (months or numbers >= 2):
            return text[run[0][0] : run[-1][1]]
    return ""


def _closed(run: list[tuple[int, int, _Token]], following: _Token) -> bool:
    """A run ends after month + day, unless the month's other-language word follows ("June 28 juin")."""
    kinds = [t[2].kind for t in run]
    month_seen = any(k != "num" for k in kinds)
    if not month_seen or kinds[-1] != "num":
        return False
    return following.kind not in ("en", "fr")
