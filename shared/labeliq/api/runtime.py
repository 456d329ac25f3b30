"""The API's stores and settings, built once per process on the first request (clients are lazy: see cloud.clients)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from labeliq.api.identity import PublicKeys, VerifiedAssertions
from labeliq.api.settings import ApiSettings
from labeliq.cloud.job_records import JobRecordStore
from labeliq.cloud.projects import ProjectStore
from labeliq.cloud.rate_limits import RateLimiter
from labeliq.cloud.settings import CloudSettings
from labeliq.cloud.state import JobStore
from labeliq.cloud.workspace_blobs import WorkspaceBlobs
from labeliq.config import Settings


@dataclass(frozen=True)
class ApiRuntime:
    db: Any  # google.cloud.firestore.Client
    settings: ApiSettings
    cloud: CloudSettings
    limits: Settings
    keys: PublicKeys
    verified: VerifiedAssertions  # assertions verified already, each until its expiry (labeliq.api.identity)
    projects: ProjectStore
    records: JobRecordStore
    jobs: JobStore
    blobs: WorkspaceBlobs
    rate_limiter: RateLimiter


@functools.cache
def api_runtime() -> ApiRuntime:
    from labeliq.api.settings import load_api_settings
    from labeliq.cloud.clients import firestore_client, storage_on_first_use
    from labeliq.cloud.settings import load_cloud_settings
    from labeliq.config import load_settings

    settings = load_api_settings()
    cloud = load_cloud_settings()
    db = firestore_client(cloud.project_id, local=cloud.local_emulators)
    return ApiRuntime(
        db=db,
        settings=settings,
        cloud=cloud,
        limits=load_settings(),
        keys=PublicKeys(settings.iap_certs_url),
        verified=VerifiedAssertions(),
        projects=ProjectStore(db),
        records=JobRecordStore(db),
        jobs=JobStore(db, lease_s=cloud.step_lease_s),
        blobs=WorkspaceBlobs(
            storage_on_first_use(cloud.project_id, local=cloud.local_emulators),
            input_bucket=cloud.input_bucket,
            output_bucket=cloud.output_bucket,
        ),
        rate_limiter=RateLimiter(db, per_minute=settings.api_jobs_per_minute),
    )
