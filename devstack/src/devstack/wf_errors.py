"""Errors of the local Workflows runner, split in the two kinds the real service has.

A `WorkflowDefinitionError` is what Workflows reports at deploy time (or what this runner does not implement):
it can never be caught by a workflow's `except`. A `WfRaised` carries a runtime error value (a map with `tags`
and `message`, or whatever `raise` was given) that `try/except` and `retry` see exactly as the cloud would.
"""

from __future__ import annotations

from typing import Any


class WorkflowDefinitionError(Exception):
    """The workflow uses syntax that is invalid, or that this runner does not implement; names the step."""


class WfRaised(Exception):
    """A runtime error inside the workflow; `value` is what `except: as: e` binds."""

    def __init__(self, value: Any) -> None:
        super().__init__(value)
        self.value = value


class WorkflowError(Exception):
    """An execution that ended with an uncaught error; `error` is the error value the cloud would report."""

    def __init__(self, error: Any) -> None:
        super().__init__(error)
        self.error = error


def error_map(tag: str, message: str, **extra: Any) -> dict[str, Any]:
    """The documented shape of a runtime error: a map with `message` and a list of `tags`."""
    return {"message": message, "tags": [tag], **extra}


def raised(tag: str, message: str, **extra: Any) -> WfRaised:
    return WfRaised(error_map(tag, message, **extra))
