"""Where a tenant's files live, how they are written, and what start-up sweeps.

Names are always ids we generated, never a client's filename. Every file is written under a unique
temp name beside its target and renamed into place, so a reader never sees half a file and two
writers never share a temp file; a clip is rendered into a staging folder that is renamed when done.
Computing a path creates nothing: writers create folders as they write.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
from pathlib import Path

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
TEMP_SUFFIX = ".tmp"
STAGING_PREFIX = ".render-"


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
        return path

    def recording(self, tenant_id: str, recording_id: str, fmt: str) -> Path:
        return self.tenant_dir(tenant_id, "recordings") / f"{_safe(recording_id)}.{_safe(fmt)}"

    def transcript(self, tenant_id: str, recording_id: str) -> Path:
        return self.tenant_dir(tenant_id, "transcripts") / f"{_safe(recording_id)}.json"

    def comments(self, tenant_id: str, recording_id: str) -> Path:
        return self.tenant_dir(tenant_id, "comments") / f"{_safe(recording_id)}.json"

    def transcript_windows(self, tenant_id: str, recording_id: str) -> Path:
        """Finished windows of a transcription in progress (resumed after a crash, removed when done)."""
        return self.tenant_dir(tenant_id, "checkpoints", recording_id)

    def clip_dir(self, tenant_id: str, clip_id: str) -> Path:
        return self.tenant_dir(tenant_id, "clips", clip_id)

    def clip_staging(self, tenant_id: str, clip_id: str) -> Path:
        return self.tenant_dir(tenant_id, "clips") / f"{STAGING_PREFIX}{_safe(clip_id)}"

    def knowledge_root(self) -> Path:
        return self.root / "knowledge"


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write under a unique temp name beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}{TEMP_SUFFIX}")
    try:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def move_into_place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def remove(path: Path) -> None:
    """A file or a folder, if it is there."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def leftovers(root: Path) -> list[Path]:
    """What only a crash leaves behind: uploads in tmp/, temp files and clip staging folders."""
    found = [p for p in (root / "tmp").glob("*")] if (root / "tmp").is_dir() else []
    tenants = root / "tenants"
    if tenants.is_dir():
        found += [p for p in tenants.rglob(f".*{TEMP_SUFFIX}") if p.is_file()]
        found += [p for p in tenants.glob(f"*/clips/{STAGING_PREFIX}*") if p.is_dir()]
    return found


def sweep(root: Path, max_age_s: float) -> int:
    """Remove leftovers older than `max_age_s` (younger ones may belong to a job still running)."""
    cutoff = time.time() - max_age_s
    old = [p for p in leftovers(Path(root)) if p.stat().st_mtime < cutoff]
    for path in old:
        remove(path)
    return len(old)
