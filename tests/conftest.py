"""Fixtures more than one test area shares, so the suite starts each costly thing once.

`api_stack` is one local stack with the jobs API: the emulators (Firestore, Storage, Pub/Sub), the five
functions, the local issuer and IAP proxy, and the real upload trigger. The API tests and the browser tests both
run on it (each stack start is tens of seconds on a loaded machine, and its first job pays every import again).
Every test makes its own project and users, so no reset is needed between tests. Limits are set low so the limit
tests stay quick, and high enough for the browser tests' photo label (two panels, 2.4 megapixels).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from devstack.stack import LocalStack, StackConfig

JOBS_PER_MINUTE = 5
API_ENV = {
    "LABELIQ_API_JOBS_PER_MINUTE": str(JOBS_PER_MINUTE),
    "LABELIQ_API_MAX_UPLOAD_BYTES": "3000000",
    "LABELIQ_MAX_PANELS": "4",
    "LABELIQ_MAX_IMAGE_PIXELS": "3000000",
}


def _missing() -> str | None:
    for tool, why in (("gcloud", "the Firestore and Pub/Sub emulators"), ("java", "the emulators")):
        if shutil.which(tool) is None:
            return f"{tool} ({why}) is not installed"
    return None


@pytest.fixture(scope="session")
def api_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    missing = _missing()
    if missing:
        pytest.skip(missing)
    base = tmp_path_factory.mktemp("api-stack")
    config = StackConfig(
        project="labeliq-api-test",
        input_bucket="labeliq-api-in",
        output_bucket="labeliq-api-out",
        log_dir=base / "logs",
        step_lease_s=8.0,
        claim_wait_s=1.0,
        api=True,
        upload_trigger=True,
        api_env=API_ENV,
    )
    with LocalStack(config) as running:
        yield running
