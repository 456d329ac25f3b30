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
    "LABELIQ_LOCAL_EMULATORS",
    "STORAGE_EMULATOR_HOST",
    "FIRESTORE_EMULATOR_HOST",
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


def _buckets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "proj")
    monkeypatch.setenv("LABELIQ_INPUT_BUCKET", "in-bucket")
    monkeypatch.setenv("LABELIQ_OUTPUT_BUCKET", "out-bucket")


@pytest.mark.parametrize("variable", ["STORAGE_EMULATOR_HOST", "FIRESTORE_EMULATOR_HOST"])
def test_an_emulator_variable_in_the_cloud_is_refused_not_obeyed(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """The storage library would switch to anonymous credentials on this variable alone."""
    _buckets(monkeypatch)
    monkeypatch.setenv(variable, "http://10.0.0.9:4443")
    with pytest.raises(ConfigError) as caught:
        load_cloud_settings()
    assert variable in str(caught.value) and "LABELIQ_LOCAL_EMULATORS" in str(caught.value)


def test_emulators_are_used_only_when_the_settings_say_local_and_only_on_this_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _buckets(monkeypatch)
    monkeypatch.setenv("LABELIQ_LOCAL_EMULATORS", "true")
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", "http://127.0.0.1:4443")
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:8080")
    assert load_cloud_settings().local_emulators is True
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", "http://storage.example.com")
    with pytest.raises(ConfigError, match="STORAGE_EMULATOR_HOST must name an emulator on this machine"):
        load_cloud_settings()
    monkeypatch.setenv("LABELIQ_LOCAL_EMULATORS", "maybe")
    with pytest.raises(ConfigError, match="LABELIQ_LOCAL_EMULATORS"):
        load_cloud_settings()
