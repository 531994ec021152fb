// Small DOM helpers shared by the tabs: element builder, messages, formatting, clipboard.

/** h('button', {class: 'primary', onclick: fn}, '保存') -> an element; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

let uid = 0;
export const newId = (prefix) => `${prefix}-${(uid += 1)}`;

/** A label + control pair; the label is tied to the control for screen readers and taps. */
export function field(labelText, control, hint) {
  control.id = control.id || newId('f');
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control,
    hint ? h('p', { class: 'hint' }, hint) : null);
}

export const card = (title, ...children) => h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);
export const empty = (text) => h('p', { class: 'empty' }, text);
export const errorBox = (err) => h('p', { class: 'error', role: 'alert' }, messageOf(err));
export const loading = (text = '加载中…') => h('p', { class: 'loading' }, text);

export function messageOf(err) {
  if (!err) return '出了点问题，请稍后重试';
  return err.message || String(err);
}

let toastTimer;
export function toast(message, kind = 'info') {
  const node = document.getElementById('toast');
  node.textContent = message;
  node.className = `toast ${kind}`;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, kind === 'error' ? 6000 : 3500);
}

/** Run an action from a button: disabled while it runs, errors shown in a toast (never a blank screen). */
export async function act(button, action, busyText = '处理中…') {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  try {
    return await action();
  } catch (err) {
    toast(messageOf(err), 'error');
    return undefined;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

export function fmtTime(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

export const fmtSpan = (start, end) => `${fmtTime(start)}–${fmtTime(end)}（${Math.round(end - start)} 秒）`;

export function fmtDate(ts) {
  return new Date(ts * 1000).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function fmtSize(bytes) {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Copy to the clipboard; falls back to a hidden textarea where the Clipboard API is not allowed (plain http). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h('textarea', { class: 'offscreen', readonly: true }, text);
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('复制失败，请长按文字手动复制');
  }
  toast('已复制');
}

/** Play a media element from a time; a refused autoplay is not an error worth a console line. */
export function playFrom(media, seconds) {
  media.currentTime = seconds;
  const playing = media.play();
  if (playing) playing.catch(() => {});
}
