// One run, live: the graph recoloured as events arrive, the stage timeline, each stage's prompt,
// response and activity, the decision audit, question cards, and cancel/resume.
import { api } from './api.js';
import { h, clear, statusBadge, statusDot, label } from './dom.js';
import { duration, time, cost, tokens } from './format.js';
import { drawGraph, STATUS_FILLS } from './graph.js';
import { questionCard } from './questions.js';

const TABS = [['response', 'Response'], ['prompt', 'Prompt'], ['status', 'Status'], ['activity', 'Activity']];

export function renderRun(root, id) {
  let detail = null;
  let graph = null;
  let selected = null;
  let tab = 'response';
  let events = null;
  let refreshTimer = null;
  let serverGraphviz = true;
  const notes = new Map(); // node id -> activity lines seen live

  const title = h('h1', {}, id);
  const badge = h('span', {});
  const actions = h('div', { class: 'row', style: 'flex:none' });
  const meta = h('div', { class: 'meta' });
  const banner = h('div', {});
  const questions = h('div', { id: 'questions' });
  const graphBox = h('div', { class: 'graph-box', id: 'graph' }, h('span', { class: 'muted' }, 'Drawing the graph…'));
  const timeline = h('ul', { class: 'timeline', id: 'timeline', role: 'listbox', 'aria-label': 'Stages' });
  const stagePanel = h('div', { class: 'panel', id: 'stage' });
  const decisions = h('div', { id: 'decisions' });

  root.append(
    h('div', { class: 'page-head' }, title, badge, h('div', { class: 'grow' }), actions),
    h('div', { class: 'panel' }, meta),
    banner,
    h('div', { style: 'margin-top:16px' }, questions),
    h('div', { class: 'run-grid', style: 'margin-top:16px' },
      h('div', {},
        h('div', { class: 'panel' }, h('h2', {}, 'Graph'), graphBox, legend()),
        h('div', { class: 'panel' }, h('h2', {}, 'Decisions'), h('div', { class: 'small muted', style: 'margin:-8px 0 8px' }, 'Why each edge was taken (attractor-spec 3.3).'), decisions)),
      h('div', {},
        h('div', { class: 'panel' }, h('h2', {}, 'Stages'), timeline),
        stagePanel)));
  stagePanel.append(h('div', { class: 'muted' }, 'Select a stage to see its prompt, response and activity.'));

  async function refresh() {
    try {
      detail = await api.run(id);
    } catch (e) {
      clear(banner).append(h('div', { class: 'error-banner', style: 'margin-top:16px' }, e.message));
      return;
    }
    drawHead();
    drawQuestions();
    drawTimeline();
    drawDecisions();
    if (graph) for (const [node, status] of Object.entries(detail.node_status)) graph.colour(node, status);
    if (selected && tab !== 'activity') loadArtifact();
    if (selected && tab === 'activity') drawActivity();
  }

  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; refresh(); }, 150);
  }

  function drawHead() {
    const run = detail.run;
    title.textContent = run.name;
    clear(badge).append(statusBadge(run.status));
    badge.id = 'run-status';
    badge.dataset.status = run.status;
    clear(actions);
    if (run.status === 'running') {
      actions.append(h('button', { class: 'danger', id: 'cancel', onclick: act(() => api.cancel(id)) }, 'Cancel'));
    }
    if (run.resumable) {
      actions.append(h('button', { class: 'primary', id: 'resume', onclick: act(() => api.resume(id).then(connect)) }, 'Resume'));
    }
    clear(meta).append(...[
      item('Run', h('span', { class: 'mono' }, run.id)),
      item('Started', time(run.started_at)),
      item('Duration', h('span', { id: 'duration' }, duration(run.duration_ms))),
      item('Started by', run.started_by),
      item('Backend', run.backend),
      run.usage && item('Tokens', tokens(run.usage)),
      run.usage && run.usage.cost_usd !== undefined && item('Cost', cost(run.usage)),
      item('Goal', run.goal)].filter(Boolean));
    clear(banner);
    if (run.error && run.status !== 'running') {
      banner.append(h('div', { class: 'error-banner', style: 'margin-top:16px' }, h('b', {}, label(run.status) + ': '), run.error));
    }
  }

  function act(call) {
    return async (e) => {
      e.currentTarget.disabled = true;
      try {
        await call();
      } catch (err) {
        clear(banner).append(h('div', { class: 'error-banner', style: 'margin-top:16px' }, err.message));
      }
      refresh();
    };
  }

  function drawQuestions() {
    const ids = detail.questions.map((q) => q.id).join(',');
    if (questions.dataset.ids === ids) return; // keep half-typed answers
    questions.dataset.ids = ids;
    clear(questions);
    for (const q of detail.questions) questions.append(questionCard(q, scheduleRefresh));
  }

  function drawTimeline() {
    clear(timeline);
    if (detail.stages.length === 0) timeline.append(h('li', { class: 'muted' }, 'No stage has started yet.'));
    for (const stage of detail.stages) {
      const li = h('li', {
        role: 'option', tabindex: 0, 'data-node': stage.node_id, 'data-status': stage.status,
        'aria-selected': String(stage.node_id === selected),
        onclick: () => select(stage.node_id),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(stage.node_id); } },
      },
      statusDot(stage.status),
      h('span', { class: 'name' }, stage.name || stage.node_id),
      h('span', { class: 'small muted num' }, stage.duration_ms !== undefined ? duration(stage.duration_ms) : label(stage.status)),
      h('span', { class: 'sub' },
        stage.handler_type, stage.attempts > 1 ? ' · attempt ' + stage.attempts : '',
        stage.usage ? ' · ' + tokens(stage.usage) + (stage.usage.cost_usd !== undefined ? ' · ' + cost(stage.usage) : '') : '',
        stage.error ? ' · ' + stage.error : ''));
      timeline.append(li);
    }
  }

  function drawDecisions() {
    clear(decisions);
    if (detail.decisions.length === 0) {
      decisions.append(h('div', { class: 'muted small' }, 'No edge chosen yet.'));
      return;
    }
    decisions.append(h('table', { class: 'decision' },
      h('thead', {}, h('tr', {}, h('th', {}, 'From'), h('th', {}, 'To'), h('th', {}, 'Outcome'), h('th', {}, 'Why'))),
      h('tbody', {}, detail.decisions.map((d) => h('tr', {},
        h('td', {}, d.from),
        h('td', {}, d.to || h('span', { class: 'muted' }, '—')),
        h('td', {}, statusBadge(d.outcome)),
        h('td', {}, h('div', { class: 'step' }, d.step), d.detail,
          d.candidates && d.candidates.length > 0 && h('details', { class: 'candidates' },
            h('summary', {}, d.candidates.length + ' candidate edge' + (d.candidates.length > 1 ? 's' : '')),
            h('ul', {}, d.candidates.map((c) => h('li', {},
              '→ ', c.to, c.label ? ' [' + c.label + ']' : '', c.condition ? ' if ' + c.condition : '',
              c.evaluation ? ' = ' + c.evaluation.result : '', ' (weight ' + c.weight + ')'))))))))));
  }

  function select(nodeId) {
    selected = nodeId;
    timeline.querySelectorAll('li').forEach((li) => li.setAttribute('aria-selected', String(li.dataset.node === nodeId)));
    const stage = detail && detail.stages.find((s) => s.node_id === nodeId);
    clear(stagePanel).append(
      h('h2', {}, stage ? stage.name || nodeId : nodeId, ' ', stage && statusBadge(stage.status)),
      h('div', { class: 'tabs', role: 'tablist' }, TABS.map(([key, text]) =>
        h('button', { role: 'tab', 'data-tab': key, 'aria-selected': String(key === tab), onclick: () => { tab = key; select(nodeId); } }, text))),
      h('div', { id: 'artifact' }),
      h('div', { id: 'stage-files', class: 'small muted', style: 'margin-top:12px' }));
    if (tab === 'activity') drawActivity();
    else loadArtifact();
    loadFiles(nodeId);
  }

  // Every file the stage wrote (stdout.txt, status.json, ...), each opening as plain text.
  async function loadFiles(nodeId) {
    let files = [];
    try {
      files = (await api.stageFiles(id, nodeId)).files;
    } catch (e) {
      files = [];
    }
    const box = stagePanel.querySelector('#stage-files');
    if (!box || nodeId !== selected) return;
    clear(box);
    if (files.length === 0) return;
    box.append('Files: ');
    files.forEach((f, i) => {
      if (i > 0) box.append(' · ');
      box.append(h('a', { href: '/pipelines/' + encodeURIComponent(id) + '/stages/' + encodeURIComponent(nodeId) + '/files/' + encodeURIComponent(f.name),
        target: '_blank', rel: 'noopener' }, f.name));
    });
  }

  async function loadArtifact() {
    const box = stagePanel.querySelector('#artifact');
    if (!box) return;
    const node = selected;
    const shownTab = tab;
    try {
      let text = await api.artifact(id, node, shownTab);
      if (typeof text !== 'string') text = JSON.stringify(text, null, 2);
      if (node !== selected || shownTab !== tab) return;
      clear(box).append(h('pre', { class: 'artifact', 'data-artifact': shownTab }, text || '(empty)'));
    } catch (e) {
      if (node !== selected || shownTab !== tab) return;
      clear(box).append(h('div', { class: 'muted' }, e.status === 404 ? 'No ' + shownTab + ' (yet).' : e.message));
    }
  }

  // Handler notes (tool command lines, agent tool calls) as they streamed in, then the agent's
  // own event log (agent-events.jsonl) when the backend wrote one.
  async function drawActivity() {
    const box = stagePanel.querySelector('#artifact');
    if (!box) return;
    const node = selected;
    const stage = detail && detail.stages.find((s) => s.node_id === node);
    const lines = (stage ? stage.notes_log : []).concat();
    const live = notes.get(node) || [];
    for (const line of live) if (!lines.includes(line)) lines.push(line);
    let agent = '';
    try {
      agent = await api.artifact(id, node, 'agent-events');
    } catch (e) {
      agent = ''; // most stages have no agent log
    }
    if (node !== selected || tab !== 'activity') return;
    clear(box);
    if (lines.length === 0 && !agent) box.append(h('div', { class: 'muted' }, 'No activity recorded for this stage.'));
    if (lines.length > 0) box.append(h('pre', { class: 'artifact', 'data-artifact': 'activity' }, lines.join('\n')));
    if (agent) {
      box.append(h('h3', { style: 'margin-top:12px' }, 'Agent events'),
        h('pre', { class: 'artifact', 'data-artifact': 'agent-events' }, typeof agent === 'string' ? agent : JSON.stringify(agent, null, 2)));
    }
  }

  function onEvent(message) {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    if (graph) {
      switch (event.type) {
        case 'StageStarted': graph.colour(event.node_id, 'running'); break;
        case 'StageCompleted': graph.colour(event.node_id, event.status); break;
        case 'StageFailed': graph.colour(event.node_id, event.will_retry ? 'retrying' : 'fail'); break;
        case 'StageRetrying': graph.colour(event.node_id, 'retrying'); break;
        case 'StageStopped': graph.colour(event.node_id, 'stopped'); break;
        case 'InterviewStarted': graph.colour(event.question.stage, 'waiting'); break;
        default: break;
      }
    }
    if (event.type === 'StageNote') {
      if (!notes.has(event.node_id)) notes.set(event.node_id, []);
      notes.get(event.node_id).push(event.message);
      if (event.node_id === selected && tab === 'activity') drawActivity();
    }
    scheduleRefresh();
  }

  function connect() {
    if (events) events.close();
    // The browser resends Last-Event-ID on reconnect, and the server replays what was missed.
    events = new EventSource('/pipelines/' + encodeURIComponent(id) + '/events');
    events.onmessage = onEvent;
    events.addEventListener('end', () => { events.close(); events = null; refresh(); });
  }

  const ticker = setInterval(() => {
    if (!detail || detail.run.status !== 'running') return;
    const el = document.getElementById('duration');
    if (el) el.textContent = duration(Date.now() - Date.parse(detail.run.started_at));
  }, 1000);

  (async () => {
    try {
      serverGraphviz = (await api.info()).graphviz;
    } catch (e) {
      serverGraphviz = false;
    }
    await refresh();
    try {
      graph = await drawGraph(graphBox, id, serverGraphviz, select);
      if (detail) for (const [node, status] of Object.entries(detail.node_status)) graph.colour(node, status);
    } catch (e) {
      clear(graphBox).append(h('div', { class: 'error-banner' }, 'The graph could not be drawn: ' + e.message));
    }
    connect();
  })();

  return () => {
    if (events) events.close();
    clearInterval(ticker);
    if (refreshTimer) clearTimeout(refreshTimer);
  };
}

function item(name, value) {
  return h('span', {}, name + ' ', h('b', {}, value));
}

function legend() {
  return h('div', { class: 'legend' }, Object.keys(STATUS_FILLS).map((status) => h('span', {}, statusDot(status), label(status))));
}
