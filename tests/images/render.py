"""Synthetic label photos: a sample's panel text drawn the way a package prints it, then photographed badly.

The renderer reads the same panel text the text samples use, so the ground truth of every photo is that text.
Text laid out in columns (a Nutrition Facts value and its %DV, English and French side by side) keeps its
columns: a run of three or more spaces starts a new column at the x its character position implies. A
Nutrition Facts block gets a frame and rules between rows, as the regulations' formats draw it. Degradations
model a phone photo: a small rotation, blur, uneven light, sensor noise and JPEG compression.
"""

from __future__ import annotations

import io
import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
_FAMILIES: dict[str, tuple[str, str]] = {
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "dejavu-condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "liberation-sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "liberation-serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
}
_COLUMN_GAP = re.compile(r" {3,}")
_NFT_START = re.compile(r"^(nutrition facts|valeur nutritive)", re.IGNORECASE)
_NFT_END = re.compile(r"c'est beaucoup|or more is a lot", re.IGNORECASE)


def _font_path(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    return None


def available_families() -> list[str]:
    """The font families installed here (DejaVu always; Liberation when fonts-liberation is installed)."""
    return [name for name, (regular, bold) in _FAMILIES.items() if _font_path(regular) and _font_path(bold)]


@dataclass(frozen=True)
class Style:
    family: str = "dejavu-sans"
    body_px: int = 24  # font size of body text
    margin_px: int = 48
    width_px: int = 1100
    background: tuple[int, int, int] = (255, 255, 255)
    ink: tuple[int, int, int] = (20, 20, 20)

    def font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        regular, heavy = _FAMILIES[self.family]
        path = _font_path(heavy if bold else regular)
        if path is None:
            raise FileNotFoundError(f"font family {self.family} is not installed")
        return ImageFont.truetype(str(path), size)


@dataclass(frozen=True)
class Degradation:
    rotate_deg: float = 0.0
    blur_radius: float = 0.0
    noise_sigma: float = 0.0
    light_falloff: float = 0.0  # 0: even light; 0.3: one corner 30 % darker
    jpeg_quality: int = 90


def degradation_for(seed: int) -> Degradation:
    """A reproducible bad photo: rotation up to ±5°, blur, noise, uneven light, low JPEG quality."""
    rng = random.Random(seed)
    return Degradation(
        rotate_deg=rng.uniform(-5.0, 5.0),
        blur_radius=rng.uniform(0.6, 1.2),
        noise_sigma=rng.uniform(4.0, 10.0),
        light_falloff=rng.uniform(0.15, 0.35),
        jpeg_quality=rng.randint(45, 70),
    )


def style_for(seed: int) -> Style:
    rng = random.Random(seed)
    return Style(family=rng.choice(available_families()), body_px=rng.choice([22, 24, 26]))


# ---------------------------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------------------------


def _segments(raw: str) -> list[tuple[int, str]]:
    """(character column, text) of each part of a line separated by runs of three or more spaces."""
    out = []
    position = 0
    for part in _COLUMN_GAP.split(raw):
        start = raw.index(part, position) if part else position
        if part.strip():
            out.append((start + len(part) - len(part.lstrip()), part.strip()))
        position = start + len(part)
    return out


def _char_width(lines: list[str], font: ImageFont.FreeTypeFont) -> float:
    """The width of one character column: wide enough that no column's text runs into the next."""
    widest = 0.0
    for raw in lines:
        segments = _segments(raw)
        for (column, text), (next_column, _) in itertools.pairwise(segments):
            widest = max(widest, (font.getlength(text) + 2 * font.getlength(" ")) / max(1, next_column - column))
    return max(widest, font.getlength("n"))


def _nft_span(lines: list[str]) -> tuple[int, int] | None:
    start = next((i for i, raw in enumerate(lines) if _NFT_START.match(raw.strip())), None)
    if start is None:
        return None
    end = next((i for i in range(start, len(lines)) if _NFT_END.search(lines[i])), len(lines) - 1)
    while end + 1 < len(lines) and _NFT_END.search(lines[end + 1]):
        end += 1
    return start, end


def render_text_panel(text: str, style: Style) -> Image.Image:
    """A back or side panel: left-aligned body text, columns kept, the Nutrition Facts block framed and ruled."""
    lines = text.rstrip("\n").splitlines()
    font = style.font(style.body_px)
    bold = style.font(style.body_px, bold=True)
    title_font = style.font(int(style.body_px * 1.5), bold=True)
    nft = _nft_span(lines)
    char_w = _char_width(lines, font)
    line_h = int(style.body_px * 1.45)
    heights = [int(line_h * 1.4) if nft and i in (nft[0], nft[0] + 1) else line_h for i in range(len(lines))]
    height = style.margin_px * 2 + sum(heights) + line_h
    width = max(
        style.width_px,
        *(
            int(style.margin_px * 2 + column * char_w + font.getlength(part))
            for raw in lines
            for column, part in _segments(raw)
        ),
    )
    image = Image.new("RGB", (width, height), style.background)
    draw = ImageDraw.Draw(image)
    y = style.margin_px
    nft_top = y
    for index, raw in enumerate(lines):
        in_table = nft is not None and nft[0] <= index <= nft[1]
        if nft is not None and index == nft[0]:
            nft_top = y - 8
        chosen = font
        if in_table and nft is not None and index in (nft[0], nft[0] + 1):
            chosen = title_font
        elif in_table and not raw.startswith(" ") and re.match(r"^(calories|fat|carbohydrate|protein)", raw, re.I):
            chosen = bold
        x_end = 0.0
        for column, part in _segments(raw):
            x = max(style.margin_px + column * char_w, x_end + chosen.getlength("   "))
            draw.text((x, y), part, font=chosen, fill=style.ink)
            x_end = x + chosen.getlength(part)
        y += heights[index]
        if in_table and nft is not None and nft[0] + 1 <= index < nft[1]:
            rule_y = y - (line_h - style.body_px) // 2 - 2
            thick = 4 if index in (nft[0] + 3, nft[0] + 5) else 1
            draw.line([(style.margin_px - 6, rule_y), (style.margin_px + 40 * char_w, rule_y)], style.ink, thick)
        if nft is not None and index == nft[1]:
            right = style.margin_px + max(40 * char_w, *(font.getlength(lines[i]) for i in range(nft[0], nft[1] + 1)))
            draw.rectangle([(style.margin_px - 14, nft_top), (right + 14, y + 4)], outline=style.ink, width=3)
            y += line_h // 2
    return image


def render_front_panel(text: str, style: Style) -> Image.Image:
    """A principal display panel: every line centred, the brand large and bold, names bold, the rest plain."""
    lines = [raw.strip() for raw in text.strip().splitlines() if raw.strip()]
    sizes = []
    for index in range(len(lines)):
        if index == 0:
            sizes.append((style.font(int(style.body_px * 2.4), bold=True), int(style.body_px * 3.2)))
        elif index in (1, 2):
            sizes.append((style.font(int(style.body_px * 1.6), bold=True), int(style.body_px * 2.4)))
        else:
            sizes.append((style.font(int(style.body_px * 1.3)), int(style.body_px * 2.0)))
    width = max(
        style.width_px // 1.3,
        *(font.getlength(raw) + 2 * style.margin_px for raw, (font, _) in zip(lines, sizes, strict=True)),
    )
    height = style.margin_px * 2 + sum(h for _, h in sizes)
    image = Image.new("RGB", (int(width), int(height)), style.background)
    draw = ImageDraw.Draw(image)
    y = style.margin_px
    for raw, (font, line_h) in zip(lines, sizes, strict=True):
        draw.text(((width - font.getlength(raw)) / 2, y), raw, font=font, fill=style.ink)
        y += line_h
    return image


def render_panel(name: str, text: str, style: Style) -> Image.Image:
    return render_front_panel(text, style) if name.lower().startswith("front") else render_text_panel(text, style)


def side_by_side(images: list[Image.Image], gutter_px: int = 120) -> Image.Image:
    """Several panels photographed together (a wide front photo), separated by blank gutters."""
    height = max(image.height for image in images)
    width = sum(image.width for image in images) + gutter_px * (len(images) - 1)
    out = Image.new("RGB", (width, height), (255, 255, 255))
    x = 0
    for image in images:
        out.paste(image, (x, (height - image.height) // 2))
        x += image.width + gutter_px
    return out


# ---------------------------------------------------------------------------------------------
# Photographing
# ---------------------------------------------------------------------------------------------


def degrade(image: Image.Image, how: Degradation, seed: int = 0) -> Image.Image:
    out = image
    if how.rotate_deg:
        out = out.rotate(how.rotate_deg, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(250, 250, 248))
    if how.blur_radius:
        out = out.filter(ImageFilter.GaussianBlur(how.blur_radius))
    pixels = np.asarray(out, dtype=np.float64)
    if how.light_falloff:
        h, w = pixels.shape[:2]
        gradient = 1.0 - how.light_falloff * (np.linspace(0, 1, w)[None, :] * 0.6 + np.linspace(0, 1, h)[:, None] * 0.4)
        pixels = pixels * gradient[:, :, None]
    if how.noise_sigma:
        rng = np.random.default_rng(seed)
        pixels = pixels + rng.normal(0.0, how.noise_sigma, pixels.shape)
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return Image.open(io.BytesIO(jpeg_bytes(out, how.jpeg_quality))).convert("RGB")


def jpeg_bytes(image: Image.Image, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def sample_panels(sample: Path) -> dict[str, str]:
    """A text sample's panels: file stem to text."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(sample.glob("*.txt"))}


def render_sample(sample: Path, seed: int | None = None, degraded: bool = False) -> dict[str, Image.Image]:
    """Every panel of a text sample as a photo; the same seed gives the same fonts and the same damage."""
    base = seed if seed is not None else sum(map(ord, sample.name))
    out = {}
    for offset, (name, text) in enumerate(sample_panels(sample).items()):
        image = render_panel(name, text, style_for(base))
        if degraded:
            image = degrade(image, degradation_for(base + offset), seed=base + offset)
        out[name] = image
    return out


def keystone(image: Image.Image, strength: float) -> Image.Image:
    """The photo taken from one side: the right edge shorter than the left by 2 x strength of the height, the
    canvas padded so nothing is cut (a perspective transform, as a phone held at an angle gives)."""
    pad = int(strength * image.height) + 8
    canvas = Image.new("RGB", (image.width + 2 * pad, image.height + 2 * pad), (250, 250, 248))
    canvas.paste(image, (pad, pad))
    w, h = canvas.size
    dst = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)]  # output corners
    src = [(0.0, 0.0), (w, -strength * h), (w, h + strength * h), (0.0, h)]  # where each samples the input
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y])
        rows.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y])
        rhs += [u, v]
    coefficients = tuple(float(c) for c in np.linalg.solve(np.array(rows), np.array(rhs)))
    return canvas.transform(
        (w, h), Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC, fillcolor=(250, 250, 248)
    )
