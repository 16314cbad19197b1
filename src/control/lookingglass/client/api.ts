/**
 * Browser script: credentials and the one call the page makes, POST to the
 * management API with Kea's {command, arguments}. Credentials live in
 * sessionStorage only (gone when the tab closes) and go in the Authorization
 * header; credentials: 'omit' keeps the browser from offering its own Basic
 * auth prompt on a 401.
 */
export const API_JS = String.raw`
const AUTH_KEY = 'fulmar.lookingGlass.auth';
/** The page sits at <api>/looking-glass/, so the API is one level up (works behind a path prefix too). */
const API_URL = new URL('../', location.href).href;

let auth = loadAuth();

function loadAuth() {
  try {
    const a = JSON.parse(sessionStorage.getItem(AUTH_KEY) || 'null');
    return a && typeof a.header === 'string' ? a : null;
  } catch (e) {
    return null;
  }
}

function saveAuth(a) {
  auth = a;
  try {
    if (a) sessionStorage.setItem(AUTH_KEY, JSON.stringify(a));
    else sessionStorage.removeItem(AUTH_KEY);
  } catch (e) {
    // Storage may be disabled; the session then lasts until reload.
  }
}

function tokenAuth(token) {
  const t = token.trim();
  return { header: 'Bearer ' + t, who: 'token \u2022\u2022\u2022\u2022' + t.slice(-4) };
}

function basicAuth(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return { header: 'Basic ' + btoa(bin), who: user };
}

class ApiError extends Error {
  constructor(kind, message, status) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

/** Resolves to {found, args, text}; result 3 (empty) is found: false. Throws ApiError otherwise. */
async function command(name, args) {
  if (!auth) throw new ApiError('auth', 'Not signed in.');
  let res;
  try {
    res = await fetch(API_URL, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'content-type': 'application/json', authorization: auth.header, 'x-requested-with': 'fulmar-looking-glass' },
      body: JSON.stringify({ command: name, arguments: args || {} }),
    });
  } catch (e) {
    throw new ApiError('network', 'Cannot reach the management API (' + (e && e.message ? e.message : 'network error') + ').');
  }
  if (res.status === 401) throw new ApiError('auth', 'The server refused these credentials (HTTP 401). Check the token, or the user name and password.', 401);
  if (res.status === 403) throw new ApiError('forbidden', 'This account may not run ' + name + ' (HTTP 403); the looking glass needs the read role.', 403);
  let body;
  try {
    body = await res.json();
  } catch (e) {
    throw new ApiError('server', name + ': the server answered HTTP ' + res.status + ' without JSON.', res.status);
  }
  if (Array.isArray(body)) body = body[0];
  if (!body || typeof body.result !== 'number') throw new ApiError('server', name + ': unexpected answer (HTTP ' + res.status + ').', res.status);
  const out = { found: body.result === 0, args: body.arguments || {}, text: body.text || '' };
  if (body.result === 0 || body.result === 3) return out;
  if (body.result === 2) throw new ApiError('unsupported', name + ' is not supported by this server' + (body.text ? ': ' + body.text : '.'));
  throw new ApiError('command', name + ' failed' + (body.text ? ': ' + body.text : '.'));
}
`;
