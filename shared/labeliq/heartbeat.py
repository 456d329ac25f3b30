"""A hook long work calls between bounded chunks (a checker, a photo page), so the step running it stays alive.

A serverless step holds a claim with a lease that a thread renews. Work that holds the GIL for long (a C call)
can starve that thread; the cloud step therefore also installs its lease check here, and the library calls
`beat()` where a chunk of work ends. Outside a step (`labeliq check`) nothing is installed and a beat costs a
context-variable read. A beat may raise: the step's lease was lost, and the work must stop rather than race the
step's successor.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_HOOK: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar("labeliq_heartbeat", default=None)


def beat() -> None:
    """Between two bounded chunks of work: let the running step keep (or give up) its claim."""
    hook = _HOOK.get()
    if hook is not None:
        hook()


@contextmanager
def beating(hook: Callable[[], None]) -> Iterator[None]:
    """Call `hook` at every beat() inside the block (in this thread and the contexts copied from it)."""
    token = _HOOK.set(hook)
    try:
        yield
    finally:
        _HOOK.reset(token)
