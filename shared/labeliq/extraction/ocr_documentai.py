"""Document AI: the cloud engine, mapped onto the same OcrPage as RapidOCR so layout and parsing are shared.

The OCR processor returns one Document: the full text once, and per page blocks and lines whose layout
points into that text (text anchors), with a polygon in normalized coordinates (0..1 of the page), a
confidence and the languages detected. The image is sent as the upright, decoded PNG the intake produced, not
the upload: an upload's EXIF orientation would otherwise put Document AI's coordinates in another frame than
the one provenance reports. A custom extractor's entities (typed fields such as an ingredient list) are
mapped too, for callers that want them; the panel text stays the OCR text so one parser reads every engine.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image

from labeliq.extraction.ocr_result import OcrBlock, OcrLine, OcrPage, Point
from labeliq.models import BoundingBox, Language, union_box

if TYPE_CHECKING:
    from labeliq.config import Settings

DEFAULT_TIMEOUT_S = 60.0  # one label panel; the extract function's own timeout is 900 s for the whole job


class DocumentAiError(RuntimeError):
    """Document AI could not read the panel (configuration, quota, timeout); the message says which."""


def _language(code: str) -> Language:
    base = code.lower().split("-")[0]
    if base in ("en", "fr"):
        return "en" if base == "en" else "fr"
    return "other" if base else "unknown"


def _anchor_text(text: str, anchor: Any) -> tuple[str, list[tuple[int, int]]]:
    segments = [(int(s.start_index), int(s.end_index)) for s in anchor.text_segments]
    return "".join(text[start:end] for start, end in segments), segments


def _polygon(poly: Any, width: int, height: int) -> list[Point]:
    """Pixel vertices: normalized ones scaled to the image sent (the page's own dimension may differ)."""
    if poly.normalized_vertices:
        return [(float(v.x) * width, float(v.y) * height) for v in poly.normalized_vertices]
    return [(float(v.x), float(v.y)) for v in poly.vertices]


def _box(points: list[Point]) -> BoundingBox:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return BoundingBox(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys))


def _line(text: str, line: Any, width: int, height: int, page_language: Language) -> OcrLine | None:
    content, _ = _anchor_text(text, line.layout.text_anchor)
    content = " ".join(content.split())
    points = _polygon(line.layout.bounding_poly, width, height)
    if not content or not points:
        return None
    languages = sorted(line.detected_languages, key=lambda item: -float(item.confidence or 0.0))
    language = _language(languages[0].language_code) if languages else page_language
    polygon = (points[0], points[1], points[2], points[3]) if len(points) == 4 else None
    return OcrLine(
        text=content,
        bbox=_box(points),
        confidence=float(line.layout.confidence),
        language=language,
        polygon=polygon,
    )


def _inside(segments: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> bool:
    return bool(segments) and all(any(lo <= s and e <= hi for lo, hi in ranges) for s, e in segments)


def document_to_page(document: Any, panel: str, width: int, height: int, page_index: int = 0) -> OcrPage:
    """One page of a Document AI Document as an OcrPage in the pixels of the image that was sent."""
    text: str = document.text
    page = document.pages[page_index]
    page_languages = sorted(page.detected_languages, key=lambda item: -float(item.confidence or 0.0))
    page_language = _language(page_languages[0].language_code) if len(page_languages) == 1 else "unknown"
    lines = []
    for item in page.lines:
        line = _line(text, item, width, height, page_language)
        if line is not None:
            lines.append((line, _anchor_text(text, item.layout.text_anchor)[1]))
    blocks = []
    taken: set[int] = set()
    for block in page.blocks:
        _, ranges = _anchor_text(text, block.layout.text_anchor)
        members = [i for i, (_, segments) in enumerate(lines) if i not in taken and _inside(segments, ranges)]
        if members:
            taken.update(members)
            block_lines = [lines[i][0] for i in members]
            blocks.append(OcrBlock(lines=block_lines, bbox=union_box([line.bbox for line in block_lines])))
    for i, (line, _) in enumerate(lines):
        if i not in taken:  # a line outside every block still belongs on the page
            blocks.append(OcrBlock(lines=[line], bbox=line.bbox))
    return OcrPage(panel=panel, engine="documentai", width_px=width, height_px=height, blocks=blocks)


@dataclass(frozen=True)
class ExtractedEntity:
    """A custom extractor's typed field: what it is, the text, how sure, and where (when it says)."""

    type: str
    text: str
    confidence: float
    bbox: BoundingBox | None


def document_entities(document: Any, width: int, height: int) -> list[ExtractedEntity]:
    out = []
    for entity in document.entities:
        text = entity.mention_text or _anchor_text(document.text, entity.text_anchor)[0]
        boxes = [
            _box(points)
            for ref in entity.page_anchor.page_refs
            if (points := _polygon(ref.bounding_poly, width, height))
        ]
        out.append(
            ExtractedEntity(
                type=str(entity.type_),
                text=" ".join(text.split()),
                confidence=float(entity.confidence),
                bbox=union_box(boxes) if boxes else None,
            )
        )
    return out


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()


class DocumentAiEngine:
    """Reads a panel with a Document AI processor; the client is created on first use and reused."""

    name = "documentai"

    def __init__(self, processor: str, timeout_s: float = DEFAULT_TIMEOUT_S, client: Any = None) -> None:
        parts = processor.split("/")
        if len(parts) < 6 or parts[0] != "projects" or parts[2] != "locations" or parts[4] != "processors":
            raise ValueError(
                "Document AI processor must be projects/<project>/locations/<location>/processors/<id>, "
                f"got {processor!r}"
            )
        self.processor = processor
        self.location = parts[3]
        self.timeout_s = timeout_s
        self._client = client
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> DocumentAiEngine:
        if not settings.documentai_processor:
            raise ValueError("LABELIQ_OCR_ENGINE=documentai needs LABELIQ_DOCUMENTAI_PROCESSOR (the processor name)")
        return cls(settings.documentai_processor)

    def client(self) -> Any:
        with self._lock:
            if self._client is None:
                from google.api_core.client_options import ClientOptions
                from google.cloud import documentai

                endpoint = f"{self.location}-documentai.googleapis.com"
                self._client = documentai.DocumentProcessorServiceClient(
                    client_options=ClientOptions(api_endpoint=endpoint)
                )
            return self._client

    def process(self, image: Image.Image) -> Any:
        """The Document for one image; errors become DocumentAiError naming the processor."""
        from google.api_core import exceptions
        from google.cloud import documentai

        request = documentai.ProcessRequest(
            name=self.processor,
            raw_document=documentai.RawDocument(content=_png(image), mime_type="image/png"),
        )
        try:
            return self.client().process_document(request=request, timeout=self.timeout_s).document
        except exceptions.DeadlineExceeded as exc:
            raise DocumentAiError(f"Document AI did not answer within {self.timeout_s:g} s") from exc
        except exceptions.GoogleAPICallError as exc:
            raise DocumentAiError(f"Document AI refused the request ({self.processor}): {exc.message}") from exc

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        document = self.process(image)
        if not document.pages:
            return OcrPage(panel=panel, engine="documentai", width_px=image.width, height_px=image.height, blocks=[])
        return document_to_page(document, panel, image.width, image.height)
