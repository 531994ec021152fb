"""Live sources on loopback for the live-ingest tests: an HTTP server and an ffmpeg `-re` HLS producer."""

from __future__ import annotations

import subprocess
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pipelines.clips.ffmpeg import ffmpeg_exe
from tests.utils.server import free_port


@dataclass(frozen=True)
class Canned:
    """A fixed response: a body, or a redirect when `location` is set."""

    body: bytes = b""
    content_type: str = "application/vnd.apple.mpegurl"
    location: str | None = None
    send_bytes: int | None = None  # send only this much of the body, then drop the connection
    length: bool = True  # False: no Content-Length, the body ends when the connection closes


class _Handler(SimpleHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.headers.get("Host", ""), self.path))
        canned = self.server.canned.get(self.path.split("?")[0])
        if isinstance(canned, list):  # one response per request, the last one repeats
            canned = canned.pop(0) if len(canned) > 1 else canned[0]
        if canned is None:
            return super().do_GET()
        self.send_response(302 if canned.location else 200)
        if canned.location:
            self.send_header("Location", canned.location)
        self.send_header("Content-Type", canned.content_type)
        if canned.length:
            self.send_header("Content-Length", str(len(canned.body)))
        self.end_headers()
        self.wfile.write(canned.body[:canned.send_bytes])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    requests: list[tuple[str, str]]
    canned: dict[str, Canned | list[Canned]]


class LoopbackServer:
    """Serves `root` (and canned responses) on 127.0.0.1; can be stopped and restarted on the same port."""

    def __init__(self, root: Path, canned: dict[str, Canned | list[Canned]] | None = None) -> None:
        self.root, self.port = root, free_port()
        self.canned = canned or {}
        self.requests: list[tuple[str, str]] = []
        self._server: _Server | None = None

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}/{path.lstrip('/')}"

    def start(self) -> LoopbackServer:
        self._server = _Server(("127.0.0.1", self.port), partial(_Handler, directory=str(self.root)))
        self._server.requests, self._server.canned = self.requests, self.canned
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def make_live_source(source: Path, seconds: float, out: Path, *, width: int = 640, gop_s: float = 2.0) -> Path:
    """A cut of `source` re-encoded with keyframes every `gop_s` (live encoders use 1-4 s GOPs)."""
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-t", f"{seconds:g}",
                    "-i", str(source), "-vf", f"scale={width}:-2", "-c:v", "libx264", "-preset", "ultrafast",
                    "-g", str(round(25 * gop_s)), "-r", "25", "-c:a", "copy", str(out)], check=True)
    return out


class HlsProducer:
    """ffmpeg `-re` writing a live HLS playlist (sliding window) into a folder, as an encoder would."""

    def __init__(self, source: Path, folder: Path, *, hls_time: float = 2.0, list_size: int = 15) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.playlist = folder, folder / "live.m3u8"
        self.proc = subprocess.Popen(
            [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-re", "-i", str(source), "-c", "copy",
             "-f", "hls", "-hls_time", f"{hls_time:g}", "-hls_list_size", str(list_size),
             "-hls_flags", "temp_file", "-hls_segment_filename", str(folder / "s%05d.ts"), str(self.playlist)])

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.running:
            self.proc.terminate()
        self.proc.wait(10)
