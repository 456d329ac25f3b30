"""The allergens_gluten checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.allergens_gluten.checker import check

__all__ = ["check"]
