"""RapidOCR: the local engine. Its ONNX models ship inside the wheel, so it runs offline and inside a Cloud
Function; the models are loaded once per process (0.25 s of CPU: ocr_rapid_pipeline runs them without
`rapidocr.RapidOCR`, whose configuration alone cost 1.4 s) and reused.

The parameters were measured on rendered bilingual labels (`make bench-extract` and a per-setting CPU timing).
Recognition of the text lines is about 90 % of the time and does not depend on the image size
(each line is rescaled to 48 px high); detection does, so it runs on the image scaled to at most DET_MAX_SIDE px
(736 saves another 0.2 s on these 1100-1500 px renders, but would shrink a 4000 px phone photo's text
five-fold, an untested risk). Batch size 1 pads
no line to the widest of its batch, which cost 0.3 s per back panel at batch 6 with the same accuracy. The
angle classifier only tells upright from upside-down lines; a photo is upright once EXIF orientation is
applied, and tilts of a few degrees are handled by the detector's rotated boxes, so it is off. One ONNX
Runtime thread per core of the 2-core machine instead of its default (detection splits its one large tensor
across them; recognition runs two lines at a time on one thread each, ocr_rapid_pipeline says why).
Single-thread CPU seconds on degraded renders of the 5 samples' back panels, median: defaults 3.65, cls off +
det 960 2.49, + batch 1 2.16; fronts 0.92 -> 0.40. Accuracy stayed at 100 % of fields exact on clean renders,
99.1 % on degraded ones.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from labeliq.extraction.ocr_result import OcrBlock, OcrLine, OcrPage, Point
from labeliq.models import BoundingBox

if TYPE_CHECKING:
    from labeliq.extraction.ocr_rapid_pipeline import RapidPipeline

DET_MAX_SIDE = 960
THREADS = 2
REC_BATCH = 1

PARAMS: dict[str, Any] = {
    "Global.log_level": "warning",
    "Global.use_cls": False,
    "Det.limit_type": "max",
    "Det.limit_side_len": DET_MAX_SIDE,
    "Rec.rec_batch_num": REC_BATCH,
    "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
}

# The recognizer sometimes drops a narrow space after a number: "412Woolwich St.", "27MR 15". A number glued to
# a capitalised word, or a day glued to a bilingual month code followed by the year, is never how a label
# prints them, and the glued form would fail a date-format rule the printed label passes. Noise beside a
# percent sign is read as a period ("11.%"), which no label prints either.
_NUMBER_THEN_WORD = re.compile(r"(?<=\d)(?=[A-Z][a-zà-ÿ]{2,})")
_DAY_THEN_MONTH = re.compile(r"\b(\d{1,2})(JA|FE|MR|AL|MA|JN|JL|AU|SE|OC|NO|DE)(?=\s+\d{2}\b)")
_PERIOD_BEFORE_PERCENT = re.compile(r"(?<=\d)[.,](?=\s?%)")


def repair_reading(text: str) -> str:
    text = _NUMBER_THEN_WORD.sub(" ", text)
    text = _DAY_THEN_MONTH.sub(r"\1 \2", text)
    return _PERIOD_BEFORE_PERCENT.sub("", text)


# glibc keeps freed heap memory for reuse instead of returning it to the system. ONNX Runtime allocates each
# line's tensors anew (their widths differ), so a photo label's freed buffers piled up: 383 MiB peak for a
# two-panel label, 270 MiB when buffers of 64 KiB or more are mapped on their own and unmapped when freed
# (tests/bench/bench_goals.py measures it; no CPU cost measurable there). Only glibc has mallopt.
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 64 * 1024


def _return_large_buffers_to_the_system() -> None:
    name = ctypes.util.find_library("c")
    if name is None:
        return
    libc = ctypes.CDLL(name)
    if hasattr(libc, "mallopt") and hasattr(libc, "gnu_get_libc_version"):
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)


_ENGINE_LOCK = threading.Lock()
_ENGINES: dict[tuple[tuple[str, Any], ...], Any] = {}
_PIPELINE: list[RapidPipeline] = []


def _pipeline() -> RapidPipeline:
    """labeliq's settings (PARAMS), run by ocr_rapid_pipeline: what every read uses unless overridden."""
    with _ENGINE_LOCK:
        if not _PIPELINE:
            from labeliq.extraction.ocr_rapid_pipeline import RapidPipeline  # heavy: imported on first use only
            from labeliq.extraction.ocr_rec_model import recognizer_model

            _return_large_buffers_to_the_system()
            _PIPELINE.append(RapidPipeline(DET_MAX_SIDE, THREADS, recognizer_model()))
        return _PIPELINE[0]


def _engine(params: dict[str, Any]) -> Any:
    """`rapidocr.RapidOCR` itself, for other settings than PARAMS (the bench's comparison with its defaults, and
    the test that ocr_rapid_pipeline reads exactly as it does)."""
    key = tuple(sorted(params.items()))
    with _ENGINE_LOCK:
        if key not in _ENGINES:
            from rapidocr import RapidOCR  # heavy: imported on first use only

            _return_large_buffers_to_the_system()
            _ENGINES[key] = RapidOCR(params=params)
        return _ENGINES[key]


def _polygon(points: Any) -> tuple[Point, Point, Point, Point]:
    p = [(float(x), float(y)) for x, y in points]
    return (p[0], p[1], p[2], p[3])


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self, overrides: dict[str, Any] | None = None) -> None:
        self.params = {**PARAMS, **(overrides or {})}

    def read(self, panel: str, image: Image.Image) -> OcrPage:
        rgb = np.asarray(image.convert("RGB"))
        read: Iterable[tuple[Any, str, float]]
        if self.params == PARAMS:
            read = ((line.box, line.text, line.score) for line in _pipeline()(rgb))
        else:
            result = _engine(self.params)(rgb)
            boxes = result.boxes if result.boxes is not None else []
            read = zip(boxes, result.txts or (), result.scores or (), strict=False)
        lines = []
        for points, text, score in read:
            polygon = _polygon(points)
            xs = [x for x, _ in polygon]
            ys = [y for _, y in polygon]
            bbox = BoundingBox(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys))
            lines.append(OcrLine(text=repair_reading(str(text)), bbox=bbox, confidence=float(score), polygon=polygon))
        blocks = [OcrBlock(lines=[line], bbox=line.bbox) for line in lines]
        return OcrPage(panel=panel, engine="rapidocr", width_px=image.width, height_px=image.height, blocks=blocks)
