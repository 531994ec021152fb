// 需求: the stream's demand card and counts, and the 接龙 paste box with totals and exports.
// This module adds its own tab (index.html has the button and panel) and keeps the tab list in step.
import { api } from './api.js';
import { act, card, empty, errorBox, field, h, loading, replace, toast } from './ui.js';
import { listRecordings, recordingPicker, state } from './state.js';

const $ = (id) => document.getElementById(id);
const qty = (n) => (n === null || n === undefined ? '?' : String(Math.round(n * 100) / 100));
let mounted = false;

function mountDemand(panel) {
  const pickerSlot = h('div', {}, loading());
  const demandSlot = h('div', { 'aria-live': 'polite' });
  const ordersSlot = h('div', { 'aria-live': 'polite' });
  const text = h('textarea', { rows: 8, maxlength: 200000, placeholder: '把群里的接龙整段粘贴到这里' });
  const readBtn = h('button', { type: 'submit', class: 'primary' }, '读接龙');
  const form = h('form', {
    onsubmit: (e) => {
      e.preventDefault();
      act(readBtn, async () => {
        if (!text.value.trim()) throw new Error('请先粘贴接龙');
        const body = { text: text.value, recording_id: state.recordingId || null };
        renderOrders(ordersSlot, await api('/v1/orders/jielong', { method: 'POST', json: body }));
        toast(body.recording_id ? '接龙已读完：同一场再粘贴一次会替换这一版（旧版保留）' : '接龙已读完');
      }, '正在读…');
    },
  }, field('接龙', text, '电话号码只保留前三位和后四位'), readBtn);
  replace(panel, card('本场需求', pickerSlot, demandSlot), card('接龙订单', form, ordersSlot));
  listRecordings().then((recordings) => {
    if (!recordings.length) { replace(pickerSlot, empty('还没有录像：先上传直播录像并转写。')); return; }
    replace(pickerSlot, recordingPicker(recordings, (id) => showDemand(demandSlot, id)));
    showDemand(demandSlot, state.recordingId);
  }, (err) => replace(pickerSlot, errorBox(err)));
}

async function showDemand(slot, recordingId) {
  replace(slot, loading('正在统计评论…'));
  try {
    const d = await api(`/v1/recordings/${recordingId}/demand`);
    const src = `/v1/recordings/${recordingId}/demand/card.png?t=${Date.now()}`;
    replace(slot,
      h('img', { src, alt: '需求卡片：评论热度、大家最想要的商品、目录外的需求和常问问题', class: 'demand-card',
        style: 'max-width:100%;border:1px solid #ddd;border-radius:8px' }),
      h('p', {}, h('a', { href: src, download: 'demand.png' }, '下载卡片（发到群里）')),
      d.per_sku.length
        ? h('ul', {}, d.per_sku.map((s) => h('li', {}, `${s.name}：${s.comments} 条说要买（${s.users} 人）`)))
        : empty('这场还没有人说要买'),
      d.unmet.length ? h('p', {}, `目录里没有、大家想要的：${d.unmet.map((u) => `${u.item}×${u.count}`).join('、')}`) : null);
  } catch (err) {
    replace(slot, errorBox(err));
  }
}

function renderOrders(slot, result) {
  const base = `/v1/orders/jielong/${result.id}`;
  replace(slot,
    h('p', {}, `第 ${result.version} 版：${result.orders.length} 单，${result.unreadable.length} 行没有计入`),
    h('table', {}, h('tr', {}, h('th', {}, '商品'), h('th', {}, '数量'), h('th', {}, '单数')),
      result.totals.map((t) => h('tr', {}, h('td', {}, t.name), h('td', {}, `${qty(t.qty)} ${t.unit}`),
        h('td', {}, String(t.orders))))),
    h('p', {}, result.buildings.map((b) => `${b.building} ${b.orders} 单`).join(' · ')),
    result.unreadable.length
      ? h('details', { open: true }, h('summary', {}, '没有计入的行（请核对）'),
        h('ul', {}, result.unreadable.map((u) => h('li', {}, `${u.text} → ${u.why}`))))
      : null,
    h('p', {}, h('a', { href: `${base}/csv`, download: `jielong-${result.id}.csv` }, '下载表格 CSV'), ' · ',
      h('a', { href: `${base}/pick-list`, target: '_blank', rel: 'noopener' }, '打印分拣单（A4）')));
}

function select(open) {
  const tab = $('tab-demand');
  tab.setAttribute('aria-selected', String(open));
  tab.tabIndex = open ? 0 : -1;
  $('panel-demand').hidden = !open;
}

function openDemand() {
  for (const other of document.querySelectorAll('[role=tab]')) {
    if (other.id === 'tab-demand') continue;
    other.setAttribute('aria-selected', 'false');
    other.tabIndex = -1;
    $(other.getAttribute('aria-controls')).hidden = true;
  }
  select(true);
  if (location.hash !== '#demand') history.replaceState(null, '', '#demand');
  if (!mounted) { mounted = true; mountDemand($('panel-demand')); }
}

function start() {
  const tab = $('tab-demand');
  if (!tab) return;
  tab.addEventListener('click', openDemand);
  for (const other of document.querySelectorAll('[role=tab]')) {
    if (other !== tab) other.addEventListener('click', () => select(false));
  }
  document.addEventListener('wutong:go', () => select(false));
}

start();
