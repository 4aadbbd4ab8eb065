// "New run": a DOT editor that validates as you type (POST /validate, debounced) and marks the
// lines its diagnostics point at, plus the run's options.
import { api } from './api.js';
import { h, clear } from './dom.js';

const SAMPLE = `digraph Quickstart {
    graph [goal="Add a --verbose flag to the CLI", label="Quickstart"]
    rankdir=LR

    start     [shape=Mdiamond, label="Start"]
    exit      [shape=Msquare, label="Exit"]
    plan      [label="Plan", prompt="Plan how to do this: $goal"]
    implement [label="Implement", prompt="Implement the plan"]
    review    [shape=hexagon, label="Review the change"]

    start -> plan -> implement -> review
    review -> exit      [label="[A] Approve"]
    review -> implement [label="[F] Fix"]
}
`;

export function renderNewRun(root) {
  let report = null;
  let timer = null;
  let sequence = 0;

  const source = h('textarea', { id: 'dot', spellcheck: 'false', 'aria-label': 'Pipeline DOT source', wrap: 'off' });
  source.value = sessionStorage.getItem('factory.dot') || SAMPLE;
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const validity = h('span', { class: 'validity', id: 'validity' }, 'Checking…');
  const list = h('ul', { class: 'diagnostics', id: 'diagnostics' });
  const backend = h('select', { id: 'backend' }, h('option', { value: 'simulation' }, 'simulation'));
  const goal = h('input', { id: 'goal', placeholder: 'Use the graph\'s goal' });
  const variables = h('textarea', { id: 'variables', rows: 3, placeholder: 'key=value, one per line' });
  const script = h('textarea', { id: 'script', rows: 4, placeholder: '{"nodes": {"implement": [{"outcome": "success"}]}}', hidden: true });
  const scriptLabel = h('label', { hidden: true }, 'Script', h('span', { class: 'hint' }, 'The scripted backend\'s outcomes per node.'), script);
  const maxTokens = h('input', { id: 'max-tokens', type: 'number', min: 1, placeholder: 'tokens' });
  const maxCost = h('input', { id: 'max-cost', type: 'number', min: 0.01, step: 0.01, placeholder: 'USD' });
  const timeout = h('input', { id: 'timeout', placeholder: 'timeout, e.g. 30m' });
  const startedBy = h('input', { id: 'started-by', value: localStorage.getItem('factory.startedBy') || 'web' });
  const submit = h('button', { class: 'primary', id: 'start', type: 'submit', disabled: true }, 'Start run');
  const error = h('div', { class: 'error-banner', hidden: true });

  backend.addEventListener('change', () => { scriptLabel.hidden = backend.value !== 'scripted'; script.hidden = scriptLabel.hidden; });

  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'New run'), h('div', { class: 'grow' }), validity),
    h('div', { class: 'editor-grid' },
      h('div', {},
        h('div', { class: 'editor' }, gutter, source),
        h('div', { class: 'panel', style: 'margin-top:16px' }, h('h2', {}, 'Diagnostics'), list)),
      h('form', { class: 'panel options', onsubmit: start },
        h('h2', {}, 'Options'),
        h('label', {}, 'Backend', backend),
        scriptLabel,
        h('label', {}, 'Goal', h('span', { class: 'hint' }, 'Replaces the graph\'s goal; $goal in prompts expands to it.'), goal),
        h('label', {}, 'Context', h('span', { class: 'hint' }, 'Initial context values.'), variables),
        h('label', {}, 'Budgets', h('span', { class: 'hint' }, 'Optional limits for the whole run.'), h('div', { class: 'row' }, maxTokens, maxCost, timeout)),
        h('label', {}, 'Started by', startedBy),
        error,
        h('div', {}, submit))));

  api.info().then((info) => {
    clear(backend);
    for (const name of info.backends) backend.append(h('option', { value: name }, name));
  }).catch(() => {});

  function drawGutter() {
    const count = source.value.split('\n').length;
    const marks = new Map();
    for (const d of (report ? report.diagnostics : [])) {
      if (!d.line) continue;
      const worst = marks.get(d.line);
      if (worst !== 'error') marks.set(d.line, d.severity);
    }
    clear(gutter);
    for (let i = 1; i <= count; i++) {
      const sev = marks.get(i);
      gutter.append(h('div', { class: sev === 'error' ? 'has-error' : sev === 'warning' ? 'has-warning' : '', 'data-line': i }, i));
    }
    gutter.scrollTop = source.scrollTop;
  }

  function drawReport() {
    clear(list);
    const diagnostics = report.diagnostics;
    // The list is capped (20 of a rule, 200 in all); the counts are not.
    const errors = report.severities ? report.severities.error : diagnostics.filter((d) => d.severity === 'error').length;
    const findings = report.total !== undefined ? report.total : diagnostics.length;
    validity.className = 'validity ' + (report.valid ? 'ok' : 'bad');
    validity.textContent = report.valid
      ? 'Valid' + (report.name ? ': ' + report.name + ', ' + report.node_count + ' nodes' : '') + (findings ? ', ' + findings + ' warning(s)' : '')
      : errors + ' error' + (errors === 1 ? '' : 's');
    submit.disabled = !report.valid;
    if (diagnostics.length === 0) list.append(h('li', { class: 'muted' }, 'No problems found.'));
    for (const d of diagnostics) {
      list.append(h('li', { 'data-line': d.line || '', 'data-severity': d.severity },
        h('div', {}, h('span', { class: 'sev sev-' + d.severity }, d.severity), d.message),
        h('div', { class: 'where' }, d.line ? 'line ' + d.line + ', column ' + d.column : '', ' · ', d.rule,
          h('a', { href: '#', style: 'margin-left:8px', onclick: (e) => { e.preventDefault(); goTo(d.line, d.column); } }, d.line ? 'show' : '')),
        d.fix && h('div', { class: 'fix' }, 'Fix: ' + d.fix)));
    }
    drawGutter();
  }

  function goTo(line, column) {
    if (!line) return;
    const lines = source.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset += Math.max(0, (column || 1) - 1);
    source.focus();
    source.setSelectionRange(offset, offset);
    source.scrollTop = Math.max(0, (line - 5) * 20);
  }

  async function validate() {
    const mine = ++sequence;
    sessionStorage.setItem('factory.dot', source.value);
    try {
      const result = await api.validate(source.value);
      if (mine !== sequence) return; // a newer keystroke's answer wins
      report = result;
      drawReport();
    } catch (e) {
      if (mine !== sequence) return;
      validity.className = 'validity bad';
      validity.textContent = e.message;
      submit.disabled = true;
    }
  }

  source.addEventListener('input', () => {
    drawGutter();
    clearTimeout(timer);
    timer = setTimeout(validate, 250);
  });
  source.addEventListener('scroll', () => { gutter.scrollTop = source.scrollTop; });
  source.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
      // Tab indents inside the editor; Escape then Tab leaves it, so keyboard users are never trapped.
      if (source.dataset.escaped === '1') { source.dataset.escaped = ''; return; }
      e.preventDefault();
      source.setRangeText('    ', source.selectionStart, source.selectionEnd, 'end');
      source.dispatchEvent(new Event('input'));
    } else if (e.key === 'Escape') {
      source.dataset.escaped = '1';
    }
  });

  async function start(e) {
    e.preventDefault();
    error.hidden = true;
    const body = { dot: source.value, backend: backend.value, started_by: startedBy.value.trim() || 'web' };
    if (goal.value.trim()) body.goal = goal.value.trim();
    const vars = {};
    for (const line of variables.value.split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) vars[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    if (Object.keys(vars).length) body.context = vars;
    const budgets = {};
    if (maxTokens.value) budgets.max_tokens = Number(maxTokens.value);
    if (maxCost.value) budgets.max_cost_usd = Number(maxCost.value);
    if (timeout.value.trim()) budgets.timeout = timeout.value.trim();
    if (Object.keys(budgets).length) body.budgets = budgets;
    if (backend.value === 'scripted') {
      try {
        body.script = JSON.parse(script.value || '{"nodes": {}}');
      } catch (err) {
        error.textContent = 'The script is not valid JSON: ' + err.message;
        error.hidden = false;
        return;
      }
    }
    localStorage.setItem('factory.startedBy', body.started_by);
    submit.disabled = true;
    try {
      const run = await api.submit(body);
      location.hash = '#/runs/' + run.id;
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      if (err.diagnostics.length) {
        report = { valid: false, diagnostics: err.diagnostics };
        drawReport();
      }
      submit.disabled = false;
    }
  }

  drawGutter();
  validate();
  return () => clearTimeout(timer);
}
