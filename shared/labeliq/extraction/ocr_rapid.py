"""RapidOCR: the local engine. Its ONNX models ship inside the wheel, so it runs offline and inside a Cloud
Function; the model is loaded once per process (about 1-3 s) and reused."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from PIL import Image

from labeliq.extraction.ocr_result import OcrBlock, OcrLine, OcrPage
from labeliq.models import BoundingBox

_ENGINE_LOCK = threading.Lock()
_ENGINE: Any = None


def _engine() -> Any:
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            from rapidocr import RapidOCR  # heavy: imported on first use only

            _ENGINE = RapidOCR(params={"Global.log_level": "warning"})
        return _ENGINE


class RapidOcrEngine:
    name = "rapidocr"

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        result = _engine()(np.asarray(image.convert("RGB")))
        lines = []
        boxes = result.boxes if result.boxes is not None else []
        for points, text, score in zip(boxes, result.txts or (), result.scores or (), strict=False):
            xs = [float(p[0]) for p in points]
            ys = [float(p[1]) for p in points]
            bbox = BoundingBox(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys))
            lines.append(OcrLine(text=str(text), bbox=bbox, confidence=float(score)))
        blocks = [OcrBlock(lines=[line], bbox=line.bbox) for line in lines]
        return OcrPage(panel=panel, engine="rapidocr", width_px=image.width, height_px=image.height, blocks=blocks)
