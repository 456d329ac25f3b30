"""Regenerate the relabel photo samples: `python -m tests.relabel.make_photos`.

samples-relabel/<name>-photos are the foreign text samples photographed with the same renderer and degradation as
the photo samples of samples/ (tests/images/render.py), with the same context.json, so relabel mode is exercised on
labels given as photos through the local OCR.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.images.render import degradation_for, degrade, jpeg_bytes, render_sample

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples-relabel"
PHOTO_SAMPLES = ("italian-sauce", "us-kettle-corn", "polish-cookies")
SEED = 23
MAX_BYTES = 300_000


def main() -> None:
    for source in PHOTO_SAMPLES:
        out = SAMPLES / f"{source}-photos"
        out.mkdir(exist_ok=True)
        for offset, (name, image) in enumerate(render_sample(SAMPLES / source, seed=SEED).items()):
            photo = degrade(image, degradation_for(SEED + offset), seed=SEED + offset)
            data = jpeg_bytes(photo, 80)
            if len(data) > MAX_BYTES:
                raise SystemExit(f"{out.name}/{name}.jpg would be {len(data)} bytes; keep fixtures under {MAX_BYTES}")
            (out / f"{name}.jpg").write_bytes(data)
            print(out / f"{name}.jpg", len(data))
        shutil.copyfile(SAMPLES / source / "context.json", out / "context.json")


if __name__ == "__main__":
    main()
