"""Errors of live ingest, on top of the shared hierarchy (app/errors.py maps codes to HTTP)."""

from __future__ import annotations

from pipelines.errors import Conflict, InvalidInput, WutongError


class SourceNotAllowed(InvalidInput):
    """A URL (the source, a redirect, a variant or segment of a playlist) is not on the allow-list."""

    code = "live_host_not_allowed"


class UnsupportedSource(InvalidInput):
    code = "live_source_unsupported"


class SourceDropped(WutongError):
    """The connection to the source was lost; `clean` when the source closed it (end of stream?)."""

    code = "live_connection_lost"

    def __init__(self, message: str, *, code: str | None = None, clean: bool = False) -> None:
        super().__init__(message, code=code)
        self.clean = clean


class DiskSpaceLow(WutongError):
    code = "disk_space_low"


class LiveEnded(Conflict):
    """A chunk arrived for a live recording that has already ended."""

    code = "live_ended"


class ChunkOutOfOrder(Conflict):
    """A pushed chunk skips ahead; `expected` is the sequence number to send next."""

    code = "chunk_out_of_order"

    def __init__(self, expected: int, got: int) -> None:
        super().__init__(f"直播分片顺序不对：应发送第 {expected} 片，收到第 {got} 片")
        self.expected = expected
        self.got = got


class ChunkMismatch(Conflict):
    """A sequence number already written arrived again with different bytes."""

    code = "chunk_mismatch"
