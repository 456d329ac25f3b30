"""The net_quantity checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.net_quantity.checker import check

__all__ = ["check"]
