/** The looking glass style sheet: quiet greys, one sea-blue accent, monospace for anything copied into a ticket. */
export const STYLE_CSS = String.raw`
:root {
  --bg: #f4f6f9; --panel: #ffffff; --line: #e2e7ee; --line-soft: #eef1f5; --text: #1c2430; --muted: #667085;
  --accent: #0b6e8a; --accent-soft: #e3f3f7; --ok: #137a3f; --ok-soft: #e5f5ea; --warn: #9a5b00; --warn-soft: #fdf1dc;
  --bad: #b42318; --bad-soft: #fdeceb; --pd: #5b3fb0; --pd-soft: #efeafb; --radius: 8px;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f141a; --panel: #161d25; --line: #263140; --line-soft: #1d2631; --text: #e4e9f0; --muted: #93a1b3;
    --accent: #4fb8d3; --accent-soft: #14303a; --ok: #5cc98a; --ok-soft: #14301f; --warn: #e8b04f; --warn-soft: #33270f;
    --bad: #f2877d; --bad-soft: #3a1714; --pd: #b7a2f5; --pd-soft: #262040;
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
[hidden] { display: none !important; }
.mono { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.strong { font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; }

.top { display: flex; align-items: center; gap: 24px; padding: 0 24px; height: 56px; background: var(--panel); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
.brand { display: flex; align-items: center; gap: 8px; font-weight: 650; font-size: 16px; }
.brand .sub { color: var(--muted); font-weight: 400; }
.nav { display: flex; gap: 4px; height: 100%; }
.nav button { border: 0; background: none; padding: 0 12px; border-bottom: 2px solid transparent; color: var(--muted); height: 100%; }
.nav button[aria-selected="true"] { color: var(--text); border-bottom-color: var(--accent); font-weight: 600; }
.who { margin-left: auto; display: flex; align-items: center; gap: 8px; }

main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: 16px; overflow: hidden; }
.card-head { display: flex; align-items: center; gap: 12px; padding: 12px 16px; border-bottom: 1px solid var(--line-soft); }
.card-head h2 { margin: 0; font-size: 15px; font-weight: 600; display: flex; align-items: center; gap: 8px; }
.card-head .spacer { flex: 1; }
.count { font-size: 12px; font-weight: 600; background: var(--line-soft); color: var(--muted); border-radius: 10px; padding: 0 8px; }
.empty { color: var(--muted); margin: 0; padding: 14px 16px; }
.error { color: var(--bad); background: var(--bad-soft); border-radius: 6px; padding: 8px 12px; margin: 12px 16px; }

.primary { background: var(--accent); color: #fff; border: 1px solid var(--accent); border-radius: 6px; padding: 7px 16px; font-weight: 600; }
.primary:disabled { opacity: .6; cursor: progress; }
.ghost { background: none; border: 1px solid var(--line); border-radius: 6px; padding: 5px 12px; }
.link { background: none; border: 0; padding: 0; color: var(--accent); text-align: left; }
.link:hover { text-decoration: underline; }
input, select { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 7px 10px; }
input:focus, select:focus, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }

.login { max-width: 420px; margin: 64px auto; padding: 28px 28px 20px; }
.login h1 { margin: 0 0 4px; font-size: 20px; }
.login .tabs { display: flex; border: 1px solid var(--line); border-radius: 6px; margin: 16px 0; overflow: hidden; }
.login .tabs button { flex: 1; background: none; border: 0; padding: 7px; color: var(--muted); }
.login .tabs button[aria-selected="true"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
.login label { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; font-weight: 500; }
.login .primary { width: 100%; margin-top: 4px; padding: 9px; }
.login .error { margin: 14px 0 0; }

.search { display: flex; gap: 8px; padding: 12px; align-items: center; }
.search #q { flex: 1; font-family: var(--mono); }
.search .limit { color: var(--muted); display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.status { min-height: 20px; margin: 0 2px 12px; color: var(--muted); }
.status.error { background: none; padding: 0; margin: 0 2px 12px; }

.summary { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 4px 2px 14px; }
.summary-title { font-size: 16px; }
.ids { display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 0; }
.ids div { display: flex; gap: 6px; align-items: baseline; }
.ids dt { color: var(--muted); font-size: 12px; }
.ids dd { margin: 0; }

.table-wrap { overflow-x: auto; }
table.grid { width: 100%; border-collapse: collapse; }
.grid th { text-align: left; font-weight: 600; font-size: 12px; color: var(--muted); padding: 8px 16px; border-bottom: 1px solid var(--line); white-space: nowrap; }
.grid td { padding: 9px 16px; border-bottom: 1px solid var(--line-soft); vertical-align: middle; }
.grid tbody tr:last-child td { border-bottom: 0; }
.grid tfoot td { border-top: 1px solid var(--line); font-weight: 600; }
.grid .num { text-align: right; }

.chip { display: inline-block; font-size: 11.5px; font-weight: 600; border-radius: 10px; padding: 1px 8px; white-space: nowrap; }
.chip.neutral { background: var(--line-soft); color: var(--muted); }
.chip.ok { background: var(--ok-soft); color: var(--ok); }
.chip.warn { background: var(--warn-soft); color: var(--warn); }
.chip.bad { background: var(--bad-soft); color: var(--bad); }
.chip.na, .chip.relay { background: var(--accent-soft); color: var(--accent); }
.chip.pd { background: var(--pd-soft); color: var(--pd); }
.chip.client { background: var(--ok-soft); color: var(--ok); }

.kv { display: grid; grid-template-columns: max-content 1fr; gap: 6px 20px; margin: 0; padding: 12px 16px; }
.kv div { display: contents; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; }

.tx-head, .tx > summary { display: grid; grid-template-columns: 170px minmax(200px, 1.3fr) minmax(110px, .9fr) 80px 60px minmax(160px, 1.6fr); gap: 12px; align-items: center; padding: 8px 16px; }
.tx-head { font-size: 12px; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); }
.tx { border-bottom: 1px solid var(--line-soft); }
.tx:last-child { border-bottom: 0; }
.tx > summary { cursor: pointer; list-style: none; }
.tx > summary::-webkit-details-marker { display: none; }
.tx > summary:hover { background: var(--bg); }
.tx[open] > summary { background: var(--accent-soft); }
.tx-time { display: flex; flex-direction: column; }
.tx-ex { display: flex; align-items: center; gap: 6px; }
.tx-ex .arrow { color: var(--muted); }
.tx-status { display: flex; flex-wrap: wrap; gap: 4px; }
.tx-granted { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mtype { font-weight: 600; }
.tx-body { padding: 4px 16px 16px; }
.tx-meta { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 8px 0 12px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.side { min-width: 0; border: 1px solid var(--line); border-radius: var(--radius); padding: 10px 12px; }
.side h3 { margin: 0 0 8px; font-size: 11px; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
@media (max-width: 900px) { .pair { grid-template-columns: 1fr; } }

.field { display: inline-flex; gap: 4px; align-items: baseline; margin-right: 12px; }
.flabel { color: var(--muted); font-size: 12px; }
.msg { font-size: 12.5px; }
.msg .hop { border-left: 3px solid var(--accent); padding: 6px 0 6px 10px; margin: 0 0 8px; }
.msg .hop + .hop { margin-left: 14px; }
.msg .hop.client { border-left-color: var(--ok); }
.hop-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-bottom: 4px; }
ul.opts { list-style: none; margin: 0; padding: 0 0 0 2px; }
ul.opts ul.opts { padding-left: 16px; border-left: 1px dashed var(--line); margin-left: 4px; }
.opts.none { color: var(--muted); font-size: 12px; }
.opt { padding: 2px 0; }
.opt > details > summary { cursor: pointer; }
.oname { font-weight: 600; font-family: var(--mono); font-size: 12.5px; }
.ocode { color: var(--muted); font-size: 11px; margin: 0 8px 0 4px; }
.ocode::before { content: "#"; }
.ovalue { overflow-wrap: anywhere; }
.code-item { display: inline-block; margin-right: 10px; font-family: var(--mono); font-size: 12px; }
.item { display: block; padding-left: 12px; }
.quote { margin-left: 6px; color: var(--muted); }

.usage { display: flex; align-items: center; gap: 10px; min-width: 260px; }
.bar { flex: 0 0 140px; height: 8px; background: var(--line-soft); border-radius: 4px; overflow: hidden; }
.fill { height: 100%; background: var(--accent); }
.fill.ok { background: var(--ok); } .fill.warn { background: var(--warn); } .fill.bad { background: var(--bad); }
.usage-text { white-space: nowrap; }
#subnet-filter { width: 200px; }
`;
