// 高光: find highlights, render and play clips, nudge a clip by whole sentences, caption and downloads.
import { api } from './api.js';
import { runJob } from './jobs.js';
import { go, listProducts, listRecordings, recordingPicker, state } from './state.js';
import { act, card, copyText, empty, errorBox, fmtSpan, h, loading, replace, toast } from './ui.js';

const KIND_LABELS = { demo: '演示', tasting: '试吃', offer: '优惠', qa: '答疑', other: '其他' };

export function mountHighlights(panel) {
  const body = h('div', {});

  async function show() {
    replace(panel, card('高光', loading()));
    let recordings;
    try {
      recordings = await listRecordings();
    } catch (err) {
      replace(panel, card('高光', errorBox(err)));
      return;
    }
    if (!recordings.length) {
      replace(panel, card('高光', empty('还没有录像。请先到“直播录像”上传并转写一段录像。')));
      return;
    }
    replace(panel, card('高光', recordingPicker(recordings, load)), body);
    load(state.recordingId);
  }

  async function load(recordingId) {
    replace(body, card(null, loading()));
    try {
      const rec = await api(`/v1/recordings/${recordingId}`);
      if (!rec.transcribed) {
        const open = h('button', { type: 'button', onclick: () => go('transcript', recordingId) }, '去转写');
        replace(body, card(null, empty('找高光需要先转写这个录像。'), open));
        return;
      }
      const [highlights, transcript, products, clips] = await Promise.all([
        api(`/v1/recordings/${recordingId}/highlights`), api(`/v1/recordings/${recordingId}/transcript`), listProducts(),
        api(`/v1/recordings/${recordingId}/clips`)]);
      render(recordingId, highlights.data, transcript.segments, new Map(products.map((p) => [p.sku, p.name])), clips.data);
    } catch (err) {
      replace(body, card(null, errorBox(err)));
    }
  }

  function render(recordingId, highlights, segments, productNames, clips) {
    const slot = h('div', {});
    const find = h('button', { type: 'button', class: 'primary' }, highlights.length ? '重新找高光' : '找高光');
    find.onclick = () => act(find, async () => {
      await runJob(slot, () => api(`/v1/recordings/${recordingId}/highlights`, { method: 'POST', json: {} }));
      toast('高光已找好');
      await load(recordingId);
    }, '正在找…');
    const lastClips = latestClips(clips);
    const list = highlights.length
      ? h('ul', { class: 'items' }, highlights.map((hl, i) => highlightItem(hl, i, segments, productNames, lastClips.get(hl.id))))
      : empty('还没有高光片段。点“找高光”，从这段直播里挑出最值得剪的片段。');
    replace(body, card(null, find, slot), card(`高光片段（${highlights.length}）`, list));
  }

  return { show };
}

/** The newest rendered clip per highlight (the server lists a recording's clips newest first). */
function latestClips(clips) {
  const latest = new Map();
  for (const clip of clips) if (!latest.has(clip.highlight_id)) latest.set(clip.highlight_id, clip.id);
  return latest;
}

function highlightItem(hl, index, segments, productNames, clipId) {
  const span = { start: hl.start, end: hl.end };
  const spanText = h('p', { class: 'span' });
  const clipSlot = h('div', { class: 'clip' });
  const captionSlot = h('div', {});
  const showSpan = () => { spanText.textContent = `片段：${fmtSpan(span.start, span.end)}`; };
  const nudge = (edge, step) => () => {
    const moved = moveEdge(segments, span, edge, step);
    if (moved === null) { toast('已经到头了'); return; }
    span[edge] = moved;
    showSpan();
    render.textContent = '按新范围重新生成';
  };
  const render = h('button', { type: 'button', class: 'primary' }, clipId ? '重新生成短视频' : '生成短视频');
  render.onclick = () => act(render, async () => {
    const job = await runJob(clipSlot, () => api(`/v1/highlights/${hl.id}/clip`, { method: 'POST', json: { ...span } }));
    await showClip(clipSlot, job.result.clip_id);
    toast('短视频已生成');
  }, '生成中…');
  const caption = h('button', { type: 'button' }, '写配文');
  caption.onclick = () => act(caption, async () => {
    const draft = await api('/v1/drafts/copy', { method: 'POST', json: { kind: 'clip_caption', highlight_id: hl.id } });
    const copy = h('button', { type: 'button', onclick: () => copyText(draft.text).catch((e) => toast(e.message, 'error')) }, '复制配文');
    replace(captionSlot, h('div', { class: 'caption' }, h('p', { class: 'draft-text' }, draft.text), copy));
  }, '正在写…');
  const products = hl.skus.map((sku) => productNames.get(sku) || sku);
  showSpan();
  if (clipId) showClip(clipSlot, clipId).catch(() => replace(clipSlot));
  return h('li', { class: 'item highlight', 'data-highlight-id': hl.id },
    h('h3', {}, `${index + 1}. ${hl.title}`),
    h('p', { class: 'tags' }, h('span', { class: 'tag kind' }, KIND_LABELS[hl.kind] || hl.kind),
      products.map((p) => h('span', { class: 'tag product' }, p))),
    hl.reasons.length ? h('ul', { class: 'reasons' }, hl.reasons.map((r) => h('li', {}, r))) : null,
    spanText,
    h('div', { class: 'nudge', role: 'group', 'aria-label': '调整片段范围' },
      h('span', {}, '开头'),
      h('button', { type: 'button', onclick: nudge('start', -1) }, '早一句'),
      h('button', { type: 'button', onclick: nudge('start', 1) }, '晚一句'),
      h('span', {}, '结尾'),
      h('button', { type: 'button', onclick: nudge('end', -1) }, '早一句'),
      h('button', { type: 'button', onclick: nudge('end', 1) }, '晚一句')),
    h('div', { class: 'actions' }, render, caption),
    clipSlot, captionSlot);
}

/** The previous/next sentence boundary for a clip edge, never crossing the other edge; null at the end. */
export function moveEdge(segments, span, edge, step) {
  const marks = [...new Set(segments.map((s) => (edge === 'start' ? s.start : s.end)))].sort((a, b) => a - b);
  const eps = 0.05;
  const current = span[edge];
  const candidates = step < 0 ? marks.filter((t) => t < current - eps).reverse() : marks.filter((t) => t > current + eps);
  const next = candidates.find((t) => (edge === 'start' ? t < span.end - 1 : t > span.start + 1));
  return next === undefined ? null : next;
}

async function showClip(slot, clipId) {
  const clip = await api(`/v1/clips/${clipId}`);
  const video = h('video', { controls: true, playsinline: true, preload: 'auto', class: 'clip-video', src: clip.video_url,
    poster: clip.cover_url, 'data-clip-id': clip.id });
  replace(slot, video, h('p', { class: 'muted' }, `${clip.width}×${clip.height} · ${Math.round(clip.duration)} 秒`),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: clip.video_url, download: `wutong-${clip.id}.mp4` }, '下载视频'),
      h('a', { class: 'button', href: clip.cover_url, download: `wutong-${clip.id}.jpg` }, '下载封面')));
}
