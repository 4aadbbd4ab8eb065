// The runs board: every run with its status, duration, cost and who started it.
import { api } from './api.js';
import { h, clear, statusBadge, label } from './dom.js';
import { ago, duration, cost, tokens } from './format.js';

const FILTERS = ['', 'running', 'success', 'success_with_failures', 'fail', 'stopped', 'interrupted'];

export function renderBoard(root) {
  let filter = '';
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Filter by status' });
  const body = h('div', { class: 'panel', style: 'padding:0' });
  root.append(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Runs'),
      h('div', { class: 'grow' }),
      chips,
      h('button', { class: 'primary', onclick: () => { location.hash = '#/new'; } }, 'New run')),
    body);

  function drawChips() {
    clear(chips);
    for (const f of FILTERS) {
      chips.append(h('button', { class: 'chip', 'aria-pressed': String(f === filter), onclick: () => { filter = f; drawChips(); load(); } }, f ? label(f) : 'all'));
    }
  }

  async function load() {
    try {
      const { runs } = await api.runs(filter);
      draw(runs);
    } catch (e) {
      clear(body).append(h('div', { class: 'error-banner' }, e.message));
    }
  }

  function draw(runs) {
    clear(body);
    if (runs.length === 0) {
      body.append(h('div', { class: 'empty' }, filter ? 'No ' + label(filter) + ' runs.' : 'No runs yet. ', !filter && h('a', { href: '#/new' }, 'Start one.')));
      return;
    }
    body.append(h('table', { id: 'runs' },
      h('thead', {}, h('tr', {},
        h('th', {}, 'Status'), h('th', {}, 'Pipeline'), h('th', {}, 'Goal'), h('th', {}, 'Started'),
        h('th', { class: 'num' }, 'Duration'), h('th', { class: 'num' }, 'Cost'), h('th', {}, 'Started by'))),
      h('tbody', {}, runs.map((run) => h('tr', { 'data-run': run.id },
        h('td', {}, statusBadge(run.status), run.pending_questions > 0 && h('span', { class: 'badge s-waiting', style: 'margin-left:6px' }, run.pending_questions + ' question' + (run.pending_questions > 1 ? 's' : ''))),
        h('td', {}, h('a', { href: '#/runs/' + run.id }, run.name), h('div', { class: 'small muted mono' }, run.id)),
        h('td', { class: 'truncate', title: run.goal }, run.goal),
        h('td', { title: run.started_at }, ago(run.started_at)),
        h('td', { class: 'num' }, duration(run.duration_ms)),
        h('td', { class: 'num', title: tokens(run.usage) }, cost(run.usage) || tokens(run.usage) || h('span', { class: 'muted' }, '—')),
        h('td', {}, run.started_by))))));
  }

  drawChips();
  load();
  const timer = setInterval(load, 2500);
  return () => clearInterval(timer);
}
