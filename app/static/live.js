// 直播中: record a stream while on air — start, watch the transcript grow, stop; the kit follows by itself.
import { api } from './api.js';
import { act, card, empty, errorBox, field, fmtSpan, fmtTime, h, loading, replace, toast } from './ui.js';

const STATES = { starting: '准备中', recording: '录制中', reconnecting: '重连中', ended: '已结束' };
const POLL_MS = 3000;

export function mountLive(panel) {
  const list = h('div', {}, loading());
  const source = h('input', { type: 'url', maxlength: 2000, placeholder: 'https://…/live.m3u8 或 rtmp://…' });
  const title = h('input', { type: 'text', maxlength: 60, placeholder: '例如：周六晚上团购' });
  const start = h('button', { type: 'submit', class: 'primary' }, '开始录制');
  const form = h('form', {
    onsubmit: (e) => {
      e.preventDefault();
      act(start, async () => {
        if (!source.value.trim()) throw new Error('请填写直播流地址');
        await api('/v1/live', { method: 'POST', json: { source: source.value.trim(), title: title.value.trim() || null } });
        toast('已开始录制，转写会边播边出');
        form.reset();
        await refresh();
      }, '连接中…');
    },
  }, field('直播流地址（需由管理员加入允许列表）', source), field('这场直播叫什么', title), start);
  let timer = null;

  replace(panel,
    card('边播边录', h('p', { class: 'hint' }, '开播后填入直播流地址：边播边转写，居民可以马上问“刚才说的”；下播后自动出高光、短视频和群发文案。'), form),
    card('录制中的直播', list));

  // Highlight candidates scored as the stream goes; the final picks are made over the whole stream at the end.
  function candidates(live) {
    if (live.finished || !(live.highlights || []).length) return null;
    return h('div', {},
      h('p', { class: 'muted' }, `高光候选（播到 ${fmtTime(live.highlights_at_s)} 时的评分，下播后按整场重新挑选）`),
      h('ul', { class: 'lines' }, live.highlights.map((c) => h('li', {},
        h('span', { class: 'tag kind' }, c.kind_label), ' ', h('strong', {}, c.title), ' ',
        h('span', { class: 'muted' }, `${fmtSpan(c.start, c.end)} · 评分 ${Math.round(c.score * 100)}`)))));
  }

  function liveItem(live) {
    const lines = (live.transcript || []).slice(-8).map((s) => h('li', {}, h('span', { class: 'muted' }, fmtTime(s.start)), ' ', s.text));
    const stop = h('button', { type: 'button' }, '结束录制');
    stop.onclick = () => act(stop, async () => {
      await api(`/v1/live/${live.id}/stop`, { method: 'POST' });
      toast('已结束录制，正在合并并生成短视频');
      await refresh();
    });
    const done = live.recording_id
      ? h('a', { class: 'button', href: `/v1/recordings/${live.recording_id}/kit.zip` }, '下载短视频和文案')
      : null;
    return h('li', { class: 'item' },
      h('div', { class: 'row-head' }, h('strong', {}, live.title), h('span', { class: 'muted' }, STATES[live.state] || live.state)),
      h('p', { class: 'muted' }, `已录 ${fmtTime(live.recorded_s)}，已转写到 ${fmtTime(live.transcribed_s)}`),
      live.error ? h('p', { class: 'error' }, live.error) : null,
      live.resumed && !live.finished ? h('p', { class: 'muted' }, '服务重启后已接着录制，中断的时间记为一次断流') : null,
      lines.length ? h('ul', { class: 'lines' }, lines) : null,
      candidates(live),
      live.finished ? done : stop);
  }

  async function refresh() {
    try {
      const { data } = await api('/v1/live');
      const details = await Promise.all(data.slice(0, 3).map((l) => (l.finished ? l : api(`/v1/live/${l.id}`))));
      replace(list, details.length ? h('ul', { class: 'items' }, details.map(liveItem)) : empty('现在没有录制中的直播。'));
    } catch (err) {
      replace(list, errorBox(err));
    }
  }

  async function show() {
    clearInterval(timer);
    await refresh();
    timer = setInterval(() => { if (!panel.hidden) refresh(); }, POLL_MS);
  }

  return { show };
}
