// The console shell: sign in with the API key, the group's name, tabs, and a safety net for errors.
import { api, auth } from './api.js';
import './demand.js'; // the 需求 tab mounts itself (index.html has its button and panel)
import { mountDrafts } from './drafts.js';
import { mountHighlights } from './highlights.js';
import { mountKnowledge } from './knowledge.js';
import { mountLive } from './live.js';
import { mountRecordings } from './recordings.js';
import { mountTranscript } from './transcript.js';
import { messageOf, toast } from './ui.js';

const TABS = {
  recordings: mountRecordings, live: mountLive, transcript: mountTranscript, highlights: mountHighlights,
  drafts: mountDrafts, knowledge: mountKnowledge,
};
const $ = (id) => document.getElementById(id);
const mounted = {};

// Nothing may fail silently into a blank screen: anything unexpected becomes a message.
window.addEventListener('unhandledrejection', (event) => { event.preventDefault(); toast(messageOf(event.reason), 'error'); });
window.addEventListener('error', (event) => { toast(messageOf(event.error || event.message), 'error'); });

function showSignIn(message = '') {
  $('console').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('sign-in-error').hidden = !message;
  $('api-key').focus();
}

/** Check the key and open a session in one call (POST /v1/session returns the group); the key is not kept. */
async function signIn(key) {
  showConsole(await api('/v1/session', { method: 'POST', json: { api_key: key }, anonymous: true }));
}

function showConsole(me) {
  auth.clear();
  $('group-name').textContent = me.name;
  $('who').hidden = false;
  $('sign-in').hidden = true;
  $('console').hidden = false;
  openTab(location.hash.slice(1) in TABS ? location.hash.slice(1) : 'recordings');
}

async function signOut() {
  auth.clear();
  try { await api('/v1/session', { method: 'DELETE', anonymous: true }); } catch { /* the cookie expires anyway */ }
  for (const name of Object.keys(mounted)) delete mounted[name];
  for (const name of Object.keys(TABS)) $(`panel-${name}`).replaceChildren();
  showSignIn('已退出。');
}

function openTab(name) {
  for (const tab of Object.keys(TABS)) {
    const selected = tab === name;
    const button = $(`tab-${tab}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
  }
  if (location.hash.slice(1) !== name) history.replaceState(null, '', `#${name}`);
  mounted[name] = mounted[name] || TABS[name]($(`panel-${name}`));
  Promise.resolve(mounted[name].show()).catch((err) => toast(messageOf(err), 'error'));
}

function setUpTabs() {
  const names = Object.keys(TABS);
  for (const name of names) {
    const button = $(`tab-${name}`);
    button.addEventListener('click', () => openTab(name));
    button.addEventListener('keydown', (e) => { // arrow keys move along the tab list
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = names[(names.indexOf(name) + step + names.length) % names.length];
      openTab(next);
      $(`tab-${next}`).focus();
    });
  }
  document.addEventListener('wutong:go', (e) => openTab(e.detail.tab));
}

function start() {
  setUpTabs();
  auth.onUnauthorized(() => { auth.clear(); showSignIn('登录已失效，请重新输入 API 密钥。'); });
  $('sign-out').addEventListener('click', signOut);
  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = $('api-key').value.trim();
    if (!key) { showSignIn('请输入 API 密钥。'); return; }
    const button = e.submitter || $('sign-in-form').querySelector('button');
    button.disabled = true;
    try {
      await signIn(key);
      $('api-key').value = '';
    } catch (err) {
      showSignIn(err.status === 401 ? 'API 密钥不对，请检查后重新输入。' : messageOf(err));
    } finally {
      button.disabled = false;
    }
  });
  // A session from an earlier visit (the cookie) signs in without the key.
  api('/v1/session').then((s) => (s.signed_in ? showConsole(s) : showSignIn()), (err) => showSignIn(messageOf(err)));
}

start();
