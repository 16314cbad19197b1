/**
 * The looking glass page. Static and public: it holds no data and no
 * secrets; every data call carries the credentials typed into its form.
 * Script and style are separate files so the Content-Security-Policy can
 * forbid inline code.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Fulmar looking glass</title>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="app.css">
<script src="app.js" defer></script>
</head>
<body>
<header class="top">
  <div class="brand"><img src="icon.svg" alt="" width="22" height="22"><span>Fulmar</span><span class="sub">looking glass</span></div>
  <nav id="tabs" class="nav" aria-label="Views">
    <button type="button" data-tab="client" aria-selected="true">Client search</button>
    <button type="button" data-tab="subnets" aria-selected="false">Subnet utilisation</button>
  </nav>
  <div id="who" class="who" hidden><span class="muted">Signed in with</span> <span id="who-name" class="strong"></span><button type="button" id="logout" class="ghost">Sign out</button></div>
</header>
<main>
  <section id="login" class="card login" hidden>
    <h1>Sign in</h1>
    <p class="muted">Use the management API's credentials. They are kept in this browser tab only.</p>
    <div class="tabs" role="tablist">
      <button type="button" role="tab" data-mode="token" aria-selected="true">API token</button>
      <button type="button" role="tab" data-mode="basic" aria-selected="false">User and password</button>
    </div>
    <form id="login-form" autocomplete="off">
      <label data-mode="token">Token<input id="token" name="token" type="password" spellcheck="false"></label>
      <label data-mode="basic" hidden>User<input id="user" name="user" autocomplete="username" spellcheck="false"></label>
      <label data-mode="basic" hidden>Password<input id="password" name="password" type="password" autocomplete="current-password"></label>
      <button type="submit" id="login-submit" class="primary">Sign in</button>
      <p id="login-error" class="error" role="alert" hidden></p>
    </form>
  </section>
  <section id="app" hidden>
    <div id="tab-client">
      <form id="search" class="search card" role="search">
        <label class="sr" for="kind">Search by</label>
        <select id="kind" name="kind"></select>
        <label class="sr" for="q">Value</label>
        <input id="q" name="q" spellcheck="false" autocomplete="off">
        <label class="limit">last <select id="limit" name="limit"><option>10</option><option selected>20</option><option>50</option><option>100</option></select></label>
        <button type="submit" id="search-submit" class="primary">Search</button>
      </form>
      <p id="status" class="status" role="status" aria-live="polite"></p>
      <div id="results"></div>
    </div>
    <div id="tab-subnets" hidden>
      <section class="card">
        <div class="card-head"><h2>Subnet utilisation</h2><span id="subnets-time" class="muted small"></span>
          <span class="spacer"></span>
          <input id="subnet-filter" placeholder="Filter by subnet id" spellcheck="false">
          <button type="button" id="subnets-refresh" class="ghost">Refresh</button></div>
        <div id="subnets"></div>
      </section>
    </div>
  </section>
</main>
</body>
</html>
`;

/** A fulmar's silhouette would be nicer; a wave will do. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b6e8a"/><path d="M5 19c4-7 7-7 11 0s7 7 11 0" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="22" cy="10" r="2.5" fill="#9fe3f2"/></svg>
`;
