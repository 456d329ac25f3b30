"""Regenerate the photo samples: `python -m tests.images.make_fixtures`.

samples/granola-photos and samples/pita-photos (English and French side by side) are text samples photographed:
the same panel texts rendered and degraded like a phone photo (small tilt, blur, uneven light, noise, JPEG),
with the same context.json, so `make run` checks labels given as photos and their verdicts can be compared with
the text versions'.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.images.render import degradation_for, degrade, jpeg_bytes, render_sample

REPO = Path(__file__).resolve().parents[2]
PHOTO_SAMPLES = {"granola-photos": "granola-compliant", "pita-photos": "pita-halal-side-by-side"}
SEED = 11
MAX_BYTES = 300_000


def main() -> None:
    for target, source in PHOTO_SAMPLES.items():
        out = REPO / "samples" / target
        out.mkdir(exist_ok=True)
        for offset, (name, image) in enumerate(render_sample(REPO / "samples" / source, seed=SEED).items()):
            photo = degrade(image, degradation_for(SEED + offset), seed=SEED + offset)
            data = jpeg_bytes(photo, 80)
            if len(data) > MAX_BYTES:
                raise SystemExit(f"{target}/{name}.jpg would be {len(data)} bytes; keep fixtures under {MAX_BYTES}")
            (out / f"{name}.jpg").write_bytes(data)
            print(out / f"{name}.jpg", len(data))
        shutil.copyfile(REPO / "samples" / source / "context.json", out / "context.json")


if __name__ == "__main__":
    main()
