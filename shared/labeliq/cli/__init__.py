"""`labeliq`: the command line, a thin shell over the library.

The entry (labeliq.cli.main) imports its commands; each command (check, schema, submit) imports the library and
never another command; nothing outside this package imports from it (the console script and `python -m
labeliq.cli` aside).
"""

from __future__ import annotations

from labeliq.cli.main import main

__all__ = ["main"]
