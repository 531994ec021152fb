"""Where a tenant's files live. Names are always ids we generated, never a client's filename."""

from __future__ import annotations

import re
from pathlib import Path

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _safe(part: str) -> str:
    if not _ID.match(part):
        raise ValueError(f"unsafe id: {part!r}")
    return part


class FileLayout:
    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir)

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def tenant_dir(self, tenant_id: str, *sub: str) -> Path:
        path = self.root / "tenants" / _safe(tenant_id)
        for part in sub:
            path = path / _safe(part)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def recording(self, tenant_id: str, recording_id: str, fmt: str) -> Path:
        return self.tenant_dir(tenant_id, "recordings") / f"{_safe(recording_id)}.{_safe(fmt)}"

    def transcript(self, tenant_id: str, recording_id: str) -> Path:
        return self.tenant_dir(tenant_id, "transcripts") / f"{_safe(recording_id)}.json"

    def comments(self, tenant_id: str, recording_id: str) -> Path:
        return self.tenant_dir(tenant_id, "comments") / f"{_safe(recording_id)}.json"

    def clip_dir(self, tenant_id: str, clip_id: str) -> Path:
        return self.tenant_dir(tenant_id, "clips", clip_id)

    def knowledge_root(self) -> Path:
        return self.root / "knowledge"
