"""LiveRecorder: pull a live source (HLS, HTTP-FLV, RTMP) into closed segments while it is on air.

One background thread per recording. The source's URL is checked against the allow-list when
the recorder is built, so the caller can refuse it at once; every later URL (redirects,
variants, segments) is checked before it is fetched. A dropped connection is retried with
exponential backoff (`reconnect_initial_s` doubling up to `reconnect_max_s`) for at most
`reconnect_for_s`, or `end_grace_s` after the source closed the stream cleanly; the gap is
recorded when data flows again. Closed segments are never rewritten.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from pipelines.errors import WutongError
from pipelines.live.errors import DiskSpaceLow, SourceDropped, UnsupportedSource
from pipelines.live.events import EndReason, LiveListener, LiveStatus
from pipelines.live.fetch import CheckedClient
from pipelines.live.hls import HlsPuller
from pipelines.live.hosts import HTTP_SCHEMES, RTMP_SCHEMES, check_url
from pipelines.live.ledger import ClosedSegment
from pipelines.live.options import LiveOptions, SourceKind
from pipelines.live.sink import SegmentSink
from pipelines.live.streams import FlvPuller, RtmpPuller

log = logging.getLogger(__name__)


class Puller(Protocol):
    def pull(self, sink: SegmentSink, stop: threading.Event) -> EndReason: ...

    def interrupt(self) -> None: ...


def detect_kind(url: str, kind: SourceKind = "auto") -> SourceKind:
    if kind != "auto":
        return kind
    parts = urlsplit(url)
    if parts.scheme.lower() in RTMP_SCHEMES:
        return "rtmp"
    path = parts.path.lower()
    if path.endswith(".m3u8"):
        return "hls"
    if path.endswith(".flv"):
        return "flv"
    raise UnsupportedSource("无法从地址判断直播流类型，请指定 hls、flv 或 rtmp")


def check_source(source: str, options: LiveOptions, kind: SourceKind = "auto") -> SourceKind:
    """The source's kind, if it may be pulled (raises UnsupportedSource / SourceNotAllowed)."""
    kind = detect_kind(source, kind)
    check_url(source, options.allowed_hosts, RTMP_SCHEMES if kind == "rtmp" else HTTP_SCHEMES)
    return kind


class LiveRecorder:
    def __init__(self, source: str, folder: Path, options: LiveOptions, listener: LiveListener | None = None,
                 kind: SourceKind = "auto", after_seq: int | None = None) -> None:
        self.source, self.kind, self.options = source, check_source(source, options, kind), options
        self.after_seq = after_seq  # HLS: the last media sequence number already recorded (a resumed session)
        self.sink = SegmentSink(Path(folder), options.segment_s, options.min_free_mb, listener)
        self._client = CheckedClient(options)
        self._puller: Puller = self._make_puller()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"live-{Path(folder).name}", daemon=True)
        self._error: tuple[str, str] | None = None
        self._ended: EndReason | None = None

    def _make_puller(self) -> Puller:
        if self.kind == "hls":
            return HlsPuller(self.source, self._client, self.after_seq)
        if self.kind == "flv":
            return FlvPuller(self.source, self._client)
        return RtmpPuller(self.source, self.options)

    @property
    def folder(self) -> Path:
        return self.sink.folder

    @property
    def segments(self) -> list[ClosedSegment]:
        return list(self.sink.ledger.segments)

    @property
    def cursor(self) -> int | None:
        """HLS: the media sequence number of the last segment written, for resuming after a restart."""
        return getattr(self._puller, "last_seq", None)

    def start(self) -> LiveRecorder:
        self._thread.start()
        return self

    def stop(self, timeout: float = 60.0) -> LiveStatus:
        """Stop recording; the segment in progress is closed and reported before this returns."""
        self._stop.set()
        self._puller.interrupt()
        return self.wait(timeout)

    def wait(self, timeout: float | None = None) -> LiveStatus:
        self._thread.join(timeout)
        return self.status()

    def status(self) -> LiveStatus:
        ledger = self.sink.ledger
        if self._ended:
            state = "ended"
        elif self.sink.dropped:
            state = "reconnecting"
        else:
            state = "recording" if self.sink.bytes_in else "starting"
        code, message = self._error or (None, None)
        return LiveStatus(state, ledger.recorded_s, len(ledger.segments), tuple(ledger.gaps), self.sink.bytes_in,
                          code, message, self._ended)

    def _run(self) -> None:
        reason: EndReason = "error"
        try:
            reason = self._pull_with_retries()
        except DiskSpaceLow as exc:
            reason = self._fail(exc, "disk_low")
        except WutongError as exc:  # not allowed, unsupported: retrying cannot help
            reason = self._fail(exc, "error")
        except Exception as exc:
            log.exception("live recorder crashed")
            reason = self._fail(WutongError(f"录制出错：{exc}", code="live_internal_error"), "error")
        finally:
            self._finish(reason)

    def _pull_with_retries(self) -> EndReason:
        away_since: float | None = None  # when the source went away (reset once data flows again)
        attempt = 0
        while True:
            try:
                return self._puller.pull(self.sink, self._stop)
            except SourceDropped as exc:
                if self._stop.is_set():
                    return "stopped"
                self._fail(exc, None)
                self.sink.mark_drop(exc.code)
                if away_since is None or self.sink.last_data > away_since:
                    away_since, attempt = time.time(), 0
                limit = self.options.end_grace_s if exc.clean else self.options.reconnect_for_s
                if time.time() - away_since >= limit:
                    return "source_ended" if exc.clean else "source_lost"
                delay = min(self.options.reconnect_max_s, self.options.reconnect_initial_s * 2 ** attempt)
                attempt += 1
                if self._stop.wait(delay):
                    return "stopped"

    def _fail(self, exc: WutongError, reason: EndReason | None) -> EndReason:
        self._error = (exc.code, exc.message)
        log.warning("live %s: %s (%s)", self.source, exc.message, exc.code)
        return reason or "error"

    def _finish(self, reason: EndReason) -> None:
        try:
            self.sink.close()
        finally:
            self._client.close()
            self._ended = reason
            self.sink.listener.ended(reason)


def start_recording(source: str, folder: Path, options: LiveOptions, listener: LiveListener | None = None,
                    kind: SourceKind = "auto", *, after_seq: int | None = None,
                    resumed_since: float | None = None) -> LiveRecorder:
    """Check `source` against the allow-list (raises SourceNotAllowed / UnsupportedSource) and start pulling.
    A session resumed after a restart passes `resumed_since` (when recording stopped): the time away is
    recorded as a gap once data flows, and HLS goes on after `after_seq`."""
    recorder = LiveRecorder(source, folder, options, listener, kind, after_seq)
    if resumed_since is not None:
        recorder.sink.mark_drop("live_service_restart", resumed_since)
    return recorder.start()
