"""Pull a continuous live stream: HTTP-FLV over CheckedClient, RTMP through an ffmpeg reader.

Both hand the sink one byte stream per connection. A new connection starts a new FLV stream
(header, timestamps from zero), so each connection is its own ffmpeg segmenter run. RTMP is
read by ffmpeg (there is no RTMP client in Python's standard stack) with a protocol whitelist,
after the URL's host has passed the allow-list, and remuxed to FLV on a pipe.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading

from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.live.errors import SourceDropped
from pipelines.live.events import EndReason
from pipelines.live.fetch import CheckedClient
from pipelines.live.hosts import RTMP_SCHEMES, check_url
from pipelines.live.options import LiveOptions
from pipelines.live.sink import SegmentSink

READ_BYTES = 64 * 1024
RTMP_PROTOCOLS = "rtmp,rtmps,tcp,tls"


class FlvPuller:
    def __init__(self, url: str, client: CheckedClient) -> None:
        self.url, self.client = url, client

    def interrupt(self) -> None:
        self.client.interrupt()

    def pull(self, sink: SegmentSink, stop: threading.Event) -> EndReason:
        sink.end_run()
        with self.client.stream(self.url) as chunks:
            for chunk in chunks:
                if stop.is_set():
                    return "stopped"
                sink.write(chunk)
        if stop.is_set():
            return "stopped"
        raise SourceDropped("直播源关闭了连接", code="live_stream_closed", clean=True)


def rtmp_reader_args(url: str, options: LiveOptions) -> list[str]:
    timeout_us = str(int(options.read_timeout_s * 1_000_000))
    return [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-rw_timeout", timeout_us,
            "-protocol_whitelist", RTMP_PROTOCOLS, "-i", url,
            "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-f", "flv", "pipe:1"]


class RtmpPuller:
    def __init__(self, url: str, options: LiveOptions) -> None:
        self.url = check_url(url, options.allowed_hosts, RTMP_SCHEMES)
        self.options = options
        self._proc: subprocess.Popen | None = None

    def interrupt(self) -> None:
        if self._proc and self._proc.poll() is None:
            self._proc.kill()

    def pull(self, sink: SegmentSink, stop: threading.Event) -> EndReason:
        sink.end_run()
        with tempfile.TemporaryFile() as errors:
            self._proc = subprocess.Popen(rtmp_reader_args(self.url, self.options), stdin=subprocess.DEVNULL,
                                          stdout=subprocess.PIPE, stderr=errors)
            try:
                self._copy(sink, stop)
            finally:
                self.interrupt()
                code = self._proc.wait()
            if stop.is_set():
                return "stopped"
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-2:]
        if code == 0:
            raise SourceDropped("RTMP 直播流结束", code="live_stream_closed", clean=True)
        raise SourceDropped(f"RTMP 连接中断：{' / '.join(tail)}", code="live_connection_lost")

    def _copy(self, sink: SegmentSink, stop: threading.Event) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while not stop.is_set():
            chunk = os.read(fd, READ_BYTES)
            if not chunk:
                return
            sink.write(chunk)
