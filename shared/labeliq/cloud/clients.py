"""Google Cloud clients, created on first use and once per process.

Importing google.cloud.firestore costs about 0.6 s and google.cloud.storage 0.5 s: a function that needs only
one of them, or that answers a malformed request, must not pay for both at start.
"""

from __future__ import annotations

import functools
import os
from importlib import import_module
from typing import Any


def _emulator_credentials() -> object | None:
    """Anonymous credentials when talking to an emulator, so no real credential is ever looked up locally."""
    if os.environ.get("STORAGE_EMULATOR_HOST"):
        from google.auth.credentials import AnonymousCredentials

        credentials: object = AnonymousCredentials()  # type: ignore[no-untyped-call]
        return credentials
    return None


@functools.cache
def firestore_client(project: str) -> Any:
    from google.cloud import firestore

    return firestore.Client(project=project)


@functools.cache
def storage_client(project: str) -> Any:
    storage = import_module("google.cloud.storage")  # untyped package: imported by name
    credentials = _emulator_credentials()
    if credentials is not None:
        return storage.Client(project=project, credentials=credentials)
    return storage.Client(project=project)
