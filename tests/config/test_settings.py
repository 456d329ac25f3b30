"""Settings: defaults, env overrides, and a start-up failure that names the variable."""

from __future__ import annotations

import subprocess
import sys

import pytest

from labeliq.config import ConfigError, Settings, load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("LABELIQ_"):
            monkeypatch.delenv(key)


def test_defaults() -> None:
    settings = load_settings()
    assert settings.log_level == "INFO"
    assert settings.ocr_engine == "rapidocr"
    assert settings.max_panels >= 1


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_LOG_LEVEL", "debug")
    monkeypatch.setenv("LABELIQ_OCR_ENGINE", "documentai")
    monkeypatch.setenv("LABELIQ_MAX_IMAGE_PIXELS", "1000000")
    monkeypatch.setenv("LABELIQ_OUTPUT_BUCKET", "labeliq-out-bucket")
    settings = load_settings()
    assert settings.log_level == "DEBUG"
    assert settings.ocr_engine == "documentai"
    assert settings.max_image_pixels == 1_000_000
    assert settings.output_bucket == "labeliq-out-bucket"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        pytest.param("LABELIQ_LOG_LEVEL", "verbose", id="log-level"),
        pytest.param("LABELIQ_OCR_ENGINE", "tesseract", id="ocr-engine"),
        pytest.param("LABELIQ_MAX_PANELS", "0", id="max-panels-zero"),
        pytest.param("LABELIQ_MAX_IMAGE_BYTES", "lots", id="not-a-number"),
    ],
)
def test_invalid_value_names_the_variable(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert str(error.value).startswith(f"{variable}: ")


def test_every_bad_variable_is_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_LOG_LEVEL", "verbose")
    monkeypatch.setenv("LABELIQ_MAX_PANELS", "-1")
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert "LABELIQ_LOG_LEVEL: " in str(error.value) and "LABELIQ_MAX_PANELS: " in str(error.value)


def test_no_setting_can_switch_authentication_off() -> None:
    risky = ("auth", "insecure", "verify", "anonymous", "credential", "skip")
    assert not [name for name in Settings.model_fields if any(word in name for word in risky)]


def test_cli_refuses_to_start_with_a_bad_setting(tmp_path: object) -> None:
    env = {"LABELIQ_LOG_LEVEL": "verbose", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "labeliq.cli", "schema"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "LABELIQ_LOG_LEVEL: " in done.stderr
    assert done.stdout == ""
