"""RapidOCR's detect-crop-recognise pipeline, run straight from the ONNX models its wheel ships.

Why not `rapidocr.RapidOCR`: creating it cost about 1.4 s of CPU in every process, nearly all of it OmegaConf
building nodes for rapidocr's default_models.yaml (1,593 lines, loaded twice at import by its engine base class and
its model resolver) to look up file names we already know. Its detector and recognizer packages import that base
class, and its detector's post-processing imports the resolver, so none of them can be imported without the cost.
This module does the same steps with the same settings (tests/images/test_ocr_rapid_pipeline.py checks that it reads
a photo sample exactly as `RapidOCR` does) and reuses rapidocr's image helpers (`rapidocr.utils.process_img`,
numpy and OpenCV only). Only what differs is timing:

- the recognizer's session runs one ONNX Runtime thread, and the line crops of a panel are recognised two at a time
  on a small thread pool: a 48 px high line is too small a tensor to split well across threads (one session with
  two intra-op threads spent 35 % more CPU for the same lines: docs/performance.md);
- both sessions are made one after the other before the first panel (the recognizer's made while the first panel
  was detected saved about 0.1 s and the process peaked higher: 282 MiB against 271 in two bench runs).
"""

from __future__ import annotations

import copy
import importlib.util
import logging
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import onnxruntime as ort
import pyclipper
from rapidocr.utils.process_img import (
    apply_vertical_padding,
    get_rotate_crop_image,
    map_boxes_to_original,
    resize_image_within_bounds,
)

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"

# rapidocr's config.yaml values for the steps we run (Global, Det, Rec), so the reading is the same.
MIN_SIDE, MAX_SIDE = 30, 2000
PAD_WIDTH_HEIGHT_RATIO, PAD_MIN_HEIGHT = 8, 30
DET_THRESH, DET_BOX_THRESH, DET_MAX_CANDIDATES, DET_UNCLIP_RATIO, DET_MIN_SIZE = 0.3, 0.5, 1000, 1.6, 3
REC_HEIGHT, REC_MIN_WIDTH = 48, 320
TEXT_SCORE = 0.5
_BOX_SORT_Y_THRESHOLD = 10
logger = logging.getLogger(__name__)
_DET_MEAN = _DET_STD = np.array([0.5, 0.5, 0.5])


def shipped_model(name: str) -> Path:
    """A model file inside the installed rapidocr wheel (found without importing the package's heavy modules)."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("rapidocr is not installed (pip install labeliq[ocr])")
    path = Path(spec.origin).parent / "models" / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the installed rapidocr does not ship {name}")
    return path


@dataclass(frozen=True)
class ReadLine:
    """One recognised line: its quadrilateral in the input image's pixels, its text and its mean confidence."""

    box: np.ndarray  # 4 x 2 float32, clockwise from top-left
    text: str
    score: float


def _session(path: Path, threads: int) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False  # as rapidocr sets it: line widths differ, an arena keeps every size
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


class RapidPipeline:
    """The ONNX sessions and the steps around them; made once per process and shared (thread-safe)."""

    def __init__(self, det_max_side: int, threads: int, rec_model: Path | None = None) -> None:
        self.det_max_side = det_max_side
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ocr-rec")
        shipped = shipped_model(REC_MODEL)
        self.rec_model = rec_model or shipped
        try:
            self._rec, self._characters = self._load_recognizer(self.rec_model)
        except Exception as exc:  # ONNX Runtime's errors derive from Exception only (InvalidProtobuf, NoSuchFile...)
            if self.rec_model == shipped:
                raise
            logger.warning("derived recognizer %s unusable (%s); using the shipped model", self.rec_model, exc)
            self.rec_model = shipped
            self._rec, self._characters = self._load_recognizer(shipped)
        self._det = _session(shipped_model(DET_MODEL), threads)

    @staticmethod
    def _load_recognizer(path: Path) -> tuple[ort.InferenceSession, list[str]]:
        session = _session(path, 1)
        characters = session.get_modelmeta().custom_metadata_map["character"].splitlines()
        return session, ["blank", *characters, " "]  # CTC blank first, the space the model adds last

    def __call__(self, image: np.ndarray) -> list[ReadLine]:
        """Lines of a 3-channel image, in reading order (top to bottom, then left to right)."""
        ori_h, ori_w = image.shape[:2]
        img, ratio_h, ratio_w = resize_image_within_bounds(image, MIN_SIDE, MAX_SIDE)
        record: dict[str, Any] = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
        img, record = apply_vertical_padding(img, record, PAD_WIDTH_HEIGHT_RATIO, PAD_MIN_HEIGHT)
        boxes = self.detect(img)
        if len(boxes) == 0:
            return []
        crops = [get_rotate_crop_image(img, copy.deepcopy(box)) for box in boxes]
        read = list(self._pool.map(self.recognize, crops))
        boxes = map_boxes_to_original(boxes, record, ori_h, ori_w)
        return [
            ReadLine(box, text, score)
            for box, (text, score) in zip(boxes, read, strict=True)
            if text.strip() and score >= TEXT_SCORE
        ]

    # -- detection (rapidocr's TextDetector with DetPreProcess and DBPostProcess) ------------------------------

    def detect(self, img: np.ndarray) -> np.ndarray:
        h, w = img.shape[:2]
        ratio = self.det_max_side / max(h, w) if max(h, w) > self.det_max_side else 1.0
        resize_h, resize_w = round(int(h * ratio) / 32) * 32, round(int(w * ratio) / 32) * 32
        if resize_h <= 0 or resize_w <= 0:
            return np.zeros((0, 4, 2), np.float32)
        resized = cv2.resize(img, (resize_w, resize_h))
        normalized = (resized.astype("float32") * (1 / 255.0) - _DET_MEAN) / _DET_STD  # float64, as rapidocr has it
        tensor = normalized.transpose((2, 0, 1))[None].astype(np.float32)
        pred = self._det.run(None, {self._det.get_inputs()[0].name: tensor})[0][:, 0, :, :]
        mask = cv2.dilate((pred[0] > DET_THRESH).astype(np.uint8), np.array([[1, 1], [1, 1]]))
        boxes = _boxes_from_bitmap(pred[0], mask, w, h)
        return _sorted_boxes(_filter_boxes(boxes, h, w))

    # -- recognition (rapidocr's TextRecognizer at batch size 1, with CTCLabelDecode) --------------------------

    def recognize(self, crop: np.ndarray) -> tuple[str, float]:
        session = self._rec
        h, w = crop.shape[:2]
        width = int(REC_HEIGHT * max(REC_MIN_WIDTH / REC_HEIGHT, w / h))
        resized_w = min(width, math.ceil(REC_HEIGHT * (w / h)))
        resized = cv2.resize(crop, (resized_w, REC_HEIGHT)).astype("float32").transpose((2, 0, 1)) / 255
        tensor = np.zeros((1, 3, REC_HEIGHT, width), dtype=np.float32)
        tensor[0, :, :, :resized_w] = (resized - 0.5) / 0.5
        pred = session.run(None, {session.get_inputs()[0].name: tensor})[0][0]
        return _ctc_decode(pred, self._characters)


def _ctc_decode(pred: np.ndarray, characters: list[str]) -> tuple[str, float]:
    """Best path: repeats collapsed, blanks dropped; the score is the mean probability of the characters kept."""
    index, prob = pred.argmax(axis=1), pred.max(axis=1)
    keep = np.ones(len(index), dtype=bool)
    keep[1:] = index[1:] != index[:-1]
    keep &= index != 0
    confidences = [round(c, 5) for c in prob[keep].tolist()] or [0.0]
    return "".join(characters[i] for i in index[keep]), float(np.mean(confidences).round(5))


def _boxes_from_bitmap(pred: np.ndarray, bitmap: np.ndarray, dest_w: int, dest_h: int) -> list[np.ndarray]:
    height, width = bitmap.shape
    contours, _ = cv2.findContours((bitmap * 255).astype(np.uint8), cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    boxes = []
    for contour in contours[:DET_MAX_CANDIDATES]:
        points, short_side = _mini_box(contour)
        if short_side < DET_MIN_SIZE or _box_score(pred, points.reshape(-1, 2)) < DET_BOX_THRESH:
            continue
        box, short_side = _mini_box(_unclip(points))
        if short_side < DET_MIN_SIZE + 2:
            continue
        box[:, 0] = np.clip(np.round(box[:, 0] / width * dest_w), 0, dest_w)
        box[:, 1] = np.clip(np.round(box[:, 1] / height * dest_h), 0, dest_h)
        boxes.append(box.astype(np.int32))
    return boxes


def _mini_box(contour: np.ndarray) -> tuple[np.ndarray, float]:
    rect = cv2.minAreaRect(contour)
    points = sorted(cv2.boxPoints(rect), key=lambda p: p[0])
    first, fourth = (0, 1) if points[1][1] > points[0][1] else (1, 0)
    second, third = (2, 3) if points[3][1] > points[2][1] else (3, 2)
    return np.array([points[first], points[second], points[third], points[fourth]]), min(rect[1])


def _box_score(bitmap: np.ndarray, box: np.ndarray) -> float:
    h, w = bitmap.shape[:2]
    box = box.copy()
    xmin = int(np.clip(np.floor(box[:, 0].min()), 0, w - 1))
    xmax = int(np.clip(np.ceil(box[:, 0].max()), 0, w - 1))
    ymin = int(np.clip(np.floor(box[:, 1].min()), 0, h - 1))
    ymax = int(np.clip(np.ceil(box[:, 1].max()), 0, h - 1))
    mask = np.zeros((ymax - ymin + 1, xmax - xmin + 1), dtype=np.uint8)
    box[:, 0] -= xmin
    box[:, 1] -= ymin
    cv2.fillPoly(mask, [box.reshape(-1, 2).astype(np.int32)], 1)
    return float(cv2.mean(bitmap[ymin : ymax + 1, xmin : xmax + 1], mask)[0])


def _unclip(box: np.ndarray) -> np.ndarray:
    """The box grown by area x ratio / perimeter, as DB text detection does (the model predicts shrunk text)."""
    x, y = box[:, 0].astype(np.float64), box[:, 1].astype(np.float64)
    area = 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
    perimeter = float(np.sum(np.hypot(np.roll(x, -1) - x, np.roll(y, -1) - y)))
    offset = pyclipper.PyclipperOffset()
    offset.AddPath(box, pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    return np.array(offset.Execute(area * DET_UNCLIP_RATIO / perimeter)).reshape((-1, 1, 2))


def _filter_boxes(boxes: list[np.ndarray], h: int, w: int) -> np.ndarray:
    kept = []
    for points in boxes:
        by_x = points[np.argsort(points[:, 0]), :]
        left, right = by_x[:2], by_x[2:]
        top_left, bottom_left = left[np.argsort(left[:, 1]), :]
        top_right, bottom_right = right[np.argsort(right[:, 1]), :]
        box = np.array([top_left, top_right, bottom_right, bottom_left], dtype="float32")
        box[:, 0] = np.trunc(np.clip(box[:, 0], 0, w - 1))
        box[:, 1] = np.trunc(np.clip(box[:, 1], 0, h - 1))
        if int(np.linalg.norm(box[0] - box[1])) <= 3 or int(np.linalg.norm(box[0] - box[3])) <= 3:
            continue
        kept.append(box)
    return np.array(kept, dtype=np.float32).reshape((-1, 4, 2))


def _sorted_boxes(boxes: np.ndarray) -> np.ndarray:
    """Top to bottom, then left to right within boxes whose tops are less than 10 px apart."""
    if len(boxes) == 0:
        return boxes
    by_y = boxes[np.argsort(boxes[:, 0, 1], kind="stable")]
    line_ids = np.concatenate([[0], np.cumsum(np.diff(by_y[:, 0, 1]) >= _BOX_SORT_Y_THRESHOLD)])
    return by_y[np.lexsort((by_y[:, 0, 0], line_ids))]
