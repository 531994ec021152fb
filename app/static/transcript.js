// 转写: the transcript with timestamps; tap a line to play from there, correct a line, download SRT/VTT.
import { api } from './api.js';
import { follow, runJob } from './jobs.js';
import { listRecordings, recordingPicker, state } from './state.js';
import { act, card, empty, errorBox, field, fmtTime, h, loading, playFrom, replace, toast } from './ui.js';

export function mountTranscript(panel) {
  const body = h('div', {});

  async function show() {
    replace(panel, card('转写', loading()));
    let recordings;
    try {
      recordings = await listRecordings();
    } catch (err) {
      replace(panel, card('转写', errorBox(err)));
      return;
    }
    if (!recordings.length) {
      replace(panel, card('转写', empty('还没有录像。请先到“直播录像”上传一段录像。')));
      return;
    }
    replace(panel, card('转写', recordingPicker(recordings, load)), body);
    load(state.recordingId);
  }

  async function load(recordingId) {
    replace(body, card(null, loading()));
    try {
      const rec = await api(`/v1/recordings/${recordingId}`);
      if (rec.transcribed) {
        renderTranscript(rec, await api(`/v1/recordings/${rec.id}/transcript`));
      } else {
        const jobs = await api(`/v1/jobs?recording_id=${encodeURIComponent(rec.id)}&kind=transcribe`);
        renderPending(rec, jobs.data[0]);
      }
    } catch (err) {
      replace(body, card(null, errorBox(err)));
    }
  }

  function renderPending(rec, job) {
    const slot = h('div', {});
    const start = h('button', { type: 'button', class: 'primary' }, '开始转写');
    start.onclick = () => act(start, async () => {
      await runJob(slot, () => api(`/v1/recordings/${rec.id}/transcribe`, { method: 'POST', json: {} }), rec.filename);
      toast('转写完成');
      await load(rec.id);
    }, '转写中…');
    if (job && (job.status === 'queued' || job.status === 'running')) {
      replace(body, card(null, empty('正在转写，完成后会自动显示。'), slot));
      follow(job, () => {}, () => load(rec.id));
      return;
    }
    const failed = job && job.status === 'failed' ? `上次转写失败：${job.error?.message || ''}` : '这个录像还没有转写。';
    replace(body, card(null, empty(failed), start, slot));
  }

  function renderTranscript(rec, transcript) {
    const media = h(rec.has_video ? 'video' : 'audio', {
      controls: true, preload: 'metadata', playsinline: true, class: 'player', src: `/v1/recordings/${rec.id}/media`,
    });
    const base = `/v1/recordings/${rec.id}/transcript?format=`;
    const stem = rec.filename.replace(/\.[^.]+$/, '');
    const downloads = h('div', { class: 'actions' },
      ['srt', 'vtt', 'txt'].map((f) => h('a', { class: 'button', href: base + f, download: `${stem}.${f}` }, `下载 ${f.toUpperCase()}`)));
    const lines = transcript.segments.length
      ? h('ol', { class: 'lines' }, transcript.segments.map((seg, i) => lineItem(rec, seg, i, media)))
      : empty('这段录像里没有识别到说话。');
    media.addEventListener('timeupdate', () => markPlaying(lines, media.currentTime));
    replace(body,
      h('div', { class: 'card sticky-player' }, media),
      card(`${transcript.segments.length} 句 · ${fmtTime(transcript.duration)}`,
        h('p', { class: 'hint' }, '点一句，从这里播放；点“改”修正错字，商品名改对后，下次转写会自动认得。'),
        downloads, lines));
  }

  function lineItem(rec, seg, index, media) {
    const text = h('button', { type: 'button', class: 'line-text', onclick: () => playFrom(media, seg.start) }, seg.text);
    const item = h('li', { class: 'line', 'data-index': index, 'data-start': seg.start, 'data-end': seg.end });
    const edit = h('button', { type: 'button', class: 'small', onclick: () => editLine(rec, seg, index, item, view) }, '改');
    const view = [h('button', { type: 'button', class: 'time', onclick: () => playFrom(media, seg.start), 'aria-label': `从 ${fmtTime(seg.start)} 播放` },
      fmtTime(seg.start)), text, edit];
    return replace(item, view);
  }

  function editLine(rec, seg, index, item, view) {
    const area = h('textarea', { rows: 3, maxlength: 1000 }, seg.text);
    const save = h('button', { type: 'submit', class: 'primary' }, '保存');
    const cancel = h('button', { type: 'button', onclick: () => replace(item, view) }, '取消');
    const form = h('form', {
      class: 'line-edit',
      onsubmit: (e) => {
        e.preventDefault();
        act(save, async () => {
          const result = await api(`/v1/recordings/${rec.id}/transcript/segments/${index}`,
            { method: 'PUT', json: { text: area.value } });
          seg.text = result.segment.text;
          view[1].textContent = seg.text;
          replace(item, view);
          const terms = result.glossary_terms;
          toast(terms.length ? `已保存，已记住：${terms.join('、')}` : '已保存');
          view[2].focus();
        }, '保存中…');
      },
    }, field(`改第 ${index + 1} 句（${fmtTime(seg.start)}）`, area), h('div', { class: 'actions' }, save, cancel));
    replace(item, form);
    area.focus();
  }

  return { show };
}

function markPlaying(lines, time) {
  if (!lines.querySelectorAll) return;
  for (const line of lines.querySelectorAll('.line')) {
    line.classList.toggle('playing', time >= Number(line.dataset.start) && time < Number(line.dataset.end));
  }
}
