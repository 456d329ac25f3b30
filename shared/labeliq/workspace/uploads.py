"""An upload's panels and context, validated before anything is stored: content sniffed, never trusted by name.

Every problem answers with the file's name and what is wrong: 413 for a file over its size limit, 422 for content
that is not what its name says, an image that is corrupt or over the pixel limit, an unknown context key, and 400
for a request that is not a job upload at all (no panel, two panels with one name). The dedup key is a hash of the
panels' names and content with the context, so the same label sent twice is recognised whatever the upload's order.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pydantic import ValidationError

from labeliq.config import Settings
from labeliq.models import ProductContext
from labeliq.workspace.errors import ApiError

TEXT_SUFFIXES = (".txt",)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".pdf")
SUFFIX_FORMATS = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".webp": "webp",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".pdf": "pdf",
}
RESERVED_NAMES = frozenset({"job.json", "facts.json"})
MAX_CONTEXT_BYTES = 16_000


@dataclass(frozen=True)
class UploadedPanel:
    name: str  # the file name as stored: incoming/{job_id}/{name}
    data: bytes
    content_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _bad(status: int, code: str, detail: str) -> ApiError:
    return ApiError(status, code, detail)


def _safe_name(raw: str | None) -> str:
    name = PurePosixPath((raw or "").replace("\\", "/")).name
    if not name or name.startswith(".") or name in RESERVED_NAMES or len(name) > 120:
        raise _bad(400, "bad_panel_name", f"panel file name {raw!r} is not usable (a plain name such as front.jpg)")
    return name


def _check_text(name: str, data: bytes, settings: Settings) -> str:
    if len(data) > settings.max_text_panel_bytes:
        raise _bad(
            413,
            "panel_too_large",
            f"{name}: {len(data):,} bytes; a text panel may be at most {settings.max_text_panel_bytes:,}",
        )
    from labeliq.extraction.image_intake import sniff_format

    if sniff_format(data) is not None:
        raise _bad(422, "content_mismatch", f"{name}: named as text but the content is an image or PDF")
    if b"\x00" in data:
        raise _bad(422, "bad_text_panel", f"{name}: contains NUL bytes; a .txt panel must be plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _bad(422, "bad_text_panel", f"{name}: not UTF-8 text (byte {exc.start} is invalid)") from None
    if not text.strip():
        raise _bad(422, "empty_panel", f"{name}: the file is empty")
    return "text/plain; charset=utf-8"


def _check_image(name: str, data: bytes, settings: Settings) -> str:
    from labeliq.extraction.image_intake import ImageLimits, ImageRejected, load_panel_images, sniff_format

    if len(data) > settings.max_image_bytes:
        raise _bad(
            413, "panel_too_large", f"{name}: {len(data):,} bytes; an image may be at most {settings.max_image_bytes:,}"
        )
    expected = SUFFIX_FORMATS[PurePosixPath(name).suffix.lower()]
    found = sniff_format(data)
    if found is None:
        raise _bad(422, "content_mismatch", f"{name}: the content is not a JPEG, PNG, WebP, TIFF or PDF file")
    if found != expected:
        raise _bad(422, "content_mismatch", f"{name}: named as {expected} but the content is {found}")
    try:
        load_panel_images(
            name, data, ImageLimits(max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels)
        )
    except ImageRejected as exc:
        raise _bad(422, "bad_image", f"{name}: {exc.reason}") from None
    return "application/pdf" if found == "pdf" else f"image/{found}"


def validate_panels(files: list[tuple[str | None, bytes]], settings: Settings) -> list[UploadedPanel]:
    """Every panel checked (count, names, size, content) before any is stored."""
    if not files:
        raise _bad(400, "no_panels", "the upload has no panel: send one multipart part named 'panels' per file")
    if len(files) > settings.max_panels:
        raise _bad(413, "too_many_panels", f"{len(files)} panels; at most {settings.max_panels} are accepted")
    panels: list[UploadedPanel] = []
    stems: dict[str, str] = {}
    for raw_name, data in files:
        name = _safe_name(raw_name)
        suffix = PurePosixPath(name).suffix.lower()
        stem = PurePosixPath(name).stem.casefold()
        if stem in stems:
            raise _bad(
                400,
                "duplicate_panel",
                f"{name}: the panel name {PurePosixPath(name).stem!r} is already "
                f"used by {stems[stem]}; each panel needs its own name",
            )
        stems[stem] = name
        if not data:
            raise _bad(422, "empty_panel", f"{name}: the file is empty")
        if suffix in TEXT_SUFFIXES:
            content_type = _check_text(name, data, settings)
        elif suffix in IMAGE_SUFFIXES:
            content_type = _check_image(name, data, settings)
        else:
            allowed = " ".join(TEXT_SUFFIXES + IMAGE_SUFFIXES)
            raise _bad(422, "unsupported_panel", f"{name}: unsupported type {suffix or '(none)'}; expected {allowed}")
        panels.append(UploadedPanel(name=name, data=data, content_type=content_type))
    return panels


def parse_context(raw: str | None) -> ProductContext:
    """The `context` part: the JSON of `labeliq check --context`; an unknown or bad key is named."""
    if raw is None or not raw.strip():
        return ProductContext()
    if len(raw.encode()) > MAX_CONTEXT_BYTES:
        raise _bad(413, "context_too_large", f"context: {len(raw.encode()):,} bytes; at most {MAX_CONTEXT_BYTES:,}")
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _bad(422, "bad_context", f"context: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise _bad(422, "bad_context", "context: must be a JSON object")
    try:
        return ProductContext.model_validate(data)
    except ValidationError as exc:
        parts = []
        for item in exc.errors():
            where = ".".join(str(p) for p in item["loc"]) or "context"
            msg = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
            parts.append(f"{where}: {msg}")
        raise _bad(422, "bad_context", "context: " + "; ".join(parts)) from None


def dedup_key(project_id: str, panels: list[UploadedPanel], context: ProductContext, mode: str = "standard") -> str:
    """One key per (project, panels by name and content hash, context, mode): the same label sent twice shares it;
    the same label sent for a check and for a relabel does not."""
    payload: dict[str, object] = {
        "project": project_id,
        "panels": sorted([p.name, p.sha256] for p in panels),
        "context": context.model_dump(mode="json", exclude_none=True),
    }
    if mode != "standard":  # only then: the keys of standard uploads stay what they were
        payload["mode"] = mode
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
