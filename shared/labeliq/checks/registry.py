"""A registry from checker name to a pure function, grouped as the workflow's three branches.

Adding a checker is adding one module and one line in CHECKERS; the group runner, the report and
the tests never change (the robotoff PREDICTION_TYPE_TO_FUNC pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from labeliq.models import CheckResult, Finding, Group, LabelFacts, ProductContext

CheckFunction = Callable[[LabelFacts, ProductContext], list[Finding]]


@dataclass(frozen=True)
class CheckerSpec:
    name: str
    group: Group
    module: str  # labeliq.checks.<module> exposes `check(facts, context) -> list[Finding]`

    def function(self) -> CheckFunction:
        check: CheckFunction = import_module(f"labeliq.checks.{self.module}").check
        return check


# Order inside a group is the order of the report.
CHECKERS: tuple[CheckerSpec, ...] = (
    CheckerSpec("common_name", "identity", "common_name"),
    CheckerSpec("bilingual", "identity", "bilingual"),
    CheckerSpec("country_of_origin", "identity", "country_of_origin"),
    CheckerSpec("irradiation", "identity", "irradiation"),
    CheckerSpec("name_address", "identity", "name_address"),
    CheckerSpec("net_quantity", "identity", "net_quantity"),
    CheckerSpec("ingredients", "content", "ingredients"),
    CheckerSpec("date_marking", "content", "date_marking"),
    CheckerSpec("fop_symbol", "content", "fop_symbol"),
    CheckerSpec("claim_tags", "content", "claim_tags"),
    CheckerSpec("allergens_gluten", "content", "allergens_gluten"),
    CheckerSpec("nutrition_facts", "tables", "nutrition_facts"),
    CheckerSpec("sweeteners", "tables", "sweeteners"),
    CheckerSpec("supplements", "tables", "supplements"),
    CheckerSpec("additives", "tables", "additives"),
    CheckerSpec("health_claims", "tables", "health_claims"),
)


def available_checkers(group: Group | None = None) -> list[CheckerSpec]:
    """The registered checkers whose module exists (others are reported as not built)."""
    specs = [c for c in CHECKERS if group is None or c.group == group]
    out = []
    for spec in specs:
        try:
            spec.function()
        except ModuleNotFoundError as exc:
            if exc.name != f"labeliq.checks.{spec.module}":
                raise
            continue
        out.append(spec)
    return out


def run_checker(spec: CheckerSpec, facts: LabelFacts, context: ProductContext) -> CheckResult:
    return CheckResult.from_findings(spec.name, spec.group, spec.function()(facts, context))


def run_group(group: Group, facts: LabelFacts, context: ProductContext) -> dict[str, CheckResult]:
    return {spec.name: run_checker(spec, facts, context) for spec in available_checkers(group)}
