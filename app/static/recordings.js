// 直播录像: upload with a real progress bar, every job live, the recordings list.
import { api, upload } from './api.js';
import { follow, jobRow } from './jobs.js';
import { go } from './state.js';
import { act, card, empty, errorBox, field, fmtDate, fmtSize, fmtTime, h, loading, replace, toast } from './ui.js';

const ACCEPT = 'video/*,audio/*,.mp4,.m4a,.mp3,.wav,.flv,.webm';
const SHOWN_JOBS = 20;

export function mountRecordings(panel) {
  const jobList = h('div', {}, loading());
  const recList = h('div', {}, loading());
  const rows = new Map(); // job id -> update()

  const file = h('input', { type: 'file', accept: ACCEPT, name: 'file' });
  const auto = h('input', { type: 'checkbox', defaultChecked: true, id: 'auto-transcribe' });
  const kit = h('input', { type: 'checkbox', defaultChecked: false, id: 'auto-kit' });
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': '上传进度' });
  const pct = h('span', { class: 'muted', 'aria-live': 'polite' });
  const send = h('button', { type: 'submit', class: 'primary' }, '上传');
  const form = h('form', { onsubmit: (e) => { e.preventDefault(); act(send, startUpload, '上传中…'); } },
    field('选择直播录像（mp4、m4a、mp3、wav、flv、webm）', file),
    h('div', { class: 'check' }, auto, h('label', { for: auto.id }, '上传后自动转写')),
    h('div', { class: 'check' }, kit, h('label', { for: kit.id }, '一键出片：转写、高光、5 条短视频和群发文案')),
    h('div', { class: 'upload-progress' }, bar, pct), send);

  replace(panel,
    card('上传录像', form),
    card('任务进度', h('p', { class: 'hint' }, '转写、找高光、剪短视频都在这里排队，进度实时更新。'), jobList),
    card('我的录像', recList));

  async function startUpload() {
    if (!file.files.length) throw new Error('请先选择一个录像文件');
    const data = new FormData();
    data.append('file', file.files[0]);
    bar.hidden = false;
    const onProgress = (f) => { bar.value = f; pct.textContent = `已上传 ${Math.round(f * 100)}%`; };
    const { status, body } = await upload('/v1/recordings', data, onProgress);
    pct.textContent = status === 200 ? '这个文件之前上传过，已找到原来的录像' : '上传完成';
    file.value = '';
    if (kit.checked) {
      await api(`/v1/recordings/${body.id}/kit`, { method: 'POST', json: {} });
      toast('上传完成，已开始一键出片');
    } else if (auto.checked) {
      await api(`/v1/recordings/${body.id}/transcribe`, { method: 'POST', json: {} });
      toast('上传完成，已开始转写');
    } else {
      toast('上传完成');
    }
    await refresh();
  }

  async function refresh() {
    let recordings, jobs;
    try {
      [recordings, jobs] = await Promise.all([api('/v1/recordings'), api('/v1/jobs')]);
    } catch (err) {
      replace(jobList, errorBox(err));
      replace(recList, errorBox(err));
      return;
    }
    const names = new Map(recordings.data.map((r) => [r.id, r.filename]));
    renderJobs(jobs.data.slice(0, SHOWN_JOBS), names);
    renderRecordings(recordings.data);
  }

  function renderJobs(jobs, names) {
    rows.clear();
    if (!jobs.length) {
      replace(jobList, empty('还没有任务。上传录像后，转写任务会出现在这里。'));
      return;
    }
    const list = h('ul', { class: 'jobs' });
    for (const job of jobs) {
      const { row, update } = jobRow(job, { subject: names.get(job.recording_id) || '', onDone: refresh, actions: jobActions });
      rows.set(job.id, update);
      list.append(row);
      follow(job, (next) => rows.get(next.id)?.(next), refresh); // rows are redrawn on refresh
    }
    replace(jobList, list);
  }

  function jobActions(job) {
    if (job.status !== 'succeeded' || !job.recording_id) return [];
    if (job.kind === 'transcribe') return h('button', { type: 'button', onclick: () => go('transcript', job.recording_id) }, '看转写');
    if (job.kind === 'highlights' || job.kind === 'clip') {
      return h('button', { type: 'button', onclick: () => go('highlights', job.recording_id) }, '看高光');
    }
    if (job.kind === 'kit') {
      return [h('button', { type: 'button', onclick: () => go('highlights', job.recording_id) }, '看高光和短视频'),
        h('a', { class: 'button', href: `/v1/recordings/${job.recording_id}/kit.zip` }, '下载全部')];
    }
    return [];
  }

  function renderRecordings(recordings) {
    if (!recordings.length) {
      replace(recList, empty('还没有录像。先在上面上传一段直播录像吧。'));
      return;
    }
    replace(recList, h('ul', { class: 'items' }, recordings.map(recordingItem)));
  }

  function recordingItem(rec) {
    const transcribe = h('button', { type: 'button' }, rec.transcribed ? '重新转写' : '转写');
    transcribe.onclick = () => act(transcribe, async () => {
      await api(`/v1/recordings/${rec.id}/transcribe`, { method: 'POST', json: {} });
      toast('已开始转写');
      await refresh();
    });
    const remove = h('button', { type: 'button', class: 'danger' }, '删除');
    remove.onclick = () => {
      if (!window.confirm(`删除录像“${rec.filename}”？转写、评论、高光、短视频和知识库里的直播内容都会一起删除。`)) return;
      act(remove, async () => { await api(`/v1/recordings/${rec.id}`, { method: 'DELETE' }); toast('已删除'); await refresh(); });
    };
    return h('li', { class: 'item' },
      h('div', { class: 'row-head' }, h('strong', {}, rec.filename)),
      h('p', { class: 'muted' }, `${fmtTime(rec.duration_s)} · ${fmtSize(rec.size_bytes)} · ${fmtDate(rec.created_at)}`),
      h('p', { class: 'muted made' }, madeFrom(rec)),
      h('div', { class: 'actions' },
        rec.transcribed ? h('button', { type: 'button', onclick: () => go('transcript', rec.id) }, '看转写') : null,
        rec.transcribed ? h('button', { type: 'button', onclick: () => go('highlights', rec.id) }, '高光') : null,
        transcribe, remove));
  }

  return { show: refresh };
}

/** What the server says has been made from a recording: 已转写 · 有评论 · 3 个高光 · 2 个短视频. */
function madeFrom(rec) {
  const parts = [rec.transcribed ? '已转写' : '未转写'];
  if (rec.has_comments) parts.push('有评论');
  if (rec.highlights) parts.push(`${rec.highlights} 个高光`);
  if (rec.clips) parts.push(`${rec.clips} 个短视频`);
  return parts.join(' · ');
}
