"""Net quantity tokens as printed ("210 g", "1,5 L", "500G", "½ kg", "12 oz", "2 U.S. pints").

Read from the raw line, case kept, because SFCR 233-237 and the CFIA ILT judge the symbol as printed
("G" is not "g") and the spacing and punctuation around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_UNIT = (
    r"fl\.?\s?oz\.?|oz\.?\s?fl\.?|oz\s?liq\.?|fluid\s+ounces?|onces?\s+fluides?|"
    r"kilogrammes?|kilograms?|grammes?|grams?|millilitres?|milliliters?|litres?|liters?|"
    r"pounds?|ounces?|onces?|livres?|pints?|quarts?|gallons?|chopines?|pintes?|"
    r"kg|KG|Kg|kG|gms?|grs?|g|G|mL|ml|ML|Ml|mℓ|ltrs?|lts?|LT|L|l|ℓ|oz|OZ|lbs?|LBS?|qt|pt|gal"
)
TOKEN = re.compile(
    r"(?P<tilde>[~±≈]\s*)?(?<![\d.,])(?P<num>\d+\s*[½¼¾⅓⅔⅛]|[½¼¾⅓⅔⅛]|\d+\s*/\s*\d+"
    r"|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?"  # "1 360 g": a space between thousands
    r"|\d+(?:[.,]\d+)*|[.,]\d+)"
    r"(?P<space>\s*)(?P<us>U\.?\s?S\.?\s+)?(?P<unit>" + _UNIT + r")(?P<punct>[.,:;]?)(?![A-Za-zÀ-ÿ])"
)
METRIC_SYMBOLS = {"g": "g", "kg": "kg", "ml": "mL", "mL": "mL", "mℓ": "mL", "l": "L", "L": "L", "ℓ": "L"}
METRIC_WORDS_EN = {"gram", "grams", "kilogram", "kilograms", "millilitre", "millilitres", "milliliter", "milliliters"}
METRIC_WORDS_EN |= {"litre", "litres", "liter", "liters"}
METRIC_WORDS_FR = {"gramme", "grammes", "kilogramme", "kilogrammes", "millilitre", "millilitres", "litre", "litres"}
_WORD_UNIT = {
    "gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "kilogram": "kg", "kilograms": "kg",
    "kilogramme": "kg", "kilogrammes": "kg", "millilitre": "mL", "millilitres": "mL", "milliliter": "mL",
    "milliliters": "mL", "litre": "L", "litres": "L", "liter": "L", "liters": "L",
}  # fmt: skip
_MISSPELT = {"G": "g", "KG": "kg", "Kg": "kg", "kG": "kg", "gm": "g", "gms": "g", "gr": "g", "grs": "g"}
_MISSPELT |= {"ML": "mL", "Ml": "mL", "lt": "L", "lts": "L", "ltr": "L", "ltrs": "L", "LT": "L"}
CANADIAN = re.compile(
    r"^(fl\.?\s?oz\.?|oz\.?\s?fl\.?|oz\s?liq\.?|fluid\s+ounces?|onces?\s+fluides?|pounds?|ounces?|onces?|livres?|"
    r"pints?|quarts?|gallons?|chopines?|pintes?|oz|OZ|lbs?|LBS?|qt|pt|gal)$"
)
FLUID = re.compile(r"fl|fluid|fluide|liq", re.I)


@dataclass(frozen=True)
class Token:
    raw: str
    number: str
    value: float | None  # None for a fraction or a number that cannot be read
    unit: str  # as printed
    canonical: str | None  # g, kg, mL, L for metric (printed or misspelt), None otherwise
    space: str
    punct: str
    us: bool
    qualified: bool  # "~" before the number

    @property
    def metric(self) -> bool:
        return self.canonical is not None

    @property
    def canadian(self) -> bool:
        return CANADIAN.match(self.unit) is not None

    @property
    def fraction(self) -> bool:
        return any(ch in self.number for ch in _FRACTIONS) or "/" in self.number


def _number(text: str, canonical: str | None) -> float | None:
    text = re.sub(r"[\s\u00a0\u202f]", "", text)
    if any(ch in text for ch in _FRACTIONS) or "/" in text:
        return None
    if "," in text and "." not in text:
        head, _, tail = text.rpartition(",")
        # "1,000 g" is a thousands separator; "1,5 kg" is a French decimal comma.
        text = head + tail if len(tail) == 3 and canonical in ("g", "mL") and head.isdigit() else text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        unit = m.group("unit")
        canonical = METRIC_SYMBOLS.get(unit) or _MISSPELT.get(unit) or _WORD_UNIT.get(unit.lower())
        out.append(
            Token(
                raw=m.group(0).strip(),
                number=m.group("num"),
                value=_number(m.group("num"), canonical),
                unit=unit,
                canonical=canonical,
                space=m.group("space"),
                punct=m.group("punct"),
                us=bool(m.group("us")),
                qualified=bool(m.group("tilde")),
            )
        )
    return out


def significant_figures(number: str) -> int:
    """Figures shown, trailing zeros after a decimal point not counted (SFCR 234(3)), nor integer trailing zeros."""
    digits = re.sub(r"[\s\u00a0\u202f]", "", number)
    if re.fullmatch(r"\d{1,3}(,\d{3})+", digits):
        digits = digits.replace(",", "")
    digits = digits.replace(",", ".")
    if "." in digits:
        whole, frac = digits.split(".", 1)
        frac = frac.rstrip("0")
        body = (whole + frac).lstrip("0")
        return len(body)
    return len(digits.lstrip("0").rstrip("0")) or 1
