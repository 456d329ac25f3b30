"""Conversion rules of relabel mode: per 100 g -> per serving, US units -> metric, Canadian rounding and %DV."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from labeliq.models import ProductContext, Provenance
from labeliq.relabel.nutrition_convert import ConversionError, convert, percent_dv, round_canadian
from labeliq.relabel.proposal import ForeignNutrient, ForeignNutrition
from labeliq.relabel.units import amounts, canadian_date, cups, metric, read_date, three_significant

SOURCE = Provenance(panel="back", line_start=0, line_end=8)


def _table(basis: str, rows: dict[str, tuple[float, str]], **extra: object) -> ForeignNutrition:
    nutrients = {
        key: ForeignNutrient(key=key, label=key, amount=amount, unit=unit, amount_text=f"{amount:g} {unit}")
        for key, (amount, unit) in rows.items()
    }
    return ForeignNutrition(basis=basis, title="t", nutrients=nutrients, source=SOURCE, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "true", "printed"),
    [
        pytest.param("fat", "6.76", "7", id="fat-above-5g-nearest-1g"),
        pytest.param("fat", "4.76", "5", id="fat-0.5-to-5g-nearest-0.5g"),
        pytest.param("saturated_fat", "1.43", "1.5", id="saturated-nearest-0.5g"),
        pytest.param("trans_fat", "0.13", "0.1", id="trans-below-0.5g-nearest-0.1g"),
        pytest.param("carbohydrate", "0.4", "0", id="carbohydrate-below-0.5g-is-0"),
        pytest.param("sodium", "494", "490", id="sodium-above-140mg-nearest-10mg"),
        pytest.param("sodium", "72", "70", id="sodium-5-to-140mg-nearest-5mg"),
        pytest.param("potassium", "63", "75", id="potassium-50-to-250mg-nearest-25mg"),
        pytest.param("iron", "1.17", "1.25", id="iron-0.5-to-2.5mg-nearest-0.25mg"),
        pytest.param("cholesterol", "2.6", "5", id="cholesterol-nearest-5mg"),
        pytest.param("energy", "110.5", "110", id="energy-above-50-nearest-10"),
        pytest.param("energy", "47", "45", id="energy-5-to-50-nearest-5"),
    ],
)
def test_canadian_rounding(key: str, true: str, printed: str) -> None:
    assert round_canadian(key, Decimal(true)) == Decimal(printed)


@pytest.mark.parametrize(
    ("key", "amount", "percent"),
    [
        pytest.param("fat", "7", 9, id="fat-7g-of-75g"),
        pytest.param("saturated_plus_trans", "1.6", 8, id="sat-plus-trans-of-20g"),
        pytest.param("sodium", "490", 21, id="sodium-of-2300mg"),
        pytest.param("potassium", "400", 12, id="potassium-of-3400mg-current-dv"),
        pytest.param("iron", "1.25", 7, id="iron-of-18mg"),
        pytest.param("calcium", "50", 4, id="calcium-of-1300mg"),
    ],
)
def test_percent_daily_value_uses_the_current_dv(key: str, amount: str, percent: int) -> None:
    assert percent_dv(key, Decimal(amount)) == percent


def test_per_100g_to_a_serving_in_ml_goes_through_the_density() -> None:
    table = _table("per_100g", {"fat": (5.2, "g"), "salt": (0.95, "g"), "energy_kcal": (85, "kcal")})
    context = ProductContext.model_validate(
        {"reference_amount": {"value": 125, "unit": "mL"}, "density_g_per_ml": 1.04}
    )
    converted = convert(table, context)
    assert converted.factor == pytest.approx(1.3)
    rows = {r.key: r for r in converted.rows}
    assert (rows["fat"].amount, rows["fat"].dv_percent) == (7.0, 9)
    assert rows["sodium"].origin == "computed_from_salt"
    assert rows["sodium"].amount == 490.0  # 0.95 g salt / 2.5 = 380 mg per 100 g x 1.3 = 494 mg
    assert converted.calories == 110


def test_g_against_ml_without_a_density_is_refused_with_the_reason() -> None:
    table = _table("per_100g", {"fat": (5.2, "g")})
    context = ProductContext.model_validate({"reference_amount": {"value": 125, "unit": "mL"}})
    with pytest.raises(ConversionError, match="density_g_per_ml"):
        convert(table, context)


def test_a_core_nutrient_not_declared_is_listed_never_invented() -> None:
    table = _table("per_100g", {"fat": (19, "g"), "saturated_fat": (10, "g"), "salt": (0.6, "g")})
    converted = convert(table, ProductContext.model_validate({"reference_amount": {"value": 30, "unit": "g"}}))
    assert {"trans_fat", "cholesterol", "potassium", "calcium", "iron", "protein"} <= set(converted.not_declared)
    trans = next(r for r in converted.rows if r.key == "trans_fat")
    assert trans.amount is None and trans.dv_percent is None
    saturated = next(r for r in converted.rows if r.key == "saturated_fat")
    assert saturated.dv_percent is None  # its %DV needs trans fat, which is not known


def test_supplier_values_fill_what_the_label_does_not_declare_and_say_so() -> None:
    table = _table("per_100g", {"fat": (19, "g")})
    context = ProductContext.model_validate(
        {"reference_amount": {"value": 30, "unit": "g"}, "supplier_nutrients_per_100": {"potassium": 210}}
    )
    potassium = next(r for r in convert(table, context).rows if r.key == "potassium")
    assert (potassium.origin, potassium.amount) == ("supplier", 75.0)  # 210 x 0.3 = 63 mg -> 75 mg


def test_us_per_serving_scales_to_the_canadian_serving() -> None:
    table = _table(
        "per_serving",
        {"fat": (6, "g"), "sodium": (150, "mg"), "energy_kcal": (130, "kcal")},
        serving_text="1 oz (28g)",
        serving_amount=28.0,
        serving_unit="g",
    )
    converted = convert(table, ProductContext.model_validate({"reference_amount": {"value": 50, "unit": "g"}}))
    rows = {r.key: r for r in converted.rows}
    assert rows["fat"].amount == 11.0  # 6 g x 50/28 = 10.71 g -> 11 g
    assert rows["sodium"].amount == 270.0  # 150 mg x 50/28 = 267.9 mg -> 270 mg
    assert converted.calories == 230  # 130 x 50/28 = 232.1 -> 230


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        pytest.param("NET WT 7 OZ", 198.44666, "g", id="ounces-to-grams"),
        pytest.param("12 FL OZ", 354.88235, "mL", id="fluid-ounces-to-ml"),
        pytest.param("1 LB", 453.59237, "g", id="pound-to-grams"),
        pytest.param("0,5 l", 500.0, "mL", id="eu-decimal-comma-litres"),
    ],
)
def test_us_units_to_metric(text: str, value: float, unit: str) -> None:
    converted = metric(amounts(text)[0])
    assert converted is not None
    assert converted[0] == pytest.approx(value, rel=1e-6)
    assert converted[1] == unit


def test_a_converted_net_quantity_has_three_significant_figures() -> None:
    assert three_significant(198.44666) == 198.0
    assert three_significant(354.88235) == 355.0
    assert three_significant(1360.78) == 1360.0


@pytest.mark.parametrize(("text", "count"), [("2 1/2 cups", 2.5), ("3/4 cup", 0.75), ("1 cup (30g)", 1.0)])
def test_cups_are_read_with_their_fractions(text: str, count: float) -> None:
    assert cups(text) == count


@pytest.mark.parametrize(
    ("text", "month_first", "expected", "day_printed"),
    [
        pytest.param("31/10/2027", False, dt.date(2027, 10, 31), True, id="eu-day-month-year"),
        pytest.param("15.06.2027", False, dt.date(2027, 6, 15), True, id="eu-dotted"),
        pytest.param("03/15/2027", True, dt.date(2027, 3, 15), True, id="us-month-day-year"),
        pytest.param("fine 10.2027", False, dt.date(2027, 10, 31), False, id="month-year-is-end-of-month"),
    ],
)
def test_dates(text: str, month_first: bool, expected: dt.date, day_printed: bool) -> None:
    read = read_date(text, month_first)
    assert read is not None
    assert (read.date, read.day_printed) == (expected, day_printed)


def test_canadian_best_before_form() -> None:
    assert canadian_date(dt.date(2027, 10, 31)) == "27 OC 31"
    assert canadian_date(dt.date(2027, 4, 5)) == "27 AL 05"
