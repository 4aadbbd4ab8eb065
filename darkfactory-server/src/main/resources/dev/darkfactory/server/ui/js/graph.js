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
    svg = sanitize((await viz()).renderSVGElement(dot));
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
// The server has already done the same (SvgSanitizer); this is the second line, and the only one
// for graphs drawn in the browser.
function parse(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return null;
  return document.importNode(sanitize(svg), true);
}

const DROPPED = new Set(['script', 'style', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video', 'handler', 'listener',
  'set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor', 'discard']);

function sanitize(svg) {
  svg.querySelectorAll('*').forEach((el) => { if (DROPPED.has(el.localName.toLowerCase())) el.remove(); });
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.localName.toLowerCase();
      if (name.startsWith('on') || (name === 'href' && !safeLink(attr.value))) el.removeAttributeNode(attr);
    }
  }
  return svg;
}

// The server's SafeLinks, for a value the XML parser has already decoded: http(s), or a relative
// link on this origin. Browsers drop tabs and newlines inside a URL and trim controls and spaces
// from its ends, so those are removed before the scheme is read.
export function safeLink(value) {
  const compact = value.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return ['http', 'https'].includes(scheme[1].toLowerCase());
  return !compact.startsWith('//') && !compact.includes('\\');
}
