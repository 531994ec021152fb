// Job rows with live progress (server-sent events), plain-words errors and a retry button.
import { api, isDone, watchJob } from './api.js';
import { act, h, messageOf, replace, toast } from './ui.js';

export const KIND_LABELS = {
  transcribe: '转写', highlights: '找高光', clip: '剪短视频', kit: '一键出片', seed_knowledge: '导入示例知识库', catalog_backfill: '整理商品表',
};
const STAGE_LABELS = {
  queued: '排队中', starting: '准备中', loading: '加载模型', decoding: '读取音频', transcribing: '转写中',
  correcting: '校对商品名', indexing: '写入知识库', scoring: '挑选高光', rendering: '剪辑中', seeding: '导入中',
  done: '完成', failed: '失败', cancelled: '已取消',
  transcribe: '转写', highlights: '找高光', clips: '剪短视频', copy: '写文案',
};
const STATUS_LABELS = { queued: '排队中', running: '进行中', succeeded: '已完成', failed: '失败', cancelled: '已取消' };
const MAX_STREAMS = 3; // a browser opens about 6 connections per server; leave room for media and API calls

const watching = new Map(); // job id -> AbortController

// A kit's stage nests its steps: "clips: clip 2/5: rendering" reads 剪短视频 · 第 2/5 条 · 剪辑中.
const part = (p) => STAGE_LABELS[p] || p.replace(/^clip (\d+)\/(\d+)$/, '第 $1/$2 条');
export const stageLabel = (stage) => (stage || '').split(': ').map(part).join(' · ');

/** A job's row; update(job) redraws it in place. */
export function jobRow(job, { subject = '', onDone = () => {}, actions = () => [] } = {}) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': '进度' });
  const status = h('span', { class: 'status' });
  const detail = h('div', { class: 'detail' });
  const row = h('li', { class: 'job', 'data-job-id': job.id },
    h('div', { class: 'row-head' }, h('strong', {}, KIND_LABELS[job.kind] || job.kind),
      subject ? h('span', { class: 'muted' }, subject) : null, status),
    bar, detail);

  function update(next) {
    const pct = Math.round(next.progress * 100);
    bar.value = next.progress;
    bar.setAttribute('aria-valuetext', `${pct}%`);
    row.dataset.status = next.status;
    status.textContent = next.status === 'running' ? `${stageLabel(next.stage)} ${pct}%` : STATUS_LABELS[next.status] || next.status;
    status.className = `status ${next.status}`;
    if (next.status === 'failed') {
      const retry = h('button', { type: 'button', onclick: () => act(retry, () => retryJob(next, update, onDone)) }, '重试');
      replace(detail, h('p', { class: 'error' }, next.error ? next.error.message : '任务失败'), retry);
    } else {
      replace(detail, actions(next));
    }
  }
  update(job);
  return { row, update };
}

async function retryJob(job, update, onDone) {
  const next = await api(`/v1/jobs/${job.id}/retry`, { method: 'POST' });
  update(next);
  toast('已重新开始');
  follow(next, update, onDone);
}

/** Stream a job's progress into update(); at most MAX_STREAMS at once, one per job. */
export function follow(job, update, onDone = () => {}) {
  if (isDone(job) || watching.has(job.id) || watching.size >= MAX_STREAMS) return false;
  const controller = new AbortController();
  watching.set(job.id, controller);
  watchJob(job.id, update, controller.signal)
    .then((final) => { if (final && isDone(final)) onDone(final); })
    .catch((err) => toast(messageOf(err), 'error'))
    .finally(() => watching.delete(job.id));
  return true;
}

/** Start a job from a button and wait for it with a progress bar in `slot`. Resolves with the final job. */
export async function runJob(slot, start, subject = '') {
  const accepted = await start();
  const job = await api(`/v1/jobs/${accepted.job_id}`);
  const { row, update } = jobRow(job, { subject });
  replace(slot, h('ul', { class: 'jobs' }, row));
  const final = await watchJob(job.id, update);
  if (final.status === 'failed') throw new Error(final.error ? final.error.message : '任务失败');
  return final;
}
