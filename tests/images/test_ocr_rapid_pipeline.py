"""labeliq's own run of RapidOCR's models reads exactly as `rapidocr.RapidOCR` does with the same settings, and
loading it no longer pays for rapidocr's configuration (OmegaConf)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from labeliq.extraction import ocr_rapid
from labeliq.extraction.image_intake import iter_panel_images
from labeliq.extraction.ocr_rapid_pipeline import _ctc_decode, shipped_model

REPO = Path(__file__).resolve().parents[2]


def _same_reading(image: np.ndarray) -> None:
    reference = ocr_rapid._engine(ocr_rapid.PARAMS)(image)
    ours = ocr_rapid._pipeline()(image)
    assert reference.txts is not None and len(ours) == len(reference.txts) > 0
    for line, box, text, score in zip(ours, reference.boxes, reference.txts, reference.scores, strict=True):
        assert (line.text, line.score) == (text, score)
        assert np.array_equal(line.box, box)


def test_reads_a_photo_exactly_as_rapidocr_does() -> None:
    """The top half of a photo sample's front (its brand and name lines): the slow reference is read once."""
    photo = REPO / "samples" / "pita-photos" / "front.jpg"
    [panel] = iter_panel_images(photo.name, photo.read_bytes(), None)
    image = np.asarray(panel.image.convert("RGB"))
    _same_reading(np.ascontiguousarray(image[: image.shape[0] // 2]))


def test_a_blank_image_reads_no_line() -> None:
    assert ocr_rapid._pipeline()(np.full((300, 400, 3), 255, np.uint8)) == []


def test_loading_the_models_does_not_load_rapidocrs_configuration() -> None:
    probe = (
        "import sys\n"
        "from labeliq.extraction.ocr_rapid import _pipeline\n"
        "_pipeline()\n"
        "print(sorted(m for m in ('omegaconf', 'rapidocr.main', 'rapidocr.inference_engine.base') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_model_the_wheel_does_not_ship_is_named() -> None:
    with pytest.raises(FileNotFoundError, match=r"does not ship no-such-model\.onnx"):
        shipped_model("no-such-model.onnx")


def test_ctc_decoding_collapses_repeats_and_drops_blanks() -> None:
    characters = ["blank", "a", "b", " "]
    steps = [1, 1, 0, 1, 2, 2, 0, 3]  # a a _ a b b _ space
    pred = np.full((len(steps), len(characters)), 0.01, np.float32)
    pred[np.arange(len(steps)), steps] = 0.9
    assert _ctc_decode(pred, characters) == ("aab ", 0.9)
    assert _ctc_decode(np.eye(4, dtype=np.float32)[[0, 0]], characters) == ("", 0.0)
