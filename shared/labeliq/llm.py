"""The LLM client: one structured-output call, with a timeout, bounded retries and a cache.

Why each piece:
- a timeout on every call (HttpOptions.timeout) so a hung model never holds a workflow branch;
- at most two retries, on 429 and 5xx only: a 4xx other than 429 is our mistake and retrying it wastes money;
- a response schema (pydantic) so an answer is parsed and validated, never scraped from prose;
- a cache keyed by sha256(model + system + prompt + schema JSON) so a retried workflow step costs nothing.
google.genai is imported lazily (about 1.1 s here), only when a real call is about to be made.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import BaseModel, Field, SecretStr, ValidationError, model_validator

from labeliq.config import EnvConfigDict, EnvSettings
from labeliq.models import LlmUsage

if TYPE_CHECKING:
    from google import genai

T = TypeVar("T", bound=BaseModel)

RETRYABLE_STATUS: frozenset[int] = frozenset({429, 500, 502, 503, 504})
MAX_RETRIES = 2


class LlmSettings(EnvSettings):
    """LABELIQ_LLM_* variables; meant to be folded into labeliq.config.Settings by the lead."""

    model_config = EnvConfigDict(env_prefix="LABELIQ_LLM_", extra="ignore", frozen=True)

    enabled: bool = False  # offline by default: every question becomes needs_review
    model: str = "gemini-2.5-flash"
    api_key: SecretStr | None = None  # Gemini Developer API; or use Vertex AI with project/location
    api_key_env: str | None = None  # or the name of a variable holding the key (e.g. a mounted secret)
    project: str | None = None
    location: str = "us-central1"
    timeout_s: float = Field(default=30.0, gt=0, le=300)
    max_retries: int = Field(default=MAX_RETRIES, ge=0, le=MAX_RETRIES)
    retry_backoff_s: float = Field(default=1.0, ge=0, le=30)
    base_url: str | None = None  # an endpoint override (a proxy, or a local fake in tests)
    cache_dir: Path | None = None  # file-backed cache when set; in-memory otherwise

    @model_validator(mode="after")
    def _credentials_when_enabled(self) -> LlmSettings:
        if self.enabled and self.resolved_api_key() is None and not self.project:
            raise ValueError(
                "LABELIQ_LLM_ENABLED is true but neither LABELIQ_LLM_API_KEY (or the variable named by "
                "LABELIQ_LLM_API_KEY_ENV) nor LABELIQ_LLM_PROJECT is set"
            )
        return self

    def resolved_api_key(self) -> str | None:
        if self.api_key is not None:
            return self.api_key.get_secret_value()
        if self.api_key_env:
            return os.environ.get(self.api_key_env) or None
        return None


class LlmError(RuntimeError):
    """The model could not give a usable answer (timeout, HTTP error after retries, invalid JSON)."""

    def __init__(self, message: str, usage: LlmUsage | None = None) -> None:
        super().__init__(message)
        self.usage = usage or LlmUsage()  # what the failed attempts still cost


# ---------------------------------------------------------------------------------------------
# Cache
# ---------------------------------------------------------------------------------------------


class LlmCache(Protocol):
    """Where answers are kept between calls; a Firestore-backed one implements the same two methods."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...


class MemoryCache:
    def __init__(self) -> None:
        self._store: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self._store.get(key)

    def put(self, key: str, value: str) -> None:
        self._store[key] = value

    def __len__(self) -> int:
        return len(self._store)


class FileCache:
    """One file per key under a directory; written to a temporary name then renamed, so a reader never sees half."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not key or any(c not in "0123456789abcdef" for c in key):
            raise ValueError("cache keys are sha256 hex digests")
        return self.directory / f"{key}.json"

    def get(self, key: str) -> str | None:
        path = self._path(key)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def put(self, key: str, value: str) -> None:
        path = self._path(key)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(value, encoding="utf-8")
        tmp.replace(path)


def schema_json(schema: type[BaseModel]) -> str:
    return json.dumps(schema.model_json_schema(), sort_keys=True, separators=(",", ":"))


def cache_key(model: str, system: str, prompt: str, schema: type[BaseModel]) -> str:
    """sha256 over the model, the whole prompt (system instruction and user text) and the schema."""
    payload = json.dumps(
        {"model": model, "system": system, "prompt": prompt, "schema": schema_json(schema)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def make_cache(settings: LlmSettings) -> LlmCache:
    return FileCache(settings.cache_dir) if settings.cache_dir else MemoryCache()


# ---------------------------------------------------------------------------------------------
# Client
# ---------------------------------------------------------------------------------------------


def _status_of(exc: BaseException) -> int | None:
    code = getattr(exc, "code", None)
    return code if isinstance(code, int) else None


class LlmClient:
    """A thin, typed wrapper around google.genai's generate_content with the policy above."""

    def __init__(
        self,
        settings: LlmSettings,
        cache: LlmCache | None = None,
        *,
        genai_client: genai.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.cache: LlmCache = cache if cache is not None else make_cache(settings)
        self._client = genai_client
        self._sleep = sleep  # injected so tests do not wait; this code is synchronous, never async

    @property
    def model(self) -> str:
        return self.settings.model

    def _genai(self) -> genai.Client:
        if self._client is None:
            from google import genai
            from google.genai import types

            options = types.HttpOptions(
                timeout=int(self.settings.timeout_s * 1000),  # milliseconds
                base_url=self.settings.base_url,
                retry_options=None,  # the SDK must not retry on its own: this class owns the retry policy
            )
            api_key = self.settings.resolved_api_key()
            if api_key is not None:
                self._client = genai.Client(api_key=api_key, http_options=options)
            else:
                self._client = genai.Client(
                    vertexai=True,
                    project=self.settings.project,
                    location=self.settings.location,
                    http_options=options,
                )
        return self._client

    def _config(self, system: str, schema: type[BaseModel]) -> Any:
        from google.genai import types

        return types.GenerateContentConfig(
            system_instruction=system,
            response_mime_type="application/json",
            response_schema=schema,
            temperature=0.0,
            http_options=types.HttpOptions(timeout=int(self.settings.timeout_s * 1000), retry_options=None),
        )

    def generate(self, system: str, prompt: str, schema: type[T]) -> tuple[T, LlmUsage]:
        """One answer validated against `schema`, from the cache when this exact question was asked before."""
        key = cache_key(self.model, system, prompt, schema)
        cached = self.cache.get(key)
        if cached is not None:
            try:
                return schema.model_validate_json(cached), LlmUsage(cached_calls=1)
            except ValidationError:
                pass  # a stale entry from an older schema: ask again and overwrite it
        usage = LlmUsage()
        try:
            response = self._call_with_retries(system, prompt, schema, usage)
        except LlmError as exc:
            exc.usage = usage
            raise
        meta = getattr(response, "usage_metadata", None)
        usage.prompt_tokens += int(getattr(meta, "prompt_token_count", 0) or 0)
        usage.output_tokens += int(getattr(meta, "candidates_token_count", 0) or 0)
        text = getattr(response, "text", None) or ""
        try:
            answer = schema.model_validate_json(text)
        except ValidationError as exc:
            raise LlmError(f"the model's answer does not match the schema: {exc.errors()[:2]}", usage) from exc
        self.cache.put(key, text)
        return answer, usage

    def _call_with_retries(self, system: str, prompt: str, schema: type[BaseModel], usage: LlmUsage) -> Any:
        from google.genai import errors

        client = self._genai()
        config = self._config(system, schema)
        attempts = 1 + min(self.settings.max_retries, MAX_RETRIES)
        for attempt in range(attempts):
            usage.calls += 1
            try:
                return client.models.generate_content(model=self.model, contents=prompt, config=config)
            except errors.APIError as exc:
                status = _status_of(exc)
                if status in RETRYABLE_STATUS and attempt + 1 < attempts:
                    self._sleep(self.settings.retry_backoff_s * (2**attempt))
                    continue
                raise LlmError(f"LLM call failed with HTTP {status}: {exc.message or exc}") from exc
            except timeout_errors() as exc:  # not retried: the time budget is already spent
                raise LlmError(f"LLM call timed out after {self.settings.timeout_s:g} s") from exc
        raise LlmError("LLM call failed after retries")  # unreachable: the loop returns or raises


def timeout_errors() -> tuple[type[BaseException], ...]:
    """Timeout exceptions of whichever HTTP library the installed google-genai uses (httpx or httpx2)."""
    found: list[type[BaseException]] = [TimeoutError]
    for name in ("httpx", "httpx2"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        found.append(module.TimeoutException)
    return tuple(found)


def client_from_env(cache: LlmCache | None = None) -> LlmClient | None:
    """The configured client, or None when the LLM is disabled (the offline default)."""
    settings = LlmSettings()
    return LlmClient(settings, cache) if settings.enabled else None
