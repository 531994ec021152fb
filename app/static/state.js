// What the tabs share: the chosen recording, the catalog, and moving between tabs.
import { api } from './api.js';
import { field, h } from './ui.js';

export const state = { recordingId: null };

/** Switch tab (and optionally the recording) from anywhere: app.js listens. */
export function go(tab, recordingId) {
  if (recordingId) state.recordingId = recordingId;
  document.dispatchEvent(new CustomEvent('wutong:go', { detail: { tab } }));
}

export const listRecordings = async () => (await api('/v1/recordings')).data;

/** The group's catalog: [{sku, name, price, fields}]. */
export const listProducts = async () => (await api('/v1/products')).data;

/** A <select> of the tenant's recordings; calls onChange(id) now and whenever the leader picks another. */
export function recordingPicker(recordings, onChange) {
  if (!recordings.some((r) => r.id === state.recordingId)) state.recordingId = recordings[0]?.id || null;
  const select = h('select', {
    onchange: () => { state.recordingId = select.value; onChange(select.value); },
  }, recordings.map((r) => h('option', { value: r.id, selected: r.id === state.recordingId }, r.filename)));
  return field('选择录像', select);
}
