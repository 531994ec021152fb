"""The operator's allow-list of live-source hosts, applied to every URL before it is fetched.

Patterns are host names (`live.example.com`), a leading wildcard for subdomains
(`*.example.com`, not the bare domain) or IP literals. URLs are checked strictly: no
credentials, no whitespace or backslashes (parsers disagree about those), only the schemes
the caller allows, so what ffmpeg or httpx connects to is the host that was checked.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from pipelines.live.errors import SourceNotAllowed, UnsupportedSource

HTTP_SCHEMES = frozenset({"http", "https"})
RTMP_SCHEMES = frozenset({"rtmp", "rtmps"})
_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
_UNSAFE = re.compile(r"[\s\\\x00-\x1f\x7f]")


def normalize_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host.encode("idna").decode("ascii") if not host.isascii() else host


def host_matches(host: str, pattern: str) -> bool:
    host, pattern = normalize_host(host), pattern.strip().lower().rstrip(".")
    if pattern.startswith("*."):
        suffix = normalize_host(pattern[2:])
        return host.endswith("." + suffix)
    return host == normalize_host(pattern)


def host_allowed(host: str, patterns: Iterable[str]) -> bool:
    return any(host_matches(host, p) for p in patterns if p.strip())


def url_host(url: str, schemes: Iterable[str]) -> str:
    """The host `url` would connect to; raises UnsupportedSource for a malformed or odd URL."""
    if not url or _UNSAFE.search(url) or not url.isascii():
        raise UnsupportedSource("直播地址格式不对（含空格或特殊字符）")
    parts = urlsplit(url)
    if parts.scheme.lower() not in set(schemes):
        raise UnsupportedSource(f"不支持的直播地址协议：{parts.scheme or '无'}")
    if "@" in parts.netloc:
        raise UnsupportedSource("直播地址里不能带用户名和密码")
    try:
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise UnsupportedSource("直播地址的端口不对") from exc
    host = normalize_host(parts.hostname or "")
    if not host or not (_HOST_NAME.match(host) or _is_ip(host)):
        raise UnsupportedSource("直播地址缺少主机名")
    return host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def check_url(url: str, allowed: Iterable[str], schemes: Iterable[str] = HTTP_SCHEMES) -> str:
    """Return `url` when its host is allowed; raise SourceNotAllowed otherwise."""
    host = url_host(url, schemes)
    if not host_allowed(host, allowed):
        raise SourceNotAllowed(f"直播地址的主机 {host} 不在允许列表中（WUTONG_LIVE_ALLOWED_HOSTS）")
    return url
