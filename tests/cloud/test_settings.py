"""The functions' settings: the bucket variables Terraform sets are read, and a bad value names its variable."""

from __future__ import annotations

import pytest

from labeliq.cloud.settings import load_cloud_settings
from labeliq.config import ConfigError

VARIABLES = (
    "LABELIQ_PROJECT_ID",
    "GOOGLE_CLOUD_PROJECT",
    "GCLOUD_PROJECT",
    "LABELIQ_INPUT_BUCKET",
    "LABELIQ_OUTPUT_BUCKET",
    "LABELIQ_STEP_LEASE_S",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_buckets_are_read_from_the_variables_terraform_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "proj")
    monkeypatch.setenv("LABELIQ_INPUT_BUCKET", "in-bucket")
    monkeypatch.setenv("LABELIQ_OUTPUT_BUCKET", "out-bucket")
    settings = load_cloud_settings()
    assert (settings.project_id, settings.input_bucket, settings.output_bucket) == ("proj", "in-bucket", "out-bucket")


def test_a_missing_bucket_and_a_bad_lease_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_PROJECT_ID", "proj")
    monkeypatch.setenv("LABELIQ_INPUT_BUCKET", "in-bucket")
    monkeypatch.setenv("LABELIQ_STEP_LEASE_S", "0")
    with pytest.raises(ConfigError) as caught:
        load_cloud_settings()
    assert "LABELIQ_OUTPUT_BUCKET" in str(caught.value)
    assert "LABELIQ_STEP_LEASE_S" in str(caught.value)
