"""Daily Values for the %DV arithmetic, read from lexicons/data/daily_values.json (which says where they come from).

The current table applies to every label; a label judged on or before the end of the transition may also
have been computed with the 2016 value (potassium 4700 mg), so both are offered with their validity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from labeliq import lexicons


@dataclass(frozen=True)
class DailyValue:
    nutrient: str
    amount: float
    unit: str
    obsolete_until: dt.date | None = None  # set for a superseded value: accepted up to and including this day


def _data() -> dict[str, Any]:
    data: dict[str, Any] = lexicons.load("daily_values")
    return data


def current(nutrient: str) -> DailyValue | None:
    """The current DV (age 4 and over, column 3), or None for a nutrient with no %DV (carbohydrate, protein)."""
    entry = _data()["general"].get(nutrient)
    if entry is None:
        return None
    return DailyValue(nutrient, float(entry["amount"]), str(entry["unit"]))


def for_children_1_to_4(nutrient: str) -> DailyValue | None:
    """Column 2 DV (children 1 to < 4 years), only where a value was confirmed; None means unknown."""
    entry = _data()["children_1_to_4"].get(nutrient)
    if entry is None:
        return None
    return DailyValue(nutrient, float(entry["amount"]), str(entry["unit"]))


def obsolete(nutrient: str) -> DailyValue | None:
    """A superseded DV and the last day it could still be used, if the nutrient has one."""
    entry = _data()["obsolete"].get(nutrient)
    if entry is None:
        return None
    until = dt.date.fromisoformat(str(entry["allowed_until"]))
    return DailyValue(nutrient, float(entry["amount"]), str(entry["unit"]), obsolete_until=until)


def accepted(nutrient: str, judged_on: dt.date) -> list[DailyValue]:
    """The DVs a label judged on `judged_on` may have used: the current one, plus the old one during transition."""
    out = [dv for dv in (current(nutrient),) if dv is not None]
    old = obsolete(nutrient)
    if old is not None and old.obsolete_until is not None and judged_on <= old.obsolete_until:
        out.append(old)
    return out


def pre_2016(nutrient: str) -> DailyValue | None:
    """The pre-2016 DV (obsolete; only to explain a wrong %DV in a message)."""
    entry = _data().get("pre_2016", {}).get(nutrient)
    if entry is None:
        return None
    return DailyValue(nutrient, float(entry["amount"]), str(entry["unit"]))


def unconfirmed(nutrient: str) -> DailyValue | None:
    """The Daily Value of a vitamin or mineral of the table to B.01.402 as we hold it, not confirmed in the sources:
    a %DV that disagrees with it is a question for a person, never a fail."""
    entry = _data().get("unconfirmed_vitamins_minerals", {}).get(nutrient)
    if entry is None:
        return None
    return DailyValue(nutrient, float(entry["amount"]), str(entry["unit"]))


def young_unconfirmed(nutrient: str, infants: bool) -> DailyValue | None:
    """Daily Values for infants 6-12 months or children 1 to < 4 that we hold but could not confirm."""
    group = "infants_6_to_12_months_unconfirmed" if infants else "children_1_to_4_unconfirmed"
    entry = _data().get(group, {}).get(nutrient)
    if entry is None:
        return None
    return DailyValue(nutrient, float(entry["amount"]), str(entry["unit"]))
