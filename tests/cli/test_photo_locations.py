"""`labeliq check` on photos: findings that quote a fact read from a photo say where on that photo it is."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from labeliq import cli
from labeliq.finding_location import location_text
from labeliq.models import Report, Verdict

PHOTOS = Path(__file__).resolve().parents[2] / "samples" / "granola-photos"


@pytest.mark.slow  # the real OCR engine on two photos
def test_photo_findings_carry_the_box_of_their_evidence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LABELIQ_LLM_ENABLED", raising=False)
    out = tmp_path / "out"
    code = cli.main(
        ["check", "--context", str(PHOTOS / "context.json"), "--out", str(out), *map(str, sorted(PHOTOS.glob("*.jpg")))]
    )
    assert code == 0
    report = Report.model_validate_json((out / "report.json").read_text(encoding="utf-8"))
    sizes = {p.name: (p.width_px, p.height_px) for p in report.label_facts.panels}
    located = [f for r in report.results.values() for f in r.findings if f.location is not None]
    assert located, "no finding quoting a photo fact was located"
    for finding in located:
        assert finding.location is not None and finding.panel in sizes
        width, height = sizes[finding.panel]
        assert width is not None and height is not None
        box = finding.location
        assert 0 <= box.x0 < box.x1 <= width and 0 <= box.y0 < box.y1 <= height
        assert location_text(finding).startswith(f"[{finding.panel}, x ")
    text_only = [f for r in report.results.values() for f in r.findings if f.panel and f.panel not in sizes]
    assert all(f.location is None for f in text_only)
    # the Word report draws the photos: a thumbnail per panel, and a crop per open item read at a known box
    document = docx.Document(str(out / "report.docx"))
    pictures = document.inline_shapes
    open_located = {
        (f.panel, f.evidence)
        for r in report.results.values()
        for f in r.findings
        if f.location is not None and f.verdict in (Verdict.FAIL, Verdict.NEEDS_REVIEW)
    }
    assert len(pictures) >= len(sizes) + (1 if open_located else 0)
    assert (out / "report.docx").stat().st_size < 1_500_000  # pictures are small JPEGs, not the photos
