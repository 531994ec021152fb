// 文案: a live-stream script or copy from the catalog; 《广告法》 flags and grounding shown; edit, save, copy.
import { api } from './api.js';
import { go, listProducts } from './state.js';
import { act, card, copyText, empty, errorBox, field, fmtDate, h, loading, newId, replace, toast } from './ui.js';

const COPY_KINDS = { announcement: '群公告', product_blurb: '商品文案', follow_up: '售后提醒' };
const KIND_LABELS = { script: '直播脚本', clip_caption: '短视频配文', ...COPY_KINDS };

export function mountDrafts(panel) {
  const editor = h('div', { id: 'draft-editor' });
  const history = h('div', {});

  async function show() {
    replace(panel, card('文案', loading()));
    let products;
    try {
      products = await listProducts();
    } catch (err) {
      replace(panel, card('文案', errorBox(err)));
      return;
    }
    if (!products.length) {
      const open = h('button', { type: 'button', onclick: () => go('knowledge') }, '去上传商品表');
      replace(panel, card('文案', empty('知识库里还没有商品。请先在“知识库”上传商品表（CSV），文案里的价格、规格都从商品表来。'), open));
      return;
    }
    replace(panel, requestForms(products), editor, card('最近的草稿', history));
    refreshHistory();
  }

  function requestForms(products) {
    const boxes = products.map((p) => h('input', { type: 'checkbox', value: p.sku, id: newId('sku') }));
    const picks = h('fieldset', { class: 'products' }, h('legend', {}, '选择商品'),
      products.map((p, i) => h('div', { class: 'check' }, boxes[i], h('label', { for: boxes[i].id }, p.name))));
    const chosen = () => {
      const skus = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!skus.length) throw new Error('请至少选一个商品');
      return skus;
    };
    const theme = h('input', { type: 'text', maxlength: 60, value: '本周团购好物' });
    const minutes = h('input', { type: 'number', min: 5, max: 240, step: 5, value: 30, inputmode: 'numeric' });
    const scriptBtn = h('button', { type: 'submit', class: 'primary' }, '生成直播脚本');
    const scriptForm = h('form', {
      onsubmit: (e) => {
        e.preventDefault();
        act(scriptBtn, async () => {
          const body = { theme: theme.value.trim(), skus: chosen(), duration_min: Number(minutes.value) };
          if (!body.theme) throw new Error('请填写直播主题');
          openDraft(await api('/v1/drafts/script', { method: 'POST', json: body }));
        }, '正在写脚本…');
      },
    }, field('直播主题', theme), field('时长（分钟）', minutes), scriptBtn);
    const kind = h('select', {}, Object.entries(COPY_KINDS).map(([value, label]) => h('option', { value }, label)));
    const copyBtn = h('button', { type: 'submit', class: 'primary' }, '生成文案');
    const copyForm = h('form', {
      onsubmit: (e) => {
        e.preventDefault();
        act(copyBtn, async () => {
          openDraft(await api('/v1/drafts/copy', { method: 'POST', json: { kind: kind.value, skus: chosen() } }));
        }, '正在写…');
      },
    }, field('文案类型', kind), copyBtn);
    return card('写文案', h('p', { class: 'hint' }, '价格、规格、日期都取自商品表并逐一核对；《广告法》禁用语会标出并改写。'),
      picks, h('h3', {}, '直播脚本'), scriptForm, h('h3', {}, '群里发的文案'), copyForm);
  }

  async function refreshHistory() {
    try {
      const drafts = (await api('/v1/drafts')).data;
      replace(history, drafts.length
        ? h('ul', { class: 'items' }, drafts.slice(0, 20).map((d) => h('li', { class: 'item row' },
          h('span', {}, `${KIND_LABELS[d.kind] || d.kind} · ${d.title}`), h('span', { class: 'muted' }, fmtDate(d.updated_at)),
          h('button', { type: 'button', onclick: async () => openDraft(await api(`/v1/drafts/${d.id}`)) }, '打开'))))
        : empty('还没有草稿。'));
    } catch (err) {
      replace(history, errorBox(err));
    }
  }

  function openDraft(draft) {
    renderEditor(editor, draft, refreshHistory);
    editor.scrollIntoView({ behavior: 'smooth', block: 'start' });
    refreshHistory();
  }

  return { show };
}

function renderEditor(slot, draft, onSaved) {
  const area = h('textarea', { rows: 14, class: 'draft-area' }, draft.text);
  const preview = h('div', { class: 'draft-text preview', 'aria-live': 'polite' });
  const flagsBox = h('div', {});
  const save = h('button', { type: 'button', class: 'primary' }, '保存修改');
  save.onclick = () => act(save, async () => {
    const saved = await api(`/v1/drafts/${draft.id}`, { method: 'PUT', json: { text: area.value } });
    showFlags(flagsBox, saved.flags, true);
    renderPreview(preview, saved.text, saved.flags);
    toast(saved.flags.length ? `已保存；有 ${saved.flags.length} 处《广告法》用语，请看标记` : '已保存');
    onSaved();
  }, '保存中…');
  const copy = h('button', { type: 'button', onclick: () => copyText(area.value).catch((e) => toast(e.message, 'error')) }, '一键复制');
  const flags = generatedFlags(draft.content);
  area.addEventListener('input', () => renderPreview(preview, area.value, flags));
  renderPreview(preview, draft.text, flags);
  showFlags(flagsBox, flags, false);
  replace(slot, card(`${KIND_LABELS[draft.kind] || draft.kind}：${draft.title}`,
    groundingNote(draft.content), flagsBox,
    h('h3', {}, '预览（标黄的是《广告法》用语）'), preview,
    field('修改文案', area), h('div', { class: 'actions' }, save, copy)));
}

/** Flags found while generating: per segment for a script, one list for copy. */
function generatedFlags(content) {
  if (Array.isArray(content.segments)) return content.segments.flatMap((s) => s.flags || []);
  return content.flags || [];
}

function groundings(content) {
  if (Array.isArray(content.segments)) return content.segments.map((s) => s.grounding).filter(Boolean);
  return content.grounding ? [content.grounding] : [];
}

function groundingNote(content) {
  const all = groundings(content);
  const checked = all.flatMap((g) => g.checked || []);
  const replaced = all.flatMap((g) => g.replaced || []);
  const notes = [];
  if (checked.length) notes.push(h('li', {}, `核对了 ${checked.length} 处数字和日期，都与商品资料一致：${[...new Set(checked)].join('、')}`));
  for (const r of replaced) notes.push(h('li', {}, `“${r.original}”与商品资料不符，已改为“${r.replacement || '（删去）'}”`));
  return notes.length ? h('ul', { class: 'grounding' }, notes) : null;
}

function showFlags(box, flags, afterSave) {
  if (!flags.length) {
    replace(box, h('p', { class: 'ok' }, afterSave ? '没有发现《广告法》禁用语。' : '没有《广告法》禁用语。'));
    return;
  }
  const items = flags.map((f) => h('li', {}, h('mark', {}, f.term), `：${f.reason}`,
    afterSave ? `（建议改为“${f.suggestion || '删去'}”）` : `，已${f.suggestion ? `改为“${f.suggestion}”` : '删去'}`));
  replace(box, h('div', { class: 'flags', role: 'note' }, h('strong', {}, '《广告法》提示'), h('ul', {}, items)));
}

/** The text with every flagged term marked. */
function renderPreview(node, text, flags) {
  const terms = [...new Set(flags.map((f) => f.term))].filter(Boolean);
  if (!terms.length) {
    replace(node, text);
    return;
  }
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  replace(node, text.split(pattern).map((part) => (terms.includes(part) ? h('mark', {}, part) : part)));
}
