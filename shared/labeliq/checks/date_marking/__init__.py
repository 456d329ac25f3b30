"""The date_marking checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.date_marking.checker import check

__all__ = ["check"]
