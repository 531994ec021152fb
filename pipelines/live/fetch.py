"""HTTP for live sources: every URL, redirect targets included, passes the allow-list first.

httpx never follows a redirect by itself here (`follow_redirects=False`); each `Location` is
resolved and checked before the next request. Transport failures and HTTP errors become
SourceDropped, which the recorder retries with backoff.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urljoin

import httpx

from pipelines.live.errors import SourceDropped, UnsupportedSource
from pipelines.live.hosts import check_url
from pipelines.live.options import LiveOptions

USER_AGENT = "Wutong-live/1.0"
MAX_PLAYLIST_BYTES = 2 * 1024 * 1024


class CheckedClient:
    """A small httpx client for one live source."""

    def __init__(self, options: LiveOptions) -> None:
        self.options = options
        timeout = httpx.Timeout(options.read_timeout_s, connect=options.connect_timeout_s)
        self._client = httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False,
                                    headers={"User-Agent": USER_AGENT})
        self._streaming: httpx.Response | None = None

    def close(self) -> None:
        self._client.close()

    def interrupt(self) -> None:
        """Unblock a stream() read from another thread (stop requested)."""
        if self._streaming is not None:
            self._streaming.close()

    def _send(self, url: str) -> tuple[str, httpx.Response]:
        """The final URL and its response (streamed: the caller reads and closes it)."""
        for _ in range(self.options.max_redirects + 1):
            check_url(url, self.options.allowed_hosts)
            try:
                response = self._client.send(self._client.build_request("GET", url), stream=True)
            except httpx.TimeoutException as exc:
                raise SourceDropped(f"直播源超时：{exc}", code="live_timeout") from exc
            except httpx.TransportError as exc:
                raise SourceDropped(f"直播源连接失败：{exc}", code="live_connection_lost") from exc
            if not response.is_redirect:
                return url, _checked_status(response)
            response.close()
            url = urljoin(url, response.headers.get("location", ""))
        raise UnsupportedSource("直播地址重定向次数过多")

    def get_bytes(self, url: str, limit: int) -> tuple[str, bytes]:
        """Download `url` whole (a playlist or a media segment), at most `limit` bytes."""
        final_url, response = self._send(url)
        with _reading(response):
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise UnsupportedSource(f"直播源返回的数据过大（超过 {limit // 1048576} MB）")
            return final_url, bytes(body)

    @contextmanager
    def stream(self, url: str) -> Iterator[Iterator[bytes]]:
        """Open `url` and yield its body as chunks (an HTTP-FLV live stream)."""
        _, response = self._send(url)
        self._streaming = response
        try:
            with _reading(response):
                yield response.iter_raw()
        finally:
            self._streaming = None


def _checked_status(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        response.close()
        raise SourceDropped(f"直播源返回 HTTP {response.status_code}", code=f"live_http_{response.status_code}")
    return response


@contextmanager
def _reading(response: httpx.Response) -> Iterator[None]:
    try:
        yield
    except httpx.TimeoutException as exc:
        raise SourceDropped(f"直播源超时：{exc}", code="live_timeout") from exc
    except httpx.TransportError as exc:  # includes a peer closing mid-body
        raise SourceDropped(f"直播源连接中断：{exc}", code="live_connection_lost") from exc
    finally:
        response.close()
