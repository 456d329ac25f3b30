"""The fop_symbol checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.fop_symbol.checker import check

__all__ = ["check"]
