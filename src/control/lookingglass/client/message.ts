/**
 * Browser script: a decoded DHCPv6 message (the codec's JSON form) as a
 * readable tree: the relay chain hop by hop, then the client message, each
 * option by name with its fields, nested options (IA_NA > IAADDR > status)
 * in collapsible blocks. OPTION_NAMES comes from the server's option table.
 */
export const MESSAGE_JS = String.raw`
const RELAY_MSG = 9;
const MAX_HOPS = 40;
const FIELD_LABELS = {
  iaid: 'IAID', t1: 'T1', t2: 'T2', preferredLifetime: 'preferred', validLifetime: 'valid',
  remoteId: 'id', linkType: 'link type', hwtype: 'hw type', lladdr: 'link-layer', enterprise: 'enterprise',
};
const DURATION_FIELDS = { t1: 1, t2: 1, preferredLifetime: 1, validLifetime: 1 };
const CODE_LISTS = { 6: 1, 43: 1 };
const DUID_OPTIONS = { 1: 1, 2: 1 };

function isRelay(m) {
  return m && (m.type === 'relay-forw' || m.type === 'relay-repl');
}

/** Relay hops outermost first, then the client message. */
function unwrap(m) {
  const hops = [];
  let cur = m;
  while (isRelay(cur) && hops.length < MAX_HOPS) {
    hops.push(cur);
    const inner = (cur.options || []).find((o) => o.code === RELAY_MSG);
    cur = inner ? inner.value : undefined;
  }
  return { hops: hops, inner: cur };
}

function messageView(m) {
  if (!m || typeof m !== 'object') return empty('Not recorded.');
  const u = unwrap(m);
  const root = h('div', { class: 'msg' });
  u.hops.forEach((hop, i) => {
    const others = (hop.options || []).filter((o) => o.code !== RELAY_MSG);
    root.appendChild(h('div', { class: 'hop' },
      h('div', { class: 'hop-head' },
        chip('relay ' + (i + 1) + (i === 0 ? ' \u00b7 nearest server' : '') + (i === u.hops.length - 1 && i > 0 ? ' \u00b7 nearest client' : ''), 'relay'),
        h('span', { class: 'mtype' }, hop.type),
        field('hop-count', hop.hopCount), field('link', hop.linkAddress, 'mono'), field('peer', hop.peerAddress, 'mono')),
      others.length ? optionList(others) : null));
  });
  if (u.inner) {
    root.appendChild(h('div', { class: 'hop client' },
      h('div', { class: 'hop-head' },
        chip(u.hops.length ? 'client message' : 'direct', 'client'),
        h('span', { class: 'mtype' }, String(u.inner.type)),
        u.inner.xid !== undefined ? field('xid', '0x' + pad(Number(u.inner.xid).toString(16), 6), 'mono') : null),
      optionList(u.inner.options || [])));
  } else if (u.hops.length) {
    root.appendChild(empty('The innermost relay carries no relay-msg.'));
  }
  return root;
}

function field(label, value, cls) {
  if (value === undefined || value === null || value === '') return null;
  return h('span', { class: 'field' }, h('span', { class: 'flabel' }, label), ' ', h('span', { class: 'fvalue ' + (cls || '') }, value));
}

function optionList(options) {
  if (!options.length) return h('div', { class: 'opts none' }, 'no options');
  return h('ul', { class: 'opts' }, options.map(optionItem));
}

function optionName(o) {
  return o.name || OPTION_NAMES[o.code] || 'option ' + o.code;
}

function optionItem(o) {
  const head = [h('span', { class: 'oname' }, optionName(o)), h('span', { class: 'ocode', title: 'option code' }, String(o.code))];
  if (o.raw !== undefined) {
    const text = asciiOf(o.raw);
    return h('li', { class: 'opt' }, head, h('span', { class: 'ovalue' },
      field('raw', o.raw || '(empty)', 'mono'), text ? field('text', text) : null, o.error ? chip(o.error, 'bad', 'could not decode') : null));
  }
  const v = o.value;
  const nested = v && typeof v === 'object' && !Array.isArray(v) && Array.isArray(v.options) && v.options.length ? v.options : null;
  const inline = h('span', { class: 'ovalue' }, valueView(o));
  if (!nested) return h('li', { class: 'opt' }, head, inline);
  return h('li', { class: 'opt' }, h('details', { open: true }, h('summary', null, head, inline), optionList(nested)));
}

function valueView(o) {
  const v = o.value;
  if (v === undefined || v === null) return h('span', { class: 'muted' }, 'present');
  if (CODE_LISTS[o.code] && Array.isArray(v)) return v.map((c) => h('span', { class: 'code-item' }, (OPTION_NAMES[c] || 'option') + ' (' + c + ')'));
  if (o.code === 13 && typeof v === 'object') {
    const ok = v.status === 'Success' || v.status === 0;
    return [chip(String(v.status), ok ? 'ok' : 'bad'), v.message ? h('span', { class: 'quote' }, v.message) : null];
  }
  if (o.code === 8 && typeof v === 'number') return v + ' (' + (v / 100).toFixed(2) + ' s)';
  if (DUID_OPTIONS[o.code] && typeof v === 'object') return duidView(v);
  return generic(v);
}

function duidView(d) {
  return [
    field('type', d.type),
    field('hw type', d.hwtype === 1 ? '1 (Ethernet)' : d.hwtype),
    field('link-layer', d.lladdr ? colonHex(d.lladdr) : undefined, 'mono'),
    field('time', typeof d.time === 'number' ? duidTime(d.time) : undefined),
    field('enterprise', d.enterprise),
    field('id', d.identifier !== undefined ? String(d.identifier) : undefined, 'mono'),
    d.hex ? h('span', { class: 'field' }, h('span', { class: 'flabel' }, 'duid'), ' ', duidLink(d.hex)) : null,
  ];
}

function generic(v) {
  if (Array.isArray(v)) {
    if (!v.length) return h('span', { class: 'muted' }, 'empty');
    if (v.every((x) => typeof x !== 'object' || x === null)) return h('span', { class: 'fvalue mono' }, v.map(String).join(', '));
    return v.map((x) => h('span', { class: 'item' }, generic(x)));
  }
  if (v && typeof v === 'object') {
    return Object.keys(v).filter((k) => k !== 'options').map((k) => {
      const x = v[k];
      if (DURATION_FIELDS[k]) return field(FIELD_LABELS[k] || k, duration(x));
      if (x && typeof x === 'object') return h('span', { class: 'field' }, h('span', { class: 'flabel' }, FIELD_LABELS[k] || k), ' ', generic(x));
      return field(FIELD_LABELS[k] || k, scalar(x), 'mono');
    });
  }
  return h('span', { class: 'fvalue mono' }, scalar(v));
}

/** Hex strings also show their text when printable (interface-id eth0/1). */
function scalar(x) {
  const s = String(x);
  const text = typeof x === 'string' ? asciiOf(x) : '';
  return text ? s + '  \u201c' + text + '\u201d' : s;
}
`;
