"""Scripts and copy judged by the voice check and the fact checker, with and without the model.

    .venv/bin/python benchmarks/drafts_eval.py [--llm none|local|openai] [--base-url URL] [--only N ...]

Ten 30-minute script requests over two catalogs (../shared/knowledge/products.csv with its recipes,
knowledge/seed/catalog.csv with the seed recipes) and twenty pieces of copy (four kinds x five
requests). Per script: voice-check and fact-check violations, structure (each product segment has a
hook, a way to eat it, one price sentence and a call to action; a demo when a recipe relates), the
share of model rewrites that survived the checks, length, wall and CPU seconds (the CPU time of
the model's 2 threads is the fairer number on a shared machine). Scripts are saved as Markdown
under test-artifacts/drafts/<llm>/ to be read.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.catalog import Product, load_catalog  # noqa: E402
from pipelines.drafts import (  # noqa: E402
    COPY_KINDS,
    CopyContext,
    CopyRequest,
    Script,
    ScriptRequest,
    build_script,
    recipes_from_folder,
    render_script_markdown,
    write_copy,
)
from pipelines.drafts.voice import USE_WORDS, check_copy_voice, check_script_voice  # noqa: E402
from pipelines.llm import LLMOptions, get_llm  # noqa: E402

SHARED = REPO.parent / "shared" / "knowledge"
SEED = REPO / "knowledge" / "seed"
CATALOGS = {"shared": (SHARED / "products.csv", SHARED / "recipes"), "seed": (SEED / "catalog.csv", SEED / "recipes")}
# (catalog, theme, skus, open questions, last stream's requests): some with questions, some without.
REQUESTS = [
    ("shared", "春季尝鲜季", ["WT-001", "WT-003", "WT-005"], ["鸡蛋能放多久？", "橄榄油可以炒菜吗？"], ["想要（5次）"]),
    ("shared", "周末煲汤", ["WT-013", "WT-014", "WT-015"], [], []),
    ("shared", "宝宝辅食专场", ["WT-009", "WT-019", "WT-016"], ["米粉几个月能吃？"], []),
    ("shared", "早餐好物", ["WT-011", "WT-012", "WT-021", "WT-008"], [], ["投票选2（2次）", "下次能不能来点酸奶（2次）"]),
    ("shared", "邻里手作", ["WT-010", "WT-021", "WT-018"], [], []),
    ("seed", "厨房常备", ["SD-102", "SD-105", "SD-110"], [], []),
    ("seed", "东北味道", ["SD-101", "SD-109", "SD-103"], ["酸菜能放多久？"], []),
    ("seed", "海鲜周", ["SD-106", "SD-111", "SD-104"], ["虾仁宝宝能吃吗？"], ["想要（3次）"]),
    ("seed", "早餐桌", ["SD-107", "SD-112", "SD-114", "SD-115"], [], []),
    ("seed", "周末西餐", ["SD-108", "SD-104", "SD-113"], [], []),
]
COPY_SKUS = [("shared", ["WT-003", "WT-005"]), ("shared", ["WT-013"]), ("seed", ["SD-102"]),
             ("seed", ["SD-105", "SD-110"]), ("shared", ["WT-010"])]
OUT = REPO / "test-artifacts" / "drafts"


def structure_gaps(script: Script, catalog: list[Product], has_recipe: bool) -> list[str]:
    """What a product segment or the run sheet is missing: hook, use, one price sentence, call to action."""
    by_sku = {p.sku: p for p in catalog}
    gaps = []
    for seg in (s for s in script.segments if s.kind == "product"):
        product = by_sku[seg.skus[0]]
        price = re.escape(product.get("price").removesuffix(".0")) + "元"
        checks = {"hook": len(seg.talk) > 60, "use": bool(USE_WORDS.search(seg.talk)),
                  "one price": len(re.findall(price, seg.talk)) == 1, "cta": bool(re.search(r"扣.?1|接龙", seg.talk))}
        gaps += [f"{product.name}: no {k}" for k, ok in checks.items() if not ok]
    if has_recipe and not any(s.kind == "demo" for s in script.segments):
        gaps.append("no demo")
    return gaps


def fact_violations(script: Script, catalog: list[Product]) -> list[str]:
    return [f"{s.kind}: {u}" for s in script.segments for u in s.grounding.unsupported]


def run_scripts(llm, label: str, only: list[int]) -> None:
    (OUT / label).mkdir(parents=True, exist_ok=True)
    totals = {"voice": 0, "facts": 0, "gaps": 0, "tried": 0, "kept": 0, "seconds": 0.0, "cpu": 0.0}
    for n, (which, theme, skus, questions, requests) in enumerate(REQUESTS, 1):
        if only and n not in only:
            continue
        catalog, recipes = load_catalog(CATALOGS[which][0]), recipes_from_folder(CATALOGS[which][1])
        start, cpu_start = time.perf_counter(), time.process_time()
        script = build_script(ScriptRequest(theme, skus, 30), catalog, llm=llm, recipes=recipes,
                              questions=questions, comment_requests=requests)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        voice = check_script_voice([(s.kind, s.talk) for s in script.segments])
        facts = fact_violations(script, catalog)
        gaps = structure_gaps(script, catalog, recipes([p for p in catalog if p.sku in skus]) is not None)
        tried, kept = sum(s.polish_tried for s in script.segments), sum(s.polish_kept for s in script.segments)
        length = sum(len(s.talk) for s in script.segments)
        (OUT / label / f"{n:02d}-{theme}.md").write_text(render_script_markdown(script), encoding="utf-8")
        print(f"{n:2d} {theme:<8} voice {len(voice)}  facts {len(facts)}  gaps {len(gaps)}  "
              f"llm kept {kept}/{tried}  {length} chars  {seconds:5.1f}s (cpu {cpu:5.1f}s)  demo: {script.recipe.title if script.recipe else '-'}")
        for problem in [*map(str, voice), *facts, *gaps]:
            print(f"      {problem}")
        for key, value in zip(totals, (len(voice), len(facts), len(gaps), tried, kept, seconds, cpu)):
            totals[key] += value
    share = f"{totals['kept'] / totals['tried']:.0%}" if totals["tried"] else "-"
    print(f"scripts [{label}]: voice {totals['voice']}  facts {totals['facts']}  gaps {totals['gaps']}  "
          f"llm kept {share}  {totals['seconds']:.1f}s (cpu {totals['cpu']:.1f}s) in all")


def run_copy(llm, label: str) -> None:
    counts = {"voice": 0, "facts": 0}
    lines = []
    for which, skus in COPY_SKUS:
        catalog, recipes = load_catalog(CATALOGS[which][0]), recipes_from_folder(CATALOGS[which][1])
        names = "、".join(p.name for p in catalog if p.sku in skus)
        context = CopyContext(highlight_title=f"{names}现场开箱", clip_url=f"https://example.org/clips/{skus[0]}.mp4")
        for kind in COPY_KINDS:
            draft = write_copy(CopyRequest(kind, skus, context=context), catalog, llm=llm, recipes=recipes)
            voice = check_copy_voice(kind, draft.full_text, draft.hashtags)
            facts = draft.grounding.unsupported
            counts["voice"] += len(voice)
            counts["facts"] += len(facts)
            lines += [f"## {kind} {' '.join(skus)}", "", draft.full_text, ""]
            if voice or facts:
                print(f"   {kind} {skus}: {[str(v) for v in voice]} {facts}")
    (OUT / label / "copy.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"copy [{label}]: 20 pieces, voice {counts['voice']}  facts {counts['facts']}")


def make_llm(kind: str, base_url: str | None):
    if kind == "none":
        return None
    options = LLMOptions(base_url=base_url) if kind == "openai" else LLMOptions()
    return get_llm(options, REPO / "var" / "models")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--llm", choices=["none", "local", "openai"], default="none")
    parser.add_argument("--base-url", help="llama.cpp's OpenAI-compatible server, for --llm openai")
    parser.add_argument("--only", type=int, nargs="*", default=[], help="script numbers to run (1-10)")
    parser.add_argument("--no-copy", action="store_true")
    args = parser.parse_args()
    llm = make_llm(args.llm, args.base_url)
    if llm is not None:  # load the model before the clock starts, as a running service has it loaded
        llm.complete([{"role": "user", "content": "你好"}], max_tokens=1)
    run_scripts(llm, args.llm, args.only)
    if not args.no_copy:
        run_copy(llm, args.llm)


if __name__ == "__main__":
    main()
