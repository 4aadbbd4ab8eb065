// The HTTP API. Same-origin requests carry the login cookie, so the token never sits in JS.
// Every request that changes something is sent as application/json, body or not: the server
// refuses anything else, which is what keeps other sites' forms from reaching it.
export class ApiError extends Error {
  constructor(status, code, message, diagnostics) {
    super(message);
    this.status = status;
    this.code = code;
    this.diagnostics = diagnostics || [];
  }
}

async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (method !== 'GET') init.headers['Content-Type'] = 'application/json';
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let error = { code: 'http_' + response.status, message: response.statusText };
    if (type.includes('json')) error = (await response.json()).error || error;
    throw new ApiError(response.status, error.code, error.message, error.diagnostics);
  }
  if (type.includes('json')) return response.json();
  return response.text();
}

export const api = {
  info: () => request('GET', '/api/info'),
  runs: (status) => request('GET', '/pipelines' + (status ? '?status=' + encodeURIComponent(status) : '')),
  run: (id) => request('GET', '/pipelines/' + encodeURIComponent(id)),
  submit: (body) => request('POST', '/pipelines', body),
  validate: (dot) => request('POST', '/validate', { dot }),
  cancel: (id) => request('POST', '/pipelines/' + encodeURIComponent(id) + '/cancel', {}),
  resume: (id) => request('POST', '/pipelines/' + encodeURIComponent(id) + '/resume', {}),
  questions: () => request('GET', '/questions'),
  answer: (id, qid, body) => request('POST', '/pipelines/' + encodeURIComponent(id) + '/questions/' + encodeURIComponent(qid) + '/answer', body),
  graph: (id, format) => request('GET', '/pipelines/' + encodeURIComponent(id) + '/graph' + (format ? '?format=' + format : '')),
  stageFiles: (id, node) => request('GET', '/pipelines/' + encodeURIComponent(id) + '/stages/' + encodeURIComponent(node)),
  artifact: (id, node, name) => request('GET', '/pipelines/' + encodeURIComponent(id) + '/stages/' + encodeURIComponent(node) + '/' + name),
};
