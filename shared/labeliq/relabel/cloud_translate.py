"""Cloud Translation (google-cloud-translate v3) behind the relabel Translator interface.

The same policy as the LLM client: a timeout on every call, at most two retries and only on 429 / 5xx, and a cache
keyed by sha256 of everything that decides the answer, so a retried job spends nothing. The regulated vocabulary
is asked of our own glossary first, and the Cloud glossary built from the same data (`glossary_csv`) is passed
on every call, so a regulated word comes out the same whatever the engine. Cloud Translation says nothing about
its certainty: a term it returns unchanged is left untranslated and flagged, and every term it translates is
machine-made, proposed for a person like the rest of the sticker.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from labeliq.llm import LlmCache, MemoryCache
from labeliq.models import LlmUsage
from labeliq.relabel.translate import GlossaryTranslator, Translation, glossary_key
from labeliq.relabel.vocabulary import glossary

logger = logging.getLogger(__name__)

MAX_RETRIES = 2
TARGETS = ("en", "fr")


class CloudTranslateSettings(BaseSettings):
    """LABELIQ_TRANSLATE_* variables, read when LABELIQ_TRANSLATOR=cloud."""

    model_config = SettingsConfigDict(env_prefix="LABELIQ_TRANSLATE_", extra="ignore", frozen=True)

    project: str = Field(min_length=1)
    location: str = "us-central1"  # glossaries are regional
    glossary: str | None = None  # the id of a glossary made from glossary_csv(); None: none passed
    timeout_s: float = Field(default=30.0, gt=0, le=300)
    max_retries: int = Field(default=MAX_RETRIES, ge=0, le=MAX_RETRIES)
    retry_backoff_s: float = Field(default=1.0, ge=0, le=30)
    endpoint: str | None = None  # "127.0.0.1:PORT" for a local fake (plain HTTP); None: the Google endpoint


def glossary_csv(language: str) -> str:
    """The Cloud Translation equivalent-terms glossary (CSV: language codes header, then one row per term) for
    one source language, from the merged glossary (relabel_glossary*.json); create it with `gcloud` / the API
    from a GCS copy."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([language, "en", "fr"])
    entries: dict[str, dict[str, str | None]] = glossary()["terms"].get(language, {})
    for term, entry in sorted(entries.items()):
        if entry.get("en") and entry.get("fr") and not entry.get("status"):
            writer.writerow([term, entry["en"], entry["fr"]])
    return out.getvalue()


def _client(settings: CloudTranslateSettings) -> Any:
    from google.cloud import translate_v3

    if settings.endpoint is None:
        return translate_v3.TranslationServiceClient(transport="rest")
    from google.auth.credentials import AnonymousCredentials
    from google.cloud.translate_v3.services.translation_service.transports.rest import (
        TranslationServiceRestTransport,
    )

    anonymous = AnonymousCredentials()  # type: ignore[no-untyped-call]  # a local fake needs no credentials
    transport = TranslationServiceRestTransport(host=settings.endpoint, credentials=anonymous, url_scheme="http")
    return translate_v3.TranslationServiceClient(transport=transport)


class CloudTranslator:
    """Glossary first; the rest through Cloud Translation, one call per target language."""

    def __init__(
        self,
        settings: CloudTranslateSettings,
        cache: LlmCache | None = None,
        *,
        client: Any = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.cache: LlmCache = cache if cache is not None else MemoryCache()
        self._client = client
        self._sleep = sleep  # synchronous code; injected so tests do not wait
        self.glossary = GlossaryTranslator()
        self.usage = LlmUsage()
        self.errors: list[str] = []

    @property
    def name(self) -> str:
        return "cloud-translation"

    def translate(self, terms: Sequence[str], language: str) -> list[Translation]:
        known = {term: self.glossary.lookup(term, language) for term in terms}
        missing = sorted({t for t, found in known.items() if not found.translated and not found.status})
        if missing:
            known.update(self._ask(missing, language))
        return [known[term] for term in terms]

    def _ask(self, terms: list[str], language: str) -> dict[str, Translation]:
        answers: dict[str, dict[str, str]] = {term: {} for term in terms}
        for target in TARGETS:
            try:
                texts = self._cached(terms, language, target)
            except CloudTranslateError as exc:
                logger.warning("Cloud Translation failed; %d term(s) stay untranslated: %s", len(terms), exc)
                self.errors.append(str(exc))
                return {}
            for term, text in zip(terms, texts, strict=True):
                answers[term][target] = text
        out: dict[str, Translation] = {}
        for term, by_target in answers.items():
            en, fr = by_target.get("en", "").strip(), by_target.get("fr", "").strip()
            unchanged = glossary_key(en) == glossary_key(term) and language != "en"
            if en and fr and not unchanged:
                out[term] = Translation(source=term, en=en, fr=fr, via="cloud")
        return out

    def _key(self, terms: list[str], language: str, target: str) -> str:
        payload = json.dumps(
            {"engine": "cloud-translation-v3", "glossary": self.settings.glossary, "from": language, "to": target,
             "terms": terms},
            sort_keys=True,
            ensure_ascii=False,
        )  # fmt: skip
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _cached(self, terms: list[str], language: str, target: str) -> list[str]:
        key = self._key(terms, language, target)
        hit = self.cache.get(key)
        if hit is not None:
            texts: list[str] = json.loads(hit)
            if len(texts) == len(terms):
                self.usage = self.usage.model_copy(update={"cached_calls": self.usage.cached_calls + 1})
                return texts
        texts = self._call(terms, language, target)
        self.cache.put(key, json.dumps(texts, ensure_ascii=False))
        return texts

    def _call(self, terms: list[str], language: str, target: str) -> list[str]:
        import requests
        from google.api_core import exceptions

        client = self._client or _client(self.settings)
        self._client = client
        parent = f"projects/{self.settings.project}/locations/{self.settings.location}"
        request: dict[str, Any] = {
            "parent": parent,
            "contents": terms,
            "source_language_code": language,
            "target_language_code": target,
            "mime_type": "text/plain",
        }
        if self.settings.glossary:
            request["glossary_config"] = {"glossary": f"{parent}/glossaries/{self.settings.glossary}"}
        attempts = 1 + min(self.settings.max_retries, MAX_RETRIES)
        for attempt in range(attempts):
            self.usage = self.usage.model_copy(update={"calls": self.usage.calls + 1})
            try:
                response = client.translate_text(request=request, timeout=self.settings.timeout_s, retry=None)
            except (exceptions.TooManyRequests, exceptions.ServerError) as exc:
                if attempt + 1 < attempts:
                    self._sleep(self.settings.retry_backoff_s * (2**attempt))
                    continue
                raise CloudTranslateError(f"Cloud Translation failed after {attempts} attempts: {exc}") from exc
            except exceptions.GoogleAPICallError as exc:
                raise CloudTranslateError(f"Cloud Translation refused the request: {exc}") from exc
            except (TimeoutError, requests.exceptions.Timeout) as exc:
                raise CloudTranslateError(f"Cloud Translation timed out after {self.settings.timeout_s:g} s") from exc
            chosen = response.glossary_translations or response.translations
            return [item.translated_text for item in chosen]
        raise CloudTranslateError("Cloud Translation failed after retries")  # unreachable


class CloudTranslateError(RuntimeError):
    """Cloud Translation gave no usable answer (refused, timed out, or failing after the retries)."""
