"""`python -m labeliq.regex_cache_build SAMPLES_DIR...` (run by `make bytecode`): writes labeliq.regex_cache's file.

It records every pattern `re` compiles while checking the text samples in process (imports, parse, checks,
report.json, DOCX) and while importing the cloud client libraries a function imports on its first request, as
the arguments re's compiler passed to `_sre.compile`, keeps the entries that give back a pattern equal to the one
re compiled, and writes them with the interpreter's stamp. A module of its own so that
`python -m` does not run labeliq.regex_cache a second time after `import labeliq` installed it.
"""

from __future__ import annotations

import _sre
import importlib
import marshal
import re
import sys
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from labeliq.regex_cache import CACHE_FILE, RE_COMPILE, Key, re_compiler, stamp


def _plain(value: Any) -> Any:
    """re's opcodes are int subclasses, which marshal refuses: the same values as plain ints, lists and tuples."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, bytes)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    raise TypeError(f"unexpected {type(value).__name__} in _sre.compile's arguments")


@contextmanager
def recording() -> Iterator[dict[Key, tuple[Any, ...]]]:
    """Every pattern re compiles inside the block (its own compiler, not the cache), as the _sre.compile arguments
    that give it back; the compiler in place before (the cache, if installed) is put back after."""
    before = re_compiler.compile
    re.purge()
    recorded: dict[Key, tuple[Any, ...]] = {}
    asked: list[Key] = []

    def compile_spy(pattern: Any, flags: int, *args: Any) -> re.Pattern[Any]:
        compiled: re.Pattern[Any] = _sre.compile(pattern, flags, *args)
        if asked and asked[-1][0] is pattern:
            recorded[asked[-1]] = _plain((flags, *args))
        return compiled

    def recording_compile(p: Any, flags: int = 0) -> re.Pattern[Any]:
        keep = isinstance(p, (str, bytes)) and not flags & re.DEBUG
        if keep:
            asked.append((p, int(flags)))
        try:
            return RE_COMPILE(p, flags)
        finally:
            if keep:
                asked.pop()

    spy = types.SimpleNamespace(**{name: getattr(_sre, name) for name in dir(_sre) if not name.startswith("__")})
    spy.compile = compile_spy
    re_compiler._sre = spy
    re_compiler.compile = recording_compile
    try:
        yield recorded
    finally:
        re_compiler._sre = _sre
        re_compiler.compile = before
        re.purge()


def verified(recorded: dict[Key, tuple[Any, ...]]) -> dict[Key, tuple[Any, ...]]:
    """The entries whose stored arguments give back a pattern equal to the one re compiles (same code and flags)."""
    out: dict[Key, tuple[Any, ...]] = {}
    for (pattern, flags), args in recorded.items():
        try:
            if _sre.compile(pattern, *args) == RE_COMPILE(pattern, flags):
                out[(pattern, flags)] = args
        except (TypeError, ValueError, RuntimeError):
            continue
    return out


def write(entries: dict[Key, tuple[Any, ...]], path: Path = CACHE_FILE) -> None:
    """Written whole to a temporary file and renamed, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(".part")
    part.write_bytes(marshal.dumps((stamp(), entries)))
    part.replace(path)


def exercise(sample_dirs: Sequence[Path]) -> None:
    """What `labeliq check` compiles: its modules, then each text sample parsed, checked and rendered."""
    from labeliq.docx_report import render_docx
    from labeliq.extraction.text_parser import parse_label
    from labeliq.models import Panel, ProductContext
    from labeliq.pipeline import check_label
    from labeliq.report import report_json

    for sample in sample_dirs:
        texts = sorted(p for p in sample.iterdir() if p.suffix == ".txt")
        if not texts:
            continue
        panels = [Panel(name=p.stem, text=p.read_text(encoding="utf-8")) for p in texts]
        context_file = sample / "context.json"
        context = (
            ProductContext.model_validate_json(context_file.read_text(encoding="utf-8"))
            if context_file.exists()
            else ProductContext()
        )
        report = check_label(parse_label(panels), context, "regex-cache")
        report_json(report)
        render_docx(report)


# Imported by a function on its first request, after `import labeliq` installed the cache: about 90 patterns
# compiled at their import, some 70 ms of CPU in every function's cold start.
CLIENT_LIBRARIES = ("google.cloud.firestore", "google.cloud.storage")


def exercise_clients() -> None:
    """What a function's first request compiles: the Google client libraries' patterns (each one installed)."""
    for name in CLIENT_LIBRARIES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue


def main(argv: Sequence[str] | None = None) -> int:
    """Write the cache file from the text samples in the given folders (each a folder of sample folders)."""
    roots = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    samples = sorted(d for root in roots for d in root.iterdir() if d.is_dir())
    with recording() as recorded:
        exercise(samples)
        exercise_clients()
    entries = verified(recorded)
    try:
        write(entries)
    except OSError as exc:  # an installed, read-only package: patterns are compiled as always
        print(f"labeliq.regex_cache: not written ({exc})", file=sys.stderr)
        return 0
    print(f"labeliq.regex_cache: {len(entries)} of {len(recorded)} patterns written to {CACHE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
