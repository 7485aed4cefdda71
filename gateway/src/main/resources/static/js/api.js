// Calls to the platform's APIs through the gateway. The browser holds no token: the session cookie goes along, the
// gateway relays the user's token to the services. Unsafe requests echo the XSRF-TOKEN cookie in a header.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
    /** field path → { zh, en } from the problem's errors[] */
    this.fields = {};
    for (const e of (this.problem.errors || [])) {
      if (e && e.field && !this.fields[e.field]) {
        this.fields[e.field] = { zh: e.message, en: e.messageEn || e.message };
      }
    }
  }

  /**
   * The service is not answering: down, not deployed, or unreachable. A 404, 403, 409, 412 or 500 is an answer and is
   * shown as what it is (see problemText).
   */
  get unavailable() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** Session ended (logged out elsewhere, timed out): a full page load goes through the login page again. */
function relogin() {
  window.location.assign('/');
}

export async function request(method, url, body, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...(options.headers || {}) };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (typeof body === 'string') {
    headers['Content-Type'] = options.contentType || 'text/plain';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', redirect: 'manual' });
  } catch (e) {
    throw new ApiError(0, { title: '网络连接失败 / network error', detail: String(e) });
  }
  if (response.status === 401 || response.type === 'opaqueredirect') {
    relogin();
    throw new ApiError(401, { title: '登录已失效 / session ended' });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { detail: text.slice(0, 300) }; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export const api = {
  get: (url) => request('GET', url),
  post: (url, body, headers) => request('POST', url, body === undefined ? {} : body, { headers }),
  put: (url, body, headers) => request('PUT', url, body, { headers }),
  del: (url) => request('DELETE', url),
  upload: (url, file, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return request('POST', url, form);
  },
};

/**
 * The header a change to an existing record carries: the version the page showed, which the service compares with the
 * record's own (412 when someone else saved in between).
 */
export function ifMatch(version) {
  return { 'If-Match': '"' + (version === null || version === undefined ? 0 : version) + '"' };
}

/** What a page says when its copy of a record is stale (412). */
export const STALE = { zh: '已被他人修改，请刷新后重试', en: 'Someone else changed this meanwhile; reload and try again.' };

/** Query string from an object, leaving out empty values. */
export function qs(params) {
  const parts = [];
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
  }
  return parts.length ? '?' + parts.join('&') : '';
}

export { csrfToken };
