// Every call goes through the public /v1 API. After sign-in the console holds no key: the HttpOnly
// session cookie (a server-side session id) authenticates it, and the X-Requested-With header, which
// another site cannot add, lets that cookie write too.

const LEGACY_KEY_STORAGE = 'wutong.apiKey'; // where an older console kept the key; removed on sight
const listeners = { unauthorized: () => {} };

export const auth = {
  clear() { try { localStorage.removeItem(LEGACY_KEY_STORAGE); } catch { /* storage disabled */ } },
  onUnauthorized(fn) { listeners.unauthorized = fn; },
};

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const NETWORK_ERROR = () => new ApiError(0, 'network', '连不上服务器，请检查网络后重试');

function errorFrom(status, body) {
  const error = body && body.error;
  if (error && error.message) return new ApiError(status, error.code, error.message);
  if (status === 413) return new ApiError(status, 'too_large', '文件太大了');
  return new ApiError(status, `http_${status}`, `服务器返回了错误（${status}），请稍后重试`);
}

async function failed(res) {
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: a proxy's page */ }
  const err = errorFrom(res.status, body);
  if (res.status === 401) listeners.unauthorized(err);
  return err;
}

function authHeaders() {
  return { 'X-Requested-With': 'wutong-console' };
}

/** fetch() a /v1 path; JSON in and out; throws ApiError with the API's Chinese message. */
export async function api(path, { method = 'GET', json, form, anonymous = false } = {}) {
  const headers = anonymous ? {} : authHeaders();
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw NETWORK_ERROR();
  }
  if (!res.ok) throw await failed(res);
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') || '';
  return type.includes('json') ? res.json() : res.text();
}

/** A multipart upload with real upload progress (XMLHttpRequest: fetch has no upload events). */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(NETWORK_ERROR());
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* empty or not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, body });
      const err = errorFrom(xhr.status, body);
      if (xhr.status === 401) listeners.unauthorized(err);
      reject(err);
    };
    xhr.send(form);
  });
}

/** Server-sent events of one job, read with fetch() (the session cookie goes with it). */
export async function* jobEvents(jobId, signal) {
  let res;
  try {
    res = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}/events`, { headers: authHeaders(), signal });
  } catch (e) {
    if (signal && signal.aborted) return;
    throw NETWORK_ERROR();
  }
  if (!res.ok) throw await failed(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      return; // aborted or the connection dropped: the caller asks for the job once more
    }
    if (chunk.done) return;
    buffer += chunk.value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      if (data) yield JSON.parse(data);
    }
  }
}

export const isDone = (job) => ['succeeded', 'failed', 'cancelled'].includes(job.status);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follow a job until it ends (reconnecting if the stream drops); onUpdate gets every state. */
export async function watchJob(jobId, onUpdate = () => {}, signal) {
  for (let attempt = 0; ; attempt += 1) {
    for await (const job of jobEvents(jobId, signal)) {
      onUpdate(job);
      if (isDone(job)) return job;
    }
    if (signal && signal.aborted) return null;
    const job = await api(`/v1/jobs/${encodeURIComponent(jobId)}`);
    onUpdate(job);
    if (isDone(job) || attempt >= 30) return job;
    await sleep(1000);
  }
}
