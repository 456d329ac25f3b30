"""The synthetic label renderer: reproducible, columns kept, the table framed, photos degraded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.images.render import (
    Degradation,
    Style,
    _segments,
    available_families,
    degradation_for,
    degrade,
    render_sample,
    render_text_panel,
    side_by_side,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_columns_are_found_at_runs_of_three_spaces() -> None:
    assert _segments("Fat / Lipides 5 g                     7 %") == [(0, "Fat / Lipides 5 g"), (38, "7 %")]
    assert _segments("                        % valeur quotidienne*") == [(24, "% valeur quotidienne*")]
    assert _segments(" + Trans / trans 0 g") == [(1, "+ Trans / trans 0 g")]


def test_same_seed_same_photo_and_fonts_vary_between_samples() -> None:
    a = render_sample(SAMPLES / "granola-compliant", seed=3, degraded=True)["back"]
    b = render_sample(SAMPLES / "granola-compliant", seed=3, degraded=True)["back"]
    assert np.array_equal(np.asarray(a), np.asarray(b))
    assert len(available_families()) >= 2


def test_right_column_starts_at_one_x_on_every_row() -> None:
    text = "Contains: Wheat.        Contient : Blé.\nMay contain: Sesame.    Peut contenir : Sésame.\n"
    image = np.asarray(render_text_panel(text, Style()).convert("L"))
    ink_columns = np.where((image < 128).any(axis=0))[0]
    gaps = np.diff(ink_columns)
    # one wide blank band between the two columns, shared by both rows
    assert (gaps > 40).sum() == 1


def test_nutrition_facts_block_is_framed() -> None:
    text = (SAMPLES / "granola-compliant" / "back.txt").read_text(encoding="utf-8")
    image = np.asarray(render_text_panel(text, Style()).convert("L"))
    dark_rows = (image < 100).mean(axis=1)
    assert (dark_rows > 0.3).sum() >= 4  # the frame's top and bottom and the thick rules


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_degradations_stay_in_the_documented_ranges(seed: int) -> None:
    how = degradation_for(seed)
    assert -5.0 <= how.rotate_deg <= 5.0
    assert 45 <= how.jpeg_quality <= 70
    assert how.blur_radius > 0 and how.noise_sigma > 0 and how.light_falloff > 0


def test_degrade_tilts_darkens_and_blurs() -> None:
    clean = render_text_panel("Ingredients: Oats, Honey.\n", Style())
    photo = degrade(clean, Degradation(rotate_deg=4.0, blur_radius=1.0, noise_sigma=6.0, light_falloff=0.3), seed=1)
    assert photo.size[1] > clean.size[1]  # rotation with expand grows the canvas
    grey = np.asarray(photo.convert("L"), dtype=float)
    assert grey[-5:, -5:].mean() < grey[:5, :5].mean()  # the far corner is darker
    assert 0 < np.unique(np.asarray(clean.convert("L"))).size < np.unique(grey.astype(int)).size


def test_side_by_side_leaves_a_full_height_gutter() -> None:
    panels = render_sample(SAMPLES / "granola-compliant", seed=1)
    wide = np.asarray(side_by_side([panels["front"], panels["front"]], gutter_px=150).convert("L"))
    blank = np.asarray((wide > 250).all(axis=0))
    start = panels["front"].width
    assert blank[start : start + 150].all()
