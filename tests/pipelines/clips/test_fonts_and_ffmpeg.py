from pathlib import Path

import pytest

from pipelines.clips.ffmpeg import parse_progress
from pipelines.clips.fonts import default_font_path, draws_chinese, get_cjk_font
from pipelines.errors import ModelUnavailable


def test_default_font_is_the_packaged_simplified_chinese_face() -> None:
    font = get_cjk_font()
    assert font.path == default_font_path() and "site-packages" in str(font.path)
    assert font.family == "Noto Sans CJK SC"
    assert draws_chinese(font.path, font.index)


def test_a_file_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"not a font")
    with pytest.raises(ModelUnavailable):
        get_cjk_font(str(fake))
    with pytest.raises(ModelUnavailable):
        get_cjk_font(str(tmp_path / "absent.ttf"))


@pytest.mark.parametrize("line, duration, fraction", [
    ("out_time_us=5000000", 10.0, 0.5), ("out_time_us=12000000\n", 10.0, 1.0), ("out_time_us=-7", 10.0, 0.0),
    ("out_time_us=N/A", 10.0, None), ("progress=end", 10.0, 1.0), ("progress=continue", 10.0, None),
    ("frame=12", 10.0, None), ("out_time_us=100", 0.0, None),
])
def test_parse_progress(line: str, duration: float, fraction: float | None) -> None:
    assert parse_progress(line, duration) == fraction
