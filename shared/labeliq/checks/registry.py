"""A registry from checker name to a pure function, grouped as the workflow's three branches.

Adding a checker is adding one package (checks/<name>/) and one line in CHECKERS; the group runner, the report and
the tests never change (the robotoff PREDICTION_TYPE_TO_FUNC pattern).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from labeliq.models import Finding, Group, LabelFacts, ProductContext

CheckFunction = Callable[[LabelFacts, ProductContext], list[Finding]]

# One thread at a time imports a checker's modules. The three groups of a job can reach one process at once (the
# local stack serves them from one function process, one thread each), and their first imports of the checker
# packages met in Python's per-module import locks: the import system then raised _DeadlockError in one thread,
# and a checker was reported as "could not run" (seen once in tests/cloud/test_cli_submit.py under load). Once a
# module is imported, taking the lock is all it costs.
_IMPORTING = threading.RLock()


def import_check_module(name: str) -> ModuleType:
    """labeliq.checks.<name> (a checker package, or its rules or fixes module), imported under the checkers' lock."""
    with _IMPORTING:
        return import_module(f"labeliq.checks.{name}")


@dataclass(frozen=True)
class CheckerSpec:
    name: str
    group: Group
    module: str  # labeliq.checks.<module> exposes `check(facts, context) -> list[Finding]`

    def function(self) -> CheckFunction:
        check: CheckFunction = import_check_module(self.module).check
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


class NotBuilt(LookupError):
    """A registered checker whose package does not exist: its rules are not judged, and the report says so."""


def load(spec: CheckerSpec) -> CheckFunction:
    """The checker's `check`. NotBuilt when its package is absent; a package that exists but fails to import raises
    its own error (a broken checker, not an absent one). The one place that tells the two apart."""
    try:
        return spec.function()
    except ModuleNotFoundError as exc:
        if exc.name == f"labeliq.checks.{spec.module}":
            raise NotBuilt(f"checker {spec.name} is not built: labeliq.checks.{spec.module} does not exist") from None
        raise


def available_checkers(group: Group | None = None) -> list[CheckerSpec]:
    """The registered checkers (of one group) whose package exists."""
    out = []
    for spec in CHECKERS:
        if group is not None and spec.group != group:
            continue
        try:
            load(spec)
        except NotBuilt:
            continue
        out.append(spec)
    return out
