"""Rounding rules of the Nutrition Facts table, as data, and the pure arithmetic on them.

A label shows only rounded numbers, so every check on the table reasons about two things this module
answers: "is this printed number one the rounding rule could produce?" and "which true amounts could
have been printed this way?". The tiers are read verbatim from FDR B.01.401 (table, column 4, items
1-15) and B.01.402 (table, column 4), confirmed in /work/shared/domain/sources/food-and-drug-regulations.en.txt.
Exact decimal arithmetic is used so that 0.3 is a multiple of 0.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from labeliq.checks.common.micronutrients import MICRONUTRIENTS, Micronutrient

INF = Decimal("Infinity")


@dataclass(frozen=True)
class Tier:
    """One clause of a rounding rule: true amounts in [low, high] (ends as stated) round to `increment`.

    `increment is None` means the clause rounds everything to "0" (e.g. carbohydrate < 0.5 g).
    `zero_needs` names the "free of" condition when the clause only allows "0" under it.
    """

    low: Decimal
    high: Decimal
    low_closed: bool
    high_closed: bool
    increment: Decimal | None
    zero_needs: str = ""

    def contains(self, value: Decimal) -> bool:
        above = value >= self.low if self.low_closed else value > self.low
        below = value <= self.high if self.high_closed else value < self.high
        return above and below

    def describe(self, unit: str) -> str:
        """The clause in words, e.g. "between 0.5 g and 5 g" ."""
        low, high = _fmt(self.low), _fmt(self.high)
        if self.low == 0 and self.high == INF:
            return "at every amount"
        if self.low == 0:
            return f"below {high} {unit}" if not self.high_closed else f"up to {high} {unit}"
        if self.high == INF:
            return f"above {low} {unit}" if not self.low_closed else f"at {low} {unit} or more"
        return f"between {low} {unit} and {high} {unit}"


@dataclass(frozen=True)
class RoundingRule:
    key: str
    name: str  # English name for messages
    unit: str
    citation: str
    tiers: tuple[Tier, ...]


def _d(text: str) -> Decimal:
    return Decimal(text)


def _fmt(value: Decimal) -> str:
    """A decimal as a label would print it: 2.50 -> 2.5, 5.0 -> 5."""
    text = format(value.normalize(), "f")
    return text


def _tiers(*spec: tuple[str, str, bool, bool, str | None, str]) -> tuple[Tier, ...]:
    return tuple(
        Tier(_d(lo), INF if hi == "inf" else _d(hi), lo_closed, hi_closed, None if inc is None else _d(inc), zero)
        for lo, hi, lo_closed, hi_closed, inc, zero in spec
    )


# Fat, saturated and trans share one pattern: FDR B.01.401 table items 3, 4, 5 column 4.
def _fat_like(free_of: str) -> tuple[Tier, ...]:
    return _tiers(
        ("0", "0.5", True, False, "0.1", free_of),
        ("0.5", "5", True, True, "0.5", ""),
        ("5", "inf", False, False, "1", ""),
    )


# Carbohydrate, fibre, sugars (B.01.401 items 9-11) and soluble/insoluble fibre, sugar alcohols,
# starch (B.01.402 items 10-13): < 0.5 g -> "0 g"; >= 0.5 g -> nearest 1 g.
_CARB_LIKE = _tiers(("0", "0.5", True, False, None, ""), ("0.5", "inf", True, False, "1", ""))
# Potassium and calcium, B.01.401 items 13 and 14.
_K_CA = _tiers(
    ("0", "5", True, False, None, ""),
    ("5", "50", True, False, "10", ""),
    ("50", "250", True, False, "25", ""),
    ("250", "inf", True, False, "50", ""),
)
# Polyunsaturated, omega-6, omega-3, monounsaturated: B.01.402 items 5-8.
_FATTY_ACIDS = _tiers(
    ("0", "1", True, False, "0.1", ""), ("1", "5", True, True, "0.5", ""), ("5", "inf", False, False, "1", "")
)


def _micronutrient_tiers(m: Micronutrient) -> tuple[Tier, ...]:
    """B.01.402 items 14-37, column 4(1): "0" below the first threshold, then three increments."""
    (t1, t2, t3), (i1, i2, i3) = m.thresholds, m.increments
    return _tiers(
        ("0", t1, True, False, None, ""),
        (t1, t2, True, False, i1, ""),
        (t2, t3, True, False, i2, ""),
        (t3, "inf", True, False, i3, ""),
    )


_MICRONUTRIENT_RULES = tuple(
    RoundingRule(m.key, m.name, m.unit, f"FDR B.01.402 table item {m.item}", _micronutrient_tiers(m))
    for m in MICRONUTRIENTS
)

RULES: dict[str, RoundingRule] = {
    rule.key: rule
    for rule in (
        RoundingRule(
            "energy",
            "Energy",
            "Cal",
            "FDR B.01.401 table item 2",
            _tiers(
                ("0", "5", True, False, "1", "free of energy"),
                ("5", "50", True, True, "5", ""),
                ("50", "inf", False, False, "10", ""),
            ),
        ),
        RoundingRule("fat", "Fat", "g", "FDR B.01.401 table item 3", _fat_like("free of fat")),
        RoundingRule(
            "saturated_fat",
            "Saturated fat",
            "g",
            "FDR B.01.401 table item 4",
            _fat_like("free of saturated fatty acids"),
        ),
        RoundingRule(
            "trans_fat", "Trans fat", "g", "FDR B.01.401 table item 5", _fat_like("free of trans fatty acids")
        ),
        RoundingRule(
            "cholesterol",
            "Cholesterol",
            "mg",
            "FDR B.01.401 table item 7",
            _tiers(("0", "inf", True, False, "5", "free of cholesterol")),
        ),
        RoundingRule(
            "sodium",
            "Sodium",
            "mg",
            "FDR B.01.401 table item 8",
            _tiers(
                ("0", "5", True, False, "1", "free of sodium or salt"),
                ("5", "140", True, True, "5", ""),
                ("140", "inf", False, False, "10", ""),
            ),
        ),
        RoundingRule("carbohydrate", "Carbohydrate", "g", "FDR B.01.401 table item 9", _CARB_LIKE),
        RoundingRule("fibre", "Fibre", "g", "FDR B.01.401 table item 10", _CARB_LIKE),
        RoundingRule("sugars", "Sugars", "g", "FDR B.01.401 table item 11", _CARB_LIKE),
        RoundingRule(
            "protein",
            "Protein",
            "g",
            "FDR B.01.401 table item 12",
            _tiers(("0", "0.5", True, False, "0.1", ""), ("0.5", "inf", True, False, "1", "")),
        ),
        RoundingRule("potassium", "Potassium", "mg", "FDR B.01.401 table item 13", _K_CA),
        RoundingRule("calcium", "Calcium", "mg", "FDR B.01.401 table item 14", _K_CA),
        RoundingRule(
            "iron",
            "Iron",
            "mg",
            "FDR B.01.401 table item 15",
            _tiers(
                ("0", "0.05", True, False, None, ""),
                ("0.05", "0.5", True, False, "0.1", ""),
                ("0.5", "2.5", True, False, "0.25", ""),
                ("2.5", "inf", True, False, "0.5", ""),
            ),
        ),
        RoundingRule(
            "energy_kj", "Energy (kJ)", "kJ", "FDR B.01.402 table item 2", _tiers(("0", "inf", True, False, "10", ""))
        ),
        RoundingRule("polyunsaturated_fat", "Polyunsaturated fat", "g", "FDR B.01.402 table item 5", _FATTY_ACIDS),
        RoundingRule("omega_6", "Omega-6 polyunsaturated fat", "g", "FDR B.01.402 table item 6", _FATTY_ACIDS),
        RoundingRule("omega_3", "Omega-3 polyunsaturated fat", "g", "FDR B.01.402 table item 7", _FATTY_ACIDS),
        RoundingRule("monounsaturated_fat", "Monounsaturated fat", "g", "FDR B.01.402 table item 8", _FATTY_ACIDS),
        RoundingRule("soluble_fibre", "Soluble fibre", "g", "FDR B.01.402 table item 10", _CARB_LIKE),
        RoundingRule("insoluble_fibre", "Insoluble fibre", "g", "FDR B.01.402 table item 11", _CARB_LIKE),
        RoundingRule("sugar_alcohols", "Sugar alcohols", "g", "FDR B.01.402 table item 12", _CARB_LIKE),
        RoundingRule("starch", "Starch", "g", "FDR B.01.402 table item 13", _CARB_LIKE),
        *_MICRONUTRIENT_RULES,
        # Servings per package, B.01.402 table item 1: < 2 -> 1; 2 to 5 -> 0.5; > 5 -> 1.
        RoundingRule(
            "servings_per_container",
            "Servings per container",
            "servings",
            "FDR B.01.402 table item 1",
            _tiers(
                ("0", "2", True, False, "1", ""), ("2", "5", True, True, "0.5", ""), ("5", "inf", False, False, "1", "")
            ),
        ),
        # Serving of stated size in metric units, B.01.401 table item 1: < 10 -> 0.1; >= 10 -> 1.
        RoundingRule(
            "serving",
            "Serving size",
            "g or mL",
            "FDR B.01.401 table item 1",
            _tiers(("0", "10", True, False, "0.1", ""), ("10", "inf", True, False, "1", "")),
        ),
    )
}


def is_multiple(value: Decimal, increment: Decimal) -> bool:
    return (value / increment) == (value / increment).to_integral_value()


def nearest_multiple(value: Decimal, increment: Decimal) -> Decimal:
    return (value / increment).to_integral_value() * increment


def nearest_multiples(value: Decimal, increment: Decimal) -> list[Decimal]:
    """The nearest multiple, or both neighbours on an exact tie (the FDR sets no tie-break)."""
    steps = value / increment
    floor = steps.to_integral_value(rounding="ROUND_FLOOR")
    if steps - floor == Decimal("0.5"):
        return [floor * increment, (floor + 1) * increment]
    return [nearest_multiple(value, increment)]


def _reachable(tier: Tier, printed: Decimal) -> bool:
    """Could some true amount in this tier round to `printed`? (printed within half a step of the tier)."""
    if tier.increment is None:
        return printed == 0
    if not is_multiple(printed, tier.increment):
        return False
    half = tier.increment / 2
    low, high = printed - half, printed + half
    # The rounding interval [low, high] meets the tier's range (ends counted generously: ties go either way).
    return low <= tier.high and high >= tier.low


@dataclass(frozen=True)
class RoundingVerdict:
    legal: bool
    printed: Decimal
    tier: Tier  # the clause the printed value falls in (the one the message explains)
    suggestion: Decimal | None  # the nearest legal value in that clause, when illegal
    zero_needs: str  # the "free of" condition a printed 0 relies on, "" if none


def judge(key: str, printed: float) -> RoundingVerdict:
    """Is `printed` a value the rounding rule for `key` can produce? The tier is read from the printed value."""
    rule = RULES[key]
    value = Decimal(str(printed))
    legal_tiers = [t for t in rule.tiers if _reachable(t, value)]
    home = next((t for t in rule.tiers if t.contains(value)), rule.tiers[-1])
    zero_needs = ""
    if value == 0:
        zero_needs = next((t.zero_needs for t in rule.tiers if t.zero_needs and t.contains(value)), "")
    if legal_tiers:
        return RoundingVerdict(True, value, home, None, zero_needs)
    suggestion = nearest_multiple(value, home.increment) if home.increment is not None else Decimal(0)
    return RoundingVerdict(False, value, home, suggestion, zero_needs)


# A printed "0" that a "free of" condition allows stands for every amount under that condition's bound, not only the
# amounts that round to 0: energy under 5 Calories may be shown as "0" when it meets "free of energy" (table to
# B.01.401, item 2, column 4), whose condition is "less than 5 Calories ... per reference amount and serving of stated
# size" (Table of Permitted Nutrient Content Statements and Claims, item 1, verbatim in sources/tpncsc.en.txt). The
# other "free of" conditions are not in the sources, so their zeros keep the rounding interval.
ZERO_MEANS_BELOW: dict[str, Decimal] = {"energy": Decimal("5")}


def true_interval(key: str, printed: float) -> tuple[float, float]:
    """The range of true amounts that round to `printed` (a wider half-step range if `printed` is illegal).

    Used by the interval arithmetic of the %DV, sum and energy cross-checks (cfia-rules.md 10.E2, E4, E5).
    """
    rule = RULES[key]
    value = Decimal(str(printed))
    if value == 0 and key in ZERO_MEANS_BELOW:
        return 0.0, float(ZERO_MEANS_BELOW[key])
    lows: list[Decimal] = []
    highs: list[Decimal] = []
    for tier in rule.tiers:
        if not _reachable(tier, value):
            continue
        if tier.increment is None:
            lows.append(tier.low)
            highs.append(tier.high)
            continue
        half = tier.increment / 2
        lows.append(max(value - half, tier.low))
        highs.append(min(value + half, tier.high))
    if not lows:
        home = next((t for t in rule.tiers if t.contains(value)), rule.tiers[-1])
        half = (home.increment or Decimal("0.5")) / 2
        lows, highs = [max(value - half, Decimal(0))], [value + half]
    return float(min(lows)), float(max(highs))


def percent_choices(low: float, high: float) -> set[int]:
    """Whole percentages a %DV computed from any amount in [low, high]% may show (nearest 1 %, ties both ways)."""
    out: set[int] = set()
    start = int(low // 1)
    for candidate in range(max(start - 1, 0), int(high // 1) + 3):
        if candidate - 0.5 <= high + 1e-9 and candidate + 0.5 >= low - 1e-9:
            out.add(candidate)
    return out


def fmt(value: float | Decimal) -> str:
    """A number as a label prints it (no trailing zeros)."""
    return _fmt(Decimal(str(value)))
