"""A per-user sliding-window limit on job creation, kept in Firestore so every API instance counts the same."""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from typing import Any

from labeliq.cloud.transactions import run_transaction

RATE_LIMITS = "rate_limits"
WINDOW_S = 60.0


class RateLimiter:
    def __init__(self, client: Any, *, per_minute: int, clock: Callable[[], float] = time.time) -> None:
        self._db = client
        self._per_minute = per_minute
        self._clock = clock

    def take(self, user: str, action: str = "create_job") -> int | None:
        """Count one `action` for the user; None when allowed, else the seconds until one is (Retry-After)."""
        ref = self._db.collection(RATE_LIMITS).document(hashlib.sha256(f"{action}:{user}".encode()).hexdigest())

        def body(transaction: Any) -> int | None:
            snapshot = ref.get(transaction=transaction)
            now = self._clock()
            stamps = [s for s in (snapshot.to_dict() or {}).get("stamps", []) if s > now - WINDOW_S]
            if len(stamps) >= self._per_minute:
                wait: int = max(1, math.ceil(min(stamps) + WINDOW_S - now))
                return wait
            transaction.set(ref, {"stamps": [*stamps, now], "action": action})
            return None

        wait: int | None = run_transaction(self._db, f"the rate limit of {user}", body)
        return wait
