"""Settings of the API function (LABELIQ_* variables), validated on the first request.

Identity has no off switch: the audience is required, and the issuer and key URL default to Google IAP's. The
local stack sets the same three variables to its own issuer; nothing else changes between the two.
"""

from __future__ import annotations

from pydantic import Field, ValidationError

from labeliq.config import ENV_PREFIX, ConfigError, EnvConfigDict, EnvSettings

IAP_ISSUER = "https://cloud.google.com/iap"
IAP_CERTS_URL = "https://www.gstatic.com/iap/verify/public_key"


class ApiSettings(EnvSettings):
    """Flat fields read from the environment as the steps' settings are (labeliq.config.EnvSettings): the API's
    cold start does not import pydantic-settings."""

    model_config = EnvConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    # The `aud` IAP puts in its assertion: /projects/NUMBER/locations/REGION/services/SERVICE for Cloud Run.
    iap_audience: str = Field(min_length=1)
    iap_issuer: str = Field(default=IAP_ISSUER, min_length=1)
    iap_certs_url: str = Field(default=IAP_CERTS_URL, pattern=r"^https?://")
    iap_clock_skew_s: int = Field(default=30, ge=0, le=300)
    api_jobs_per_minute: int = Field(default=30, ge=1)
    # Checked against Content-Length before the body is read.
    api_max_upload_bytes: int = Field(default=60_000_000, ge=1_000)
    api_max_json_bytes: int = Field(default=1_000_000, ge=1_000)
    api_dedup_hours: float = Field(default=24.0, gt=0)


def load_api_settings() -> ApiSettings:
    try:
        return ApiSettings.model_validate({})  # the required fields come from the environment
    except ValidationError as exc:
        names = ", ".join(f"{ENV_PREFIX}{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors())
        raise ConfigError(names) from None
