// 知识库: ask as a resident would, answer the questions the bot handed over, manage documents.
import { api } from './api.js';
import { act, card, empty, errorBox, field, h, loading, replace, toast } from './ui.js';

const DOC_KINDS = { product: '商品', recipe: '菜谱', faq: '问答', transcript: '直播回放', doc: '文档' };
const SHOWN_DOCS = 50;

export function mountKnowledge(panel) {
  const answerSlot = h('div', { class: 'answer-slot', 'aria-live': 'polite' });
  const gapList = h('div', {}, loading());
  const docList = h('div', {}, loading());
  let docKind = '';

  const question = h('input', { type: 'text', maxlength: 500, placeholder: '例如：橄榄油多少钱？' });
  const askBtn = h('button', { type: 'submit', class: 'primary' }, '问一问');
  const askForm = h('form', {
    onsubmit: (e) => {
      e.preventDefault();
      act(askBtn, async () => {
        if (!question.value.trim()) throw new Error('请先输入问题');
        renderAnswer(await api('/v1/ask', { method: 'POST', json: { question: question.value.trim() } }));
        await refreshGaps();
      }, '正在想…');
    },
  }, field('居民会怎么问？', question), askBtn);

  const file = h('input', { type: 'file', accept: '.md,.txt,.csv,.json,.markdown' });
  const path = h('input', { type: 'text', maxlength: 200, placeholder: '可不填，例如 faq/配送.md' });
  const uploadBtn = h('button', { type: 'submit', class: 'primary' }, '上传');
  const uploadForm = h('form', {
    onsubmit: (e) => {
      e.preventDefault();
      act(uploadBtn, async () => {
        if (!file.files.length) throw new Error('请先选择文件');
        const data = new FormData();
        data.append('file', file.files[0]);
        if (path.value.trim()) data.append('path', path.value.trim());
        const result = await api('/v1/knowledge/documents', { method: 'POST', form: data });
        toast(result.products.length ? `已导入 ${result.products.length} 个商品` : `已加入：${result.id}`);
        uploadForm.reset();
        await refreshDocs();
      }, '上传中…');
    },
  }, field('菜谱、常见问答（Markdown/文本）或商品表（CSV/JSON）', file), field('保存为（路径）', path), uploadBtn);

  replace(panel,
    card('试着问一问', h('p', { class: 'hint' }, '像居民在群里那样提问，看看机器人怎么回答、引用了哪些资料。'), askForm, answerSlot),
    card('待回答的问题', h('p', { class: 'hint' }, '机器人答不上来、转给您的问题。您的回答会存成问答资料，下次就能自动回答。'), gapList),
    card('资料', uploadForm, docList));

  function renderAnswer(result) {
    const sources = result.sources.length
      ? h('ol', { class: 'sources' }, result.sources.map((s) => h('li', {}, h('strong', {}, s.title || s.id),
        h('span', { class: 'tag' }, DOC_KINDS[s.kind] || s.kind), h('p', { class: 'muted' }, s.snippet))))
      : null;
    replace(answerSlot, h('div', { class: `answer ${result.handoff ? 'handoff' : ''}` },
      h('p', { class: 'answer-text' }, result.answer),
      result.handoff ? h('p', { class: 'hint' }, '这个问题已转给您，记在下面的“待回答的问题”里。') : null,
      sources ? h('h3', {}, '引用的资料') : null, sources));
  }

  async function refreshGaps() {
    try {
      const gaps = (await api('/v1/knowledge/gaps')).data;
      replace(gapList, gaps.length ? h('ul', { class: 'items' }, gaps.map(gapItem)) : empty('没有待回答的问题。'));
    } catch (err) {
      replace(gapList, errorBox(err));
    }
  }

  function gapItem(gap) {
    const answer = h('textarea', { rows: 3, maxlength: 5000 });
    const send = h('button', { type: 'submit', class: 'primary' }, '提交回答');
    const form = h('form', {
      onsubmit: (e) => {
        e.preventDefault();
        act(send, async () => {
          if (!answer.value.trim()) throw new Error('请先写回答');
          await api(`/v1/knowledge/gaps/${gap.id}/answer`, { method: 'POST', json: { answer: answer.value.trim() } });
          toast('已保存，机器人下次会这样回答');
          await Promise.all([refreshGaps(), refreshDocs()]);
        }, '保存中…');
      },
    }, field('您的回答', answer), send);
    return h('li', { class: 'item gap', 'data-gap-id': gap.id },
      h('p', { class: 'question' }, gap.question), h('p', { class: 'muted' }, `被问了 ${gap.asked} 次`), form);
  }

  async function refreshDocs() {
    let docs;
    try {
      docs = (await api('/v1/knowledge/documents')).data;
    } catch (err) {
      replace(docList, errorBox(err));
      return;
    }
    if (!docs.length) {
      replace(docList, empty('知识库是空的。先上传商品表和常见问答吧。'));
      return;
    }
    const counts = docs.reduce((acc, d) => ({ ...acc, [d.kind]: (acc[d.kind] || 0) + 1 }), {});
    const filter = h('select', { onchange: () => { docKind = filter.value; refreshDocs(); } },
      h('option', { value: '' }, `全部（${docs.length}）`),
      Object.entries(counts).map(([k, n]) => h('option', { value: k, selected: k === docKind }, `${DOC_KINDS[k] || k}（${n}）`)));
    const shown = docs.filter((d) => !docKind || d.kind === docKind);
    replace(docList, field('按类别看', filter),
      h('ul', { class: 'items' }, shown.slice(0, SHOWN_DOCS).map(docItem)),
      shown.length > SHOWN_DOCS ? h('p', { class: 'muted' }, `只显示前 ${SHOWN_DOCS} 篇，共 ${shown.length} 篇。`) : null);
  }

  function docItem(doc) {
    const remove = h('button', { type: 'button', class: 'danger small' }, '删除');
    remove.onclick = () => {
      if (!window.confirm(`从知识库删除“${doc.title || doc.id}”？`)) return;
      act(remove, async () => {
        await api(`/v1/knowledge/documents/${doc.id.split('/').map(encodeURIComponent).join('/')}`, { method: 'DELETE' });
        toast('已删除');
        await refreshDocs();
      });
    };
    return h('li', { class: 'item row' }, h('span', { class: 'tag' }, DOC_KINDS[doc.kind] || doc.kind),
      h('span', { class: 'grow' }, doc.title || doc.id), remove);
  }

  return { show: () => Promise.all([refreshGaps(), refreshDocs()]) };
}
