/** Browser script: times, durations, sizes and identifiers as people read them. */
export const FORMAT_JS = String.raw`
const INFINITE = 4294967295;

function pad(n, w) {
  let s = String(n);
  while (s.length < (w || 2)) s = '0' + s;
  return s;
}

/** 2026-11-25 22:14:03 in the browser's time zone. */
function localTime(ms) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '?';
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}

function clockMs(ms) {
  const d = new Date(ms);
  return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
}

function dateOnly(ms) {
  const d = new Date(ms);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

function span(seconds) {
  const a = Math.abs(seconds);
  if (a < 60) return Math.round(a) + ' s';
  if (a < 5400) return Math.round(a / 60) + ' min';
  if (a < 172800) return Math.round(a / 3600) + ' h';
  return Math.round(a / 86400) + ' d';
}

/** 'in 3 h' or '5 min ago'. */
function relative(ms, now) {
  const s = (ms - (now === undefined ? Date.now() : now)) / 1000;
  if (Math.abs(s) < 1) return 'now';
  return s > 0 ? 'in ' + span(s) : span(s) + ' ago';
}

/** Lifetimes and timers: '3600 s (1 h)'. */
function duration(sec) {
  if (sec === INFINITE) return 'infinite';
  if (typeof sec !== 'number') return String(sec);
  return sec < 60 ? sec + ' s' : sec + ' s (' + span(sec) + ')';
}

function micros(us) {
  if (typeof us !== 'number' || !Number.isFinite(us)) return '?';
  if (us < 1000) return Math.round(us) + ' \u00b5s';
  if (us < 1e6) return (us / 1000).toFixed(us < 10000 ? 2 : 1) + ' ms';
  return (us / 1e6).toFixed(2) + ' s';
}

function plainHex(v) {
  return String(v).trim().replace(/^0x/i, '').replace(/[\s:.\-]/g, '').toLowerCase();
}

function isHex(v) {
  return typeof v === 'string' && v.length > 0 && v.length % 2 === 0 && /^[0-9a-f]+$/i.test(v);
}

/** aa:bb:cc, as Kea writes DUIDs and MACs. */
function colonHex(v) {
  const hx = plainHex(v);
  return hx.replace(/(..)(?!$)/g, '$1:');
}

/** The text inside a hex string when it is all printable ASCII, else ''. */
function asciiOf(hex) {
  if (!isHex(hex) || hex.length < 4) return '';
  let s = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    if (c < 0x20 || c > 0x7e) return '';
    s += String.fromCharCode(c);
  }
  return s;
}

/** Counts up to 2^128: grouped digits while exact, else 1.8e19. */
function count(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n);
  return Math.abs(n) < 1e15 ? n.toLocaleString('en-US') : n.toExponential(2).replace('e+', 'e');
}

function percent(part, whole) {
  if (!(whole > 0)) return undefined;
  return Math.min(100, (100 * part) / whole);
}

function percentText(p) {
  if (p === undefined) return '\u2013';
  if (p > 0 && p < 0.01) return '<0.01%';
  return (p < 10 ? p.toFixed(2) : p.toFixed(1)) + '%';
}

/** DUID-LLT time: seconds since 2000-01-01 UTC (RFC 8415 §11.2). */
function duidTime(sec) {
  return localTime(Date.UTC(2000, 0, 1) + sec * 1000);
}
`;
