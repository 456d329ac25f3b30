"""The sweeteners checker: `check` is in checker.py; the modules beside it serve this checker only."""

from labeliq.checks.sweeteners.checker import check

__all__ = ["check"]
