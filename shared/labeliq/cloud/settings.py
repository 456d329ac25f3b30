"""Settings of the serverless steps (LABELIQ_* variables), validated when a function first handles a request.

The bucket names and project come from the library's Settings (labeliq.config); this adds what only the
cloud steps need: how long a step claim is held and how long a duplicate delivery waits for its owner.
"""

from __future__ import annotations

import os

from pydantic import Field, ValidationError

from labeliq.config import ENV_PREFIX, ConfigError, EnvConfigDict, EnvSettings, load_settings


class CloudSettings(EnvSettings):
    model_config = EnvConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    project_id: str = Field(min_length=1)
    # LABELIQ_INPUT_BUCKET / LABELIQ_OUTPUT_BUCKET, as labeliq.config and the Terraform name them.
    input_bucket: str = Field(min_length=3)
    output_bucket: str = Field(min_length=3)
    # A claim outlives a dead owner by at most this long; a live owner renews it every third of it, so it
    # can stay shorter than the workflow's retry window (a crashed step is taken over while retries last).
    step_lease_s: float = Field(default=60.0, gt=0)
    # A duplicate delivery waits this long for the owner to finish before answering 503 (retry later).
    claim_wait_s: float = Field(default=10.0, ge=0)
    llm_cache_collection: str = Field(default="llm_cache", min_length=1)


def load_cloud_settings() -> CloudSettings:
    """Validated settings; the project falls back to GOOGLE_CLOUD_PROJECT as on Cloud Run."""
    base = load_settings()
    project = base.project_id or os.environ.get("GOOGLE_CLOUD_PROJECT") or os.environ.get("GCLOUD_PROJECT")
    try:
        # The three names read the same LABELIQ_* variables as labeliq.config; only the project has a fallback.
        return CloudSettings.model_validate({"project_id": project} if project else {})
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None


def _describe(error: ValidationError) -> str:
    """One line per bad variable, named as the user sets it (aliases already carry the LABELIQ_ prefix)."""
    lines = []
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"]) or "settings"
        if not name.upper().startswith(ENV_PREFIX):
            name = f"{ENV_PREFIX}{name}"
        lines.append(f"{name.upper()}: {item['msg']}")
    return "; ".join(lines)
