"""One local stack per test session: the Firestore and Storage emulators and the four functions, on free ports.

The functions run under functions-framework from tests/cloud/faulty_main.py, a pass-through wrapper that
injects a fault only for job ids that ask for one. Every test uses fresh job ids, so no reset is needed between
tests and a failure leaves its documents for inspection. Everything started is stopped by process group.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.function_servers import FUNCTION_NAMES
from devstack.stack import LocalStack, StackConfig

FAULTY = Path(__file__).with_name("faulty_main.py")
LEASE_S = 4.0


def _emulators_available() -> str | None:
    if shutil.which("gcloud") is None:
        return "gcloud (the Firestore emulator) is not installed"
    if shutil.which("java") is None:
        return "java (needed by the Firestore emulator) is not installed"
    return None


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    missing = _emulators_available()
    if missing:
        pytest.skip(missing)
    base = tmp_path_factory.mktemp("stack")
    fault_dir = base / "faults"
    fault_dir.mkdir()
    config = StackConfig(
        project="labeliq-test",
        input_bucket="labeliq-test-in",
        output_bucket="labeliq-test-out",
        log_dir=base / "logs",
        step_lease_s=LEASE_S,
        claim_wait_s=1.0,
        extra_function_env={"LABELIQ_TEST_FAULT_DIR": str(fault_dir)},
        function_sources=dict.fromkeys(FUNCTION_NAMES, FAULTY),
    )
    with LocalStack(config) as running:
        yield running
