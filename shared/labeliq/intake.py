"""Panel intake, written once for the CLI and the cloud: which files are panels, what they may be named, how big
they may be, what a text panel must be, and how a JSON context or manifest is read.

Both front doors ask the same questions in the same order, so a label `labeliq check` refuses is refused by
`labeliq submit` before it is uploaded and by the extract function after it is. A refusal is one IntakeError whose
message names the file and the problem; the CLI answers it with exit 2, a function with a permanent failure (its
`code` becomes the error code). Sizes are checked before anything is read (a stat, object metadata), and reads are
capped, so a 2 GB upload is refused without being held in memory.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from labeliq.models import Panel, ProductContext

if TYPE_CHECKING:
    from labeliq.config import Settings
    from labeliq.extraction.images import PhotoPanel

PanelKind = Literal["text", "image"]

TEXT_SUFFIXES: tuple[str, ...] = (".txt",)
IMAGE_SUFFIXES: tuple[str, ...] = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".pdf")
IMAGE_TYPES = "JPEG, PNG, WebP, TIFF or PDF"
MANIFEST_NAME = "job.json"
# A context or a manifest is a flat object with a few small values; deeper nesting is an attack, not a label.
MAX_JSON_DEPTH = 16
MAX_CONTEXT_BYTES = 64_000

# Letters that draw nothing (Hangul fillers, the Braille blank): a name made of them looks empty or like another.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Control, format (bidi overrides such as U+202E, zero-width characters, soft hyphen), line and paragraph
# separators, surrogates, private-use and unassigned code points.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


class IntakeError(ValueError):
    """A panel, context or manifest that cannot be taken in; the message names the file and the problem."""

    def __init__(self, message: str, code: str = "bad_panel") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class IntakeLimits:
    max_panels: int = 24
    max_text_panel_bytes: int = 1_000_000
    max_image_bytes: int = 20_000_000
    max_image_pixels: int = 40_000_000
    max_file_pixels: int = 80_000_000  # all pages of one file, from their headers before any is decoded
    max_job_pixels: int = 120_000_000  # all photos of one job, the same way

    @classmethod
    def from_settings(cls, settings: Settings) -> IntakeLimits:
        return cls(
            max_panels=settings.max_panels,
            max_text_panel_bytes=settings.max_text_panel_bytes,
            max_image_bytes=settings.max_image_bytes,
            max_image_pixels=settings.max_image_pixels,
            max_file_pixels=settings.max_file_pixels,
            max_job_pixels=settings.max_job_pixels,
        )

    def max_bytes(self, kind: PanelKind) -> int:
        return self.max_text_panel_bytes if kind == "text" else self.max_image_bytes


# -- names ---------------------------------------------------------------------------------------------------


def panel_kind(name: str) -> PanelKind:
    """Text or image, from the name's suffix; the bytes of an image are checked again when it is decoded."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    allowed = " ".join(TEXT_SUFFIXES + IMAGE_SUFFIXES)
    raise IntakeError(f"{name}: unsupported file type '{suffix or '(none)'}'; expected one of {allowed}")


def _refused_character(name: str) -> str | None:
    for char in name:
        if char in _INVISIBLE_LETTERS or unicodedata.category(char) in _REFUSED_CATEGORIES:
            return f"U+{ord(char):04X}"
    return None


def check_panel_name(name: str) -> str:
    """A plain file name: no folder, no hidden file, not the manifest, nothing invisible or direction-changing."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise IntakeError(f"panel name {name!r} is not a plain file name", code="invalid_manifest")
    if name == MANIFEST_NAME:
        raise IntakeError(f"{MANIFEST_NAME} is the manifest's own name, not a panel", code="invalid_manifest")
    refused = _refused_character(name)
    if refused is not None:
        raise IntakeError(
            f"panel name {name!r} contains the invisible or control character {refused}; "
            "a panel name must show what it is (the report prints it)",
            code="invalid_manifest",
        )
    return name


def panel_key(stem: str) -> str:
    """Two panel names are the same panel when they differ only in case (Front and front)."""
    return unicodedata.normalize("NFC", stem).casefold()


def check_unique(names: Iterable[str], *, are_stems: bool = False) -> None:
    """Each panel needs its own name, compared without case: `Front.txt` and `front.txt` are one panel name.

    `names` are file names or paths (their stems are compared), or with are_stems the panel names themselves.
    """
    seen: dict[str, str] = {}
    for name in names:
        stem = name if are_stems else PurePosixPath(name).stem
        key = panel_key(stem)
        if key in seen:
            raise IntakeError(
                f"{name}: panel name '{stem}' is also given by {seen[key]}, so it is already used (names are "
                "compared without case); each panel needs its own name",
                code="invalid_manifest",
            )
        seen[key] = name


def check_panel_names(names: list[str], limits: IntakeLimits) -> list[PanelKind]:
    """A manifest's or a command line's panel names, checked together; returns each one's kind."""
    if not names:
        raise IntakeError("no panels given", code="invalid_manifest")
    if len(names) > limits.max_panels:
        raise IntakeError(
            f"{len(names)} panels given; at most {limits.max_panels} are accepted", code="invalid_manifest"
        )
    kinds = []
    for name in names:
        check_panel_name(name)
        kinds.append(panel_kind(name))
    check_unique(names)
    return kinds


# -- sizes and reads -----------------------------------------------------------------------------------------


def check_size(name: str, kind: PanelKind, size: int, limits: IntakeLimits) -> None:
    """Before reading: an empty panel or one over its limit is refused from its size alone."""
    if size == 0:
        raise IntakeError(f"{name}: is empty")
    limit = limits.max_bytes(kind)
    if size > limit:
        what = "a text panel" if kind == "text" else "an image panel"
        raise IntakeError(f"{name}: the file is {size:,} bytes; the limit is {limit:,} bytes for {what}")


def read_capped(stream: IO[bytes], name: str, limit: int) -> bytes:
    """At most limit bytes; a stream that holds more (it grew since it was measured) is refused, not read whole."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise IntakeError(f"{name}: the file is larger than the limit of {limit:,} bytes")
    return data


# -- panels --------------------------------------------------------------------------------------------------


def panel_roles(stem: str) -> dict[str, bool]:
    """`front*` is the principal display panel, `bottom*` the bottom (the same rule for text and photos)."""
    lowered = stem.lower()
    return {"is_principal_display": lowered.startswith("front"), "is_bottom": lowered.startswith("bottom")}


def make_panel(stem: str, text: str) -> Panel:
    """A text panel named by its file stem."""
    return Panel(name=stem, text=text, **panel_roles(stem))


def text_panel(name: str, data: bytes) -> Panel:
    """A .txt panel: UTF-8 (a BOM is dropped), no NUL bytes, not blank."""
    if b"\x00" in data:
        raise IntakeError(f"{name}: contains NUL bytes; a .txt panel must be plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IntakeError(f"{name}: is not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise IntakeError(f"{name}: is empty")
    return make_panel(PurePosixPath(name).stem, text)


def image_limits_of(intake: Any, limits: IntakeLimits) -> Any:
    """labeliq.extraction.image_intake.ImageLimits from these limits (the module is imported only for photos)."""
    return intake.ImageLimits(
        max_bytes=limits.max_image_bytes, max_pixels=limits.max_image_pixels, max_file_pixels=limits.max_file_pixels
    )


def check_job_pixels(images: dict[str, bytes], limits: IntakeLimits) -> None:
    """All of a job's photos together within max_job_pixels, counted from their headers before any is decoded."""
    if not images:
        return
    try:
        intake = import_module("labeliq.extraction.image_intake")
    except ModuleNotFoundError:
        return  # image_photos refuses them with the reason
    total = 0
    for name, data in images.items():
        try:
            total += intake.panel_pixels(name, data, image_limits_of(intake, limits))
        except intake.ImageRejected as exc:
            raise IntakeError(f"{name}: {exc.reason}", code="bad_image") from None
    if total > limits.max_job_pixels:
        raise IntakeError(
            f"the photos decode to {total:,} pixels in all; the limit for one label is {limits.max_job_pixels:,} "
            "(LABELIQ_MAX_JOB_PIXELS)",
            code="bad_image",
        )


def image_photos(name: str, data: bytes, limits: IntakeLimits, where: str | None = None) -> list[PhotoPanel]:
    """The photo panels of one image file (a PDF may give several), each with the OCR boxes behind its lines.

    `name` is the file name the panels keep (their image_uri); `where` is how messages name it (the CLI's path).
    """
    where = where or name
    try:
        images = import_module("labeliq.extraction.images")
        intake = import_module("labeliq.extraction.image_intake")
    except ModuleNotFoundError as exc:
        raise _missing_ocr(where, exc) from None
    image_limits = image_limits_of(intake, limits)
    try:
        photos: list[PhotoPanel] = images.read_photo_panels(name, data, limits=image_limits)
    except ModuleNotFoundError as exc:
        raise _missing_ocr(where, exc) from None
    except intake.ImageRejected as exc:
        raise IntakeError(f"{where}: {exc.reason}", code="bad_image") from None
    except (ValueError, OSError) as exc:  # what the decoders raise for a file they cannot read
        raise IntakeError(f"{where}: {exc}", code="bad_image") from None
    return photos


def check_image(name: str, data: bytes, limits: IntakeLimits, where: str | None = None) -> None:
    """What image intake refuses (content not an image, over the pixel limit, truncated), without OCR.

    `labeliq submit` asks this before uploading, so what `labeliq check` refuses is refused there too; where
    the image decoders are not installed, the extract function checks it instead.
    """
    try:
        intake = import_module("labeliq.extraction.image_intake")
    except ModuleNotFoundError:
        return
    image_limits = image_limits_of(intake, limits)
    try:
        intake.load_panel_images(name, data, image_limits)
    except intake.ImageRejected as exc:
        raise IntakeError(f"{where or name}: {exc.reason}", code="bad_image") from None


def _missing_ocr(name: str, exc: ModuleNotFoundError) -> IntakeError:
    if exc.name in ("labeliq.extraction.images", "labeliq.extraction.image_intake"):
        return IntakeError(
            f"{name}: image panels are not supported by this installation (no image extraction); "
            "give the panel's text as a .txt file instead",
            code="image_extraction_unavailable",
        )
    return IntakeError(
        f"{name}: reading images needs the package '{exc.name}', which is not installed; "
        "install the OCR extra (pip install -e 'shared[ocr]') or give the panel's text as a .txt file",
        code="image_extraction_unavailable",
    )


# -- JSON (context files and manifests) ----------------------------------------------------------------------


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest, counted in one pass (brackets inside strings do not count)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def load_json_object(text: str, where: str, what: str, code: str = "invalid_context") -> dict[str, Any]:
    """A JSON object, refused (never a RecursionError) when it nests deeper than MAX_JSON_DEPTH."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise IntakeError(f"{where}: the {what} nests {depth} levels deep; the limit is {MAX_JSON_DEPTH}", code=code)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IntakeError(
            f"{where}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", code=code
        ) from None
    if not isinstance(data, dict):
        raise IntakeError(f"{where}: the {what} must be a JSON object, got {type(data).__name__}", code=code)
    return data


def context_problems(error: ValidationError) -> str:
    allowed = ", ".join(ProductContext.model_fields)
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"unknown key '{where}' (allowed: {allowed})")
        elif item["loc"] and item["loc"][0] == "date":
            problems.append(f"'{where}': {item['msg']} (expected YYYY-MM-DD)")
        else:
            problems.append(f"'{where}': {item['msg']}")
    return "; ".join(problems)


def parse_context(data: dict[str, Any], where: str) -> ProductContext:
    try:
        return ProductContext.model_validate(data)
    except ValidationError as exc:
        raise IntakeError(f"{where}: invalid context: {context_problems(exc)}", code="invalid_context") from None


def read_context_file(path: Path | None) -> ProductContext:
    """The product context from a JSON file (none: an empty context)."""
    if path is None:
        return ProductContext()
    if not path.exists():
        raise IntakeError(f"{path}: no such context file", code="invalid_context")
    if not path.is_file():
        raise IntakeError(f"{path}: is not a file; --context takes a JSON file", code="invalid_context")
    try:
        size = path.stat().st_size
        if size > MAX_CONTEXT_BYTES:
            raise IntakeError(
                f"{path}: the file is {size:,} bytes; the limit is {MAX_CONTEXT_BYTES:,} bytes for a context file",
                code="invalid_context",
            )
        with path.open("rb") as stream:
            raw = read_capped(stream, str(path), MAX_CONTEXT_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IntakeError(f"{path}: cannot read the context file: {exc}", code="invalid_context") from None
    return parse_context(load_json_object(raw, str(path), "context"), str(path))


# -- panel files on disk (the CLI) ---------------------------------------------------------------------------


def check_panel_file(path: Path) -> PanelKind:
    """A panel file given on the command line: there, a file, a panel type (in that order, so each message fits)."""
    if not path.exists():
        raise IntakeError(f"{path}: no such file")
    if path.is_dir():
        raise IntakeError(f"{path}: is a folder; give the panel files inside it (for example {path}/*.txt)")
    if not path.is_file():
        raise IntakeError(f"{path}: is not a regular file")
    refused = _refused_character(path.name)
    if refused is not None:
        raise IntakeError(f"{path}: the file name contains the invisible or control character {refused}")
    try:
        return panel_kind(path.name)
    except IntakeError as exc:
        raise IntakeError(f"{path}: {str(exc).split(': ', 1)[1]}") from None


def read_panel_file(path: Path, kind: PanelKind, limits: IntakeLimits) -> bytes:
    """The file's bytes, its size checked first and the read capped at the limit."""
    try:
        check_size(str(path), kind, path.stat().st_size, limits)
        with path.open("rb") as stream:
            return read_capped(stream, str(path), limits.max_bytes(kind))
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read: {exc.strerror or exc}") from None


def check_panel_files(paths: list[Path], limits: IntakeLimits) -> list[PanelKind]:
    """Everything about the given files that can be known without reading them (what `submit` checks first)."""
    if len(paths) > limits.max_panels:
        raise IntakeError(f"{len(paths)} panels given; at most {limits.max_panels} (LABELIQ_MAX_PANELS)")
    kinds = [check_panel_file(path) for path in paths]
    for path, kind in zip(paths, kinds, strict=True):
        check_size(str(path), kind, path.stat().st_size, limits)
    check_unique(str(path) for path in paths)
    return kinds
