"""The demand report as a PNG card a leader posts in the group: comment activity over the stream with
product stretches marked, the products most wanted, "大家想要的" requests the catalog lacks, and the
questions asked most. Drawn with matplotlib (Agg) in the packaged Noto Sans CJK SC.

Noto Sans CJK comes as a variable-font collection whose default instance is Thin; matplotlib can
neither pick a face in a collection nor a weight, so the SC face is saved once as its own file
and strokes are thickened with a same-colour outline (a path effect) to read well on a phone.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from pipelines.catalog.terms import head_terms, split_name
from pipelines.clips.fonts import get_cjk_font
from pipelines.demand.models import DemandReport

WIDTH_IN, HEIGHT_IN, DPI = 7.2, 9.6, 150  # 1080 x 1440 px: fills a phone screen
INK, MUTED, ACCENT, BAND = "#1f2430", "#6b7080", "#e4572e", ("#fde8d7", "#e3f0fa")
TOP_PRODUCTS = 5
TOP_LINES = 3
MAX_LABELS = 7  # product labels over the activity chart: a stretch narrower than 1/7 gets none


@lru_cache(maxsize=2)
def card_font(font_path: str | None = None, cache_dir: str | None = None) -> Path:
    """The Simplified-Chinese face as a single font file matplotlib can load (saved once)."""
    from fontTools.ttLib import TTCollection

    face = get_cjk_font(font_path)
    folder = Path(cache_dir or Path(tempfile.gettempdir()) / "wutong-fonts")
    target = folder / f"{face.path.stem}-{face.index}.otf"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        TTCollection(str(face.path), lazy=True).fonts[face.index].save(str(partial))
        partial.replace(target)
    return target


def _short(name: str, limit: int = 7) -> str:
    name = split_name(name)[0] or name  # 手工水饺（猪肉白菜） -> 手工水饺
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def _label(name: str, limit: int = 6) -> str:
    """A product's bar label: its name if short, else the longest head term that fits (橄榄油)."""
    core = split_name(name)[0] or name
    fitting = [t for t in head_terms(core) if len(t) <= limit]
    return core if len(core) <= limit else (max(fitting, key=len) if fitting else _short(core, limit))


def _text(ax, x, y, s, size, font, *, color=INK, weight=1.2, **kw) -> None:
    from matplotlib import patheffects

    ax.text(x, y, s, fontproperties=font, fontsize=size, color=color, transform=ax.transAxes,
            path_effects=[patheffects.withStroke(linewidth=weight, foreground=color)], **kw)


def _activity(ax, report: DemandReport, font) -> None:
    from matplotlib.ticker import MaxNLocator

    span = max(report.duration, report.bin_s * len(report.activity), 1.0)
    xs = [i * report.bin_s for i in range(len(report.activity))]
    for i, seg in enumerate(report.segments):
        ax.axvspan(seg.start, seg.end, color=BAND[i % 2], zorder=0)
        if seg.end - seg.start >= span / MAX_LABELS:  # a label only where it fits
            ax.text((seg.start + seg.end) / 2, 1.03, _label(seg.name, 5), transform=ax.get_xaxis_transform(),
                    fontproperties=font, fontsize=10, color=INK, ha="center", va="bottom", clip_on=False)
    ax.bar(xs, report.activity, width=report.bin_s * 0.85, align="edge", color=ACCENT, zorder=2)
    step = 30.0 if span <= 240 else 60.0 * max(1, round(span / 60 / 6))
    ticks = [t * step for t in range(int(span // step) + 1)]
    ax.set_xticks(ticks, [_clock(t) for t in ticks])
    ax.set_xlim(0, span)
    ax.set_title("评论热度（色块：正在讲的商品）", fontproperties=font, fontsize=12, color=MUTED, loc="left", pad=22)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def _top_products(ax, report: DemandReport, font) -> None:
    top = [d for d in report.per_sku if d.possible][:TOP_PRODUCTS][::-1]
    if not top:
        _text(ax, 0.0, 0.5, "这场还没有人说要买", 14, font, color=MUTED)
        ax.axis("off")
        return
    ys = range(len(top))
    ax.barh(ys, [d.possible for d in top], color="#f6c3ad", height=0.6)
    ax.barh(ys, [d.comments for d in top], color=ACCENT, height=0.6)
    ax.set_yticks(list(ys), [_label(d.name) for d in top], fontproperties=font, fontsize=13)
    ax.set_title("大家最想要（说要买的评论）", fontproperties=font, fontsize=12, color=MUTED, loc="left")
    for y, d in zip(ys, top):
        ax.text(d.possible + 0.2, y, f"{d.comments} 条 · {d.users} 人", va="center", fontproperties=font,
                fontsize=11, color=INK)
    ax.set_xlim(0, max(d.possible for d in top) * 1.35 + 1)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    ax.set_xticks([])


def _lists(ax, report: DemandReport, font) -> None:
    ax.axis("off")
    _text(ax, 0.0, 0.93, "大家想要的（目前还没上架）", 15, font)
    unmet = [f"· {u.item}  {u.count} 次" for u in report.unmet[:TOP_LINES]] or ["· 这场没有目录外的需求"]
    for i, line in enumerate(unmet):
        _text(ax, 0.02, 0.78 - i * 0.12, line, 13, font, color=INK if report.unmet else MUTED, weight=0.8)
    _text(ax, 0.0, 0.40, "大家常问", 15, font)
    for i, q in enumerate(report.questions[:TOP_LINES]):
        mark = "已能回答" if q.answered else ("待团长回答" if q.answered is False else "")
        line = f"· {_short(q.question, 16)}  ×{q.count}" + (f"  （{mark}）" if mark else "")
        _text(ax, 0.02, 0.26 - i * 0.12, line, 13, font, weight=0.8)


def render_demand_card(report: DemandReport, out_path: Path, *, title: str = "直播需求小结",
                       font_path: str | None = None) -> Path:
    """Draw the card to `out_path` (PNG, 1080 x 1440)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font = font_manager.FontProperties(fname=str(card_font(font_path)))
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
    grid = fig.add_gridspec(2, 1, height_ratios=[1.0, 1.1], hspace=0.4, left=0.2, right=0.95,
                            top=0.82, bottom=0.33)
    wanted = sum(d.comments for d in report.per_sku)
    fig.text(0.06, 0.95, title, fontproperties=font, fontsize=22, color=INK, va="center",
             path_effects=_stroke(1.6, INK))
    fig.text(0.06, 0.915, f"{report.comments} 条评论 · {wanted} 条说要买 · 直播 {report.duration / 60:.0f} 分钟",
             fontproperties=font, fontsize=12, color=MUTED, va="center", path_effects=_stroke(0.6, MUTED))
    _activity(fig.add_subplot(grid[0]), report, font)
    _top_products(fig.add_subplot(grid[1]), report, font)
    _lists(fig.add_axes((0.06, 0.03, 0.9, 0.24)), report, font)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out_path, format="png")
    return out_path


def _stroke(width: float, color: str) -> list:
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=width, foreground=color)]
