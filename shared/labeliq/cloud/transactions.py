"""One way to run a Firestore transaction for the API's stores: the client's retries, then a 503 to retry later."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from labeliq.workspace.errors import ApiError

T = TypeVar("T")
ATTEMPTS = 8


def run_transaction(db: Any, what: str, body: Callable[[Any], T]) -> T:
    from google.cloud import firestore

    try:
        result: T = firestore.transactional(body)(db.transaction(max_attempts=ATTEMPTS))
    except ValueError as exc:
        if type(exc.__cause__).__name__ != "Aborted":
            raise
        raise ApiError(
            503, "contention", f"too many concurrent changes to {what}; retry", headers={"Retry-After": "1"}
        ) from exc
    return result
