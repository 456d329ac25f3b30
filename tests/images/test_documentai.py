"""The Document AI engine maps recorded OCR-processor answers onto the same OcrPage as the local engine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from google.api_core import exceptions
from google.cloud import documentai
from PIL import Image

from labeliq.config import Settings
from labeliq.extraction import images
from labeliq.extraction.layout import page_text
from labeliq.extraction.ocr_documentai import (
    DocumentAiEngine,
    DocumentAiError,
    document_entities,
    document_to_page,
)
from labeliq.extraction.text_parser import parse_label
from labeliq.models import Panel
from tests.bench.bench_extract import field_values, text_facts

RECORDINGS = Path(__file__).parent / "recordings"
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "granola-compliant"
PROCESSOR = "projects/demo-labeliq/locations/eu/processors/4f2a9c0d1e7b3a55"


def recorded(name: str) -> Any:
    return documentai.Document.from_json((RECORDINGS / name).read_text(encoding="utf-8"), ignore_unknown_fields=True)


def recorded_size(name: str) -> tuple[int, int]:
    dimension = json.loads((RECORDINGS / name).read_text(encoding="utf-8"))["pages"][0]["dimension"]
    return int(dimension["width"]), int(dimension["height"])


def test_lines_are_the_anchored_text_with_pixel_boxes_confidence_and_language() -> None:
    name = "granola-compliant-back.json"
    width, height = recorded_size(name)
    document = recorded(name)
    page = document_to_page(document, "back", width, height)
    raw = json.loads((RECORDINGS / name).read_text(encoding="utf-8"))["pages"][0]["lines"][0]["layout"]
    first = page.lines()[0]
    assert first.text == "Nutrition Facts"
    vertex = raw["boundingPoly"]["normalizedVertices"][0]
    assert first.polygon is not None
    assert first.polygon[0] == pytest.approx((vertex["x"] * width, vertex["y"] * height))
    assert first.confidence == pytest.approx(raw["confidence"])
    languages = {line.text: line.language for line in page.lines()}
    assert languages["Contient : Avoine, Blé, Amandes, Lait, Soya."] == "fr"
    assert languages["Contains: Oats, Wheat, Almonds, Milk, Soy."] == "en"
    assert len(page.lines()) == len(document.pages[0].lines)
    # lines are grouped into the blocks whose text anchors hold them
    assert len(page.blocks) == len(document.pages[0].blocks)


def test_a_line_outside_every_block_still_belongs_to_the_page() -> None:
    document = recorded("granola-compliant-front.json")
    del document.pages[0].blocks[:]
    page = document_to_page(document, "front", *recorded_size("granola-compliant-front.json"))
    assert [line.text for line in page.lines()][:2] == ["MAPLE GROVE", "Oat & Honey Granola Bars"]


def _fields(back: str, front: str) -> dict[str, str | None]:
    panels = []
    for name, recording in (("back", back), ("front", front)):
        page = document_to_page(recorded(recording), name, *recorded_size(recording))
        panels.append(Panel(name=name, text=page_text(page)))
    return field_values(parse_label(panels))


def test_the_recorded_label_parses_to_the_same_fields_as_its_text() -> None:
    truth = field_values(text_facts(SAMPLE))
    read = _fields("granola-compliant-back.json", "granola-compliant-front.json")
    same = {field for field, value in truth.items() if value is not None and read.get(field) == value}
    expected = {field for field, value in truth.items() if value is not None}
    # the recording holds one real misread (the best-before date read as "27MR 15"); every other field matches
    assert expected - same == {"best before"}
    assert read["best before"] == "27MR 15"


def test_the_recorded_degraded_photo_still_gives_the_table_and_the_lists() -> None:
    truth = field_values(text_facts(SAMPLE))
    read = _fields("granola-compliant-back-degraded.json", "granola-compliant-front.json")
    for field in ("ingredients EN", "ingredients FR", "contains EN", "contains FR", "NFT fat", "NFT sodium"):
        assert read[field] == truth[field], field


def test_custom_extractor_entities_are_mapped_with_their_boxes() -> None:
    document = recorded("granola-compliant-front.json")
    document.entities.append(
        documentai.Document.Entity(
            type_="net_quantity",
            mention_text="210 g",
            confidence=0.93,
            page_anchor=documentai.Document.PageAnchor(
                page_refs=[
                    documentai.Document.PageAnchor.PageRef(
                        page=0,
                        bounding_poly=documentai.BoundingPoly(
                            normalized_vertices=[
                                documentai.NormalizedVertex(x=0.4, y=0.8),
                                documentai.NormalizedVertex(x=0.6, y=0.8),
                                documentai.NormalizedVertex(x=0.6, y=0.9),
                                documentai.NormalizedVertex(x=0.4, y=0.9),
                            ]
                        ),
                    )
                ]
            ),
        )
    )
    [entity] = document_entities(document, 1000, 500)
    assert (entity.type, entity.text) == ("net_quantity", "210 g")
    assert entity.confidence == pytest.approx(0.93)
    assert entity.bbox is not None and (entity.bbox.x0, entity.bbox.y1) == pytest.approx((400.0, 450.0))


class FakeClient:
    """Stands in for DocumentProcessorServiceClient: records the request, answers with a recording."""

    def __init__(self, answer: documentai.Document | Exception) -> None:
        self.answer = answer
        self.calls: list[tuple[Any, float]] = []

    def process_document(self, request: documentai.ProcessRequest, timeout: float) -> documentai.ProcessResponse:
        self.calls.append((request, timeout))
        if isinstance(self.answer, Exception):
            raise self.answer
        return documentai.ProcessResponse(document=self.answer)


def test_engine_sends_the_image_bytes_to_the_processor_with_a_timeout() -> None:
    width, height = recorded_size("granola-compliant-front.json")
    client = FakeClient(recorded("granola-compliant-front.json"))
    engine = DocumentAiEngine(PROCESSOR, timeout_s=12.5, client=client)
    page = engine.read("front", Image.new("RGB", (width, height), "white"))
    [(request, timeout)] = client.calls
    assert request.name == PROCESSOR
    assert request.raw_document.mime_type == "image/png"
    assert request.raw_document.content.startswith(b"\x89PNG")
    assert timeout == 12.5
    assert page.engine == "documentai" and page.lines()[0].text == "MAPLE GROVE"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (exceptions.DeadlineExceeded("too slow"), "did not answer within 5 s"),  # type: ignore[no-untyped-call]
        (exceptions.PermissionDenied("no access"), "refused the request"),  # type: ignore[no-untyped-call]
    ],
)
def test_engine_errors_name_the_cause(error: Exception, message: str) -> None:
    engine = DocumentAiEngine(PROCESSOR, timeout_s=5, client=FakeClient(error))
    with pytest.raises(DocumentAiError, match=message):
        engine.read("front", Image.new("RGB", (20, 20), "white"))


def test_engine_refuses_a_malformed_processor_name() -> None:
    with pytest.raises(ValueError, match="projects/<project>"):
        DocumentAiEngine("my-processor")


def test_engine_is_chosen_by_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELIQ_OCR_ENGINE", "documentai")
    monkeypatch.setenv("LABELIQ_DOCUMENTAI_PROCESSOR", PROCESSOR)
    engine = images.engine_from_settings()
    assert isinstance(engine, DocumentAiEngine) and engine.location == "eu"
    assert images.engine_from_settings() is engine  # one client per process, not one per panel
    monkeypatch.setenv("LABELIQ_OCR_ENGINE", "rapidocr")
    assert images.engine_from_settings().name == "rapidocr"


def test_documentai_without_a_processor_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="LABELIQ_DOCUMENTAI_PROCESSOR"):
        DocumentAiEngine.from_settings(Settings(ocr_engine="documentai"))
