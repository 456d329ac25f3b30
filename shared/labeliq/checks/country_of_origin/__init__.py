"""The country_of_origin checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.country_of_origin.checker import check

__all__ = ["check"]
