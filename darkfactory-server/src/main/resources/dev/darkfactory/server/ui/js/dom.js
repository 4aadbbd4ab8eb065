// Builds DOM nodes from data. Text always goes in as text nodes, never as HTML, so nothing a
// pipeline or an agent wrote can inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'style') {
      // Through the CSSOM: the Content-Security-Policy refuses style attributes (no 'unsafe-inline').
      el.style.cssText = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function statusBadge(status) {
  return h('span', { class: 'badge s-' + status, 'data-status': status }, label(status));
}

export function statusDot(status) {
  return h('span', { class: 'dot s-' + status, title: label(status) });
}

export function label(status) {
  return String(status || 'pending').replaceAll('_', ' ');
}
