// Question cards for human gates: the options as buttons (with their accelerator keys), yes/no,
// or a text box. Used on the run page and on the all-questions page.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { ago } from './format.js';

export function questionCard(question, onAnswered) {
  const error = h('div', { class: 'error-banner', hidden: true });
  const send = async (body, button) => {
    card.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await api.answer(question.run_id, question.id, body);
      card.remove();
      if (onAnswered) onAnswered();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      card.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      if (button) button.focus();
    }
  };
  const skip = h('button', { class: 'subtle', title: 'Answer SKIPPED: the gate fails unless the pipeline routes around it',
    onclick: (e) => send({ value: 'skipped' }, e.currentTarget) }, 'Skip');
  let controls;
  if (question.type === 'MULTIPLE_CHOICE') {
    controls = h('div', { class: 'choices' }, question.options.map((option, i) => {
      const button = h('button', { class: i === 0 ? 'primary' : '', 'data-key': option.key, onclick: () => send({ value: option.key }, button) },
        h('kbd', {}, option.key), stripKey(option.label));
      return button;
    }), skip);
  } else if (question.type === 'YES_NO' || question.type === 'CONFIRMATION') {
    controls = h('div', { class: 'choices' },
      h('button', { class: 'primary', 'data-key': 'yes', onclick: (e) => send({ value: 'yes' }, e.currentTarget) }, 'Yes'),
      h('button', { 'data-key': 'no', onclick: (e) => send({ value: 'no' }, e.currentTarget) }, 'No'), skip);
  } else {
    const text = h('textarea', { 'aria-label': 'Your answer', maxlength: 20000 });
    controls = h('div', {}, text, h('div', { class: 'choices', style: 'margin-top:8px' },
      h('button', { class: 'primary', onclick: (e) => text.value.trim() && send({ text: text.value }, e.currentTarget) }, 'Send'), skip));
  }
  const card = h('section', { class: 'question', 'data-question': question.id, 'aria-label': 'Question from ' + question.stage },
    h('div', { class: 'small muted' }, 'Human gate ', h('b', {}, question.stage), ' · asked ', ago(question.asked_at),
      question.timeout_ms ? ' · answer within ' + Math.round(question.timeout_ms / 1000) + ' s' : '',
      question.default_answer ? ' · default ' + question.default_answer : ''),
    h('div', { class: 'q-text' }, question.text),
    controls,
    error);
  return card;
}

// "[A] Approve" is shown as the key plus "Approve".
function stripKey(label) {
  return label.replace(/^\s*\[[^\]]+\]\s*/, '').replace(/^\s*[A-Za-z0-9]\)\s+/, '');
}

export function renderQuestions(root, onChange) {
  const list = h('div', {});
  root.append(h('div', { class: 'page-head' }, h('h1', {}, 'Questions'),
    h('span', { class: 'muted' }, 'Human gates waiting in any run. Scripts see the same list at GET /questions.')), list);
  let shown = '';
  async function load() {
    const { questions } = await api.questions();
    const key = questions.map((q) => q.id).join(',');
    if (key === shown) return; // redraw only on change, so a half-typed answer survives polling
    shown = key;
    clear(list);
    if (questions.length === 0) list.append(h('div', { class: 'panel empty' }, 'Nothing is waiting for a human.'));
    for (const q of questions) {
      list.append(h('div', { class: 'small', style: 'margin:12px 0 4px' }, 'Run ', h('a', { href: '#/runs/' + q.run_id }, q.run_id)));
      list.append(questionCard(q, () => { load(); if (onChange) onChange(); }));
    }
  }
  load();
  const timer = setInterval(load, 2000);
  return () => clearInterval(timer);
}
