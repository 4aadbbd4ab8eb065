// The live graph: Graphviz SVG from the server when it has Graphviz, else the styled DOT drawn in
// the browser by the bundled @viz-js/viz. Either way, nodes are recoloured in place as events arrive.
import { api } from './api.js';
import { clear } from './dom.js';

export const STATUS_FILLS = {
  pending: '#f8fafc', running: '#bfdbfe', waiting: '#fde68a', retrying: '#fed7aa',
  success: '#bbf7d0', partial_success: '#d9f99d', fail: '#fecaca', skipped: '#e5e7eb', stopped: '#e5e7eb',
};

let vizPromise = null;
function viz() {
  if (!vizPromise) {
    vizPromise = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/vendor/viz-global.js';
      script.onload = () => window.Viz.instance().then(resolve, reject);
      script.onerror = () => reject(new Error('could not load the graph renderer'));
      document.head.append(script);
    });
  }
  return vizPromise;
}

export async function drawGraph(box, runId, useServer, onNodeClick) {
  let svg;
  if (useServer) {
    try {
      svg = parse(await api.graph(runId));
    } catch (e) {
      svg = null; // fall through to the browser renderer
    }
  }
  if (!svg) {
    const dot = await api.graph(runId, 'dot');
    svg = (await viz()).renderSVGElement(dot);
    box.dataset.renderer = 'browser';
  } else {
    box.dataset.renderer = 'server';
  }
  clear(box).append(svg);
  // Never larger than Graphviz drew it (a three-node graph stays small), never wider than the panel.
  const natural = svg.getAttribute('width');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  if (natural) svg.style.width = natural;
  const nodes = new Map();
  svg.querySelectorAll('g.node').forEach((g) => {
    const title = g.querySelector('title');
    if (!title) return;
    const id = title.textContent;
    g.dataset.node = id;
    nodes.set(id, g);
    if (onNodeClick) g.addEventListener('click', () => onNodeClick(id));
  });
  return {
    colour(nodeId, status) {
      const g = nodes.get(nodeId);
      if (!g) return;
      g.dataset.status = status;
      const fill = STATUS_FILLS[status] || STATUS_FILLS.pending;
      g.querySelectorAll('polygon, ellipse, path').forEach((shape) => {
        if (shape.getAttribute('fill') !== 'none') shape.setAttribute('fill', fill);
      });
    },
  };
}

// Graphviz output is data, not trusted markup: parse it as SVG and drop anything executable.
function parse(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return null;
  svg.querySelectorAll('script, foreignObject').forEach((el) => el.remove());
  svg.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      if (attr.name.startsWith('on') || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  });
  return document.importNode(svg, true);
}
