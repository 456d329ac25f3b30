"""labeliq's own run of RapidOCR's models reads exactly as `rapidocr.RapidOCR` does with the same settings, and
loading it no longer pays for rapidocr's configuration (OmegaConf)."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from labeliq.extraction import ocr_rapid
from labeliq.extraction.image_intake import iter_panel_images
from labeliq.extraction.ocr_rapid_pipeline import REC_MODEL, RapidPipeline, _ctc_decode, shipped_model
from labeliq.extraction.ocr_rec_model import build, label_character, recognizer_model

REPO = Path(__file__).resolve().parents[2]


@functools.cache
def _shipped_pipeline() -> RapidPipeline:
    """With the recognizer as rapidocr ships it (ocr_rapid._pipeline uses the derived one when it is built)."""
    return RapidPipeline(ocr_rapid.DET_MAX_SIDE, ocr_rapid.THREADS)


def _same_reading(image: np.ndarray) -> None:
    reference = ocr_rapid._engine(ocr_rapid.PARAMS)(image)
    ours = _shipped_pipeline()(image)
    assert reference.txts is not None and len(ours) == len(reference.txts) > 0
    for line, box, text, score in zip(ours, reference.boxes, reference.txts, reference.scores, strict=True):
        assert (line.text, line.score) == (text, score)
        assert np.array_equal(line.box, box)


def _photo_top_half() -> np.ndarray:
    """The top half of a photo sample's front (its brand and name lines): enough lines, quick to read."""
    photo = REPO / "samples" / "pita-photos" / "front.jpg"
    [panel] = iter_panel_images(photo.name, photo.read_bytes(), None)
    image = np.asarray(panel.image.convert("RGB"))
    return np.ascontiguousarray(image[: image.shape[0] // 2])


def test_reads_a_photo_exactly_as_rapidocr_does() -> None:
    _same_reading(_photo_top_half())


def test_a_blank_image_reads_no_line() -> None:
    assert _shipped_pipeline()(np.full((300, 400, 3), 255, np.uint8)) == []


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


# -- the derived recognizer (ocr_rec_model): used only when built from the installed model and whole -------------


@pytest.fixture(scope="module")
def derived(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("ocr-cache")
    model, stamp = folder / "rec.onnx", folder / "rec.json"
    classes = build(model, stamp)
    assert 300 < classes < 400
    return model, stamp


def test_the_derived_recognizer_reads_what_the_shipped_one_reads(derived: tuple[Path, Path]) -> None:
    model, stamp = derived
    assert recognizer_model(model, stamp) == model
    pipeline = RapidPipeline(ocr_rapid.DET_MAX_SIDE, ocr_rapid.THREADS, model)
    assert pipeline.rec_model == model
    image = _photo_top_half()
    shipped, ours = _shipped_pipeline()(image), pipeline(image)
    assert [line.text for line in ours] == [line.text for line in shipped]
    assert all(abs(a.score - b.score) < 0.01 for a, b in zip(ours, shipped, strict=True))


def test_the_alphabet_holds_english_and_french_and_no_cjk() -> None:
    assert all(label_character(c) for c in "AZaz09 éèêëàâçîïôûùüÿœŒÉ%/.,:;()-’«»–—°µ®™€")
    assert not any(label_character(c) for c in "的，（）：")


def test_no_build_stale_or_cut_short_means_the_shipped_model(derived: tuple[Path, Path], tmp_path: Path) -> None:
    model, stamp = derived
    shipped = shipped_model(REC_MODEL)
    assert recognizer_model(tmp_path / "none.onnx", tmp_path / "none.json") == shipped
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({**json.loads(stamp.read_text()), "source_size": 1}))
    assert recognizer_model(model, stale) == shipped
    cut = tmp_path / "cut.onnx"
    cut.write_bytes(model.read_bytes()[:100_000])
    assert recognizer_model(cut, stamp) == shipped
    unreadable = tmp_path / "unreadable.json"
    unreadable.write_text("{not json")
    assert recognizer_model(model, unreadable) == shipped


def test_a_damaged_derived_model_falls_back_to_the_shipped_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    damaged = tmp_path / "damaged.onnx"
    damaged.write_bytes(b"not a model" * 100)
    pipeline = RapidPipeline(ocr_rapid.DET_MAX_SIDE, ocr_rapid.THREADS, damaged)
    assert pipeline.rec_model == shipped_model(REC_MODEL)
    assert "unusable" in caplog.text and "damaged.onnx" in caplog.text
