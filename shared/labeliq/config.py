"""Settings from LABELIQ_* environment variables, validated once at start.

A typo in a variable must stop the process with a message naming the variable, not surface an hour
later as a wrong default. No setting can switch authentication off: there is deliberately no field for it.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

ENV_PREFIX = "LABELIQ_"

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
OcrEngine = Literal["rapidocr", "documentai"]


class ConfigError(ValueError):
    """A setting is invalid; the message names each bad variable."""


class EnvConfigDict(ConfigDict, total=False):
    env_prefix: str  # the variables a settings class reads: PREFIX + field name, in any case


class EnvSettings(BaseModel):
    """A pydantic model filled from environment variables: what pydantic-settings does for flat fields.

    pydantic-settings itself is not imported: it pulls in asyncio, email, ssl and more (about as long as importing
    pydantic and python-docx together), paid again by every `labeliq check` and every function's cold start.
    Values given as arguments win over the environment; a variable whose name is no field is ignored.
    """

    model_config = EnvConfigDict(extra="ignore", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, data: Any) -> Any:
        prefix = str(cls.model_config.get("env_prefix", "")).upper()
        names = {name.upper(): name for name in cls.model_fields}
        values = {
            names[key.upper()[len(prefix) :]]: value
            for key, value in os.environ.items()
            if key.upper().startswith(prefix) and key.upper()[len(prefix) :] in names
        }
        return {**values, **data} if isinstance(data, dict) else data


class Settings(EnvSettings):
    model_config = EnvConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

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
