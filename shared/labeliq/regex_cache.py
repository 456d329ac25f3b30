"""Compiled regular expressions kept between processes, as bytecode is kept for modules.

A text check compiles about 800 patterns (the parsers', the checkers', the lexicons'): about 0.2 s of CPU in every
`labeliq check`, every function start and every test subprocess, since Python keeps no compiled pattern once a
process ends. Compiling is two steps: parsing the pattern and generating `re`'s code for it (Python, the slow part),
then `_sre.compile` of that code (C, fast). `make bytecode` runs `python -m labeliq.regex_cache_build samples`,
which checks the samples in process and records, for each pattern compiled, the arguments `re` passed to
`_sre.compile`; it keeps only entries that give back a pattern equal to the one `re` compiled, and writes them
beside the bytecode.

`install()` (run by `import labeliq`) loads that file only if the same interpreter wrote it (sys.version,
_sre.MAGIC and CODESIZE), and then serves a pattern it holds by `_sre.compile` of the stored code; any other pattern
(changed since, or never met) is compiled by `re` as always. The patterns are the ones `re` would compile: a file
that is absent, stale or unreadable changes nothing but the speed.
"""

from __future__ import annotations

import _sre
import importlib
import marshal
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Key = tuple[str | bytes, int]
Compile = Callable[[Any, int], re.Pattern[Any]]

# re's compiler (re._compiler, Python 3.11+; typeshed does not describe it): the one function this module replaces
re_compiler: Any = importlib.import_module("re._compiler")

CACHE_FILE = Path(__file__).with_name("__pycache__") / f"regex_cache.{sys.implementation.cache_tag}.marshal"
RE_COMPILE: Compile = re_compiler.compile  # re's own, kept to fall back on and to restore


def stamp() -> tuple[str, int, int]:
    """What the stored code depends on: the interpreter and its _sre (the file's header)."""
    return (sys.version, _sre.MAGIC, _sre.CODESIZE)


def load(path: Path = CACHE_FILE) -> dict[Key, tuple[Any, ...]]:
    """The stored `_sre.compile` arguments by (pattern, flags); empty if the file is absent, unreadable or was
    written by another interpreter."""
    try:
        written_by, entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if tuple(written_by) != stamp() or not isinstance(entries, dict):
        return {}
    return entries


def cached_compile(entries: dict[Key, tuple[Any, ...]]) -> Compile:
    """re._compiler.compile served from the entries; anything not in them (or refused by _sre) compiled by re."""

    def compile(p: Any, flags: int = 0) -> re.Pattern[Any]:
        if isinstance(p, (str, bytes)):
            args = entries.get((p, flags))
            if args is not None:
                try:
                    return _sre.compile(p, *args)  # type: ignore[no-any-return]
                except (TypeError, ValueError, RuntimeError):  # a damaged entry: _sre validates the code
                    pass
        return RE_COMPILE(p, flags)

    return compile


def install(path: Path = CACHE_FILE) -> int:
    """Serve the patterns of the cache file from now on in this process; the number of patterns it holds."""
    entries = load(path)
    if entries:
        re_compiler.compile = cached_compile(entries)
    return len(entries)


def uninstall() -> None:
    re_compiler.compile = RE_COMPILE
