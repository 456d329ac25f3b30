"""labeliq.regex_cache serves compiled patterns from a file written by this interpreter; every pattern it gives must
be the one re compiles, and a file that is stale, damaged or absent must change nothing but the speed."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from labeliq import regex_cache
from labeliq.regex_cache_build import recording, verified, write

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?<![\w])c[o0]nt[a4@][il1!|]ns(?=\s*:)", re.IGNORECASE),
    (r"(?P<amount>\d+(?:[.,]\d+)?)\s*(?P<unit>mg|g|kcal)\b", 0),
    (r"^\s*ingr[ée]dients?\s*:", re.IGNORECASE | re.MULTILINE),
    (rb"\xff\xd8\xff", 0),
    (r"sans\s+(?:gluten|arachides)|free\s+of\s+\w+", re.VERBOSE),
]
TEXTS = ["C0ntains: milk", "Sodium 120 mg, Energy 3,5 kcal", "  Ingrédients : farine", "sans gluten", "free of nuts"]


def _recorded(path: Path) -> dict[regex_cache.Key, tuple[object, ...]]:
    with recording() as recorded:
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    entries = verified(recorded)
    write(entries, path)
    return entries


def test_patterns_from_the_file_are_the_ones_re_compiles(tmp_path: Path) -> None:
    path = tmp_path / "cache.marshal"
    assert set(_recorded(path)) >= {(p, f) for p, f in PATTERNS}
    serve = regex_cache.cached_compile(regex_cache.load(path))
    for pattern, flags in PATTERNS:
        cached, own = serve(pattern, flags), regex_cache.RE_COMPILE(pattern, flags)
        assert cached == own and cached.groupindex == own.groupindex and cached.flags == own.flags
        if isinstance(pattern, str):
            assert [cached.search(t) and cached.search(t).span() for t in TEXTS] == [  # type: ignore[union-attr]
                own.search(t) and own.search(t).span()  # type: ignore[union-attr]
                for t in TEXTS
            ]
    assert serve("not stored (x+)", 0) == re.compile("not stored (x+)")


def test_a_file_from_another_interpreter_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "cache.marshal"
    entries = _recorded(path)
    path.write_bytes(marshal.dumps((("2.7.18 other", 0, 4), entries)))
    assert regex_cache.load(path) == {}


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps(["no", "stamp"])])
def test_an_unreadable_file_is_not_used(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cache.marshal"
    path.write_bytes(content)
    assert regex_cache.load(path) == {}
    assert regex_cache.load(tmp_path / "absent.marshal") == {}


def test_a_damaged_entry_is_compiled_by_re(tmp_path: Path) -> None:
    path = tmp_path / "cache.marshal"
    pattern, flags = PATTERNS[1]
    entries = _recorded(path)
    final_flags, code, *rest = entries[(pattern, flags)]
    damaged = {(pattern, flags): (final_flags, [*code[:-3], 99999, 1, 2], *rest)}  # type: ignore[list-item]
    assert regex_cache.cached_compile(damaged)(pattern, flags) == re.compile(pattern, flags)


def test_recording_puts_back_the_compiler_it_found() -> None:
    from labeliq.regex_cache import re_compiler as _compiler

    before = _compiler.compile
    with recording():
        assert _compiler.compile is not before
    assert _compiler.compile is before
