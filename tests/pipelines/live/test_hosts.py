"""The allow-list: host patterns and strict URL checks."""

import pytest

from pipelines.live import SourceNotAllowed, UnsupportedSource, check_url, detect_kind, host_allowed
from pipelines.live.hosts import RTMP_SCHEMES


@pytest.mark.parametrize(("host", "patterns", "allowed"), [
    ("live.example.com", ["live.example.com"], True),
    ("LIVE.Example.com.", ["live.example.com"], True),
    ("a.live.example.com", ["*.example.com"], True),
    ("example.com", ["*.example.com"], False),
    ("evilexample.com", ["*.example.com"], False),
    ("example.com.evil.net", ["example.com"], False),
    ("127.0.0.1", ["127.0.0.1"], True),
    ("localhost", ["127.0.0.1"], False),
    ("::1", ["[::1]"], True),
    ("live.example.com", [], False),
    ("live.example.com", [""], False),
])
def test_host_patterns(host: str, patterns: list[str], allowed: bool) -> None:
    assert host_allowed(host, patterns) is allowed


@pytest.mark.parametrize("url", [
    "http://evil.net/live.m3u8",
    "http://live.example.com@evil.net/live.m3u8",
    "http://evil.net/live.example.com/live.m3u8",
    "http://live.example.com.evil.net/x.flv",
])
def test_hosts_off_the_list_are_refused(url: str) -> None:
    with pytest.raises((SourceNotAllowed, UnsupportedSource)):
        check_url(url, ["live.example.com"])


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://live.example.com/x.flv", "http://live.example.com\\@evil.net/x.m3u8",
    "http://live.example.com /x.m3u8", "http://live.example.com:99999/x.m3u8", "http:///x.m3u8",
    "concat:http://live.example.com/a.ts|http://evil.net/b.ts",
])
def test_malformed_or_odd_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsupportedSource):
        check_url(url, ["live.example.com"])


def test_rtmp_needs_its_own_schemes() -> None:
    assert check_url("rtmp://live.example.com/app/key", ["live.example.com"], RTMP_SCHEMES)
    with pytest.raises(UnsupportedSource):
        check_url("rtmp://live.example.com/app/key", ["live.example.com"])


@pytest.mark.parametrize(("url", "kind"), [
    ("https://a.example.com/live/index.m3u8?token=1", "hls"), ("http://a.example.com/live/room.flv", "flv"),
    ("rtmp://a.example.com/live/key", "rtmp"), ("rtmps://a.example.com/live/key", "rtmp"),
])
def test_kind_from_the_url(url: str, kind: str) -> None:
    assert detect_kind(url) == kind


def test_unknown_kind_must_be_named() -> None:
    with pytest.raises(UnsupportedSource):
        detect_kind("http://a.example.com/live/stream")
    assert detect_kind("http://a.example.com/live/stream", "flv") == "flv"
