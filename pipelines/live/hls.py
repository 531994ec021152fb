"""Pull a live HLS stream: poll the playlist, download each new media segment, feed its bytes on.

Nothing is fetched by ffmpeg: playlists and segments are downloaded here with CheckedClient,
so a variant playlist, a segment or an init section on another host, or a redirect to one, is
refused before any request is made to it. A reconnect that finds the segments it missed still
in the playlist continues in the same ffmpeg run (nothing lost: the gap is recorded with
`missed_s=0`); when the playlist window has moved past them, the run is closed and the missed
time is estimated from the target duration.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urljoin

import m3u8

from pipelines.live.errors import SourceDropped, UnsupportedSource
from pipelines.live.events import EndReason
from pipelines.live.fetch import MAX_PLAYLIST_BYTES, CheckedClient
from pipelines.live.hosts import check_url
from pipelines.live.sink import SegmentSink

STALL_TARGETS = 4  # no new segment for this many target durations (at least STALL_MIN_S) is a drop
STALL_MIN_S = 20.0


class HlsPuller:
    def __init__(self, url: str, client: CheckedClient, after_seq: int | None = None) -> None:
        self.url, self.client = url, client
        self.media_url: str | None = None
        self.last_seq: int | None = after_seq
        self._init: tuple[str, bytes] | None = None  # (uri, bytes) of the current EXT-X-MAP

    def interrupt(self) -> None:
        """Nothing blocks for long here: the loop checks the stop event between requests."""

    def pull(self, sink: SegmentSink, stop: threading.Event) -> EndReason:
        last_new = time.monotonic()
        while not stop.is_set():
            playlist, base = self._load_media_playlist()
            fresh = self._fresh(playlist, sink)
            for seq, segment in fresh:
                if stop.is_set():
                    return "stopped"
                self._write_segment(seq, segment, base, sink)
            if fresh:
                last_new = time.monotonic()
            if playlist.is_endlist:
                return "source_ended"
            stall = max(STALL_TARGETS * (playlist.target_duration or 2), STALL_MIN_S)
            if time.monotonic() - last_new > stall:
                raise SourceDropped("直播源长时间没有新内容", code="live_stalled")
            stop.wait(self.client.options.poll_s)
        return "stopped"

    def _load(self, url: str) -> tuple[m3u8.M3U8, str]:
        final_url, body = self.client.get_bytes(url, MAX_PLAYLIST_BYTES)
        text = body.decode("utf-8", "replace")
        if not text.lstrip("\ufeff").startswith("#EXTM3U"):
            raise UnsupportedSource("地址返回的不是 HLS 播放列表（m3u8）")
        return m3u8.loads(text), final_url

    def _load_media_playlist(self) -> tuple[m3u8.M3U8, str]:
        playlist, base = self._load(self.media_url or self.url)
        if playlist.is_variant:
            self.media_url = self._choose_variant(playlist, base)
            playlist, base = self._load(self.media_url)
            if playlist.is_variant:
                raise UnsupportedSource("HLS 播放列表嵌套层数过多")
        return playlist, base

    def _choose_variant(self, master: m3u8.M3U8, base: str) -> str:
        """The highest-bandwidth variant; its audio must be muxed in (separate renditions are refused)."""
        if not master.playlists:
            raise UnsupportedSource("HLS 主播放列表里没有可用的码流")
        variant = max(master.playlists, key=lambda p: p.stream_info.bandwidth or 0)
        group = variant.stream_info.audio
        if group and any(m.type == "AUDIO" and m.group_id == group and m.uri for m in master.media):
            raise UnsupportedSource("该 HLS 直播流的声音与画面分开传输，暂不支持")
        return check_url(urljoin(base, variant.uri), self.client.options.allowed_hosts)

    def _fresh(self, playlist: m3u8.M3U8, sink: SegmentSink) -> list[tuple[int, m3u8.Segment]]:
        """Segments after the last one written; resolves a pending gap against what is still listed."""
        first = playlist.media_sequence or 0
        numbered = list(enumerate(playlist.segments, start=first))
        last_listed = first + len(numbered) - 1
        if self.last_seq is not None and last_listed < self.last_seq - 1:  # the sequence restarted
            self.last_seq = None
            sink.resume(None, restart=True)
        fresh = [(seq, s) for seq, s in numbered if self.last_seq is None or seq > self.last_seq]
        if sink.dropped and fresh:
            missed = fresh[0][0] - self.last_seq - 1 if self.last_seq is not None else 0
            sink.resume(missed * (playlist.target_duration or 0), restart=missed > 0)
        return fresh

    def _write_segment(self, seq: int, segment: m3u8.Segment, base: str, sink: SegmentSink) -> None:
        _check_supported(segment)
        options = self.client.options
        url = check_url(urljoin(base, segment.uri), options.allowed_hosts)
        _, data = self.client.get_bytes(url, int(options.max_segment_mb * 1048576))
        if segment.discontinuity and self.last_seq is not None:
            sink.end_run()  # new timestamps: a new ffmpeg run
        self._write_init(segment, base, sink)
        sink.write(data)
        self.last_seq = seq

    def _write_init(self, segment: m3u8.Segment, base: str, sink: SegmentSink) -> None:
        """fMP4 streams: the init section (EXT-X-MAP) starts every ffmpeg run and follows each change."""
        if segment.init_section is None:
            return
        url = check_url(urljoin(base, segment.init_section.uri), self.client.options.allowed_hosts)
        changed = self._init is None or self._init[0] != url
        if changed:
            self._init = (url, self.client.get_bytes(url, MAX_PLAYLIST_BYTES * 4)[1])
        if changed or not sink.running:
            sink.write(self._init[1])


def _check_supported(segment: m3u8.Segment) -> None:
    if segment.key is not None and (segment.key.method or "NONE").upper() != "NONE":
        raise UnsupportedSource("加密的 HLS 直播流暂不支持")
    if segment.byterange:
        raise UnsupportedSource("按字节范围切分的 HLS 直播流暂不支持")
