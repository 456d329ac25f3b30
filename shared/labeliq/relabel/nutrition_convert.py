"""From what a foreign label declares to the Canadian Nutrition Facts table of the serving of stated size.

Arithmetic, in order: the amount per source basis (EU: per 100 g or 100 mL; US: per serving) times the factor
(Canadian serving / source basis, through the context's density when one is in g and the other in mL) gives the
true amount per serving; it is rounded by the tiers of FDR B.01.401 / B.01.402 (labeliq.checks.common.rounding,
the same rules the checker applies) and the %DV is the rounded amount over the current Daily Value
(labeliq.checks.common.daily_values), to the nearest 1 %. Sodium may come from EU "salt" (salt = sodium x 2.5,
Regulation (EU) No 1169/2011 Annex I point 11). A core nutrient the source does not declare comes from the
supplier's data in the context or is listed as not declared: never invented.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from labeliq.checks.common import daily_values
from labeliq.checks.common import rounding as nft_rounding
from labeliq.models import ProductContext
from labeliq.relabel.proposal import ConvertedNutrient, ConvertedNutrition, ForeignNutrition

SALT_PER_SODIUM = Decimal("2.5")
KJ_PER_KCAL = Decimal("4.184")

# The core rows of the Canadian table (FDR B.01.401(2)), in the order they are printed, with their units.
CORE: tuple[tuple[str, str, str, str], ...] = (
    ("fat", "Fat", "Lipides", "g"),
    ("saturated_fat", "Saturated", "saturés", "g"),
    ("trans_fat", "Trans", "trans", "g"),
    ("carbohydrate", "Carbohydrate", "Glucides", "g"),
    ("fibre", "Fibre", "Fibres", "g"),
    ("sugars", "Sugars", "Sucres", "g"),
    ("protein", "Protein", "Protéines", "g"),
    ("cholesterol", "Cholesterol", "Cholestérol", "mg"),
    ("sodium", "Sodium", "Sodium", "mg"),
    ("potassium", "Potassium", "Potassium", "mg"),
    ("calcium", "Calcium", "Calcium", "mg"),
    ("iron", "Iron", "Fer", "mg"),
)
# Rows whose %DV the table shows (FDR B.01.401 table); saturated + trans share one %DV on the saturated row.
DV_ROWS = {"fat": "fat", "saturated_fat": "saturated_plus_trans", "fibre": "fibre", "sugars": "sugars"}
DV_ROWS |= {"sodium": "sodium", "potassium": "potassium", "calcium": "calcium", "iron": "iron"}
_UNIT_FACTOR = {("g", "mg"): Decimal(1000), ("mg", "g"): Decimal("0.001"), ("µg", "mg"): Decimal("0.001")}
_UNIT_FACTOR |= {("mg", "mg"): Decimal(1), ("g", "g"): Decimal(1), ("mg", "µg"): Decimal(1000)}


class ConversionError(ValueError):
    """The table cannot be converted (no serving, or g against mL without a density); the message says why."""


def _d(value: float) -> Decimal:
    return Decimal(str(value))


def _fmt(value: Decimal | float) -> str:
    return nft_rounding.fmt(float(value)) if not isinstance(value, Decimal) else nft_rounding.fmt(value)


def round_canadian(key: str, true: Decimal) -> Decimal:
    """The amount a Canadian table prints for a true amount, by the tier the true amount falls in."""
    rule = nft_rounding.RULES[key]
    tier = next((t for t in rule.tiers if t.contains(true)), rule.tiers[-1])
    if tier.increment is None:
        return Decimal(0)
    steps = (true / tier.increment).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (steps * tier.increment).normalize()


def percent_dv(key: str, amount: Decimal) -> int | None:
    """The %DV of a rounded amount against the current Daily Value, to the nearest 1 % (half up)."""
    dv = daily_values.current(key)
    if dv is None:
        return None
    return int((amount / _d(dv.amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def serving_of(context: ProductContext) -> tuple[Decimal, str]:
    chosen = context.serving_of_stated_size or context.reference_amount
    if chosen is None:
        raise ConversionError(
            "the context gives neither serving_of_stated_size nor reference_amount, so the Canadian serving is unknown"
        )
    unit = chosen.unit
    value = _d(chosen.value)
    if unit == "kg":
        return value * 1000, "g"
    if unit == "L":
        return value * 1000, "mL"
    return value, "mL" if unit in ("mL", "ml") else "g"


def _source_basis(table: ForeignNutrition) -> tuple[Decimal, str]:
    if table.basis == "per_100g":
        return Decimal(100), "g"
    if table.basis == "per_100ml":
        return Decimal(100), "mL"
    if table.serving_amount is None or table.serving_unit is None:
        raise ConversionError(f"the source's serving '{table.serving_text}' gives no metric amount")
    return _d(table.serving_amount), table.serving_unit


def _in_unit(amount: Decimal, unit: str, target: str, density: float | None) -> tuple[Decimal, str]:
    """An amount of food in the target unit (g or mL), through the density when they differ."""
    if unit == target:
        return amount, ""
    if density is None:
        raise ConversionError(
            f"the source declares per {unit} and the Canadian serving is in {target}: the context key "
            "density_g_per_ml is needed to convert one into the other"
        )
    rho = _d(density)
    if unit == "mL":
        return amount * rho, f"{_fmt(amount)} mL x {_fmt(rho)} g/mL = {_fmt(amount * rho)} g"
    return amount / rho, f"{_fmt(amount)} g / {_fmt(rho)} g/mL = {_fmt(amount / rho)} mL"


def convert(table: ForeignNutrition, context: ProductContext) -> ConvertedNutrition:
    serving, serving_unit = serving_of(context)
    basis, basis_unit = _source_basis(table)
    in_source_unit, density_text = _in_unit(serving, serving_unit, basis_unit, context.density_g_per_ml)
    factor = in_source_unit / basis
    factor_text = (
        f"Canadian serving {_fmt(serving)} {serving_unit}"
        + (f" ({density_text})" if density_text else "")
        + f" / source basis {_fmt(basis)} {basis_unit} = {_fmt(factor.quantize(Decimal('0.0001')))}"
    )
    household = context.serving_household_measure
    rows: list[ConvertedNutrient] = []
    for key, name_en, name_fr, unit in CORE:
        rows.append(_row(key, name_en, name_fr, unit, table, context, factor, basis_unit, in_source_unit))
    rows = _with_dv(rows)
    calories, calories_text = _calories(table, factor)
    dropped = [
        f"{n.label} {n.amount_text}"
        for k, n in table.nutrients.items()
        if k not in {key for key, *_ in CORE} | {"energy_kcal", "energy_kj", "salt"}
    ]
    return ConvertedNutrition(
        basis=table.basis,
        serving_amount=float(serving),
        serving_unit="g" if serving_unit == "g" else "mL",
        serving_household_en=household.en if household else "",
        serving_household_fr=household.fr if household else "",
        serving_grams_or_ml_from_source=float(in_source_unit),
        factor=float(factor),
        factor_text=factor_text,
        calories=calories,
        calories_computation=calories_text,
        rows=rows,
        not_declared=[r.key for r in rows if r.origin == "not_declared"],
        dropped=dropped,
    )


def _per_basis(key: str, unit: str, table: ForeignNutrition) -> tuple[Decimal, str, str] | None:
    """(amount per source basis in the Canadian unit, origin, how) from the label itself."""
    found = table.nutrients.get(key)
    if found is not None:
        factor = _UNIT_FACTOR.get((found.unit, unit))
        if factor is not None:
            bound = " [printed as less than: the upper bound is used; a person must confirm]" if found.less_than else ""
            return _d(found.amount) * factor, "label", f"{found.amount_text} ({found.label}){bound}"
    if key == "sodium" and "salt" in table.nutrients:
        salt = table.nutrients["salt"]
        sodium_mg = _d(salt.amount) / SALT_PER_SODIUM * 1000
        return sodium_mg, "computed_from_salt", f"salt {salt.amount_text} / 2.5 x 1000 = {_fmt(sodium_mg)} mg sodium"
    return None


def _row(
    key: str,
    name_en: str,
    name_fr: str,
    unit: str,
    table: ForeignNutrition,
    context: ProductContext,
    factor: Decimal,
    basis_unit: str,
    in_source_unit: Decimal,
) -> ConvertedNutrient:
    rule = nft_rounding.RULES[key]
    base = _per_basis(key, unit, table)
    supplier = (context.supplier_nutrients_per_100 or {}).get(key)
    if base is not None:
        amount, origin, how = base
        per = "serving" if table.basis == "per_serving" else f"100 {basis_unit}"
        true = amount * factor
        shown = _fmt(factor.quantize(Decimal("0.0001")))
        computation = f"{how} per {per} x {shown} = {_fmt(true.quantize(Decimal('0.001')))} {unit}"
    elif supplier is not None:
        origin = "supplier"
        true = _d(supplier) * in_source_unit / 100
        computation = (
            f"supplier data {_fmt(_d(supplier))} {unit} per 100 {basis_unit} x {_fmt(in_source_unit)} {basis_unit}"
            f" / 100 = {_fmt(true.quantize(Decimal('0.001')))} {unit}"
        )
    else:
        return ConvertedNutrient(
            key=key,
            name_en=name_en,
            name_fr=name_fr,
            unit=unit,
            origin="not_declared",
            computation=f"{rule.name} is not declared on the source label and no supplier value was given: "
            "it cannot be computed",
        )
    rounded = round_canadian(key, true)
    return ConvertedNutrient(
        key=key,
        name_en=name_en,
        name_fr=name_fr,
        unit=unit,
        amount=float(rounded),
        true_amount=float(true),
        origin=origin,
        computation=f"{computation} -> {_fmt(rounded)} {unit} ({rule.citation})",
    )


def _with_dv(rows: list[ConvertedNutrient]) -> list[ConvertedNutrient]:
    by_key = {r.key: r for r in rows}
    out: list[ConvertedNutrient] = []
    for row in rows:
        dv_key = DV_ROWS.get(row.key)
        if dv_key is None or row.amount is None:
            out.append(row)
            continue
        amount = _d(row.amount)
        text = f"{_fmt(amount)} {row.unit}"
        if dv_key == "saturated_plus_trans":
            trans = by_key["trans_fat"].amount
            if trans is None:
                out.append(row)
                continue
            amount += _d(trans)
            text = f"({_fmt(_d(row.amount))} + {_fmt(_d(trans))}) g"
        percent = percent_dv(dv_key, amount)
        dv = daily_values.current(dv_key)
        note = f"; %DV {text} / {_fmt(_d(dv.amount))} {dv.unit} = {percent} %" if dv is not None else ""
        out.append(row.model_copy(update={"dv_percent": percent, "computation": row.computation + note}))
    return out


def _calories(table: ForeignNutrition, factor: Decimal) -> tuple[int | None, str]:
    kcal = table.nutrients.get("energy_kcal")
    kj = table.nutrients.get("energy_kj")
    if kcal is not None:
        per, how = _d(kcal.amount), f"{kcal.amount_text}"
    elif kj is not None:
        per = _d(kj.amount) / KJ_PER_KCAL
        how = f"{kj.amount_text} / 4.184 = {_fmt(per.quantize(Decimal('0.1')))} kcal"
    else:
        return None, "energy is not declared on the source label: Calories cannot be computed"
    true = per * factor
    rounded = round_canadian("energy", true)
    return int(rounded), (
        f"{how} x {_fmt(factor.quantize(Decimal('0.0001')))} = {_fmt(true.quantize(Decimal('0.01')))} Cal -> "
        f"{_fmt(rounded)} Cal (FDR B.01.401 table item 2)"
    )
