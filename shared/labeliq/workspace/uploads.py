"""An upload's panels and context, validated before anything is stored: content sniffed, never trusted by name.

The rules are labeliq.intake's, the same for `labeliq check`, `labeliq submit` and the extract function; this
module only maps each refusal to the API's status and code.

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
from typing import IO

from labeliq.config import Settings
from labeliq.intake import (
    IMAGE_TYPES,
    MANIFEST_NAME,
    MAX_CONTEXT_BYTES,
    IntakeError,
    IntakeLimits,
    check_image,
    check_job_pixels,
    check_panel_name,
    check_size,
    check_unique,
    load_json_object,
    panel_kind,
    text_panel,
)
from labeliq.intake import parse_context as intake_parse_context
from labeliq.models import ProductContext
from labeliq.workspace.errors import ApiError

SUFFIX_FORMATS = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".webp": "webp",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".pdf": "pdf",
}
RESERVED_NAMES = frozenset({MANIFEST_NAME, "facts.json"})
MAX_NAME_CHARS = 120


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


def read_part(stream: IO[bytes], settings: Settings) -> bytes:
    """An uploaded part's bytes, read with a cap just over the largest panel allowed: a 2 GB part is never held
    whole; validate_panels then refuses what is over its kind's limit with the file's name."""
    return stream.read(max(settings.max_image_bytes, settings.max_text_panel_bytes) + 1)


def _safe_name(raw: str | None) -> str:
    """The browser's file name without any folder, then labeliq.intake's rule: a plain name, nothing invisible,
    control or direction-changing (the report prints it), not the manifest."""
    name = PurePosixPath((raw or "").replace("\\", "/")).name
    if not name or name in RESERVED_NAMES or len(name) > MAX_NAME_CHARS:
        raise _bad(400, "bad_panel_name", f"panel file name {raw!r} is not usable (a plain name such as front.jpg)")
    try:
        return check_panel_name(name)
    except IntakeError as exc:
        raise _bad(400, "bad_panel_name", str(exc)) from None


def _check_text(name: str, data: bytes) -> str:
    from labeliq.extraction.image_intake import sniff_format

    if sniff_format(data) is not None:
        raise _bad(422, "content_mismatch", f"{name}: named as text but the content is an image or PDF")
    try:
        text_panel(name, data)
    except IntakeError as exc:
        raise _bad(422, "bad_text_panel", str(exc)) from None
    return "text/plain; charset=utf-8"


def _check_image(name: str, data: bytes, limits: IntakeLimits) -> str:
    from labeliq.extraction.image_intake import sniff_format

    expected = SUFFIX_FORMATS[PurePosixPath(name).suffix.lower()]
    found = sniff_format(data)
    if found is None:
        raise _bad(422, "content_mismatch", f"{name}: the content is not a {IMAGE_TYPES} file")
    if found != expected:
        raise _bad(422, "content_mismatch", f"{name}: named as {expected} but the content is {found}")
    try:
        check_image(name, data, limits)
    except IntakeError as exc:
        raise _bad(422, "bad_image", str(exc)) from None
    return "application/pdf" if found == "pdf" else f"image/{found}"


def validate_panels(files: list[tuple[str | None, bytes]], settings: Settings) -> list[UploadedPanel]:
    """Every panel checked (count, names, sizes, content) before any is stored, by labeliq.intake's rules (those
    of `labeliq check` and the extract function), each refusal with the file's name."""
    if not files:
        raise _bad(400, "no_panels", "the upload has no panel: send one multipart part named 'panels' per file")
    limits = IntakeLimits.from_settings(settings)
    if len(files) > limits.max_panels:
        raise _bad(413, "too_many_panels", f"{len(files)} panels; at most {limits.max_panels} are accepted")
    names = [_safe_name(raw) for raw, _ in files]
    try:
        check_unique(names)
    except IntakeError as exc:
        raise _bad(400, "duplicate_panel", str(exc)) from None
    kinds = []
    for name, (_, data) in zip(names, files, strict=True):
        try:
            kind = panel_kind(name)
        except IntakeError as exc:
            raise _bad(422, "unsupported_panel", str(exc)) from None
        if not data:
            raise _bad(422, "empty_panel", f"{name}: the file is empty")
        try:
            check_size(name, kind, len(data), limits)
        except IntakeError as exc:
            detail = str(exc)
            if len(data) > max(limits.max_image_bytes, limits.max_text_panel_bytes):  # read_part stopped there
                detail = (
                    f"{name}: the file is larger than {len(data) - 1:,} bytes; the limit is {limits.max_bytes(kind):,}"
                )
            raise _bad(413, "panel_too_large", detail) from None
        kinds.append(kind)
    panels: list[UploadedPanel] = []
    for name, kind, (_, data) in zip(names, kinds, files, strict=True):
        content_type = _check_text(name, data) if kind == "text" else _check_image(name, data, limits)
        panels.append(UploadedPanel(name=name, data=data, content_type=content_type))
    images = {name: data for name, kind, (_, data) in zip(names, kinds, files, strict=True) if kind == "image"}
    try:
        check_job_pixels(images, limits)
    except IntakeError as exc:
        raise _bad(422, "bad_image", str(exc)) from None
    return panels


def parse_context(raw: str | None) -> ProductContext:
    """The `context` part: the JSON of `labeliq check --context`, read by labeliq.intake (its size and nesting
    limits, the keys named when unknown or bad)."""
    if raw is None or not raw.strip():
        return ProductContext()
    size = len(raw.encode())
    if size > MAX_CONTEXT_BYTES:
        raise _bad(413, "context_too_large", f"context: {size:,} bytes; at most {MAX_CONTEXT_BYTES:,}")
    try:
        return intake_parse_context(load_json_object(raw, "context", "context"), "context")
    except IntakeError as exc:
        raise _bad(422, "bad_context", str(exc)) from None


def dedup_key(
    project_id: str,
    panels: list[UploadedPanel],
    context: ProductContext,
    mode: str = "standard",
    report_language: str = "en",
) -> str:
    """One key per (project, panels by name and content hash, context, mode, report language): the same label sent
    twice shares it; the same label sent for a check and for a relabel (or for a French report) does not."""
    payload: dict[str, object] = {
        "project": project_id,
        "panels": sorted([p.name, p.sha256] for p in panels),
        "context": context.model_dump(mode="json", exclude_none=True),
    }
    if mode != "standard":  # only then: the keys of standard uploads stay what they were
        payload["mode"] = mode
    if report_language != "en":  # likewise
        payload["report_language"] = report_language
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
