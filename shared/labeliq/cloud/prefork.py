"""What a function's process imports before functions-framework's gunicorn forks its worker (each main.py
imports this module first).

gunicorn (25.1 and later) starts a control-socket server in its arbiter once the worker is forked, and that server
imports asyncio; the worker imports asyncio too, on its first request, through the Firestore client's gRPC
(grpc.aio). Both processes paid for it. Imported here, before the fork, the worker inherits it from the arbiter:
a cold start (process start to the first 200, CPU of the function's process group) is about 0.1 s less
(docs/performance.md). The Firestore and Storage clients stay out: the first request imports the one it needs.
"""

from __future__ import annotations

import asyncio  # noqa: F401
