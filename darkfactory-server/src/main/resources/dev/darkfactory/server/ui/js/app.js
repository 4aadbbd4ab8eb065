// Hash routes: #/ runs board, #/runs/ID a run, #/new the DOT editor, #/questions every open question.
import { api } from './api.js';
import { clear } from './dom.js';
import { renderBoard } from './board.js';
import { renderRun } from './run.js';
import { renderNewRun } from './editor.js';
import { renderQuestions } from './questions.js';

const app = document.getElementById('app');
let current = null; // the page's cleanup, called when the route changes

async function route() {
  if (current) current();
  current = null;
  clear(app);
  const hash = location.hash.replace(/^#/, '') || '/';
  const run = hash.match(/^\/runs\/([a-z0-9-]+)$/);
  highlight(run ? 'runs' : hash === '/new' ? 'new' : hash === '/questions' ? 'questions' : 'runs');
  if (run) current = renderRun(app, run[1]);
  else if (hash === '/new') current = renderNewRun(app);
  else if (hash === '/questions') current = renderQuestions(app, refreshCount);
  else current = renderBoard(app);
}

function highlight(name) {
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === name));
}

// The open-question count in the top bar: humans must notice a gate wherever they are.
async function refreshCount() {
  try {
    const { questions } = await api.questions();
    const badge = document.getElementById('question-count');
    badge.textContent = questions.length;
    badge.hidden = questions.length === 0;
  } catch (e) {
    // A transient failure leaves the last count; the next poll corrects it.
  }
}

window.addEventListener('hashchange', route);
route();
refreshCount();
setInterval(refreshCount, 3000);
