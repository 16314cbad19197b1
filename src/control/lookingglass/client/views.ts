/** Browser script: the result cards (leases, reservations, transactions) and the subnet overview. */
export const VIEWS_JS = String.raw`
const LEASE_STATES = { 0: 'assigned', 1: 'declined', 2: 'expired-reclaimed', 3: 'released', 4: 'registered' };

/** A DUID that searches for itself when clicked. */
function duidLink(hex) {
  const text = colonHex(hex);
  return h('button', { type: 'button', class: 'link mono', title: 'Search this DUID', onclick: () => searchFor('duid', text) }, text);
}

function resultsView(model) {
  const frag = document.createDocumentFragment();
  frag.appendChild(summaryView(model));
  frag.appendChild(leasesView(model));
  if (RESERVATION_KINDS.indexOf(model.kind) >= 0) frag.appendChild(reservationsView(model));
  frag.appendChild(transactionsView(model));
  return frag;
}

/** The identifiers the newest transaction carried, so staff see the line and the device at a glance. */
function summaryView(model) {
  const t = model.transactions[0];
  const ids = [];
  if (t) {
    if (t.duid && model.kind !== 'duid') ids.push(['DUID', duidLink(t.duid)]);
    if (t.hwaddr && model.kind !== 'hw-address') ids.push(['MAC', colonHex(t.hwaddr)]);
    for (const k of Object.keys(t.ids || {})) if (k !== 'duid' && k !== 'hw-address' && k !== model.kind) ids.push([kindLabel(k), scalar(t.ids[k])]);
    if (t.subnet !== undefined) ids.push(['Subnet', String(t.subnet)]);
    ids.push(['Last seen', localTime(t.at) + ' (' + relative(t.at) + ')']);
  }
  return h('section', { class: 'summary' },
    h('div', { class: 'summary-title' }, h('span', { class: 'muted' }, kindLabel(model.kind)), ' ', h('span', { class: 'mono strong' }, model.value)),
    ids.length ? h('dl', { class: 'ids' }, ids.map((p) => h('div', null, h('dt', null, p[0]), h('dd', { class: 'mono' }, p[1])))) : null);
}

function errorBox(text) {
  return h('p', { class: 'error', role: 'alert' }, text);
}

function leasesView(model) {
  const showDuid = model.kind !== 'duid';
  let body;
  if (model.errors.leases && !model.leases.length) body = errorBox(model.errors.leases);
  else if (!model.leases.length) body = empty(model.leasesFromDuids === false ? 'No lease: no transaction names a DUID to look up.' : 'No current lease.');
  else {
    const now = Date.now();
    body = h('div', { class: 'table-wrap' }, h('table', { class: 'grid leases' },
      h('thead', null, h('tr', null, ['Lease', 'Type', 'State', 'Subnet', 'IAID', showDuid ? 'DUID' : null, 'Preferred', 'Valid', 'Expires', 'Last contact'].filter(Boolean).map((c) => h('th', null, c)))),
      h('tbody', null, model.leases.map((l) => leaseRow(l, now, showDuid)))));
  }
  const extra = model.extraDuids ? h('span', { class: 'muted small' }, model.extraDuids + ' more DUIDs not looked up') : null;
  return card('Current leases', model.leases.length, body, extra);
}

function leaseRow(l, now, showDuid) {
  const pd = l.type === 'IA_PD' || l.type === 2;
  const cltt = Number(l.cltt) * 1000;
  const valid = Number(l['valid-lft']);
  const expires = cltt + valid * 1000;
  const state = typeof l.state === 'number' ? LEASE_STATES[l.state] || String(l.state) : String(l.state || 'assigned');
  const expired = valid !== INFINITE && expires < now;
  return h('tr', { class: 'lease-row' },
    h('td', { class: 'mono strong' }, pd ? l['ip-address'] + '/' + l['prefix-len'] : l['ip-address']),
    h('td', null, chip(pd ? 'IA_PD' : 'IA_NA', pd ? 'pd' : 'na')),
    h('td', null, chip(expired && state === 'assigned' ? 'expired' : state, state === 'assigned' && !expired ? 'ok' : state === 'declined' ? 'bad' : 'warn')),
    h('td', null, l['subnet-id'] === undefined ? '' : String(l['subnet-id'])),
    h('td', { class: 'mono' }, l.iaid === undefined ? '' : String(l.iaid)),
    showDuid ? h('td', null, l.duid ? duidLink(l.duid) : '') : null,
    h('td', null, duration(Number(l['preferred-lft']))),
    h('td', null, duration(valid)),
    h('td', null, valid === INFINITE ? 'never' : [localTime(expires), h('div', { class: 'muted small' }, relative(expires, now))]),
    h('td', null, Number.isFinite(cltt) ? [localTime(cltt), h('div', { class: 'muted small' }, relative(cltt, now))] : ''));
}

function reservationsView(model) {
  let body;
  if (model.errors.reservations) body = errorBox(model.errors.reservations);
  else if (!model.reservations.length) body = empty('No reservation for this ' + kindLabel(model.kind) + '.');
  else body = model.reservations.map(reservationView);
  return card('Reservations', model.reservations.length, body);
}

function reservationView(r) {
  return h('dl', { class: 'kv' }, Object.keys(r).map((k) => h('div', null, h('dt', null, k), h('dd', { class: 'mono' }, reservationValue(r[k])))));
}

function reservationValue(v) {
  if (Array.isArray(v)) return v.length ? v.map((x) => h('div', null, reservationValue(x))) : '\u2013';
  if (v && typeof v === 'object') {
    if (v.name !== undefined || v.code !== undefined) return (v.name || 'option ' + v.code) + (v.data !== undefined ? ' = ' + v.data : v.value !== undefined ? ' = ' + JSON.stringify(v.value) : '');
    return Object.keys(v).map((k) => k + ' ' + (typeof v[k] === 'object' ? JSON.stringify(v[k]) : v[k])).join(', ');
  }
  return String(v);
}

function transactionsView(model) {
  let body;
  if (model.errors.transactions) body = errorBox(model.errors.transactions);
  else if (!model.transactions.length) body = empty('No recent transactions kept for this ' + kindLabel(model.kind) + '.');
  else body = h('div', { class: 'txs' }, h('div', { class: 'tx-head' }, ['Time', 'Exchange', 'Status', 'Latency', 'Subnet', 'Granted'].map((c) => h('span', null, c))), model.transactions.map(transactionView));
  return card('Recent transactions', model.transactions.length, body, h('span', { class: 'muted small' }, 'newest first \u00b7 click one to see both messages'));
}

function transactionView(t) {
  const outcome = t.drop !== undefined ? chip('dropped: ' + t.drop, 'bad') : t.reply ? h('span', { class: 'mtype' }, t.reply) : chip('no reply', 'warn');
  const statuses = (t.status || []).length ? t.status.map((s) => chip(s, s === 'Success' ? 'ok' : 'bad')) : [chip(t.drop !== undefined ? '\u2013' : 'Success', t.drop !== undefined ? 'neutral' : 'ok')];
  const body = h('div', { class: 'tx-body' });
  const d = h('details', { class: 'tx' },
    h('summary', null,
      h('span', { class: 'tx-time', title: localTime(t.at) }, h('span', { class: 'mono' }, clockMs(t.at)), h('span', { class: 'muted small' }, dateOnly(t.at) + ' \u00b7 ' + relative(t.at))),
      h('span', { class: 'tx-ex' }, h('span', { class: 'mtype' }, t.type), h('span', { class: 'arrow' }, '\u2192'), outcome),
      h('span', { class: 'tx-status' }, statuses),
      h('span', { class: 'mono' }, micros(t.micros)),
      h('span', null, t.subnet === undefined ? '\u2013' : String(t.subnet)),
      h('span', { class: 'mono small tx-granted' }, (t.granted || []).join('  ') || '\u2013')),
    body);
  // Decode views are built on first open: twenty closed transactions cost almost nothing.
  d.addEventListener('toggle', () => {
    if (!d.open || body.firstChild) return;
    add(body, h('div', { class: 'tx-meta' },
      field('from', t.source, 'mono'), field('interface', t.iface), field('DUID', t.duid ? colonHex(t.duid) : undefined, 'mono'),
      Object.keys(t.ids || {}).filter((k) => k !== 'duid').map((k) => field(k, t.ids[k], 'mono'))));
    add(body, h('div', { class: 'pair' },
      h('div', { class: 'side' }, h('h3', null, 'Request'), messageView(t.request)),
      h('div', { class: 'side' }, h('h3', null, 'Response'), t.response ? messageView(t.response) : empty(t.drop !== undefined ? 'None: the request was dropped (' + t.drop + ').' : 'None sent.'))));
  });
  return d;
}

function subnetsView(args, filter) {
  const rs = args && args['result-set'];
  if (!rs || !Array.isArray(rs.columns) || !Array.isArray(rs.rows)) return empty('The server sent no subnet statistics.');
  const col = {};
  rs.columns.forEach((c, i) => { col[c] = i; });
  const get = (row, name) => (col[name] === undefined ? undefined : Number(row[col[name]]));
  const rows = rs.rows.filter((r) => !filter || String(r[col['subnet-id']]).indexOf(filter) >= 0);
  if (!rows.length) return empty(rs.rows.length ? 'No subnet matches the filter.' : 'No subnets configured.');
  const tot = { an: 0, tn: 0, ap: 0, tp: 0, d: 0 };
  const body = rows.map((r) => {
    const an = get(r, 'assigned-nas') || 0, tn = get(r, 'total-nas') || 0, ap = get(r, 'assigned-pds') || 0, tp = get(r, 'total-pds') || 0, d = get(r, 'declined-addresses') || 0;
    tot.an += an; tot.tn += tn; tot.ap += ap; tot.tp += tp; tot.d += d;
    return h('tr', { class: 'subnet-row' }, h('td', { class: 'strong' }, String(get(r, 'subnet-id'))), usageCell(an, tn), usageCell(ap, tp), h('td', { class: 'num' }, count(d)));
  });
  return h('div', { class: 'table-wrap' }, h('table', { class: 'grid subnets' },
    h('thead', null, h('tr', null, h('th', null, 'Subnet'), h('th', null, 'Addresses (IA_NA)'), h('th', null, 'Prefixes (IA_PD)'), h('th', { class: 'num' }, 'Declined'))),
    h('tbody', null, body),
    rows.length > 1 ? h('tfoot', null, h('tr', null, h('td', null, 'All ' + rows.length), usageCell(tot.an, tot.tn), usageCell(tot.ap, tot.tp), h('td', { class: 'num' }, count(tot.d)))) : null));
}

function usageCell(assigned, total) {
  if (!total && !assigned) return h('td', { class: 'muted' }, 'no pool');
  const p = percent(assigned, total);
  const fill = h('div', { class: 'fill ' + (p === undefined ? '' : p >= 95 ? 'bad' : p >= 80 ? 'warn' : 'ok') });
  fill.style.width = (p === undefined ? 0 : Math.max(p, p > 0 ? 1 : 0)) + '%';
  return h('td', null, h('div', { class: 'usage' },
    h('div', { class: 'bar' }, fill),
    h('span', { class: 'usage-text' }, h('span', { class: 'strong' }, count(assigned)), ' / ' + count(total), h('span', { class: 'muted' }, ' \u00b7 ' + percentText(p)))));
}
`;
