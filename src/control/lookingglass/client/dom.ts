/**
 * Browser script: building DOM without innerHTML. Every text goes through
 * createTextNode or textContent, so data from the server is never parsed as
 * markup. (This is JavaScript in a string: the build copies only .ts files.)
 */
export const DOM_JS = String.raw`
function h(tag, props) {
  const el = document.createElement(tag);
  if (props) {
    for (const k of Object.keys(props)) {
      const v = props[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = String(v);
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (let i = 2; i < arguments.length; i++) add(el, arguments[i]);
  return el;
}

function add(el, c) {
  if (c === undefined || c === null || c === false) return;
  if (Array.isArray(c)) for (const x of c) add(el, x);
  else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

function byId(id) {
  return document.getElementById(id);
}

function chip(text, kind, title) {
  return h('span', { class: 'chip ' + (kind || 'neutral'), title: title }, text);
}

function card(title, count, body, extraHead) {
  return h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', null, title, count === undefined ? null : h('span', { class: 'count' }, String(count))), extraHead),
    body);
}

function empty(text) {
  return h('p', { class: 'empty' }, text);
}
`;
