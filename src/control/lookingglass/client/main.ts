/** Browser script: sign-in, the search form, tabs, and the #kind=value address of a search. */
export const MAIN_JS = String.raw`
let loginMode = 'token';
let subnetArgs = null;
let searchSeq = 0;

function show(view) {
  byId('login').hidden = view !== 'login';
  byId('app').hidden = view !== 'app';
  byId('who').hidden = view !== 'app';
  byId('tabs').hidden = view !== 'app';
  if (view === 'login') (loginMode === 'token' ? byId('token') : byId('user')).focus();
}

function setLoginMode(mode) {
  loginMode = mode;
  for (const b of document.querySelectorAll('#login .tabs button')) b.setAttribute('aria-selected', String(b.dataset.mode === mode));
  for (const el of document.querySelectorAll('#login-form [data-mode]')) el.hidden = el.dataset.mode !== mode;
}

function loginError(text) {
  const el = byId('login-error');
  el.textContent = text || '';
  el.hidden = !text;
}

function signOut(message) {
  saveAuth(null);
  subnetArgs = null;
  clear(byId('results'));
  clear(byId('subnets'));
  loginError(message || '');
  show('login');
}

/** Check the credentials with the call the subnet tab needs anyway. */
async function signIn(a) {
  saveAuth(a);
  const btn = byId('login-submit');
  btn.disabled = true;
  try {
    await loadSubnets();
    loginError('');
    byId('who-name').textContent = a.who;
    show('app');
    const h0 = parseHash();
    if (h0) searchFor(h0.kind, h0.value);
    else byId('q').focus();
  } catch (e) {
    signOut(e.message);
  } finally {
    btn.disabled = false;
  }
}

async function loadSubnets() {
  const box = byId('subnets');
  try {
    const r = await command('stat-lease6-get', {});
    subnetArgs = r.args;
    byId('subnets-time').textContent = 'as of ' + localTime(Date.now());
    renderSubnets();
  } catch (e) {
    if (e.kind === 'auth' || e.kind === 'forbidden') throw e;
    clear(box);
    box.appendChild(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

function renderSubnets() {
  const box = byId('subnets');
  clear(box);
  box.appendChild(subnetsView(subnetArgs, byId('subnet-filter').value.trim()));
}

function selectTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  byId('tab-client').hidden = name !== 'client';
  byId('tab-subnets').hidden = name !== 'subnets';
}

function parseHash() {
  const m = /^#([a-z-]+)=(.+)$/.exec(location.hash);
  if (!m || !KINDS.some((k) => k.id === m[1])) return null;
  try {
    return { kind: m[1], value: decodeURIComponent(m[2]) };
  } catch (e) {
    return null;
  }
}

function searchFor(kind, value) {
  byId('kind').value = kind;
  byId('q').value = value;
  updateHint();
  selectTab('client');
  runFromForm();
}

function updateHint() {
  const k = KINDS.find((x) => x.id === byId('kind').value);
  byId('q').placeholder = k ? k.hint : '';
}

function setStatus(text, kind) {
  const el = byId('status');
  el.textContent = text;
  el.className = 'status ' + (kind || '');
}

async function runFromForm() {
  const kind = byId('kind').value;
  const value = normalise(kind, byId('q').value);
  const problem = validate(kind, value);
  if (problem) return setStatus(problem, 'error');
  const seq = ++searchSeq;
  history.replaceState(null, '', '#' + kind + '=' + encodeURIComponent(value));
  setStatus('Searching\u2026', 'busy');
  byId('search-submit').disabled = true;
  try {
    const model = await runSearch(kind, value, Number(byId('limit').value) || 20);
    if (seq !== searchSeq) return;
    const res = byId('results');
    clear(res);
    res.appendChild(resultsView(model));
    setStatus(model.leases.length + ' lease' + (model.leases.length === 1 ? '' : 's') + ', ' + model.transactions.length + ' transaction' + (model.transactions.length === 1 ? '' : 's') + ' for ' + kindLabel(kind) + ' ' + value + '  \u00b7  ' + model.calls + ' call' + (model.calls === 1 ? '' : 's') + ', ' + model.tookMs + ' ms', 'done');
  } catch (e) {
    if (e.kind === 'auth') return signOut(e.message);
    setStatus(e.message, 'error');
  } finally {
    if (seq === searchSeq) byId('search-submit').disabled = false;
  }
}

function init() {
  const kind = byId('kind');
  for (const k of KINDS) kind.appendChild(h('option', { value: k.id }, k.label));
  updateHint();
  kind.addEventListener('change', updateHint);
  for (const b of document.querySelectorAll('#login .tabs button')) b.addEventListener('click', () => setLoginMode(b.dataset.mode));
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => selectTab(b.dataset.tab));
  setLoginMode('token');
  byId('login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (loginMode === 'token') {
      const t = byId('token').value.trim();
      if (!t) return loginError('Paste an API token.');
      signIn(tokenAuth(t));
    } else {
      const u = byId('user').value.trim();
      if (!u) return loginError('Type a user name.');
      signIn(basicAuth(u, byId('password').value));
    }
  });
  byId('logout').addEventListener('click', () => signOut(''));
  byId('search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    runFromForm();
  });
  byId('subnet-filter').addEventListener('input', () => { if (subnetArgs) renderSubnets(); });
  byId('subnets-refresh').addEventListener('click', () => loadSubnets().catch((e) => signOut(e.message)));
  if (auth) signIn(auth);
  else show('login');
}

init();
`;
