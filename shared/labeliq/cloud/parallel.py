"""Independent network round trips made at once: a step's panel reads, an API read's project, versions and claims,
and a step's input read while its claim is read and written.

Each call runs on a small shared pool with a copy of the caller's context, so its log lines keep the request's ids.
The Google clients used here (Firestore over gRPC, Storage over an HTTP session) take calls from several threads.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar, overload

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


class Prefetched(Generic[R]):
    """A read started now on the pool, its answer taken later where the step needs it.

    A step starts reading its input while it reads and writes its claim, which does not depend on it: the two
    round trips overlap. Nothing about the step's order changes for a failure: a read that failed is made again
    where it is taken (`get`), in the caller's thread, so its error is raised at the same point as when the step
    read it there, after the claim; a step that ends before taking it (its stored result answered) drops it.
    `read` must be a single read that does not itself wait on this pool (in_parallel), or a full pool could wait
    on itself.
    """

    def __init__(self, read: Callable[[], R], *, now: bool = True) -> None:
        """`now=False`: not started, read where it is taken (a cold process whose replayed step ends before it
        must not import and make the client it reads with: labeliq.cloud.blobs.BlobStore.client_made)."""
        self._read = read
        self._future: Future[R] | None = _pool().submit(contextvars.copy_context().run, read) if now else None

    def get(self) -> R:
        if self._future is None:
            return self._read()
        try:
            return self._future.result()
        except Exception:  # noqa: BLE001 - read again here: it raises (or succeeds) where the step reads
            return self._read()
