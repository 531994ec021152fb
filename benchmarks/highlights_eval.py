"""Highlight evaluation on both dev streams: are the demo, the tasting and the offer found?

For each stream (../shared/media/stream with comments.jsonl, ../shared/media/stream3 with
comments.csv), with and without its comments, with the matching catalog (knowledge/products.csv)
and with the default tenant's seed catalog (knowledge/seed/catalog.csv, which lists none of the
streams' products), prints the rank in the highlight list of the first highlight of each kind
that holds at least COVER of that kind's span in script_truth.json ("-" when none does), and
whether every highlight is sentence-bounded (starts and ends at the transcript's sentence edges,
cuts no sentence). The ground truth is used here only to evaluate.

Transcripts are real: whisper through pipelines.asr.transcribe with the catalog's names as
hotwords, as the service runs it. They are cached under --cache (delete it to re-transcribe).

    .venv/bin/python benchmarks/highlights_eval.py [--cache /tmp/wutong-hl] [--top 4]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.asr import TranscribeOptions, catalog_hotwords, transcribe  # noqa: E402
from pipelines.catalog import Product, load_catalog  # noqa: E402
from pipelines.comments import parse_comments  # noqa: E402
from pipelines.highlights import HighlightOptions, find_highlights  # noqa: E402
from pipelines.provision import provision_all  # noqa: E402
from pipelines.transcript import Transcript  # noqa: E402
from tests.pipelines.highlights.streams import COVER, KINDS, rank_of, sentence_bounded  # noqa: E402

MEDIA = REPO.parent / "shared" / "media"
STREAMS = {"stream": "comments.jsonl", "stream3": "comments.csv"}
CATALOGS = {"products": REPO.parent / "shared" / "knowledge" / "products.csv",
            "seed": REPO / "knowledge" / "seed" / "catalog.csv"}


def cached_transcript(stream: str, catalog_name: str, catalog: list[Product], cache: Path, models: Path) -> Transcript:
    path = cache / f"{stream}-{catalog_name}.json"
    if path.is_file():
        return Transcript.from_dict(json.loads(path.read_text(encoding="utf-8")))
    transcript = transcribe(MEDIA / stream / "stream.mp4", TranscribeOptions(), model_dir=models,
                            hotwords=catalog_hotwords(catalog))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(transcript.to_dict(), ensure_ascii=False), encoding="utf-8")
    return transcript


def truth_span(stream: str, kind: str) -> tuple[float, float]:
    sentences = [s for s in json.loads((MEDIA / stream / "script_truth.json").read_text(encoding="utf-8"))
                 if s["kind"] == kind]
    return sentences[0]["start"], sentences[-1]["end"]


def evaluate(stream: str, catalog_name: str, with_comments: bool, args: argparse.Namespace) -> str:
    catalog = load_catalog(CATALOGS[catalog_name])
    transcript = cached_transcript(stream, catalog_name, catalog, args.cache, args.models)
    comments_file = MEDIA / stream / STREAMS[stream]
    comments = parse_comments(comments_file.read_bytes(), comments_file.name).comments if with_comments else []
    options = HighlightOptions(llm_titles=False)
    highlights = find_highlights(transcript, catalog, comments, options)
    ranks = {k: rank_of(highlights, k, truth_span(stream, k)) for k in KINDS}
    ok = all(r is not None and r <= args.top for r in ranks.values())
    bounded = all(sentence_bounded(h, transcript, options.padding_s) for h in highlights)
    cells = " ".join(f"{k}={ranks[k] or '-'}" for k in KINDS)
    return (f"{stream:8s} {catalog_name:8s} {'yes' if with_comments else 'no ':3s}  {cells:28s} "
            f"{'yes' if bounded else 'NO':8s} {'ok' if ok else 'MISS'}  "
            + " | ".join(f"{h.kind}:{h.start:.0f}-{h.end:.0f}" for h in highlights[:args.top]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/wutong-hl"))
    parser.add_argument("--models", type=Path, default=REPO / "var" / "models")
    parser.add_argument("--top", type=int, default=4)
    args = parser.parse_args()
    provision_all(args.models)
    print(f"rank of the first highlight holding >= {COVER:.0%} of each kind's span; top {args.top} needed")
    print(f"{'stream':8s} {'catalog':8s} cmt  {'ranks':28s} {'bounded':8s} top{args.top}  top list")
    for stream in STREAMS:
        for catalog_name in CATALOGS:
            for with_comments in (True, False):
                print(evaluate(stream, catalog_name, with_comments, args), flush=True)


if __name__ == "__main__":
    main()
