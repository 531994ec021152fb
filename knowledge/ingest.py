"""Feed files and folders into a knowledge base; seed a tenant with the sample knowledge."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.base import KnowledgeBase
from pipelines.catalog import parse_catalog
from pipelines.errors import InvalidInput
from pipelines.textio import decode_text
from pipelines.zh import to_simplified

SEED_DIR = Path(__file__).with_name("seed")
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
CATALOG_SUFFIXES = (".csv", ".json")


@dataclass
class IngestReport:
    documents: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    chunks: int = 0


# Section headings of a recipe (HowToCook's 必备原料和工具 / 计算 / 操作, and the usual 食材 / 用料 / 做法 / 步骤
# of Chinese recipe sites): a file with both an ingredients and a method heading is a recipe wherever it sits.
RECIPE_INGREDIENT_HEADING = re.compile(r"^#{1,4}\s*.*(原料|食材|用料|配料|材料)", re.MULTILINE)
RECIPE_METHOD_HEADING = re.compile(r"^#{1,4}\s*.*(操作|步骤|做法|制作方法|烹饪方法)", re.MULTILINE)


def guess_kind(doc_id: str, text: str = "") -> str:
    """recipe / faq / doc from the path, else from the text's headings; a tenant may pass `kind` instead."""
    lowered = doc_id.lower()
    if "recipe" in lowered or lowered.startswith("dishes/") or "/dishes/" in lowered or "菜谱" in doc_id:
        return "recipe"
    if "faq" in lowered or "问答" in doc_id or "常见问题" in doc_id:
        return "faq"
    if RECIPE_INGREDIENT_HEADING.search(text) and RECIPE_METHOD_HEADING.search(text):
        return "recipe"
    return "doc"


def ingest_bytes(kb: KnowledgeBase, doc_id: str, data: bytes, *, kind: str | None = None,
                 report: IngestReport | None = None) -> IngestReport:
    """One uploaded file: a .csv/.json catalog becomes products, .md/.txt a document with this id."""
    report = report or IngestReport()
    suffix = Path(doc_id).suffix.lower()
    if suffix in CATALOG_SUFFIXES:
        products = parse_catalog(data, doc_id)
        report.products += kb.add_products(products, source_id=doc_id)
        report.chunks += len(products)
    elif suffix in TEXT_SUFFIXES:
        text = to_simplified(decode_text(data, f"文档 {doc_id} "))  # 白鱔 -> 白鳝: residents read and type Simplified
        report.chunks += kb.add_document(doc_id, text, kind=kind or guess_kind(doc_id, text))  # type: ignore[arg-type]
        report.documents.append(doc_id)
    else:
        raise InvalidInput(f"'{doc_id}': only .md/.txt documents and .csv/.json catalogs can be ingested")
    return report


def ingest_file(kb: KnowledgeBase, path: Path, doc_id: str, report: IngestReport) -> None:
    if path.suffix.lower() in CATALOG_SUFFIXES + TEXT_SUFFIXES:
        ingest_bytes(kb, doc_id, path.read_bytes(), report=report)
    else:
        report.skipped.append(doc_id)


def ingest_path(kb: KnowledgeBase, path: Path, *, exclude: tuple[str, ...] = ("LICENSE", "README")) -> IngestReport:
    """A file (id = its name) or a folder (ids = paths relative to it); LICENSE/README files skipped."""
    path, report = Path(path), IngestReport()
    if path.is_file():
        ingest_file(kb, path, path.name, report)
        return report
    if not path.is_dir():
        raise InvalidInput(f"no such file or folder: {path}")
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        rel = file.relative_to(path).as_posix()
        if file.name.startswith(".") or file.name.startswith(exclude):
            report.skipped.append(rel)
            continue
        ingest_file(kb, file, rel, report)
    return report


def seed_knowledge(kb: KnowledgeBase, seed_dir: Path = SEED_DIR) -> IngestReport:
    """The sample catalog and recipes; idempotent, and quick on re-run thanks to the embedding cache."""
    report = ingest_path(kb, seed_dir / "recipes")
    catalog = ingest_path(kb, seed_dir / "catalog.csv")
    report.products, report.chunks = catalog.products, report.chunks + catalog.chunks
    return report


