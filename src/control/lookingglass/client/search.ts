/**
 * Browser script: what one search asks the server. The commands of a search
 * run in parallel; a section that fails shows its own error while the others
 * still show. Lease look-ups for the DUIDs found behind a line identifier
 * are capped, so a busy line costs a bounded number of calls.
 */
export const SEARCH_JS = String.raw`
const KINDS = [
  { id: 'duid', label: 'DUID', hint: '00:01:00:01:2d:b8:a5:80:00:0c:29:12:34:56' },
  { id: 'hw-address', label: 'MAC address', hint: '00:0c:29:12:34:56' },
  { id: 'remote-id', label: 'Remote-ID', hint: 'enterprise:hex, e.g. 3561:0102030405' },
  { id: 'subscriber-id', label: 'Subscriber-ID', hint: 'hex, e.g. 737562736372696265722d31' },
  { id: 'interface-id', label: 'Interface-ID', hint: 'hex, e.g. 657468302f31' },
  { id: 'address', label: 'Address', hint: '2001:db8:1::1234' },
  { id: 'prefix', label: 'Prefix', hint: '2001:db8:8000:100::/56' },
];
const RESERVATION_KINDS = ['duid', 'hw-address', 'remote-id', 'subscriber-id', 'interface-id'];
const MAX_DUIDS = 5;

function kindLabel(id) {
  const k = KINDS.find((x) => x.id === id);
  return k ? k.label : id;
}

/** The value as the commands want it: DUIDs and MACs as aa:bb:.., the rest as typed. */
function normalise(kind, raw) {
  const v = String(raw).trim();
  if (kind === 'duid' || kind === 'hw-address') return colonHex(v);
  if (kind === 'address') return v.toLowerCase();
  if (kind === 'prefix') return v.toLowerCase();
  return v;
}

function validate(kind, value) {
  if (!value) return 'Type a ' + kindLabel(kind) + ' to search for.';
  if ((kind === 'duid' || kind === 'hw-address' || kind === 'subscriber-id' || kind === 'interface-id') && !isHex(plainHex(value))) return 'A ' + kindLabel(kind) + ' is hex bytes, e.g. ' + KINDS.find((x) => x.id === kind).hint + '.';
  if ((kind === 'address' || kind === 'prefix') && value.indexOf(':') < 0) return 'That is not an IPv6 ' + kind + '.';
  return '';
}

/** Run a settled promise into {value} or {error}; auth problems are rethrown by the caller. */
async function settle(p) {
  try {
    return { value: await p };
  } catch (e) {
    return { error: e };
  }
}

function leasesOf(r) {
  if (!r || !r.value || !r.value.found) return [];
  const a = r.value.args;
  if (Array.isArray(a.leases)) return a.leases;
  return a['ip-address'] ? [a] : [];
}

function reservationsOf(r) {
  if (!r || !r.value || !r.value.found) return [];
  const a = r.value.args;
  if (Array.isArray(a.hosts)) return a.hosts;
  if (Array.isArray(a.reservations)) return a.reservations;
  return Object.keys(a).length ? [a] : [];
}

async function runSearch(kind, raw, limit) {
  const value = normalise(kind, raw);
  const model = { kind: kind, value: value, leases: [], reservations: [], transactions: [], errors: {}, calls: 0, extraDuids: 0, tookMs: 0 };
  const t0 = performance.now();
  const calls = {};
  const call = (name, args) => {
    model.calls++;
    return settle(command(name, args));
  };
  calls.tx = call('transactions-get', { by: kind, value: value, limit: limit });
  if (kind === 'duid') calls.leases = call('lease6-get-by-duid', { duid: value });
  if (kind === 'address') calls.leases = call('lease6-get', { 'ip-address': value });
  if (kind === 'prefix') calls.leases = call('lease6-get', { type: 'IA_PD', 'ip-address': value.split('/')[0] });
  if (RESERVATION_KINDS.indexOf(kind) >= 0) calls.res = call('reservation-get', { 'identifier-type': kind, identifier: value });

  const tx = await calls.tx;
  const leases = calls.leases ? await calls.leases : undefined;
  const res = calls.res ? await calls.res : undefined;
  for (const r of [tx, leases, res]) if (r && r.error && (r.error.kind === 'auth' || r.error.kind === 'forbidden')) throw r.error;

  if (tx.error) model.errors.transactions = tx.error.message;
  else model.transactions = Array.isArray(tx.value.args.transactions) ? tx.value.args.transactions : [];
  if (leases && leases.error) model.errors.leases = leases.error.message;
  else if (leases) model.leases = leasesOf(leases);
  if (res && res.error) model.errors.reservations = res.error.message;
  else if (res) model.reservations = reservationsOf(res);

  // A line identifier finds transactions; their DUIDs lead to the leases.
  if (!calls.leases) {
    const duids = [];
    for (const t of model.transactions) if (t.duid && duids.indexOf(t.duid) < 0) duids.push(t.duid);
    model.extraDuids = Math.max(0, duids.length - MAX_DUIDS);
    const found = await Promise.all(duids.slice(0, MAX_DUIDS).map((d) => call('lease6-get-by-duid', { duid: colonHex(d) })));
    for (const r of found) {
      if (r.error && (r.error.kind === 'auth' || r.error.kind === 'forbidden')) throw r.error;
      if (r.error) model.errors.leases = r.error.message;
      else model.leases = model.leases.concat(leasesOf(r));
    }
    model.leasesFromDuids = duids.length > 0;
  }
  model.tookMs = Math.round(performance.now() - t0);
  return model;
}
`;
