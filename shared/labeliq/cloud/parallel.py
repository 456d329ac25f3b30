"""Independent network round trips made at once: a step's panel reads, an API read's project, versions and claims.

Each call runs on a small shared pool with a copy of the caller's context, so its log lines keep the request's ids.
The Google clients used here (Firestore over gRPC, Storage over an HTTP session) take calls from several threads.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, overload

A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")
R = TypeVar("R")

_THREADS = 8


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(_THREADS, thread_name_prefix="labeliq-io")


def in_parallel(function: Callable[[A], R], items: Sequence[A]) -> list[R]:
    """function over items, the calls at once, the results in order; the first exception in order is raised.
    A single item is called in this thread."""
    if len(items) < 2:
        return [function(item) for item in items]
    calls = [(contextvars.copy_context(), item) for item in items]
    return list(_pool().map(lambda call: call[0].run(function, call[1]), calls))


@overload
def all_at_once(a: Callable[[], A], b: Callable[[], B], /) -> tuple[A, B]: ...


@overload
def all_at_once(a: Callable[[], A], b: Callable[[], B], c: Callable[[], C], /) -> tuple[A, B, C]: ...


def all_at_once(*reads: Callable[[], Any]) -> tuple[Any, ...]:
    """Each read called at once; their results in order."""
    return tuple(in_parallel(lambda read: read(), reads))
