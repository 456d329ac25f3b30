"""Settings from LABELIQ_* environment variables, validated once at start.

A typo in a variable must stop the process with a message naming the variable, not surface an hour
later as a wrong default. No setting can switch authentication off: there is deliberately no field for it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "LABELIQ_"

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
OcrEngine = Literal["rapidocr", "documentai"]


class ConfigError(ValueError):
    """A setting is invalid; the message names each bad variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True, case_sensitive=False)

    log_level: LogLevel = "INFO"

    # Input limits: a panel is a page of text, so anything far larger is a wrong file, not a label.
    max_panels: int = Field(default=24, ge=1, le=200)
    max_text_panel_bytes: int = Field(default=1_000_000, ge=1)
    # Output limits: evidence is quoted label text; past this length the DOCX table becomes unreadable.
    max_evidence_chars: int = Field(default=600, ge=40)

    # Cloud placeholders (the serverless stack extends these).
    project_id: str | None = None
    input_bucket: str | None = None
    output_bucket: str | None = None

    # Image extraction (issue 5).
    ocr_engine: OcrEngine = "rapidocr"
    documentai_processor: str | None = None  # projects/<p>/locations/<l>/processors/<id>, for ocr_engine=documentai
    max_image_bytes: int = Field(default=20_000_000, ge=1)
    max_image_pixels: int = Field(default=40_000_000, ge=1)
    # Pixels of one file (all pages of a PDF) and of one job (all its photos), counted from headers before any
    # decoding: at 3 bytes a pixel, 80 M is 240 MB of decoded RGB, 120 M is 360 MB, well inside extract's 2 GiB.
    max_file_pixels: int = Field(default=80_000_000, ge=1)
    max_job_pixels: int = Field(default=120_000_000, ge=1)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


def describe_errors(error: ValidationError) -> str:
    """One line per bad variable, named as the user typed it (LABELIQ_LOG_LEVEL, not log_level)."""
    lines = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "settings"
        lines.append(f"{ENV_PREFIX}{field.upper()}: {item['msg']}")
    return "; ".join(lines)


def load_settings() -> Settings:
    """Read and validate the environment; raise ConfigError naming every bad variable."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(describe_errors(exc)) from None
