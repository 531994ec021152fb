from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipelines.clips import ClipOptions, RenderedClip, render_clip
from pipelines.errors import InvalidInput
from tests.pipelines.clips.probe import luma_at, moov_before_mdat, probe_clip
from tests.utils.paths import STREAM_MP4

SMALL = dict(width=720, height=1280, preset="ultrafast")
TASTING = (54.0, 62.5)  # "来，我尝一口……" is spoken from 54.14 s
SPEECH_AT = 2.0  # seconds into TASTING: words are on screen
TOLERANCE_S = 0.15


@pytest.fixture(scope="module")
def subtitled(tmp_path_factory, transcript) -> tuple[RenderedClip, list[float]]:
    fractions: list[float] = []
    clip = render_clip(STREAM_MP4, TASTING, transcript, ClipOptions(**SMALL, title="散养土鸡蛋 试吃"),
                       tmp_path_factory.mktemp("sub"), progress=fractions.append)
    return clip, fractions


@pytest.fixture(scope="module")
def plain(tmp_path_factory, transcript) -> RenderedClip:
    return render_clip(STREAM_MP4, TASTING, transcript, ClipOptions(**SMALL, subtitles=False),
                       tmp_path_factory.mktemp("plain"))


def assert_clip(clip: RenderedClip, size: tuple[int, int], seconds: float) -> None:
    probe = probe_clip(clip.video)
    assert (probe.width, probe.height) == size == (clip.width, clip.height)
    assert probe.video_codec == "h264" and probe.audio_codec == "aac" and probe.audio_frames > 0
    assert abs(probe.duration - seconds) <= TOLERANCE_S, probe.duration
    assert moov_before_mdat(clip.video)  # +faststart: a phone can start playing at once
    with Image.open(clip.cover) as cover:
        assert cover.format == "JPEG" and cover.size == size


def test_vertical_clip_from_landscape_stream(subtitled) -> None:
    clip, _ = subtitled
    assert_clip(clip, (720, 1280), TASTING[1] - TASTING[0])


def test_progress_is_reported_to_the_end(subtitled) -> None:
    _, fractions = subtitled
    assert len(fractions) >= 2 and fractions[-1] == 1.0
    assert fractions == sorted(fractions) and all(0 <= f <= 1 for f in fractions)


def test_subtitle_pixels_in_the_lower_band_only(subtitled, plain) -> None:
    with_subs, without = luma_at(subtitled[0].video, SPEECH_AT), luma_at(plain.video, SPEECH_AT)
    h = with_subs.shape[0]
    diff = np.abs(with_subs - without) > 40
    lower, middle = diff[int(h * 0.70):int(h * 0.95)], diff[int(h * 0.25):int(h * 0.65)]
    assert lower.mean() > 0.01, lower.mean()  # glyphs and their outline
    assert middle.mean() < 0.002, middle.mean()  # the picture itself is untouched
    bright = lambda img: (img[int(h * 0.70):int(h * 0.95)] > 220).mean()  # noqa: E731
    assert bright(with_subs) > bright(without) + 0.003


def test_title_bar_is_drawn_at_the_top(subtitled, plain) -> None:
    with_title, without = luma_at(subtitled[0].video, SPEECH_AT), luma_at(plain.video, SPEECH_AT)
    top = np.abs(with_title - without)[: int(with_title.shape[0] * 0.15)] > 40
    assert top.mean() > 0.005


def test_no_subtitles_means_plain_picture(plain) -> None:
    assert_clip(plain, (720, 1280), TASTING[1] - TASTING[0])


def test_portrait_source_vertical_and_original(tmp_path: Path, portrait_mp4: Path, transcript) -> None:
    vertical = render_clip(portrait_mp4, (1.0, 5.0), transcript, ClipOptions(**SMALL), tmp_path / "v")
    assert_clip(vertical, (720, 1280), 4.0)
    original = render_clip(portrait_mp4, (1.0, 5.0), transcript, ClipOptions(layout="original", preset="ultrafast"),
                           tmp_path / "o")
    assert_clip(original, (360, 640), 4.0)


def test_landscape_original_layout_and_blur_fit(tmp_path: Path, transcript) -> None:
    original = render_clip(STREAM_MP4, (20.0, 24.0), transcript, ClipOptions(layout="original", preset="ultrafast"),
                           tmp_path / "o")
    assert_clip(original, (1280, 720), 4.0)
    blurred = render_clip(STREAM_MP4, (20.0, 24.0), transcript, ClipOptions(**SMALL, fit="blur"), tmp_path / "b")
    assert_clip(blurred, (720, 1280), 4.0)


def test_audio_only_source_gets_a_background(tmp_path: Path, audio_only_m4a: Path, transcript) -> None:
    clip = render_clip(audio_only_m4a, (15.0, 19.0), transcript, ClipOptions(**SMALL), tmp_path)
    assert_clip(clip, (720, 1280), 4.0)


def test_clip_at_the_end_is_clamped_to_the_media(tmp_path: Path, transcript) -> None:
    clip = render_clip(STREAM_MP4, (100.0, 500.0), transcript, ClipOptions(**SMALL), tmp_path)
    media_end = probe_clip(STREAM_MP4).duration
    assert_clip(clip, (720, 1280), media_end - 100.0)


@pytest.mark.parametrize("span", [(50.0, 50.2), (200.0, 210.0), (-5.0, 0.1)])
def test_invalid_spans_are_rejected(tmp_path: Path, transcript, span) -> None:
    with pytest.raises(InvalidInput):
        render_clip(STREAM_MP4, span, transcript, ClipOptions(**SMALL), tmp_path)
