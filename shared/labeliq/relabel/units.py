"""Amounts as foreign labels print them: decimal commas, US customary units, and EU / US date orders.

The conversion factors are exact legal definitions, not estimates: 1 oz = 28.349523125 g and 1 lb = 453.59237 g
(US-Canada international yard and pound agreement, 1959; Weights and Measures Act, Schedule II), 1 US fl oz =
29.5735295625 mL (US customary gallon of 231 cubic inches / 128), and 1 cup = 240 mL for nutrition labelling
(21 CFR 101.9(b)(5)(viii): "1 cup = 240 mL"). The regular expressions here have no nested or adjacent unbounded
quantifiers, so their running time stays linear in the line's length.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

GRAMS_PER_OZ = 28.349523125
GRAMS_PER_LB = 453.59237
ML_PER_FL_OZ = 29.5735295625
ML_PER_US_CUP_NUTRITION = 240.0

NUMBER = r"\d{1,6}(?:[.,]\d{1,3})?"
_AMOUNT = re.compile(rf"(?<![\w.,])({NUMBER})\s?(kg|g|mg|mcg|µg|ml|cl|dl|l|kj|kcal|fl\.?\s?oz|oz|lbs?)(?![a-z])", re.I)
_FRACTION = re.compile(r"(?<![\d/])(\d{1,2})?\s?(\d)/(\d{1,2})(?![\d/])")


def number(text: str) -> float:
    """ "5,2" and "5.2" are both five point two (EU labels write a decimal comma)."""
    return float(text.replace(",", "."))


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str  # lower case as printed: "g", "kg", "ml", "l", "oz", "fl oz", "lb", "kj", "kcal", "mg", "mcg"
    text: str
    start: int


def amounts(text: str) -> list[Amount]:
    out = []
    for match in _AMOUNT.finditer(text):
        unit = re.sub(r"[\s.]", "", match.group(2).lower()).replace("floz", "fl oz").replace("lbs", "lb")
        unit = "mcg" if unit == "µg" else unit
        out.append(Amount(number(match.group(1)), unit, match.group(0), match.start()))
    return out


def metric(amount: Amount) -> tuple[float, str, str] | None:
    """(value, "g" or "mL", what was converted) for a net quantity or a serving; None for energy or nutrients."""
    unit = amount.unit
    if unit == "g":
        return amount.value, "g", ""
    if unit == "kg":
        return amount.value * 1000, "g", ""
    if unit == "ml":
        return amount.value, "mL", ""
    if unit == "cl":
        return amount.value * 10, "mL", ""
    if unit == "dl":
        return amount.value * 100, "mL", ""
    if unit == "l":
        return amount.value * 1000, "mL", ""
    if unit == "oz":
        return amount.value * GRAMS_PER_OZ, "g", f"{amount.text} x {GRAMS_PER_OZ} g/oz"
    if unit == "lb":
        return amount.value * GRAMS_PER_LB, "g", f"{amount.text} x {GRAMS_PER_LB} g/lb"
    if unit == "fl oz":
        return amount.value * ML_PER_FL_OZ, "mL", f"{amount.text} x {ML_PER_FL_OZ} mL/fl oz"
    return None


def cups(text: str) -> float | None:
    """The number of cups in "2 1/2 cups", "3/4 cup", "1 cup"; None when the text names no cups."""
    lowered = text.lower()
    at = lowered.find("cup")
    if at < 0:
        return None
    head = lowered[:at].strip()
    fraction = _FRACTION.search(head)
    if fraction is not None:
        whole = int(fraction.group(1) or 0)
        return float(whole + Fraction(int(fraction.group(2)), int(fraction.group(3))))
    digits = re.search(r"(\d{1,3}(?:[.,]\d{1,2})?)\s?$", head)
    return number(digits.group(1)) if digits else None


def three_significant(value: float) -> float:
    """A converted metric net quantity to three significant figures (SFCR 229(1)(c) and the CFIA's
    net quantity guidance: a value converted from US units is not stated more precisely than that)."""
    if value <= 0:
        return value
    digits = 3 - len(str(int(value))) if value >= 1 else 3
    return round(value, digits) if digits > 0 else float(round(value, digits))


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

_DMY = re.compile(r"(?<!\d)(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MY = re.compile(r"(?<!\d)(\d{1,2})\s?[./-]\s?(\d{4})(?!\d)")

CANADIAN_MONTHS = ("JA", "FE", "MR", "AL", "MA", "JN", "JL", "AU", "SE", "OC", "NO", "DE")  # FDR B.01.007(5)


@dataclass(frozen=True)
class ReadDate:
    date: dt.date
    day_printed: bool  # False when only month and year were printed (the day is the month's last)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def read_date(text: str, month_first: bool) -> ReadDate | None:
    """The date in a best-before phrase: DD/MM/YYYY (EU) or MM/DD/YYYY (US), ISO, or MM/YYYY (end of month)."""
    iso = _YMD.search(text)
    try:
        if iso is not None:
            return ReadDate(dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))), True)
        full = _DMY.search(text)
        if full is not None:
            first, second, year = int(full.group(1)), int(full.group(2)), _year(full.group(3))
            month, day = (first, second) if month_first else (second, first)
            return ReadDate(dt.date(year, month, day), True)
        month_year = _MY.search(text)
        if month_year is not None:
            month, year = int(month_year.group(1)), int(month_year.group(2))
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return ReadDate(following - dt.timedelta(days=1), False)
    except ValueError:
        return None
    return None


def canadian_date(date: dt.date) -> str:
    """YY MM DD with the bilingual month code (FDR B.01.007(4),(5)), e.g. 2027-10-31 -> "27 OC 31"."""
    return f"{date.year % 100:02d} {CANADIAN_MONTHS[date.month - 1]} {date.day:02d}"
