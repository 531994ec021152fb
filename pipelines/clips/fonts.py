"""The CJK font subtitles are set in: a font a PyPI package ships, never a system font.

Noto Sans CJK comes as one collection (JP, KR, SC, TC, HK faces); libass picks a face by its
family name, so we find the Simplified-Chinese face's name and check it really draws Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.errors import ModelUnavailable

SAMPLE = "团购橄榄油鸡蛋"
PREFERRED = ("SC", "Simplified", "CN", "GB")
MAX_FACES = 32


@dataclass(frozen=True)
class FontFace:
    path: Path
    index: int
    family: str


def default_font_path() -> Path:
    try:
        import manimgx_fonts_cjk
    except ImportError as exc:
        raise ModelUnavailable("CJK font package missing: pip install manimgx-fonts-cjk") from exc
    return Path(manimgx_fonts_cjk.__file__).with_name("NotoSansCJK-VF.otf.ttc")


def _faces(path: Path) -> list[tuple[int, str]]:
    from PIL import ImageFont

    faces = []
    for index in range(MAX_FACES):
        try:
            faces.append((index, ImageFont.truetype(str(path), 32, index=index).getname()[0] or ""))
        except OSError:
            break
    return faces


def _glyph(font, char: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (48, 48))
    ImageDraw.Draw(image).text((4, 4), char, font=font, fill=255)
    return image.tobytes()


def draws_chinese(path: Path, index: int) -> bool:
    """Whether the face has real glyphs for SAMPLE (ink that differs from the 'missing glyph' box)."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(path), 32, index=index)
    missing = _glyph(font, "\U000F0000")
    return all(any(g) and g != missing for g in (_glyph(font, ch) for ch in SAMPLE))


@lru_cache(maxsize=8)
def get_cjk_font(path: str | None = None) -> FontFace:
    """The Simplified-Chinese face of `path` (default: the packaged Noto Sans CJK)."""
    font_path = Path(path) if path else default_font_path()
    if not font_path.is_file():
        raise ModelUnavailable(f"subtitle font not found: {font_path}")
    faces = _faces(font_path)
    ranked = sorted(faces, key=lambda f: not any(f[1].endswith(" " + tag) for tag in PREFERRED))
    for index, family in ranked:
        if family and draws_chinese(font_path, index):
            return FontFace(font_path, index, family)
    raise ModelUnavailable(f"font {font_path.name} has no face that draws Chinese")
